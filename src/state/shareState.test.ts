import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SCENARIO } from '../sim/scenario/defaults.ts';
import { MECHANISM_IDS, type Scenario } from '../sim/scenario/types.ts';
import { parseScenario } from '../sim/scenario/validate.ts';
import {
  DEFAULT_SHARE_STATE,
  PRIMER_V1,
  SHARE_VIEWS,
  decodeShareState,
  diffFromDefaults,
  encodeShareState,
  mergeOverDefaults,
  type ScenarioPatch,
  type ShareState,
} from './shareState.ts';
import { compressToUrl } from './urlCompress.ts';
import { decodePayload } from './linkCodec.ts';

function scenarioOf(patch: unknown): Scenario {
  const parsed = parseScenario(patch);
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  return parsed.scenario;
}

/** The JSON a hash carries, read without validation. */
function payloadOf(hash: string): unknown {
  const unpacked = decodePayload(hash.replace(/^v2\./, ''), PRIMER_V1);
  if (!unpacked.ok) throw new Error(unpacked.error);
  return JSON.parse(unpacked.text);
}

/** A hash carrying `payload` as it is, valid or not. */
const hashOf = (payload: unknown) => `v1.${compressToUrl(JSON.stringify(payload), PRIMER_V1)}`;

const errorOf = (hash: string) => {
  const result = decodeShareState(hash);
  if (result.ok) throw new Error('expected the link to be rejected');
  return result.error;
};

const TYPICAL: ShareState = {
  ...DEFAULT_SHARE_STATE,
  scenario: scenarioOf({ clients: 100, network: { latencyMs: 200 } }),
  playheadMs: 42_000,
  playing: true,
};

const HEAVY: ShareState = {
  scenario: scenarioOf({
    name: 'Webhook outage — 払い戻し 🚀',
    seed: 987_654,
    durationSec: 300,
    clients: 2500,
    mechanisms: ['webhook', 'polling', 'sse'],
    network: { latencyMs: 120, jitterMs: 30, lossRate: 0.02, tls: '1.2', keepAlive: false },
    server: { workers: 16, serviceMs: 2.5 },
    proxy: { idleTimeoutSec: 60, blocksWebSocket: true },
    events: { process: 'bursty', ratePerSec: 5, audience: 'broadcast', burstSize: 20 },
    polling: { intervalMs: 5000, schedule: 'fixedRate' },
    sse: { heartbeatSec: 10 },
    websocket: { reconnect: { baseMs: 500, jitter: 'equal' } },
    webhook: {
      timeoutMs: 3000,
      retry: { maxAttempts: 12, jitter: 'full' },
      outages: [
        { startSec: 60, durationSec: 30 },
        { startSec: 150, durationSec: 45 },
      ],
    },
    faults: {
      serverRestarts: [
        { atSec: 100, downSec: 5 },
        { atSec: 200, downSec: 10 },
      ],
    },
  }),
  playheadMs: 65_432.5,
  speed: 2,
  playing: true,
  view: 'lanes+scoreboard',
  preset: 'webhook-outage',
};

describe('share links round trip', () => {
  it('encodes the default state as a very short hash and reads it back', () => {
    const hash = encodeShareState(DEFAULT_SHARE_STATE);
    expect(hash).toMatch(/^v2\.[A-Za-z0-9_-]+$/);
    expect(hash.length).toBeLessThanOrEqual(17);
    expect(decodeShareState(hash)).toStrictEqual({ ok: true, state: DEFAULT_SHARE_STATE });
  });

  it('gives back a heavily edited state exactly: outages, restarts, a subset of mechanisms, unicode name', () => {
    const result = decodeShareState(encodeShareState(HEAVY));
    expect(result).toStrictEqual({ ok: true, state: HEAVY });
  });

  it('accepts the hash with its leading "#", as location.hash gives it', () => {
    expect(decodeShareState(`#${encodeShareState(TYPICAL)}`)).toStrictEqual({ ok: true, state: TYPICAL });
  });

  it('reads an empty hash as the default state', () => {
    expect(decodeShareState('')).toStrictEqual({ ok: true, state: DEFAULT_SHARE_STATE });
    expect(decodeShareState('#')).toStrictEqual({ ok: true, state: DEFAULT_SHARE_STATE });
  });

  it('keeps hashes short: at most 64 characters for a typical edit and 640 for a heavy one', () => {
    // Measured: 57 and 584; without the primer they were 112 and 806, and plain base64url of the
    // same JSON 120 and 1175.
    expect(encodeShareState(TYPICAL).length).toBeLessThanOrEqual(64);
    expect(encodeShareState(HEAVY).length).toBeLessThanOrEqual(640);
  });
});

