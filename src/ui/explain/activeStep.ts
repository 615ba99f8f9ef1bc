import type { MechanismId } from '../../sim/scenario/types.ts';
import { connectionRole, type MessageKind, type SpanKind, type TraceMessage, type TraceSpan } from '../../sim/trace/types.ts';
import { SpanIndex } from '../lanes/laneGeometry.ts';

// Which numbered step of mechanismTexts.ts the first traced client (Client 1 / Receiver 1 in the
// lanes) is in at the playhead, read from what the engine recorded: the spans it decided (a held
// request, a wait before a retry, a stream that ended, a dead letter) first, else the message in
// flight that was sent last, or the one that arrived last. The lookup runs every frame, so each
// recording is indexed once.

/** What the step is read from: one lane's recorded trace and spans. */
export interface LaneRecord {
  trace: readonly TraceMessage[];
  spans: readonly TraceSpan[];
}

interface ClientTrace {
  /** Client 0's messages on its own connections that were not cut in flight, in send order. */
  messages: TraceMessage[];
  /** The longest time any of them spent on the wire: bounds how far back a search must look. */
  maxTransitMs: number;
  spans: ClientSpans;
}

/** Client 0's spans, indexed so that a lookup per frame does not scan the whole run. */
interface ClientSpans {
  /** Finished holds and waits, for "is one active now". */
  held: SpanIndex<TraceSpan>;
  retryWait: SpanIndex<TraceSpan>;
  /** Those still open when the run stopped (at most one hold per connection). */
  openHeld: TraceSpan[];
  /** When the first of client 0's streams ended (Infinity if none did). */
  firstStreamEndMs: number;
  /** Start times of dead letters, sorted. */
  deadLetters: number[];
}

function indexSpans(spans: readonly TraceSpan[]): ClientSpans {
  const own = spans.filter((s) => s.client === 0);
  const closed = (kind: SpanKind) => new SpanIndex(own.filter((s) => s.kind === kind && s.outcome !== 'open'));
  return {
    held: closed('held'),
    retryWait: closed('retryWait'),
    openHeld: own.filter((s) => s.kind === 'held' && s.outcome === 'open'),
    firstStreamEndMs: own.reduce((first, s) => (s.kind === 'stream' && s.endMs < first ? s.endMs : first), Infinity),
    deadLetters: own.filter((s) => s.kind === 'deadLetter').map((s) => s.startMs).sort((a, b) => a - b),
  };
}

const indexedMessages = new WeakMap<readonly TraceMessage[], Omit<ClientTrace, 'spans'>>();
const indexedSpans = new WeakMap<readonly TraceSpan[], ClientSpans>();

function firstClient({ trace, spans }: LaneRecord): ClientTrace {
  let messages = indexedMessages.get(trace);
  if (!messages) {
    // A message cut by a close never arrives; the close that cut it tells the story instead. The
    // client-message POSTs on the side connection are not the mechanism's steps.
    const own = trace
      .filter((m) => m.client === 0 && m.status !== 'dropped' && connectionRole(m.connection) !== 'side')
      .sort((a, b) => a.sendMs - b.sendMs);
    messages = { messages: own, maxTransitMs: own.reduce((max, m) => Math.max(max, m.arriveMs - m.sendMs), 0) };
    indexedMessages.set(trace, messages);
  }
  let own = indexedSpans.get(spans);
  if (!own) {
    own = indexSpans(spans);
    indexedSpans.set(spans, own);
  }
  return { ...messages, spans: own };
}

/** Whether client 0 is waiting to retry at `ms`. */
const waitingAt = ({ spans }: ClientTrace, ms: number) => spans.retryWait.activeAt(ms).length > 0;

/** Whether client 0 has a request held at the server at `ms`. */
const heldAt = ({ spans }: ClientTrace, ms: number) =>
  spans.held.activeAt(ms).length > 0 || spans.openHeld.some((s) => s.startMs <= ms);

/** The message that decides the step: in flight (sent last) if any, else arrived last. */
interface Moment {
  messages: TraceMessage[];
  at: number;
  flying: boolean;
}

function momentAt({ messages, maxTransitMs }: ClientTrace, playheadMs: number): Moment | null {
  let lo = 0;
  let hi = messages.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (messages[mid].sendMs <= playheadMs) lo = mid + 1;
    else hi = mid;
  }
  let landed = -1;
  let landedMs = -Infinity;
  for (let i = lo - 1; i >= 0; i--) {
    const m = messages[i];
    if (m.arriveMs > playheadMs) return { messages, at: i, flying: true };
    if (m.arriveMs > landedMs) {
      landed = i;
      landedMs = m.arriveMs;
    }
    // Nothing sent earlier can still be in flight, or have arrived after the one found.
    if (m.sendMs + maxTransitMs <= playheadMs && m.sendMs + maxTransitMs < landedMs) break;
  }
  return landed < 0 ? null : { messages, at: landed, flying: false };
}

