import { DEFAULT_SCENARIO } from '../sim/scenario/defaults.ts';
import { describeRange, withInput } from '../sim/scenario/fields.ts';
import type { Scenario } from '../sim/scenario/types.ts';
import { formatErrors, formatPath, parseScenario } from '../sim/scenario/validate.ts';
import { decompressFromUrl } from './urlCompress.ts';
import { decodePayload, encodePayload } from './linkCodec.ts';
import { diffValue, isObject, mergeValue } from './scenarioDiff.ts';
import { buildVariant } from './compareVariant.ts';
import { DEFAULT_SPEED, MAX_SPEED, MIN_SPEED } from './playbackLimits.ts';

// The whole lab state in the URL hash, so that copying the address bar reproduces the same run
// (issue 4, item 2; DESIGN.md §4). The hash is `v1.<payload>`: the payload is the compressed JSON of
// only what differs from the defaults — the scenario as a deep diff from DEFAULT_SCENARIO (lists
// compared whole) and the playback fields — and, when two runs are compared, `compare`: the fields
// run B changes, as a diff from the link's scenario (issue 13, item 4; links without it still load). Decoding never throws and validates everything, because
// a link is untrusted input (issue 4, item 6).

export const SHARE_VIEWS = ['lab', 'lanes', 'charts', 'scoreboard', 'lanes+scoreboard'] as const;
export type ShareView = (typeof SHARE_VIEWS)[number];

export interface ShareState {
  scenario: Scenario;
  playheadMs: number;
  speed: number;
  playing: boolean;
  view: ShareView;
  preset?: string;
  /**
   * "Compare with…": the fields run B changes, as a diff from `scenario`. Empty when a later edit
   * of A made B equal to it (compare mode stays on; the view says B changes nothing now).
   */
  compare?: ScenarioPatch;
}

/** Objects may be partial at any depth; lists are replaced whole, as in scenario files. */
export type DeepPartial<T> = T extends readonly unknown[]
  ? T
  : T extends object
    ? { [K in keyof T]?: DeepPartial<T[K]> }
    : T;
export type ScenarioPatch = DeepPartial<Scenario>;

export type DecodeResult = { ok: true; state: ShareState } | { ok: false; error: string };

/** Links are written as v2 (DEFLATE + checksum, linkCodec.ts); v1 links (LZW, no checksum) still load. */
const VERSION = 'v2';
const READABLE = ['v1', 'v2'];
const PRESET_NAME = /^[\w-]{1,64}$/;

/**
 * Text the compressor has "seen" before every link (urlCompress.ts): the field names and typical
 * values, so a link spends its bits on what was changed. Frozen with the "v1" format: editing it
 * would misread every existing v1 link. A new primer needs a new version prefix.
 */
export const PRIMER_V1 =
  '{"scenario":{"name":"Default","seed":1,"durationSec":120,"clients":10,"mechanisms":["polling",' +
  '"longPolling","sse","websocket","webhook"],"network":{"latencyMs":50,"jitterMs":0,"lossRate":0,' +
  '"rtoMs":200,"bandwidthKbps":0,"keepAlive":true,"keepAliveIdleSec":75,"tls":"1.3"},' +
  '"http":{"requestHeaderBytes":700,"responseHeaderBytes":250},"server":{"workers":8,"serviceMs":1,' +
  '"pushServiceMs":0.1,"maxConnections":100000,"memoryPerConnectionKb":64},' +
  '"proxy":{"idleTimeoutSec":0,"blocksWebSocket":false},"events":{"process":"poisson",' +
  '"ratePerSec":0.5,"audience":"perClient","payloadBytes":200,"burstSize":5},' +
  '"clientMessages":{"ratePerSec":0,"payloadBytes":100},"polling":{"intervalMs":2000,' +
  '"schedule":"fixedDelay"},"longPolling":{"timeoutMs":30000,"errorRetryMs":1000},' +
  '"sse":{"retryMs":3000,"heartbeatSec":15},"websocket":{"heartbeatSec":30,' +
  '"reconnect":{"baseMs":1000,"factor":2,"maxMs":30000,"jitter":"full"},"fallback":"longPolling",' +
  '"resumeOnReconnect":false},"webhook":{"receiverMs":5,"timeoutMs":10000,"retry":{"baseMs":1000,' +
  '"factor":2,"maxAttempts":8,"jitter":"none"},"outages":[{"startSec":60,"durationSec":30}]},' +
  '"faults":{"serverRestarts":[{"atSec":60,"downSec":5}]}},"playheadMs":0,"speed":1,"playing":true,' +
  '"view":"lanes+scoreboard","preset":"","periodic","bursty","broadcast","fixedRate","equal","1.2",' +
  'false}';