describe('share links carry only what differs from the defaults', () => {
  it('encode only the changed scenario fields and playback fields', () => {
    expect(payloadOf(encodeShareState(TYPICAL))).toStrictEqual({
      scenario: { clients: 100, network: { latencyMs: 200 } },
      playheadMs: 42_000,
      playing: true,
    });
  });

  it('encode the default state as an empty object', () => {
    expect(payloadOf(encodeShareState(DEFAULT_SHARE_STATE))).toStrictEqual({});
  });

  it('encode a changed list whole, and an unchanged list not at all', () => {
    const scenario = scenarioOf({ webhook: { outages: [{ startSec: 10, durationSec: 5 }] }, mechanisms: ['sse'] });
    expect(diffFromDefaults(scenario)).toStrictEqual({
      mechanisms: ['sse'],
      webhook: { outages: [{ startSec: 10, durationSec: 5 }] },
    });
    expect(diffFromDefaults(DEFAULT_SCENARIO)).toStrictEqual({});
  });

  it('merge a diff over the defaults to get the scenario back, leaving the defaults untouched', () => {
    const before = structuredClone(DEFAULT_SCENARIO);
    const merged = mergeOverDefaults(diffFromDefaults(HEAVY.scenario));
    expect(merged).toStrictEqual(HEAVY.scenario);
    merged.webhook.outages.push({ startSec: 1, durationSec: 1 });
    expect(DEFAULT_SCENARIO).toStrictEqual(before);
  });
});

describe('malformed share links are rejected with a message naming the problem', () => {
  it('rejects text that is not a lab link', () => {
    expect(errorOf('clients=5')).toBe('not a Push/Pull Lab link: it should start with "v2."');
  });

  it('rejects an unknown version prefix', () => {
    expect(errorOf('v3.AAAA')).toBe('link version "v3" is not supported: this version of the lab reads "v1" and "v2" links');
  });

  it('rejects characters outside base64url', () => {
    expect(errorOf('v1.ab%20c')).toBe('the link is damaged: unexpected character "%" at position 2');
  });

  it('rejects a truncated link', () => {
    expect(errorOf(encodeShareState(HEAVY).slice(0, -10))).toBe(
      'the link is damaged: its checksum does not match, so it was cut short or changed on the way',
    );
    // A version-1 link (no checksum) still says so when it is cut.
    expect(errorOf(hashOf({ scenario: { clients: 37, name: 'A class demo' } }).slice(0, -4))).toMatch(/^the link is damaged: .*truncated/);
  });

  it('rejects a payload that is not JSON, or not an object', () => {
    expect(errorOf(`v1.${compressToUrl('{"clients":', PRIMER_V1)}`)).toMatch(/^the link is damaged: invalid JSON/);
    expect(errorOf(hashOf([1, 2]))).toBe('the link is damaged: its content must be an object (got a list)');
  });

  it('names an unknown field of the link', () => {
    expect(errorOf(hashOf({ zoom: 2 }))).toBe(
      'zoom: not a field of a link (allowed: scenario, playheadMs, speed, playing, view, preset, compare)',
    );
  });

  it('reuses the scenario validation messages for an invalid scenario field', () => {
    expect(errorOf(hashOf({ scenario: { clients: 0 } }))).toBe('clients: must be an integer from 1 to 10000 (got 0)');
    expect(errorOf(hashOf({ scenario: { network: { teleport: true } } }))).toMatch(/^network\.teleport: /);
    expect(errorOf(hashOf({ scenario: 'chat' }))).toBe('scenario: must be an object (got "chat")');
  });

  it('rejects a playhead outside the run, naming its bounds', () => {
    expect(errorOf(hashOf({ playheadMs: -1 }))).toBe(
      'playheadMs: must be a number from 0 to 420000 (the end of the run) (got -1)',
    );
    // The run ends at durationSec + drainSec at the latest.
    expect(errorOf(hashOf({ scenario: { durationSec: 10, drainSec: 0 }, playheadMs: 10_001 }))).toBe(
      'playheadMs: must be a number from 0 to 10000 (the end of the run) (got 10001)',
    );
    expect(errorOf(hashOf({ playheadMs: '5s' }))).toMatch(/^playheadMs: .*\(got "5s"\)$/);
  });

  it('rejects a speed outside 0.1–100', () => {
    expect(errorOf(hashOf({ speed: 0 }))).toBe('speed: must be a number from 0.1 to 100 (got 0)');
    expect(errorOf(hashOf({ speed: 1000 }))).toBe('speed: must be a number from 0.1 to 100 (got 1000)');
  });

  it('rejects a bad playing flag, view or preset name', () => {
    expect(errorOf(hashOf({ playing: 'yes' }))).toBe('playing: must be true or false (got "yes")');
    expect(errorOf(hashOf({ view: 'tv' }))).toBe(
      'view: must be one of "lab", "lanes", "charts", "scoreboard", "lanes+scoreboard" (got "tv")',
    );
    expect(errorOf(hashOf({ preset: '<script>' }))).toMatch(/^preset: must be a preset name .*\(got "<script>"\)$/);
  });

  it('reports every problem, one per line', () => {
    expect(errorOf(hashOf({ scenario: { clients: 0 }, speed: 0, view: 'tv' })).split('\n')).toHaveLength(3);
  });

  it('never throws on arbitrary text or arbitrary payloads', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.stringMatching(/^[\w-]*$/).map((text) => `v1.${text}`),
          fc.jsonValue().map(hashOf),
        ),
        (hash) => {
          expect(typeof decodeShareState(hash).ok).toBe('boolean');
        },
      ),
      { numRuns: 1000 },
    );
  });
});

