import type { SpanKind, SpanOutcome, TraceSpan } from '../../sim/trace/types.ts';
import type { Span } from './laneGeometry.ts';

// The lasting states a lane draws, read from the spans the engine recorded when it decided them:
// requests held at the server, open streams and sockets, waits before a retry or a reconnect,
// the server down, the receivers down, and proxy cuts. Nothing here knows a protocol rule: a span
// still open when the run stopped is drawn up to the end of the run.

/** A client's state over [startMs, endMs): held request, open stream or retry wait. */
export interface ClientSpan extends Span {
  client: number;
  outcome: SpanOutcome;
}

/** A wait before a retry or a reconnect. */
export interface RetryWait extends ClientSpan {
  /** The attempt it leads to (webhook delivery attempt, WebSocket reconnect), or 0 if uncounted. */
  nextAttempt: number;
}

export type HeldRequest = ClientSpan;
export type OpenStream = ClientSpan;

/** A server-wide interval: the server restarting, or the webhook receivers answering 503. */
export interface Outage extends Span {
  kind: 'serverDown' | 'receiverDown';
}

/** The instant a proxy cut one client's connection. */
export interface ProxyCut extends Span {
  client: number;
}

export interface LaneSpans {
  held: HeldRequest[];
  streams: OpenStream[];
  retries: RetryWait[];
  outages: Outage[];
  cuts: ProxyCut[];
}

/** Spans of one lane by kind, with open ends closed at the end of the run (`endMs`). */
export function laneSpans(spans: readonly TraceSpan[], endMs: number): LaneSpans {
  const lane: LaneSpans = { held: [], streams: [], retries: [], outages: [], cuts: [] };
  const clip = (t: number) => Math.min(t, endMs);
  const byKind: Partial<Record<SpanKind, (s: TraceSpan) => void>> = {
    held: (s) => lane.held.push({ client: s.client, startMs: s.startMs, endMs: clip(s.endMs), outcome: s.outcome }),
    stream: (s) => lane.streams.push({ client: s.client, startMs: s.startMs, endMs: clip(s.endMs), outcome: s.outcome }),
    retryWait: (s) =>
      lane.retries.push({ client: s.client, startMs: s.startMs, endMs: clip(s.endMs), outcome: s.outcome, nextAttempt: s.attempt }),
    serverDown: (s) => lane.outages.push({ kind: 'serverDown', startMs: s.startMs, endMs: clip(s.endMs) }),
    receiverDown: (s) => lane.outages.push({ kind: 'receiverDown', startMs: s.startMs, endMs: clip(s.endMs) }),
    proxyCut: (s) => lane.cuts.push({ client: s.client, startMs: s.startMs, endMs: s.startMs }),
  };
  for (const span of spans) {
    if (span.startMs > endMs) continue;
    byKind[span.kind]?.(span);
  }
  return lane;
}
