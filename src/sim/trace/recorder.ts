import { NO_CONNECTION, type MessageKind, type MessageStatus, type SpanKind, type SpanOutcome, type TraceMessage, type TraceSpan } from './types.ts';

// Keeps the messages and spans of the first `clients` clients only (server-wide spans once): the
// lanes draw a few sampled clients, the metrics cover all of them. Caps bound memory on very long
// runs; `truncated` / `spansTruncated` say whether one was hit.

const MAX_MESSAGES = 200_000;
/** Spans are far rarer than messages (a hold or a stream outlives many of them). */
const MAX_SPANS = 50_000;

export class TraceRecorder {
  readonly messages: TraceMessage[] = [];
  readonly spans: TraceSpan[] = [];
  truncated = false;
  spansTruncated = false;
  /** Indices of the open spans on each connection, so a cut can end them. */
  private readonly openOn = new Map<number, number[]>();

  constructor(
    readonly clients: number,
    private readonly maxMessages = MAX_MESSAGES,
    private readonly maxSpans = MAX_SPANS,
  ) {}

  wants(client: number): boolean {
    return client < this.clients;
  }

  record(
    kind: MessageKind,
    client: number,
    up: boolean,
    sendMs: number,
    arriveMs: number,
    events: number,
    bytes: number,
    status: MessageStatus,
    attempt: number,
    connection: number,
  ): void {
    if (client >= this.clients) return;
    if (this.messages.length >= this.maxMessages) {
      this.truncated = true;
      return;
    }
    this.messages.push({ kind, client, up, sendMs, arriveMs, events, bytes, status, attempt, connection });
  }

  /**
   * Connection `connection` of `client` was cut at tMs (NO_CONNECTION: all of them): what was
   * still in flight on it never arrives.
   */
  markDropped(client: number, connection: number, tMs: number): void {
    if (client >= this.clients) return;
    const all = connection === NO_CONNECTION;
    for (let i = this.messages.length - 1; i >= 0; i--) {
      const m = this.messages[i];
      if (m.sendMs < tMs - 3_600_000) break;
      if (m.client !== client || (!all && m.connection !== connection)) continue;
      if (m.arriveMs > tMs && m.status === 'ok') m.status = 'dropped';
    }
  }

  /** A span whose end is already decided (a wait, an outage, an instant). */
  span(kind: SpanKind, client: number, connection: number, startMs: number, endMs: number, attempt = 0): void {
    if (client >= this.clients || this.clients === 0) return;
    this.push({ kind, client, connection, startMs, endMs, outcome: 'elapsed', attempt });
  }

  /** A span that lasts until `end` or a cut of its connection ends it. */
  open(kind: SpanKind, client: number, connection: number, startMs: number): void {
    if (client >= this.clients) return;
    const index = this.push({ kind, client, connection, startMs, endMs: Infinity, outcome: 'open', attempt: 0 });
    if (index < 0) return;
    const open = this.openOn.get(connection);
    if (open) open.push(index);
    else this.openOn.set(connection, [index]);
  }

  /** End the open span of `kind` on `connection` (if it was recorded). */
  end(kind: SpanKind, connection: number, endMs: number, outcome: SpanOutcome): void {
    const open = this.openOn.get(connection);
    if (!open) return;
    const at = open.findIndex((index) => this.spans[index].kind === kind);
    if (at < 0) return;
    this.close(open[at], endMs, outcome);
    open.splice(at, 1);
    if (open.length === 0) this.openOn.delete(connection);
  }

  /** `connection` was cut at tMs: every span still open on it ends there. */
  cut(connection: number, endMs: number, outcome: 'proxyCut' | 'serverDown'): void {
    const open = this.openOn.get(connection);
    if (!open) return;
    for (const index of open) this.close(index, endMs, outcome);
    this.openOn.delete(connection);
  }

  private close(index: number, endMs: number, outcome: SpanOutcome): void {
    const span = this.spans[index];
    span.endMs = endMs;
    span.outcome = outcome;
  }

  private push(span: TraceSpan): number {
    if (this.spans.length >= this.maxSpans) {
      this.spansTruncated = true;
      return -1;
    }
    return this.spans.push(span) - 1;
  }
}