const finite = (min: number, max: number) =>
  fc.double({ min, max, noNaN: true, noDefaultInfinity: true }).map((x) => x + 0); // JSON has no -0

const scenarioPatch: fc.Arbitrary<ScenarioPatch> = fc.record(
  {
    name: fc.string({ unit: 'grapheme', maxLength: 30 }).filter((name) => name.length <= 120),
    seed: fc.integer({ min: 0, max: 2 ** 32 - 1 }),
    durationSec: finite(1, 3600),
    clients: fc.integer({ min: 1, max: 10_000 }),
    mechanisms: fc.subarray([...MECHANISM_IDS], { minLength: 1 }),
    network: fc.record(
      { latencyMs: finite(0, 10_000), lossRate: finite(0, 0.5), keepAlive: fc.boolean(), tls: fc.constantFrom('none', '1.2', '1.3') },
      { requiredKeys: [] },
    ),
    events: fc.record({ process: fc.constantFrom('poisson', 'periodic', 'bursty'), ratePerSec: finite(0, 1000) }, { requiredKeys: [] }),
    webhook: fc.record(
      { outages: fc.array(fc.record({ startSec: finite(0, 0.999), durationSec: finite(0.1, 100) }), { maxLength: 3 }) },
      { requiredKeys: [] },
    ),
    faults: fc.record(
      { serverRestarts: fc.array(fc.record({ atSec: finite(0, 0.999), downSec: finite(0.1, 60) }), { maxLength: 3 }) },
      { requiredKeys: [] },
    ),
  },
  { requiredKeys: [] },
);

const shareState: fc.Arbitrary<ShareState> = scenarioPatch.chain((patch) => {
  const scenario = scenarioOf(patch);
  return fc
    .record(
      {
        playheadMs: finite(0, scenario.durationSec * 1000),
        speed: finite(0.1, 100),
        playing: fc.boolean(),
        view: fc.constantFrom(...SHARE_VIEWS),
        preset: fc.stringMatching(/^[\w-]{1,64}$/),
      },
      { requiredKeys: ['playheadMs', 'speed', 'playing', 'view'] },
    )
    .map((playback) => ({ scenario, ...playback }));
});

describe('share links, for any valid state', () => {
  it('decode(encode(state)) gives the same state back', () => {
    fc.assert(
      fc.property(shareState, (state) => {
        expect(decodeShareState(encodeShareState(state))).toStrictEqual({ ok: true, state });
      }),
      { numRuns: 300 },
    );
  });

  it('merging the diff over the defaults gives the scenario back', () => {
    fc.assert(
      fc.property(scenarioPatch, (patch) => {
        const scenario = scenarioOf(patch);
        expect(mergeOverDefaults(diffFromDefaults(scenario))).toStrictEqual(scenario);
      }),
    );
  });
});
