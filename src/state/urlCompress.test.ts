import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SCENARIO } from '../sim/scenario/defaults.ts';
import { compressToUrl, decompressFromUrl, MAX_DECOMPRESSED_BYTES } from './urlCompress.ts';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const URL_SAFE = /^[A-Za-z0-9_-]*$/;

/** A hand-made stream: bits, most significant first, padded with zeros to whole characters. */
function fromBits(bits: string): string {
  const padded = bits.padEnd(Math.ceil(bits.length / 6) * 6, '0');
  let text = '';
  for (let i = 0; i < padded.length; i += 6) text += ALPHABET[parseInt(padded.slice(i, i + 6), 2)];
  return text;
}

const roundTrip = (text: string, primer?: string) => decompressFromUrl(compressToUrl(text, primer), primer);
const base64urlLength = (text: string) => Buffer.from(text, 'utf8').toString('base64url').length;
/** Strings without lone surrogates: those cannot be UTF-8 encoded and never round trip. */
const wellFormed = (text: string) => !/\p{Cs}/u.test(text);

describe('compressToUrl and decompressFromUrl', () => {
  it('round trip the empty string', () => {
    expect(roundTrip('')).toStrictEqual({ ok: true, text: '' });
  });

  it('round trip unicode: accents, CJK, emoji with modifiers and combining marks', () => {
    const text = 'Café — 払い戻しの遅延 🚀👩🏽‍💻 e\u0301 \u0000 "quotes" \\ \n';
    expect(roundTrip(text)).toStrictEqual({ ok: true, text });
  });

  it('round trip long, repetitive input and shrink it far below base64url', () => {
    const text = JSON.stringify(Array.from({ length: 500 }, (_, i) => ({ startSec: i * 10, durationSec: 5 })));
    const compressed = compressToUrl(text);
    expect(decompressFromUrl(compressed)).toStrictEqual({ ok: true, text });
    expect(compressed.length).toBeLessThan(base64urlLength(text) / 4);
  });

  it('use only characters that need no escaping in a URL', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }).filter(wellFormed), (text) => {
        expect(compressToUrl(text)).toMatch(URL_SAFE);
      }),
    );
  });

  it('round trip any well-formed string, with or without a primer', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme', maxLength: 300 })).filter(wellFormed),
        fc.string({ maxLength: 50 }).filter(wellFormed),
        (text, primer) => {
          expect(roundTrip(text)).toStrictEqual({ ok: true, text });
          expect(roundTrip(text, primer)).toStrictEqual({ ok: true, text });
        },
      ),
    );
  });

  it('spend far fewer characters on text that resembles the primer', () => {
    const primer = JSON.stringify(DEFAULT_SCENARIO);
    const edit = JSON.stringify({ network: { latencyMs: 200, keepAliveIdleSec: 5 }, clients: 100 });
    expect(compressToUrl(edit, primer).length).toBeLessThan(compressToUrl(edit).length / 2);
  });

  it('read back only with the same primer', () => {
    const compressed = compressToUrl('{"clients":100}', 'clients');
    expect(decompressFromUrl(compressed, 'clients')).toStrictEqual({ ok: true, text: '{"clients":100}' });
    expect(decompressFromUrl(compressed, '')).not.toStrictEqual({ ok: true, text: '{"clients":100}' });
  });
});

describe('decompressFromUrl on damaged input', () => {
  it('names a character outside the base64url alphabet and its position', () => {
    expect(decompressFromUrl('ab+c')).toStrictEqual({ ok: false, error: 'unexpected character "+" at position 2' });
  });

  it('reports a stream cut short before its end marker', () => {
    const compressed = compressToUrl('a longer text that spans several characters');
    const result = decompressFromUrl(compressed.slice(0, -4));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(/truncated/);
    expect(decompressFromUrl('')).toStrictEqual({ ok: false, error: 'the data ends before its end marker (truncated?)' });
  });

  it('reports characters after the end marker', () => {
    expect(decompressFromUrl(`${compressToUrl('abc')}AAAA`)).toStrictEqual({
      ok: false,
      error: 'unexpected data after the end marker',
    });
  });

  it('reports a code the dictionary does not hold yet', () => {
    // A literal "a" (code 0 in 1 bit, then 8 bits), then code 3 in 2 bits: only 0–2 exist.
    expect(decompressFromUrl(fromBits('0' + '01100001' + '11'))).toStrictEqual({
      ok: false,
      error: 'invalid code 3 (only 2 defined)',
    });
  });

  it('reports bytes that are not UTF-8', () => {
    // A literal 0xFF byte, then the end code (1 in 2 bits).
    expect(decompressFromUrl(fromBits('0' + '11111111' + '01'))).toStrictEqual({
      ok: false,
      error: 'the data is not valid UTF-8 text',
    });
  });

  it('refuses to expand past its size limit', () => {
    const result = decompressFromUrl(compressToUrl('a'.repeat(MAX_DECOMPRESSED_BYTES + 1)));
    expect(result).toStrictEqual({ ok: false, error: `the data expands beyond ${MAX_DECOMPRESSED_BYTES} bytes` });
  });

  it('never throws, whatever the input', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.stringMatching(/^[\w-]*$/)), (text) => {
        const result = decompressFromUrl(text);
        expect(typeof result.ok).toBe('boolean');
      }),
      { numRuns: 2000 },
    );
  });
});