export const DEFAULT_SHARE_STATE: ShareState = {
  scenario: DEFAULT_SCENARIO,
  playheadMs: 0,
  speed: DEFAULT_SPEED,
  playing: false,
  view: 'lab',
};

/** What the link carries; every field is optional and absent means "the default". */
interface SharePayload {
  scenario?: ScenarioPatch;
  playheadMs?: number;
  speed?: number;
  playing?: boolean;
  view?: ShareView;
  preset?: string;
  compare?: ScenarioPatch;
}
const PAYLOAD_KEYS = ['scenario', 'playheadMs', 'speed', 'playing', 'view', 'preset', 'compare'];

type Json = Record<string, unknown>;

/** The fields of `scenario` that differ from DEFAULT_SCENARIO, at any depth. */
export function diffFromDefaults(scenario: Scenario): ScenarioPatch {
  return (diffValue(scenario, DEFAULT_SCENARIO) ?? {});
}

/**
 * DEFAULT_SCENARIO with `patch` laid over it (the inverse of diffFromDefaults). It does not validate:
 * untrusted input goes through parseScenario, which merges the same way and checks every field.
 */
export function mergeOverDefaults(patch: ScenarioPatch): Scenario {
  return mergeValue(structuredClone(DEFAULT_SCENARIO), patch) as Scenario;
}

/** The URL hash (without '#') for `state`; `state.scenario` should be a validated scenario. */
export function encodeShareState(state: ShareState): string {
  const payload: SharePayload = {};
  const scenario = diffFromDefaults(state.scenario);
  if (Object.keys(scenario).length > 0) payload.scenario = scenario;
  if (state.playheadMs !== DEFAULT_SHARE_STATE.playheadMs) payload.playheadMs = state.playheadMs;
  if (state.speed !== DEFAULT_SHARE_STATE.speed) payload.speed = state.speed;
  if (state.playing !== DEFAULT_SHARE_STATE.playing) payload.playing = state.playing;
  if (state.view !== DEFAULT_SHARE_STATE.view) payload.view = state.view;
  if (state.preset !== undefined) payload.preset = state.preset;
  if (state.compare !== undefined) payload.compare = state.compare;
  return `${VERSION}.${encodePayload(JSON.stringify(payload), PRIMER_V1)}`;
}

/** The payload's JSON text, or a message saying why the hash cannot carry one. */
function unpack(hash: string): { ok: true; json: string } | { ok: false; error: string } {
  const match = /^v(\d+)\.(.*)$/s.exec(hash);
  if (!match) return { ok: false, error: `not a Push/Pull Lab link: it should start with "${VERSION}."` };
  const version = `v${match[1]}`;
  if (!READABLE.includes(version)) {
    return { ok: false, error: `link version "${version}" is not supported: this version of the lab reads ${READABLE.map((v) => `"${v}"`).join(' and ')} links` };
  }
  // Version 2 reuses version 1's primer as its dictionary: the field names did not change.
  const unpacked = version === 'v2' ? decodePayload(match[2], PRIMER_V1) : decompressFromUrl(match[2], PRIMER_V1);
  return unpacked.ok ? { ok: true, json: unpacked.text } : { ok: false, error: `the link is damaged: ${unpacked.error}` };
}

