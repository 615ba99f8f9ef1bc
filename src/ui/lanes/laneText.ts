import type { MechanismId } from '../../sim/scenario/types.ts';
import type { TraceMessage } from '../../sim/trace/types.ts';
import { MECHANISM_LABELS } from '../mechanisms.ts';
import { formatBytes, formatMs } from '../format.ts';
import { glyphOf, isDropped, type Glyph } from './messageKinds.ts';
import type { LaneSnapshot } from './laneState.ts';

// The words of the lanes: names of the two ends, one sentence per message for the event log, and
// the summary of a lane that screen readers get instead of the moving picture.

const NBSP = '\u00a0';

export const clientName = (id: MechanismId, client: number): string =>
  `${id === 'webhook' ? 'Receiver' : 'Client'} ${client + 1}`;

export const serverName = (id: MechanismId): string => (id === 'webhook' ? 'Provider' : 'Server');

/** Simulated time for the log: 12400 → "12.40 s". */
export const formatSeconds = (ms: number): string => `${(ms / 1000).toFixed(2)}${NBSP}s`;

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * What a message is, in a few words. `plainRequests` says that every request of the lane is the
 * mechanism's own (no separate client-message POSTs), so a request can be named after it.
 */
export function describeMessage(m: TraceMessage, id: MechanismId, plainRequests = true): string {
  const events = count(m.events, 'event', 'events');
  switch (m.kind) {
    case 'connect':
      return m.status === 'refused' ? 'connection refused' : 'handshake opening a new connection';
    case 'request':
      if (!plainRequests) return 'request';
      if (id === 'polling') return 'poll request';
      if (id === 'sse') return 'request to open the event stream';
      return id === 'websocket' ? 'fallback long-poll request' : 'long-poll request';
    case 'response':
      if (id === 'sse') return m.events > 0 ? `stream opened, replaying ${events}` : 'stream opened';
      if (m.events > 0) return `response with ${events}`;
      if (!plainRequests) return 'response with no event';
      return id === 'polling' ? 'empty response with no news' : 'empty response after the long-poll timeout';
    case 'upgrade':
      return 'Upgrade request (asks to switch to WebSocket)';
    case 'upgradeResponse':
      if (m.status === 'refused') return 'upgrade refused';
      return m.events > 0 ? `101 Switching Protocols, then ${events}` : '101 Switching Protocols: socket open';
    case 'sseEvent':
      return `SSE event with ${events}`;
    case 'sseHeartbeat':
      return 'heartbeat comment (keeps the stream alive)';
    case 'wsFrame':
      return m.up ? 'frame from the client' : `frame with ${events}`;
    case 'ping':
      return 'ping';
    case 'pong':
      return 'pong';
    case 'webhookAttempt':
      return m.status === 'failed' ? `delivery attempt ${m.attempt}, receiver down` : `delivery attempt ${m.attempt}`;
    case 'webhookResponse':
      if (m.status === 'failed') return `503: attempt ${m.attempt} failed`;
      if (m.status === 'timedOut') return `answer to attempt ${m.attempt} came after the timeout`;
      return `200 OK: attempt ${m.attempt} delivered`;
    case 'close':
      return 'connection closed';
  }
}

/** "Client 2 ← Server": who talks to whom, in the direction of travel. */
export function route(m: TraceMessage, id: MechanismId): string {
  const arrow = m.kind === 'connect' ? '⇄' : m.up ? '→' : '←';
  return `${clientName(id, m.client)} ${arrow} ${serverName(id)}`;
}

/** One line of the event log, stamped with the arrival time. */
export function logSentence(m: TraceMessage, id: MechanismId, plainRequests = true): string {
  const size = m.bytes > 0 ? ` (${formatBytes(m.bytes)})` : '';
  const trip = formatMs(m.arriveMs - m.sendMs);
  const tail =
    isDropped(m) ? ', dropped when the connection was cut' : m.kind === 'connect' ? `, ${trip}` : `, ${trip} on the wire`;
  return `${formatSeconds(m.arriveMs)} · ${MECHANISM_LABELS[id]} · ${route(m, id)}: ${describeMessage(m, id, plainRequests)}${size}${tail}`;
}

const IN_FLIGHT: Record<Glyph, [string, string]> = {
  request: ['request on the way to the server', 'requests on the way to the server'],
  emptyResponse: ['empty response in flight', 'empty responses in flight'],
  dataResponse: ['response in flight', 'responses in flight'],
  sseEvent: ['SSE event in flight', 'SSE events in flight'],
  wsFrame: ['WebSocket frame in flight', 'WebSocket frames in flight'],
  keepAlive: ['keep-alive message in flight', 'keep-alive messages in flight'],
  webhookAttempt: ['webhook attempt in flight', 'webhook attempts in flight'],
  ack: ['acknowledgement in flight', 'acknowledgements in flight'],
  failed: ['failed attempt or answer in flight', 'failed attempts or answers in flight'],
  handshake: ['handshake under way', 'handshakes under way'],
  refused: ['refusal in flight', 'refusals in flight'],
  close: ['close in flight', 'closes in flight'],
};

/** The text alternative of a lane: what is on screen at `playheadMs`, in one sentence. */
export function describeLane(id: MechanismId, snapshot: LaneSnapshot, playheadMs: number): string {
  const parts: string[] = [];
  if (snapshot.held.length > 0) parts.push(count(snapshot.held.length, 'request held at the server', 'requests held at the server'));
  if (snapshot.retries.length > 0) parts.push(count(snapshot.retries.length, 'delivery waiting to retry', 'deliveries waiting to retry'));
  const glyphs = new Map<Glyph, { n: number; events: number }>();
  let dropped = 0;
  for (const { message } of snapshot.flights) {
    if (message.arriveMs < playheadMs) continue;
    if (isDropped(message)) {
      dropped += 1;
      continue;
    }
    const glyph = glyphOf(message);
    const tally = glyphs.get(glyph) ?? { n: 0, events: 0 };
    glyphs.set(glyph, { n: tally.n + 1, events: tally.events + message.events });
  }
  for (const [glyph, { n, events }] of glyphs) {
    const [one, many] = IN_FLIGHT[glyph];
    const carrying = glyph === 'dataResponse' ? ` carrying ${count(events, 'event', 'events')}` : '';
    parts.push(`${count(n, one, many)}${carrying}`);
  }
  if (dropped > 0) parts.push(count(dropped, 'message being dropped', 'messages being dropped'));
  return `${MECHANISM_LABELS[id]}: ${parts.length > 0 ? parts.join(', ') : 'nothing on the wire'}.`;
}
