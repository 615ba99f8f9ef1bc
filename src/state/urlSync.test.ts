// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SCENARIO } from '../sim/scenario/defaults.ts';
import { decodeShareState, encodeShareState, DEFAULT_SHARE_STATE } from './shareState.ts';
import { useLab } from './store.ts';
import { readUrlParams } from './urlParams.ts';
import { currentShareUrl, embedUrl, startUrlSync } from './urlSync.ts';

let stop: (() => void) | null = null;
const lab = () => useLab.getState();

/** Open the page at `path` (search and hash) and start syncing, as main.tsx does. */
function open(path: string): void {
  window.history.replaceState(null, '', path);
  stop = startUrlSync(readUrlParams(window.location.search));
}

const hashState = () => {
  const decoded = decodeShareState(window.location.hash);
  if (!decoded.ok) throw new Error(decoded.error);
  return decoded.state;
};

beforeEach(() => {
  useLab.setState({
    scenario: DEFAULT_SCENARIO,
    presetId: null,
    notice: null,
    fieldErrors: {},
    playheadMs: 0,
    playing: false,
    speed: DEFAULT_SHARE_STATE.speed,
    view: 'lab',
    loop: false,
  });
});

afterEach(() => {
  stop?.();
  stop = null;
});

describe('addresses that cannot be used as they are', () => {
  it('quotes a preset name with a newline on one line, so it cannot add lines to the notice', () => {
    open('/?preset=nope%0A%E2%80%A2%20fake%20bullet');
    expect(lab().notice).toContain('There is no preset named "nope\\n• fake bullet"');
    expect(lab().notice?.split('\n')).toHaveLength(1);
  });

  it('says so when a link names a preset this lab does not have, and still loads its scenario', () => {
    const hash = encodeShareState({ ...DEFAULT_SHARE_STATE, scenario: { ...DEFAULT_SCENARIO, clients: 42 }, preset: 'from-the-future' });
    open(`/#${hash}`);
    expect(lab().scenario.clients).toBe(42);
    expect(lab().notice).toBe('This link names a preset "from-the-future" that this lab does not have; its scenario is shown without the preset\'s notes.');
  });

  it('replaces a bad hash that arrives by navigation with the state on screen', () => {
    open(`/#${encodeShareState({ ...DEFAULT_SHARE_STATE, scenario: { ...DEFAULT_SCENARIO, clients: 77 } })}`);
    const good = window.location.hash;
    window.history.pushState(null, '', '/#v2.garbage');
    window.dispatchEvent(new PopStateEvent('popstate'));
    expect(lab().notice).toMatch(/^This address could not be read, so the lab kept its state\./);
    expect(lab().scenario.clients).toBe(77);
    expect(window.location.hash).toBe(good);
  });
});

describe('opening the lab from an address', () => {
  it('loads a preset named in ?preset= and moves the state into the hash', () => {
    open('/?preset=chat-room');
    expect(lab().presetId).toBe('chat-room');
    expect(lab().scenario.name).toBe('Chat room');
    expect(lab().scenario.clients).toBe(50);
    expect(window.location.search).toBe('');
    expect(hashState().preset).toBe('chat-room');
    expect(hashState().scenario).toEqual(lab().scenario);
  });

  it('names an unknown preset and keeps the default scenario', () => {
    open('/?preset=no-such-lesson');
    expect(lab().notice).toContain('There is no preset named "no-such-lesson"');
    expect(lab().notice).toContain('chat-room');
    expect(lab().scenario).toEqual(DEFAULT_SCENARIO);
  });

  it('reports a damaged link and keeps the default scenario', () => {
    open('/#v1.%%%not-a-payload');
    expect(lab().notice).toMatch(/^This link could not be read/);
    expect(lab().scenario).toEqual(DEFAULT_SCENARIO);
  });

  it('reports a hand-edited link by the field it breaks', () => {
    // A valid link whose playhead lies past the end of the run.
    const tooLate = encodeShareState({ ...DEFAULT_SHARE_STATE, playheadMs: 999_999_999 });
    open(`/#${tooLate}`);
    expect(lab().notice).toContain('playheadMs: must be');
    expect(lab().playheadMs).toBe(0);
  });

  it('takes everything a share link carries: scenario, playhead, speed, view, preset', () => {
    const scenario = { ...DEFAULT_SCENARIO, clients: 37, polling: { ...DEFAULT_SCENARIO.polling, intervalMs: 5000 } };
    const hash = encodeShareState({ scenario, playheadMs: 42_500, speed: 2, playing: false, view: 'charts', preset: 'stock-ticker' });
    open(`/#${hash}`);
    expect(lab().scenario).toEqual(scenario);
    expect(lab().playheadMs).toBe(42_500);
    expect(lab().speed).toBe(2);
    expect(lab().view).toBe('charts');
    expect(lab().presetId).toBe('stock-ticker');
    expect(lab().notice).toBeNull();
  });

  it('lets the hash win over ?preset= (a link made from a preset and then edited)', () => {
    const scenario = { ...DEFAULT_SCENARIO, clients: 3 };
    open(`/?preset=chat-room#${encodeShareState({ ...DEFAULT_SHARE_STATE, scenario })}`);
    expect(lab().scenario.clients).toBe(3);
  });

  it('starts playing and loops when asked to', () => {
    open('/?embed=1&autoplay=1&loop=1');
    expect(lab().playing).toBe(true);
    expect(lab().loop).toBe(true);
    expect(window.location.search).toBe('?embed=1&autoplay=1&loop=1');
  });
});

