import type { MechanismId } from '../../sim/scenario/types.ts';
import { connectionRole, type TraceMessage, type TraceSpan } from '../../sim/trace/types.ts';
import { clientName, serverName, viewOf } from '../mechanismViews.ts';
import { formatBytes, formatMs } from '../format.ts';
import { glyphOf, isDropped, type Glyph } from './messageKinds.ts';
import type { LaneSnapshot } from './laneState.ts';

// The words of the lanes (each mechanism's own from its view): one sentence per message for the
// event log, and the summary of a lane that screen readers get instead of the moving picture.

const NBSP = '\u00a0';

/**
 * Simulated time for the log: 12400 → "12.40 s". Hundredths are cut, as on the paused clock
 * (time/timeFormat.ts), so a message the clock has reached never reads later than the clock.
 */
export const formatSeconds = (ms: number): string => `${(Math.floor(ms / 10 + 1e-6) / 100).toFixed(2)}${NBSP}s`;

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * What a message is, in a few words. A request or response on the client's side connection is a
 * client-message POST (or its answer), never the mechanism's own poll or stream.
 */
export function describeMessage(m: TraceMessage, id: MechanismId): string {
  const events = count(m.events, 'event', 'events');
  if (connectionRole(m.connection) === 'side') {
    if (m.kind === 'request') return 'client-message POST';
    if (m.kind === 'response') return 'answer to the client-message POST';
  }
  switch (m.kind) {
    case 'connect':
      return m.status === 'refused' ? 'connection refused' : 'handshake opening a new connection';
    case 'request':
      return viewOf(id).words.request;
    case 'response':
      return m.events > 0 ? viewOf(id).words.dataResponse(events) : viewOf(id).words.emptyResponse;
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
export function logSentence(m: TraceMessage, id: MechanismId): string {
  const size = m.bytes > 0 ? ` (${formatBytes(m.bytes)})` : '';
  const trip = formatMs(m.arriveMs - m.sendMs);
  const tail =
    isDropped(m) ? ', dropped when the connection was cut' : m.kind === 'connect' ? `, ${trip}` : `, ${trip} on the wire`;
  return `${formatSeconds(m.arriveMs)} · ${viewOf(id).label} · ${route(m, id)}: ${describeMessage(m, id)}${size}${tail}`;
}

/** How a span ended, as the end of a sentence. */
function ending(span: TraceSpan): string {
  switch (span.outcome) {
    case 'answered':
      return 'answered with events';
    case 'timedOut':
      return 'answered empty at the timeout';
    case 'proxyCut':
      return 'cut by the proxy';
    case 'serverDown':
      return 'cut by the server restart';
    default:
      return 'ended';
  }
}

/** What the engine decided, in one line of the event log, stamped with its moment. */
export function spanSentence(span: TraceSpan, id: MechanismId): string {
  const who = span.client >= 0 ? clientName(id, span.client) : span.kind === 'receiverDown' ? 'Receivers' : serverName(id);
  const lasting = formatSeconds(span.endMs - span.startMs);
  const say = (atMs: number, text: string) => `${formatSeconds(atMs)} · ${viewOf(id).label} · ${who}: ${text}`;
  switch (span.kind) {
    case 'held':
      return say(span.endMs, `request held ${lasting} at the server, ${ending(span)}`);
    case 'stream':
      return say(span.endMs, `${viewOf(id).words.connection} closed after ${lasting}, ${ending(span)}`);
    case 'retryWait':
      return say(span.startMs, viewOf(id).words.retryWait(lasting, span.attempt));
    case 'serverDown':
      return say(span.startMs, `down for ${lasting} (restart): every connection is cut`);
    case 'receiverDown':
      return say(span.startMs, `every attempt is answered 503 for ${lasting}`);
    case 'proxyCut':
      return say(span.startMs, 'the proxy cut the connection after its idle timeout');
    case 'deadLetter':
      return say(span.startMs, `attempt ${span.attempt} failed too: the event is dead-lettered`);
  }
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
  for (const outage of snapshot.outages) parts.push(outage.kind === 'serverDown' ? 'the server is down' : 'the receivers answer 503');
  if (snapshot.retries.length > 0) {
    const [one, many] = viewOf(id).words.waiting;
    parts.push(count(snapshot.retries.length, one, many));
  }
  if (snapshot.cuts.length > 0) parts.push(count(snapshot.cuts.length, 'connection just cut by the proxy', 'connections just cut by the proxy'));
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
  return `${viewOf(id).label}: ${parts.length > 0 ? parts.join(', ') : 'nothing on the wire'}.`;
}