/** The nearest earlier message whose kind is not in `skip`, or null. */
function before(moment: Moment, skip: readonly MessageKind[]): TraceMessage | null {
  for (let i = moment.at - 1; i >= 0; i--) {
    const m = moment.messages[i];
    if (!skip.includes(m.kind)) return m;
  }
  return null;
}

/** The attempt number of the next webhook attempt after the moment's message, or 0. */
function attemptAfter(moment: Moment): number {
  for (let i = moment.at + 1; i < moment.messages.length; i++) {
    const m = moment.messages[i];
    if (m.kind === 'webhookAttempt') return m.attempt;
  }
  return 0;
}

const POLL_SETUP: MessageKind[] = ['connect'];
const SSE_SETUP: MessageKind[] = ['connect', 'request', 'response'];

function pollingStep(m: TraceMessage, flying: boolean): number {
  if (m.kind === 'connect' || (m.kind === 'request' && flying)) return 0; // the client asks
  if (m.kind === 'request') return 1; // at the server
  if (m.kind === 'response' && flying) return 2; // the answer travels
  return 3; // waiting for the next poll
}

function longPollingStep(moment: Moment, m: TraceMessage, flying: boolean, held: boolean): number {
  if (held) return 1; // parked: the engine holds the request
  if (m.kind === 'connect' || (m.kind === 'request' && flying)) {
    // Right after an answer this is the re-ask, the window in which new events have no request.
    return before(moment, POLL_SETUP)?.kind === 'response' ? 3 : 0;
  }
  if (m.kind === 'request') return 1; // at the server
  if (m.kind === 'response') return flying ? 2 : 3;
  return 0; // the connection was cut: the client starts over
}

/** `reconnecting`: an earlier stream of this client has ended, so this setup is a reconnect. */
function sseStep(m: TraceMessage, flying: boolean, reconnecting: boolean): number {
  if (m.kind === 'close') return 3;
  if (m.kind === 'sseEvent') return flying ? 2 : 1;
  if (SSE_SETUP.includes(m.kind)) {
    if (reconnecting) return flying || m.kind !== 'response' ? 3 : 1;
    return m.kind === 'connect' || (m.kind === 'request' && flying) ? 0 : 1;
  }
  return 1; // a heartbeat: the stream is simply open
}

function websocketStep(m: TraceMessage, flying: boolean, reconnecting: boolean): number {
  if (m.kind === 'close') return 4;
  if (m.kind === 'wsFrame') return flying ? 2 : 1;
  if (m.kind === 'ping' || m.kind === 'pong') return flying ? 3 : 1;
  if (m.kind === 'connect' || m.kind === 'upgrade' || m.kind === 'upgradeResponse') {
    // A refused upgrade sends this lane to its fallback, which none of these steps describes.
    if (m.kind === 'upgradeResponse' && m.status === 'refused') return -1;
    if (m.kind === 'upgradeResponse' && !flying) return 1;
    return reconnecting ? 4 : 0;
  }
  return -1; // requests of the long-polling fallback
}

function webhookStep(moment: Moment, m: TraceMessage, flying: boolean): number {
  if (m.kind === 'connect') return attemptAfter(moment) > 1 ? 2 : 0; // a handshake before an attempt
  if (m.kind === 'webhookAttempt') {
    if (flying) return m.attempt > 1 ? 2 : 0;
    return m.status === 'ok' ? 1 : 2; // the receiver is handling it, or is down
  }
  if (m.kind === 'webhookResponse') return m.status === 'ok' ? 1 : 2;
  return -1;
}

/** Whether the engine gave up on a delivery of client 0 after the moment's message and by `ms`. */
function deadLettered(client: ClientTrace, moment: Moment, ms: number): boolean {
  const since = moment.messages[moment.at].sendMs;
  const starts = client.spans.deadLetters;
  let lo = 0;
  let hi = starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (starts[mid] < since) lo = mid + 1;
    else hi = mid;
  }
  return lo < starts.length && starts[lo] <= ms;
}

/**
 * The step (0-based, as in mechanismTexts.ts) that client 0 of `id`'s lane is in at
 * `playheadMs`; −1 before its first message, or when no step describes what it does.
 */
export function activeStep(id: MechanismId, lane: LaneRecord, playheadMs: number): number {
  const client = firstClient(lane);
  const waiting = waitingAt(client, playheadMs);
  const moment = momentAt(client, playheadMs);
  if (!moment) return -1;
  const m = moment.messages[moment.at];
  // An earlier stream of this client has ended: its setup messages now are a reconnect.
  const reconnecting = client.spans.firstStreamEndMs <= playheadMs;
  switch (id) {
    case 'polling':
      return pollingStep(m, moment.flying);
    case 'longPolling':
      return waiting ? 0 : longPollingStep(moment, m, moment.flying, heldAt(client, playheadMs));
    case 'sse':
      return waiting ? 3 : sseStep(m, moment.flying, reconnecting);
    case 'websocket':
      return waiting ? 4 : websocketStep(m, moment.flying, reconnecting);
    case 'webhook':
      if (waiting) return 2;
      return deadLettered(client, moment, playheadMs) ? 3 : webhookStep(moment, m, moment.flying);
  }
}