describe('keeping the address in step', () => {
  it('makes a new history entry for an edit and reproduces it from the hash', () => {
    open('/');
    const before = window.history.length;
    expect(lab().setField('clients', 37)).toBe(true);
    expect(window.history.length).toBe(before + 1);
    expect(hashState().scenario.clients).toBe(37);
  });

  it('folds edits less than a second apart (a slider drag) into one entry', () => {
    open('/');
    const before = window.history.length;
    lab().setField('clients', 20);
    lab().setField('clients', 21);
    lab().setField('clients', 22);
    expect(window.history.length).toBe(before + 1);
    expect(hashState().scenario.clients).toBe(22);
  });

  it('only replaces the entry for a seek, carrying the exact playhead', async () => {
    open('/');
    const before = window.history.length;
    lab().seek(12_345);
    await vi.waitFor(() => expect(hashState().playheadMs).toBe(12_345));
    expect(window.history.length).toBe(before);
  });

  it('writes a burst of seeks (scrubbing, a GIF capture) at most twice a second, the last one always', async () => {
    open('/');
    const replaceState = vi.spyOn(window.history, 'replaceState');
    for (let ms = 1000; ms <= 50_000; ms += 1000) lab().seek(ms);
    await vi.waitFor(() => expect(hashState().playheadMs).toBe(50_000));
    expect(replaceState.mock.calls.length).toBeLessThanOrEqual(2);
    replaceState.mockRestore();
  });

  it('never adds history entries inside an embedded frame', () => {
    open('/?embed=1');
    const before = window.history.length;
    lab().setField('clients', 12);
    expect(window.history.length).toBe(before);
    expect(hashState().scenario.clients).toBe(12);
  });

  it('shows the state of the entry Back or Forward lands on', () => {
    open('/');
    const earlier = encodeShareState({ ...DEFAULT_SHARE_STATE, scenario: { ...DEFAULT_SCENARIO, clients: 4 }, playheadMs: 3000 });
    lab().setField('clients', 30);
    window.history.replaceState(null, '', `/#${earlier}`);
    window.dispatchEvent(new PopStateEvent('popstate'));
    expect(lab().scenario.clients).toBe(4);
    expect(lab().playheadMs).toBe(3000);
  });

  it('keeps the state and says so when Back lands on a damaged address', () => {
    open('/');
    lab().setField('clients', 30);
    window.history.replaceState(null, '', '/#v9.abc');
    window.dispatchEvent(new PopStateEvent('popstate'));
    expect(lab().scenario.clients).toBe(30);
    expect(lab().notice).toContain('link version "v9" is not supported');
  });
});

describe('addresses made for sharing', () => {
  it('"Copy link" reproduces the current state exactly', () => {
    open('/?preset=idle-notifications');
    lab().seek(7_250);
    lab().setSpeed(4);
    const url = new URL(currentShareUrl());
    const decoded = decodeShareState(url.hash);
    expect(decoded).toEqual({
      ok: true,
      state: { scenario: lab().scenario, playheadMs: 7_250, speed: 4, playing: false, view: 'lab', preset: 'idle-notifications' },
    });
  });

  it('an embed address carries the view and the frame switches, and starts paused unless autoplay', () => {
    open('/?preset=chat-room');
    const url = new URL(embedUrl('lanes', { autoplay: true, loop: false }));
    expect(url.search).toBe('?embed=1&autoplay=1');
    const decoded = decodeShareState(url.hash);
    expect(decoded.ok && decoded.state.view).toBe('lanes');
    expect(decoded.ok && decoded.state.playing).toBe(false);
    expect(decoded.ok && decoded.state.scenario.name).toBe('Chat room');
  });
});
