import { describe, expect, it } from 'vitest';
import { embedSnippet, EMBED_SIZES, startMsOf } from './embedSnippet.ts';
import { embedSearch, persistentSearch, readUrlParams } from '../../state/urlParams.ts';

describe('the embed snippet', () => {
  it('is one iframe with the address, the size and a title naming the scenario', () => {
    expect(embedSnippet('https://lab.example/p/?embed=1#v1.abc', 'Chat room', 640, 360)).toBe(
      '<iframe src="https://lab.example/p/?embed=1#v1.abc" width="640" height="360" title="Push/Pull Lab: Chat room" ' +
        'style="border:0" loading="lazy" allow="fullscreen"></iframe>',
    );
  });

  it('escapes a scenario name that tries to break out of the attribute', () => {
    const snippet = embedSnippet('https://x/?embed=1&loop=1', 'a"><script>alert(1)</script>', 480, 270);
    expect(snippet).not.toContain('<script>');
    expect(snippet).toContain('title="Push/Pull Lab: a&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"');
    expect(snippet).toContain('src="https://x/?embed=1&amp;loop=1"');
  });

  it('offers 16:9 sizes from 480×270 to 1920×1080', () => {
    for (const { width, height } of EMBED_SIZES) expect(width * 9).toBe(height * 16);
    expect(EMBED_SIZES[0]).toEqual({ width: 480, height: 270 });
    expect(EMBED_SIZES.at(-1)).toEqual({ width: 1920, height: 1080 });
  });
});

describe('the address switches', () => {
  it('reads flags that are present and not "0" or "false"', () => {
    expect(readUrlParams('?embed&autoplay=1&loop=false&present=0&preset=chat-room')).toEqual({
      preset: 'chat-room',
      embed: true,
      autoplay: true,
      loop: false,
      present: false,
    });
    expect(readUrlParams('')).toEqual({ preset: null, embed: false, autoplay: false, loop: false, present: false });
  });

  it('drops the one-shot preset and present requests once the hash holds the state', () => {
    expect(persistentSearch('?preset=chat-room&present=1&embed=1')).toBe('?embed=1');
    expect(persistentSearch('?preset=chat-room')).toBe('');
  });

  it('writes the frame switches an embed needs', () => {
    expect(embedSearch({ autoplay: true, loop: true })).toBe('?embed=1&autoplay=1&loop=1');
    expect(embedSearch({ autoplay: false, loop: false })).toBe('?embed=1');
  });
});

describe('the start time field', () => {
  it('reads seconds from 0 to the run duration as a playhead in ms', () => {
    expect(startMsOf('0', 300)).toBe(0);
    expect(startMsOf('42.5', 300)).toBe(42_500);
    expect(startMsOf('300', 300)).toBe(300_000);
  });

  it('rejects text that is not a time inside the run', () => {
    for (const text of ['', ' ', '-1', '301', 'abc', 'Infinity']) expect(startMsOf(text, 300)).toBeNull();
  });
});
