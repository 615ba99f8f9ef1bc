import type { MechanismId } from '../../sim/scenario/types.ts';
import type { MessageKind, TraceMessage } from '../../sim/trace/types.ts';

// Which numbered step of mechanismTexts.ts the first traced client (Client 1 / Receiver 1 in the
// lanes) is in at the playhead, read from its trace: the message in flight that was sent last, or
// else the one that arrived last. The lookup runs every frame, so each trace is indexed once.

interface ClientTrace {
  /** Client 0's messages that were not cut in flight, in send order. */
  messages: TraceMessage[];
  /** The longest time any of them spent on the wire: bounds how far back a search must look. */
  maxTransitMs: number;
}

const indexed = new WeakMap<readonly TraceMessage[], ClientTrace>();

function firstClient(trace: readonly TraceMessage[]): ClientTrace {
  let found = indexed.get(trace);
  if (!found) {
    // A message cut by a close never arrives; the close that cut it tells the story instead.
    const messages = trace.filter((m) => m.client === 0 && m.status !== 'dropped').sort((a, b) => a.sendMs - b.sendMs);
    const maxTransitMs = messages.reduce((max, m) => Math.max(max, m.arriveMs - m.sendMs), 0);
    found = { messages, maxTransitMs };
    indexed.set(trace, found);
  }
  return found;
}

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
const WS_SETUP: MessageKind[] = ['connect', 'upgrade', 'upgradeResponse'];

function pollingStep(m: TraceMessage, flying: boolean): number {
  if (m.kind === 'connect' || (m.kind === 'request' && flying)) return 0; // the client asks
  if (m.kind === 'request') return 1; // at the server
  if (m.kind === 'response' && flying) return 2; // the answer travels
  return 3; // waiting for the next poll
}

function longPollingStep(moment: Moment, m: TraceMessage, flying: boolean): number {
  if (m.kind === 'connect' || (m.kind === 'request' && flying)) {
    // Right after an answer this is the re-ask, the window in which new events have no request.
    return before(moment, POLL_SETUP)?.kind === 'response' ? 3 : 0;
  }
  if (m.kind === 'request') return 1; // parked
  if (m.kind === 'response') return flying ? 2 : 3;
  return 0; // the connection was cut: the client starts over
}

function sseStep(moment: Moment, m: TraceMessage, flying: boolean): number {
  if (m.kind === 'close') return 3;
  if (m.kind === 'sseEvent') return flying ? 2 : 1;
  if (SSE_SETUP.includes(m.kind)) {
    if (before(moment, SSE_SETUP)?.kind === 'close') return flying || m.kind !== 'response' ? 3 : 1;
    return m.kind === 'connect' || (m.kind === 'request' && flying) ? 0 : 1;
  }
  return 1; // a heartbeat: the stream is simply open
}

function websocketStep(moment: Moment, m: TraceMessage, flying: boolean): number {
  if (m.kind === 'close') return 4;
  if (m.kind === 'wsFrame') return flying ? 2 : 1;
  if (m.kind === 'ping' || m.kind === 'pong') return flying ? 3 : 1;
  if (WS_SETUP.includes(m.kind)) {
    // A refused upgrade sends this lane to its fallback, which none of these steps describes.
    if (m.kind === 'upgradeResponse' && m.status === 'refused') return -1;
    if (m.kind === 'upgradeResponse' && !flying) return 1;
    return before(moment, WS_SETUP)?.kind === 'close' ? 4 : 0;
  }
  return -1; // requests of the long-polling fallback
}

function webhookStep(moment: Moment, m: TraceMessage, flying: boolean, maxAttempts: number): number {
  if (m.kind === 'connect') return attemptAfter(moment) > 1 ? 2 : 0; // a handshake before an attempt
  if (m.kind === 'webhookAttempt') {
    if (flying) return m.attempt > 1 ? 2 : 0;
    return m.status === 'ok' ? 1 : 2; // the receiver is handling it, or is down
  }
  if (m.kind === 'webhookResponse') {
    if (m.status === 'ok') return 1;
    return m.attempt >= maxAttempts ? 3 : 2;
  }
  return -1;
}

/**
 * The step (0-based, as in mechanismTexts.ts) that client 0 of `id`'s trace is in at
 * `playheadMs`; −1 before its first message, or when no step describes what it does.
 * `webhookMaxAttempts` tells a retry from the last attempt (dead-lettered when it fails).
 */
export function activeStep(
  id: MechanismId,
  trace: readonly TraceMessage[],
  playheadMs: number,
  webhookMaxAttempts = Infinity,
): number {
  const moment = momentAt(firstClient(trace), playheadMs);
  if (!moment) return -1;
  const m = moment.messages[moment.at];
  switch (id) {
    case 'polling':
      return pollingStep(m, moment.flying);
    case 'longPolling':
      return longPollingStep(moment, m, moment.flying);
    case 'sse':
      return sseStep(moment, m, moment.flying);
    case 'websocket':
      return websocketStep(moment, m, moment.flying);
    case 'webhook':
      return webhookStep(moment, m, moment.flying, webhookMaxAttempts);
  }
}