function checkPlayback(payload: Json, durationSec: number | null, errors: string[]): void {
  const { playheadMs, speed, playing, view, preset } = payload;
  const endMs = durationSec === null ? undefined : durationSec * 1000;
  if (
    playheadMs !== undefined &&
    (typeof playheadMs !== 'number' || !Number.isFinite(playheadMs) || playheadMs < 0 || (endMs !== undefined && playheadMs > endMs))
  ) {
    const range = describeRange({ min: 0, max: endMs });
    errors.push(`playheadMs: ${withInput(`must be ${range}${endMs === undefined ? '' : ' (the end of the run)'}`, playheadMs)}`);
  }
  if (speed !== undefined && (typeof speed !== 'number' || !(speed >= MIN_SPEED && speed <= MAX_SPEED))) {
    errors.push(`speed: ${withInput(`must be ${describeRange({ min: MIN_SPEED, max: MAX_SPEED })}`, speed)}`);
  }
  if (playing !== undefined && typeof playing !== 'boolean') {
    errors.push(`playing: ${withInput('must be true or false', playing)}`);
  }
  if (view !== undefined && !(SHARE_VIEWS as readonly unknown[]).includes(view)) {
    const allowed = SHARE_VIEWS.map((name) => JSON.stringify(name)).join(', ');
    errors.push(`view: ${withInput(`must be one of ${allowed}`, view)}`);
  }
  if (preset !== undefined && (typeof preset !== 'string' || !PRESET_NAME.test(preset))) {
    errors.push(`preset: ${withInput('must be a preset name of up to 64 letters, digits, "-" or "_"', preset)}`);
  }
}

/**
 * The state a hash (with or without '#') describes. An empty hash is the default state. Never
 * throws: a malformed link gives one message per problem, each naming the field, one per line.
 */
export function decodeShareState(hash: string): DecodeResult {
  const text = hash.startsWith('#') ? hash.slice(1) : hash;
  if (text === '') return { ok: true, state: { ...DEFAULT_SHARE_STATE } };
  const unpacked = unpack(text);
  if (!unpacked.ok) return unpacked;
  let payload: unknown;
  try {
    payload = JSON.parse(unpacked.json);
  } catch (error) {
    return { ok: false, error: `the link is damaged: invalid JSON (${error instanceof Error ? error.message : String(error)})` };
  }
  if (!isObject(payload)) return { ok: false, error: `the link is damaged: ${withInput('its content must be an object', payload)}` };

  const errors = Object.keys(payload)
    .filter((key) => !PAYLOAD_KEYS.includes(key))
    .map((key) => `${formatPath([key])}: not a field of a link (allowed: ${PAYLOAD_KEYS.join(', ')})`);
  if (payload.scenario !== undefined && !isObject(payload.scenario)) {
    errors.push(`scenario: ${withInput('must be an object', payload.scenario)}`);
  }
  const parsed = parseScenario(isObject(payload.scenario) ? payload.scenario : {});
  if (!parsed.ok) errors.push(...parsed.errors);
  // The playhead may stand in the drain after durationSec (the run ends there at the latest).
  checkPlayback(payload, parsed.ok ? parsed.scenario.durationSec + parsed.scenario.drainSec : null, errors);
  // Run B is checked against run A's scenario, so only a valid A lets its changes be read.
  const variant = payload.compare === undefined || !parsed.ok ? null : buildVariant(parsed.scenario, payload.compare);
  if (variant && !variant.ok) errors.push(...variant.errors.map((error) => (error.startsWith('compare') ? error : `compare.${error}`)));
  if (errors.length > 0 || !parsed.ok) return { ok: false, error: formatErrors(errors) };

  const fields = payload as SharePayload;
  const state: ShareState = {
    scenario: parsed.scenario,
    playheadMs: fields.playheadMs ?? DEFAULT_SHARE_STATE.playheadMs,
    speed: fields.speed ?? DEFAULT_SHARE_STATE.speed,
    playing: fields.playing ?? DEFAULT_SHARE_STATE.playing,
    view: fields.view ?? DEFAULT_SHARE_STATE.view,
  };
  if (fields.preset !== undefined) state.preset = fields.preset;
  if (variant?.ok) state.compare = variant.changes;
  return { ok: true, state };
}
