import { MECHANISM_IDS, type MechanismId } from '../../sim/scenario/types.ts';
import type { TraceMessage } from '../../sim/trace/types.ts';
import { viewOf } from '../mechanismViews.ts';

// How each traced message is drawn: one glyph per kind of thing a learner should tell apart, each
// with its own shape and a short label, so nothing depends on colour alone. The legend lists the
// same glyphs with the same words.

export type Glyph =
  | 'request'
  | 'emptyResponse'
  | 'dataResponse'
  | 'sseEvent'
  | 'wsFrame'
  | 'keepAlive'
  | 'webhookAttempt'
  | 'ack'
  | 'failed'
  | 'handshake'
  | 'refused'
  | 'close';

const isFailure = (m: TraceMessage) => m.status === 'failed' || m.status === 'timedOut';

/**
 * Lost in flight when its connection was cut. A close is never "dropped": it is the cut itself
 * (the engine's trace can mark a close that is still on its way as dropped too).
 */
export const isDropped = (m: TraceMessage): boolean => m.status === 'dropped' && m.kind !== 'close';

export function glyphOf(m: TraceMessage): Glyph {
  switch (m.kind) {
    case 'connect':
      return m.status === 'refused' ? 'refused' : 'handshake';
    case 'request':
    case 'upgrade':
      return 'request';
    case 'response':
      return m.events > 0 ? 'dataResponse' : 'emptyResponse';
    case 'upgradeResponse':
      if (m.status === 'refused') return 'refused';
      return m.events > 0 ? 'dataResponse' : 'emptyResponse';
    case 'sseEvent':
      return 'sseEvent';
    case 'wsFrame':
      return 'wsFrame';
    case 'ping':
    case 'pong':
    case 'sseHeartbeat':
      return 'keepAlive';
    case 'webhookAttempt':
      return isFailure(m) ? 'failed' : 'webhookAttempt';
    case 'webhookResponse':
      return isFailure(m) ? 'failed' : 'ack';
    case 'close':
      return 'close';
  }
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** The few words drawn beside a message in flight. */
export function shortLabel(m: TraceMessage, id: MechanismId): string {
  switch (m.kind) {
    case 'connect':
      return m.status === 'refused' ? 'refused' : 'handshake';
    case 'request':
      return viewOf(id).words.requestLabel;
    case 'upgrade':
      return 'Upgrade';
    case 'response':
      if (m.events > 0) return plural(m.events, 'event', 'events');
      return viewOf(id).words.emptyResponseLabel;
    case 'upgradeResponse':
      if (m.status === 'refused') return 'refused';
      return m.events > 0 ? `101 + ${plural(m.events, 'event', 'events')}` : '101';
    case 'sseEvent':
      return 'data:';
    case 'sseHeartbeat':
      return 'heartbeat';
    case 'wsFrame':
      return m.up ? 'frame ↑' : 'frame';
    case 'ping':
      return 'ping';
    case 'pong':
      return 'pong';
    case 'webhookAttempt':
      return m.status === 'failed' ? `POST #${m.attempt} ✕` : `POST #${m.attempt}`;
    case 'webhookResponse':
      if (m.status === 'failed') return '503';
      if (m.status === 'timedOut') return 'too late';
      return '200 OK';
    case 'close':
      return 'close';
  }
}

/** What the legend explains: the message glyphs, and the spans and marks a lane draws. */
export type LegendGlyph = Glyph | 'held' | 'retryWait' | 'dropped' | 'stream' | 'proxyCut' | 'outage';

export interface LegendEntry {
  glyph: LegendGlyph;
  name: string;
  description: string;
  /** The lanes in which it can appear (their views list it); the legend lists only entries of lanes on screen. */
  mechanisms: readonly MechanismId[];
}

const ENTRIES: readonly Omit<LegendEntry, 'mechanisms'>[] = [
  { glyph: 'request', name: 'Request', description: 'an HTTP request from a client (GET, or the WebSocket Upgrade)' },
  { glyph: 'emptyResponse', name: 'Empty response', description: 'an answer with no news: a wasted round trip' },
  { glyph: 'dataResponse', name: 'Data response', description: 'an answer carrying events; the label says how many' },
  { glyph: 'held', name: 'Held request', description: 'a long poll parked at the server until news arrives or it times out; the badge counts how long it has waited' },
  { glyph: 'stream', name: 'Open stream / socket', description: 'a connection kept open so the server can push at any moment' },
  { glyph: 'sseEvent', name: 'SSE event', description: 'one event pushed down an open stream' },
  { glyph: 'wsFrame', name: 'WebSocket frame', description: 'one message on an open socket, a few bytes of header' },
  { glyph: 'keepAlive', name: 'Ping / pong / heartbeat', description: 'tiny messages that keep an idle connection alive' },
  { glyph: 'webhookAttempt', name: 'Webhook attempt', description: 'the provider POSTs an event to the receiver; #n counts attempts' },
  { glyph: 'ack', name: 'Acknowledgement', description: 'the receiver answers 200 OK: delivered' },
  { glyph: 'failed', name: 'Failed attempt', description: 'the receiver is down (503) or answered too late' },
  { glyph: 'retryWait', name: 'Retry wait', description: 'a wait before trying again (the webhook provider, longer after each failure) or reconnecting (a client); the badge counts down, and a number on it says how many deliveries wait' },
  { glyph: 'handshake', name: 'Handshake', description: 'TCP and TLS round trips that open a new connection' },
  { glyph: 'refused', name: 'Refused', description: 'a connection or upgrade turned away' },
  { glyph: 'close', name: 'Close', description: 'the server or a proxy closed the connection' },
  { glyph: 'dropped', name: 'Dropped', description: 'lost in flight when its connection was cut' },
  { glyph: 'proxyCut', name: 'Proxy cut', description: 'a proxy closed a connection that had been silent for its idle timeout' },
  { glyph: 'outage', name: 'Outage', description: 'a shaded column: the server restarting (down), or the webhook receivers answering 503' },
];

export const LEGEND: readonly LegendEntry[] = ENTRIES.map((entry) => ({
  ...entry,
  mechanisms: MECHANISM_IDS.filter((id) => viewOf(id).legend.includes(entry.glyph)),
}));
