import { connectionRole, type MessageKind, type SpanKind, type TraceMessage, type TraceSpan } from '../../sim/trace/types.ts';
import { SpanIndex } from '../lanes/laneGeometry.ts';

// Where the first traced client (Client 1 / Receiver 1 in the lanes) is at the playhead, read from
// what the engine recorded: the spans it decided (a held request, a wait before a retry, a stream
// that ended, a dead letter) and the message in flight that was sent last, or the one that arrived
// last. Each mechanism's view turns that moment into one of its numbered steps. The lookup runs
// every frame, so each recording is indexed once.

/** What the moment is read from: one lane's recorded trace and spans. */
export interface LaneRecord {
  trace: readonly TraceMessage[];
  spans: readonly TraceSpan[];
}

/** Client 0 at the playhead, as the views' step rules read it. */
export interface StepMoment {
  /** The message that decides the step: in flight (sent last) if any, else arrived last. */
  message: TraceMessage;
  flying: boolean;
  /** Client 0 is waiting to retry. */
  waiting: boolean;
  /** An earlier stream of this client has ended: its setup messages now are a reconnect. */
  reconnecting: boolean;
  /** Client 0 has a request held at the server. */
  held: () => boolean;
  /** The nearest earlier message whose kind is not in `skip`, or null. */
  before: (skip: readonly MessageKind[]) => TraceMessage | null;
  /** The attempt number of the next webhook attempt after the message, or 0. */
  attemptAfter: () => number;
  /** Whether the engine gave up on a delivery of client 0 after the message and by the playhead. */
  deadLettered: () => boolean;
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

/** The message that decides the step, as an index into client 0's messages. */
interface Found {
  at: number;
  flying: boolean;
}

function foundAt({ messages, maxTransitMs }: ClientTrace, playheadMs: number): Found | null {
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
    if (m.arriveMs > playheadMs) return { at: i, flying: true };
    if (m.arriveMs > landedMs) {
      landed = i;
      landedMs = m.arriveMs;
    }
    // Nothing sent earlier can still be in flight, or have arrived after the one found.
    if (m.sendMs + maxTransitMs <= playheadMs && m.sendMs + maxTransitMs < landedMs) break;
  }
  return landed < 0 ? null : { at: landed, flying: false };
}

/** Whether a start time in the sorted `starts` lies in [fromMs, toMs]. */
function anyBetween(starts: readonly number[], fromMs: number, toMs: number): boolean {
  let lo = 0;
  let hi = starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (starts[mid] < fromMs) lo = mid + 1;
    else hi = mid;
  }
  return lo < starts.length && starts[lo] <= toMs;
}

/** Client 0 of a lane at `playheadMs`, or null before its first message. */
export function stepMoment(lane: LaneRecord, playheadMs: number): StepMoment | null {
  const client = firstClient(lane);
  const found = foundAt(client, playheadMs);
  if (!found) return null;
  const { messages, spans } = client;
  const message = messages[found.at];
  return {
    message,
    flying: found.flying,
    waiting: spans.retryWait.activeAt(playheadMs).length > 0,
    reconnecting: spans.firstStreamEndMs <= playheadMs,
    held: () => spans.held.activeAt(playheadMs).length > 0 || spans.openHeld.some((s) => s.startMs <= playheadMs),
    before: (skip) => {
      for (let i = found.at - 1; i >= 0; i--) if (!skip.includes(messages[i].kind)) return messages[i];
      return null;
    },
    attemptAfter: () => {
      for (let i = found.at + 1; i < messages.length; i++) if (messages[i].kind === 'webhookAttempt') return messages[i].attempt;
      return 0;
    },
    deadLettered: () => anyBetween(spans.deadLetters, message.sendMs, playheadMs),
  };
}
