import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SCENARIO } from '../sim/scenario/defaults.ts';
import { PRESETS } from '../sim/presets/presets.ts';
import { parseScenario } from '../sim/scenario/validate.ts';
import { DEFAULT_SHARE_STATE, decodeShareState, encodeShareState, type ShareState } from './shareState.ts';

// Links that cannot lie (issue 10, item 5): a version-2 link that was changed in one character,
// had a bit flipped or was cut short is reported as damaged, or (when the change undid itself)
// reads back as the very same state. It never reads as a different state. Each test counts the
// silent changes and asserts there were 0 of them.

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const ALPHABET_CHARS = Array.from(ALPHABET);

const states: ShareState[] = [
  DEFAULT_SHARE_STATE,
  { ...DEFAULT_SHARE_STATE, scenario: { ...DEFAULT_SCENARIO, name: 'A class demo', clients: 37 }, playheadMs: 12_000 },
  // "Compare with…": run B's changes travel under the same checksum (issue 13, item 4).
  { ...DEFAULT_SHARE_STATE, scenario: { ...DEFAULT_SCENARIO, clients: 6 }, compare: { polling: { intervalMs: 10_000 }, http: { version: '2' } } },
  ...PRESETS.map((preset) => {
    const parsed = parseScenario(preset.scenario);
    if (!parsed.ok) throw new Error(preset.id);
    return { ...DEFAULT_SHARE_STATE, scenario: parsed.scenario, preset: preset.id, speed: 2, playing: true };
  }),
];
const links = states.map((state) => {
  const link = encodeShareState(state);
  const decoded = decodeShareState(link);
  if (!decoded.ok) throw new Error(decoded.error);
  // Compare decoded states with the decoded original, key order included.
  return { state: decoded.state, link };
});

/**
 * 'same', 'damaged' or 'different' (the lie this guards against). 'same' happens when a change
 * only touched bits base64url carries as padding in the last character of the compressed data.
 */
function outcome(original: ShareState, link: string): 'same' | 'damaged' | 'different' {
  const decoded = decodeShareState(link);
  if (!decoded.ok) return 'damaged';
  return JSON.stringify(decoded.state) === JSON.stringify(original) ? 'same' : 'different';
}

const body = (link: string) => link.slice(3);
const tally = () => ({ same: 0, damaged: 0, different: 0 });

describe('a damaged version-2 link', { timeout: 60_000 }, () => {
  it('is never read as a different state after any single-character change (every position, every character)', () => {
    const counts = tally();
    // Exhaustive over four links (the default, a named edit, a comparison, the longest preset): ~23,000 links.
    const longest = links.reduce((a, b) => (b.link.length > a.link.length ? b : a));
    for (const { state, link } of [links[0], links[1], links[2], longest]) {
      const chars = body(link);
      for (let at = 0; at < chars.length; at++) {
        for (const replacement of ALPHABET) {
          if (replacement === chars[at]) continue;
          counts[outcome(state, `v2.${chars.slice(0, at)}${replacement}${chars.slice(at + 1)}`)]++;
        }
      }
    }
    expect(counts.damaged).toBeGreaterThan(10_000);
    expect(counts.different).toBe(0);
  });

  it('is never read as a different state after a flipped bit (fast-check, 5,000 links)', () => {
    const counts = tally();
    fc.assert(
      fc.property(fc.constantFrom(...links), fc.nat(), fc.integer({ min: 0, max: 5 }), ({ state, link }, position, bit) => {
        const chars = body(link);
        const at = position % chars.length;
        const flipped = ALPHABET[ALPHABET.indexOf(chars[at]) ^ (1 << bit)];
        counts[outcome(state, `v2.${chars.slice(0, at)}${flipped}${chars.slice(at + 1)}`)]++;
      }),
      { numRuns: 5000 },
    );
    expect(counts.different).toBe(0);
  });

  it('is never read as a different state when cut short at any length after its "v2." prefix', () => {
    const counts = tally();
    for (const { state, link } of links) {
      for (let length = 3; length < link.length; length++) counts[outcome(state, link.slice(0, length))]++;
    }
    expect(counts.damaged).toBeGreaterThan(1000);
    expect(counts.different + counts.same).toBe(0);
  });

  it('is never read as a different state with characters inserted or deleted (fast-check, 3,000 links)', () => {
    const counts = tally();
    fc.assert(
      fc.property(fc.constantFrom(...links), fc.nat(), fc.constantFrom(...ALPHABET_CHARS), fc.boolean(), ({ state, link }, position, extra, insert) => {
        const chars = body(link);
        const at = position % chars.length;
        const changed = insert ? `${chars.slice(0, at)}${extra}${chars.slice(at)}` : `${chars.slice(0, at)}${chars.slice(at + 1)}`;
        counts[outcome(state, `v2.${changed}`)]++;
      }),
      { numRuns: 3000 },
    );
    expect(counts.different).toBe(0);
  });
});
