import type { MechanismId } from '../../sim/scenario/types.ts';
import type { TraceMessage } from '../../sim/trace/types.ts';
import type { Span } from './laneGeometry.ts';

// States that last a while, derived once per run from a lane's trace: requests held at the server
// (long polling), webhook retry waits, and open push channels (an SSE stream, a WebSocket). The
// trace records messages only, so each is rebuilt from the messages that begin and end it.

/** A request that has reached the server and is not answered yet: [arrival, answer or cut). */
export interface HeldRequest extends Span {
  client: number;
}

/** The provider waiting after a failed attempt: [failure noticed, next attempt starts). */
export interface RetryWait extends Span {
  client: number;
  /** Attempt number that the wait leads to (1-based). */
  nextAttempt: number;
}

/**
 * Held requests of each client. A response answers the latest request that reached the server
 * before it was sent (a quick POST arriving while a long poll is parked is answered first); a
 * close or a server restart ends everything that client had parked. Holds no longer than
 * `minHoldMs` are ordinary service time, not parking.
 */
export function heldRequests(
  trace: readonly TraceMessage[],
  restartsMs: readonly number[],
  endMs: number,
  minHoldMs: number,
): HeldRequest[] {
  type Mark = { t: number; rank: number; cut: boolean };
  const marks = new Map<number, Mark[]>();
  const add = (client: number, mark: Mark) => {
    const list = marks.get(client);
    if (list) list.push(mark);
    else marks.set(client, [mark]);
  };
  for (const m of trace) {
    if (m.kind === 'request' && m.status !== 'dropped') add(m.client, { t: m.arriveMs, rank: 0, cut: false });
    else if (m.kind === 'response') add(m.client, { t: m.sendMs, rank: 1, cut: false });
    else if (m.kind === 'close') add(m.client, { t: m.sendMs, rank: 1, cut: true });
  }
  const held: HeldRequest[] = [];
  for (const [client, list] of marks) {
    for (const t of restartsMs) list.push({ t, rank: 1, cut: true });
    list.sort((a, b) => a.t - b.t || a.rank - b.rank);
    const parked: number[] = [];
    const end = (startMs: number, endAt: number) => {
      if (endAt - startMs > minHoldMs) held.push({ client, startMs, endMs: endAt });
    };
    for (const mark of list) {
      if (mark.rank === 0) parked.push(mark.t);
      else if (mark.cut) while (parked.length > 0) end(parked.pop() ?? mark.t, mark.t);
      else if (parked.length > 0) end(parked.pop() ?? mark.t, mark.t);
    }
    for (const startMs of parked) end(startMs, endMs);
  }
  return held;
}

function groupBy(items: readonly TraceMessage[], key: (m: TraceMessage) => string): Map<string, TraceMessage[]> {
  const groups = new Map<string, TraceMessage[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  for (const list of groups.values()) list.sort((a, b) => a.sendMs - b.sendMs);
  return groups;
}

/**
 * Webhook retry waits. Attempt n and its answer pair up in send order per receiver; the failure is
 * noticed when a 503 arrives, or at the timeout for an answer that came too late; the wait ends
 * when attempt n + 1 starts (with its handshake, when it needs a new connection).
 */
export function retryWaits(trace: readonly TraceMessage[], timeoutMs: number, endMs: number): RetryWait[] {
  const key = (m: TraceMessage) => `${m.client}:${m.attempt}`;
  const attempts = groupBy(trace.filter((m) => m.kind === 'webhookAttempt'), key);
  const answers = groupBy(trace.filter((m) => m.kind === 'webhookResponse'), key);
  const connects = groupBy(trace.filter((m) => m.kind === 'connect'), (m) => String(m.client));
  const failures: { client: number; attempt: number; noticedMs: number }[] = [];
  for (const [k, list] of answers) {
    const sent = attempts.get(k) ?? [];
    list.forEach((answer, i) => {
      if (answer.status === 'failed') failures.push({ client: answer.client, attempt: answer.attempt, noticedMs: answer.arriveMs });
      else if (answer.status === 'timedOut') {
        const start = sent.at(i)?.sendMs ?? answer.sendMs;
        failures.push({ client: answer.client, attempt: answer.attempt, noticedMs: start + timeoutMs });
      }
    });
  }
  failures.sort((a, b) => a.noticedMs - b.noticedMs);
  const taken = new Set<TraceMessage>();
  const waits: RetryWait[] = [];
  for (const failure of failures) {
    const candidates = attempts.get(`${failure.client}:${failure.attempt + 1}`) ?? [];
    const next = candidates.find((m) => m.sendMs >= failure.noticedMs && !taken.has(m));
    if (next === undefined) continue; // the last attempt failed (dead-lettered) or the run ended first
    taken.add(next);
    const handshake = (connects.get(String(failure.client)) ?? []).filter(
      (c) => c.sendMs >= failure.noticedMs && c.sendMs <= next.sendMs,
    );
    const endAt = Math.min(handshake.at(-1)?.sendMs ?? next.sendMs, endMs);
    waits.push({ client: failure.client, nextAttempt: failure.attempt + 1, startMs: failure.noticedMs, endMs: endAt });
  }
  return waits;
}

/** A push channel open between a client and the server: an SSE stream or a WebSocket. */
export interface OpenStream extends Span {
  client: number;
}

/** Whether `m` opens the lane's push channel when it reaches the client. */
function opensStream(m: TraceMessage, id: MechanismId): boolean {
  if (id === 'sse') return m.kind === 'response' && m.status === 'ok';
  return id === 'websocket' && m.kind === 'upgradeResponse' && m.status === 'ok';
}

/**
 * Open push channels of each client: from the arrival of the stream's first answer (SSE's
 * response head, WebSocket's 101) to the first close or server restart after it, or the run's end.
 */
export function openStreams(
  trace: readonly TraceMessage[],
  id: MechanismId,
  restartsMs: readonly number[],
  endMs: number,
): OpenStream[] {
  const marks = new Map<number, { t: number; opens: boolean }[]>();
  for (const m of trace) {
    const opens = opensStream(m, id);
    if (!opens && m.kind !== 'close') continue;
    const list = marks.get(m.client) ?? [];
    list.push({ t: opens ? m.arriveMs : m.sendMs, opens });
    marks.set(m.client, list);
  }
  const streams: OpenStream[] = [];
  for (const [client, list] of marks) {
    for (const t of restartsMs) list.push({ t, opens: false });
    list.sort((a, b) => a.t - b.t || Number(a.opens) - Number(b.opens));
    let since: number | null = null;
    for (const mark of list) {
      if (mark.opens) since ??= mark.t;
      else if (since !== null) {
        if (mark.t > since) streams.push({ client, startMs: since, endMs: mark.t });
        since = null;
      }
    }
    if (since !== null && endMs > since) streams.push({ client, startMs: since, endMs });
  }
  return streams;
}
