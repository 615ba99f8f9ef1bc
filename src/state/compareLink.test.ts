import { describe, expect, it } from 'vitest';
import { parseScenario } from '../sim/scenario/validate.ts';
import { PRIMER_V1, DEFAULT_SHARE_STATE, decodeShareState, encodeShareState, type ShareState } from './shareState.ts';
import { decodePayload, encodePayload } from './linkCodec.ts';

// The pair of "Compare with…" as a share link: the version-2 state plus `compare`, the fields run B
// changes as a diff from run A (never a second scenario), under the same checksum.

const scenario = (() => {
  const parsed = parseScenario({ durationSec: 30, clients: 4, mechanisms: ['polling', 'sse'] });
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  return parsed.scenario;
})();
const PAIR: ShareState = { ...DEFAULT_SHARE_STATE, scenario, playheadMs: 12_000, compare: { polling: { intervalMs: 10_000 }, http: { version: '2' } } };

const payloadOf = (link: string): Record<string, unknown> => {
  const unpacked = decodePayload(link.slice(3), PRIMER_V1);
  if (!unpacked.ok) throw new Error(unpacked.error);
  return JSON.parse(unpacked.text) as Record<string, unknown>;
};
const linkOf = (payload: unknown) => `v2.${encodePayload(JSON.stringify(payload), PRIMER_V1)}`;
const errorOf = (link: string) => {
  const decoded = decodeShareState(link);
  if (decoded.ok) throw new Error('expected the link to be refused');
  return decoded.error;
};

describe('a link to two runs side by side', () => {
  it('round-trips run A and run B’s changes exactly', () => {
    const decoded = decodeShareState(encodeShareState(PAIR));
    expect(decoded).toEqual({ ok: true, state: PAIR });
  });

  it('carries B as the small diff from A, not as a second scenario', () => {
    const payload = payloadOf(encodeShareState(PAIR));
    expect(payload.compare).toEqual({ polling: { intervalMs: 10_000 }, http: { version: '2' } });
    expect(encodeShareState(PAIR).length - encodeShareState({ ...PAIR, compare: undefined }).length).toBeLessThan(40);
  });

  it('is a link without `compare` when nothing is compared, so older links read as before', () => {
    const plain = { ...PAIR, compare: undefined };
    expect(payloadOf(encodeShareState(plain))).not.toHaveProperty('compare');
    const decoded = decodeShareState(encodeShareState(plain));
    expect(decoded.ok && 'compare' in decoded.state).toBe(false);
  });

  it('names the field of run B that is out of range, under compare.', () => {
    const payload = { ...payloadOf(encodeShareState(PAIR)), compare: { polling: { intervalMs: 1 }, clients: 0 } };
    expect(errorOf(linkOf(payload))).toBe(
      'compare.clients: must be an integer from 1 to 10000 (got 0)\ncompare.polling.intervalMs: must be a number from 10 to 3600000 (got 1)',
    );
  });

  it('refuses a run B with another seed, a non-object or an unknown field', () => {
    const base = payloadOf(encodeShareState(PAIR));
    expect(errorOf(linkOf({ ...base, compare: { seed: 9 } }))).toBe("compare.seed: run B keeps run A's seed, so both runs see the same events");
    expect(errorOf(linkOf({ ...base, compare: [1] }))).toBe('compare: must be an object of the fields run B changes (got a list)');
    expect(errorOf(linkOf({ ...base, compare: { sse: { ping: 1 } } }))).toMatch(/^compare\.sse\.ping: unknown key/);
  });

  it('normalises B’s changes to what differs from A (a value equal to A’s is dropped)', () => {
    const payload = { ...payloadOf(encodeShareState(PAIR)), compare: { clients: 4, polling: { intervalMs: 500 } } };
    const decoded = decodeShareState(linkOf(payload));
    expect(decoded.ok && decoded.state.compare).toEqual({ polling: { intervalMs: 500 } });
  });
});
