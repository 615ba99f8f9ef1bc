import { DEFAULT_SCENARIO } from '../../sim/scenario/defaults.ts';
import type { Scenario } from '../../sim/scenario/types.ts';
import { parseScenario } from '../../sim/scenario/validate.ts';
import { getField, withField } from '../../state/scenarioPath.ts';
import { patchPaths } from '../../state/scenarioDiff.ts';
import type { ScenarioPatch } from '../../state/shareState.ts';

// The fields "Compare with…" offers to change for run B: numbers, switches and choices of the
// scenario, in the schema's own units (so its messages read the same as the field), each with a
// short name for run B's label ("B: interval 10 s"). What each field allows is read from the
// schema itself (the message it gives for a value of the wrong type), never written twice.

export type FieldKind = 'number' | 'boolean' | 'enum';

export interface CompareField {
  path: string;
  label: string;
  /** The label's short form in "B: interval 10 s". */
  short: string;
  kind: FieldKind;
  /** The schema's unit (the field name's suffix), shown after the value. */
  unit?: string;
  /** The choices of an enum, as the schema spells them. */
  options?: readonly string[];
}

const n = (path: string, label: string, short: string, unit?: string): CompareField => ({ path, label, short, kind: 'number', unit });
const b = (path: string, label: string, short: string): CompareField => ({ path, label, short, kind: 'boolean' });
const e = (path: string, label: string, short: string, options: readonly string[]): CompareField => ({ path, label, short, kind: 'enum', options });

export const COMPARE_FIELDS: readonly CompareField[] = [
  n('polling.intervalMs', 'Polling interval', 'interval', 'ms'),
  e('polling.schedule', 'Polling schedule', 'schedule', ['fixedDelay', 'fixedRate']),
  n('clients', 'Clients', 'clients'),
  n('events.ratePerSec', 'Event rate per source', 'event rate', 'events/s'),
  e('events.process', 'Event arrivals', 'arrivals', ['poisson', 'periodic', 'bursty']),
  e('events.audience', 'Audience', 'audience', ['perClient', 'broadcast']),
  n('events.payloadBytes', 'Payload size', 'payload', 'B'),
  n('clientMessages.ratePerSec', 'Messages from each client', 'client messages', 'per s'),
  n('network.latencyMs', 'Network latency (one way)', 'latency', 'ms'),
  n('network.jitterMs', 'Network jitter', 'jitter', 'ms'),
  n('network.lossRate', 'Packet loss (share of segments)', 'loss'),
  b('network.keepAlive', 'Keep-alive', 'keep-alive'),
  e('network.tls', 'TLS version', 'TLS', ['none', '1.2', '1.3']),
  b('network.tlsResumption', 'TLS session resumption', 'TLS resumption'),
  e('http.version', 'HTTP version', 'HTTP', ['1.1', '2']),
  n('server.workers', 'Server workers', 'workers'),
  n('server.serviceMs', 'Service time per request', 'service time', 'ms'),
  n('proxy.idleTimeoutSec', 'Proxy idle timeout (0 = none)', 'proxy timeout', 's'),
  b('proxy.blocksWebSocket', 'Proxy blocks WebSockets', 'proxy blocks WebSockets'),
  n('longPolling.timeoutMs', 'Long-poll timeout', 'long-poll timeout', 'ms'),
  n('sse.retryMs', 'SSE retry delay', 'SSE retry', 'ms'),
  n('sse.heartbeatSec', 'SSE heartbeat (0 = off)', 'SSE heartbeat', 's'),
  n('websocket.heartbeatSec', 'WebSocket heartbeat (0 = off)', 'WebSocket heartbeat', 's'),
  e('websocket.reconnect.jitter', 'WebSocket reconnect jitter', 'reconnect jitter', ['none', 'full', 'equal']),
  b('websocket.resumeOnReconnect', 'WebSocket resumes on reconnect', 'resume'),
  n('webhook.timeoutMs', 'Webhook attempt timeout', 'webhook timeout', 'ms'),
  n('webhook.retry.maxAttempts', 'Webhook attempts', 'webhook attempts'),
  e('webhook.retry.jitter', 'Webhook retry jitter', 'retry jitter', ['none', 'full', 'equal']),
  n('clientStartSpreadSec', 'Start-up spread', 'start-up spread', 's'),
];

export const fieldByPath = (path: string): CompareField | undefined => COMPARE_FIELDS.find((f) => f.path === path);

const hints = new Map<string, string>();

/**
 * What the schema allows for `path`, in its own words ("must be a number from 10 to 3600000"):
 * the message it gives for a value of the wrong type, without the "(got …)".
 */
export function allowedText(path: string): string {
  let hint = hints.get(path);
  if (hint === undefined) {
    const parsed = parseScenario(withField(DEFAULT_SCENARIO, path, null));
    const message = parsed.ok ? '' : (parsed.errors.find((error) => error.startsWith(`${path}: `)) ?? '');
    hint = message.slice(path.length + 2).replace(/ \(got null\)$/, '');
    hints.set(path, hint);
  }
  return hint;
}

/** A field's value as people read it: "10 s", "2,000 ms" below a second is "500 ms", "on"/"off". */
export function formatFieldValue(path: string, value: unknown): string {
  const field = fieldByPath(path);
  if (typeof value === 'boolean') return value ? 'on' : 'off';
  if (typeof value === 'number') {
    const unit = field?.unit;
    if (unit === 'ms' && value >= 1000) return `${(value / 1000).toLocaleString('en-US')} s`;
    const text = value.toLocaleString('en-US');
    return unit ? `${text} ${unit}` : text;
  }
  return typeof value === 'string' ? value : JSON.stringify(value);
}

const labelOf = (path: string) => fieldByPath(path)?.label ?? path;

/** The changed paths in the picker's order (fields it does not offer, from a link, last). */
export function changedPaths(changes: ScenarioPatch): string[] {
  const rank = (path: string) => {
    const at = COMPARE_FIELDS.findIndex((f) => f.path === path);
    return at < 0 ? COMPARE_FIELDS.length : at;
  };
  return patchPaths(changes).sort((x, y) => rank(x) - rank(y));
}

/** Run B's label: "B: interval 10 s" (all of its changes, short). */
export function runBLabel(changes: ScenarioPatch, variant: Scenario | null): string {
  const paths = changedPaths(changes);
  if (paths.length === 0 || variant === null) return 'B: same as A';
  return `B: ${paths.map((path) => `${fieldByPath(path)?.short ?? path} ${formatFieldValue(path, getField(variant, path))}`).join(', ')}`;
}

/** "Polling interval 10 s instead of 2 s and HTTP version 2 instead of 1.1". */
export function changesText(changes: ScenarioPatch, a: Scenario, variant: Scenario): string {
  const paths = changedPaths(changes);
  if (paths.length === 0) return 'Run B changes nothing from A now';
  const parts = paths.map((path) => `${labelOf(path)} ${formatFieldValue(path, getField(variant, path))} instead of ${formatFieldValue(path, getField(a, path))}`);
  const text = parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A typed value for the field: a number when the text reads as one, else the text (the schema names it). */
export function readFieldInput(field: CompareField, text: string): unknown {
  if (field.kind === 'boolean') return text === 'true' ? true : text === 'false' ? false : text;
  if (field.kind === 'enum') return text;
  const trimmed = text.trim().replace(/,/g, '');
  const value = Number(trimmed);
  return trimmed !== '' && Number.isFinite(value) ? value : text;
}
