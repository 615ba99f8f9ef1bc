import { LatencyHistogram } from './histogram.ts';
import { TCP_CLOSE_WIRE_BYTES } from '../protocol/wire.ts';
import type { MechanismMetrics, MechanismTotals, MetricSeries } from './types.ts';

// Counters and per-second series for one mechanism's run (DESIGN.md §6). Every method takes the
// simulated time of what it records; a time at or past the end lands in the last second.

export class MetricsRecorder {
  readonly latency = new LatencyHistogram();
  requests = 0;
  responses = 0;
  emptyResponses = 0;
  /** Messages that could have carried events: poll and long-poll responses, pushes, attempts. */
  carriers = 0;
  created = 0;
  delivered = 0;
  lost = 0;
  duplicates = 0;
  bytesUp = 0;
  bytesDown = 0;
  bytesOverhead = 0;
  bytesPayload = 0;
  /** Application bytes plus TLS records, TCP/IP headers and ACKs (protocol/wire.ts). */
  bytesWire = 0;
  openConnections = 0;
  peakOpenConnections = 0;
  busyMs = 0;
  /** Every SYN a client sent for a new connection, refused and dropped ones included. */
  connectionAttempts = 0;
  /** Connection attempts that never connected: refused, or given up after connectTimeoutMs. */
  connectionFailures = 0;
  /** Answers that were errors: a load balancer's 502 while the server is down, a refused upgrade. */
  errorResponses = 0;
  /** SSE clients whose EventSource closed for good (a non-200 answer without reconnectOnError). */
  sseClosedClients = 0;

  private readonly seconds: number;
  private readonly endMs: number;
  private readonly s = {
    requests: null as unknown as Float64Array,
    responses: null as unknown as Float64Array,
    emptyResponses: null as unknown as Float64Array,
    created: null as unknown as Float64Array,
    delivered: null as unknown as Float64Array,
    lost: null as unknown as Float64Array,
    duplicates: null as unknown as Float64Array,
    latencySum: null as unknown as Float64Array,
    bytesUp: null as unknown as Float64Array,
    bytesDown: null as unknown as Float64Array,
    bytesOverhead: null as unknown as Float64Array,
    bytesPayload: null as unknown as Float64Array,
    open: null as unknown as Float64Array,
    peakOpen: null as unknown as Float64Array,
    busyMs: null as unknown as Float64Array,
    bytesWire: null as unknown as Float64Array,
    connectionAttempts: null as unknown as Float64Array,
  };
  /** Seconds before this one have their end-of-second open-connection count filled in. */
  private openFilledTo = 0;

  constructor(
    durationSec: number,
    private readonly workers: number,
    private readonly memoryPerConnectionKb: number,
  ) {
    this.seconds = Math.max(1, Math.ceil(durationSec));
    this.endMs = durationSec * 1000;
    for (const key of Object.keys(this.s) as (keyof typeof this.s)[]) this.s[key] = new Float64Array(this.seconds);
  }

  private sec(tMs: number): number {
    // Times are ≥ 0 and below 2^31 ms, so truncation is a floor.
    const i = (tMs * 0.001) | 0;
    return i >= this.seconds ? this.seconds - 1 : i < 0 ? 0 : i;
  }

  request(tMs: number): void {
    this.requests++;
    this.s.requests[this.sec(tMs)]++;
  }

  response(tMs: number, empty: boolean): void {
    const i = this.sec(tMs);
    this.responses++;
    this.s.responses[i]++;
    if (empty) {
      this.emptyResponses++;
      this.s.emptyResponses[i]++;
    }
  }

  carrier(): void {
    this.carriers++;
  }

  /** Bytes put on the wire; `payloadBytes` is the part that is event or message payload. */
  bytes(tMs: number, up: boolean, totalBytes: number, payloadBytes: number): void {
    const i = this.sec(tMs);
    const overhead = totalBytes - payloadBytes;
    if (up) {
      this.bytesUp += totalBytes;
      this.s.bytesUp[i] += totalBytes;
    } else {
      this.bytesDown += totalBytes;
      this.s.bytesDown[i] += totalBytes;
    }
    this.bytesOverhead += overhead;
    this.bytesPayload += payloadBytes;
    this.s.bytesOverhead[i] += overhead;
    this.s.bytesPayload[i] += payloadBytes;
  }

  wire(tMs: number, bytes: number): void {
    this.bytesWire += bytes;
    this.s.bytesWire[this.sec(tMs)] += bytes;
  }

  connectionAttempt(tMs: number): void {
    this.connectionAttempts++;
    this.s.connectionAttempts[this.sec(tMs)]++;
  }

  connectionFailed(): void {
    this.connectionFailures++;
  }

  errorResponse(): void {
    this.errorResponses++;
  }

  sseClosed(): void {
    this.sseClosedClients++;
  }

  eventsCreated(tMs: number, n: number): void {
    this.created += n;
    this.s.created[this.sec(tMs)] += n;
  }

  delivery(tMs: number, latencyMs: number): void {
    const i = this.sec(tMs);
    this.delivered++;
    this.s.delivered[i]++;
    this.s.latencySum[i] += latencyMs;
    this.latency.add(latencyMs);
  }

  eventsLost(tMs: number, n: number): void {
    this.lost += n;
    this.s.lost[this.sec(tMs)] += n;
  }

  duplicate(tMs: number): void {
    this.duplicates++;
    this.s.duplicates[this.sec(tMs)]++;
  }

  connectionOpened(tMs: number): void {
    this.fillOpenTo(tMs);
    this.openConnections++;
    if (this.openConnections > this.peakOpenConnections) this.peakOpenConnections = this.openConnections;
    const i = this.sec(tMs);
    if (this.openConnections > this.s.peakOpen[i]) this.s.peakOpen[i] = this.openConnections;
  }

  connectionClosed(tMs: number): void {
    this.fillOpenTo(tMs);
    this.openConnections--;
    this.wire(tMs, TCP_CLOSE_WIRE_BYTES);
  }

  /** A worker is busy over [startMs, endMs); time past the end of the run is not counted. */
  busy(startMs: number, endMs: number): void {
    const stop = Math.min(endMs, this.endMs);
    let t = startMs;
    while (t < stop) {
      const i = this.sec(t);
      const until = Math.min(stop, (i + 1) * 1000);
      this.s.busyMs[i] += until - t;
      this.busyMs += until - t;
      t = until;
    }
  }

  /** Worker time booked after nowMs (jobs queued or in service); set by the world. */
  bookedAfter: (nowMs: number) => number = () => 0;

  /** Record the open count at the end of every second that ended before tMs. */
  private fillOpenTo(tMs: number): void {
    const upTo = Math.min(this.seconds, Math.floor(tMs / 1000));
    for (let i = this.openFilledTo; i < upTo; i++) {
      this.s.open[i] = this.openConnections;
      if (this.openConnections > this.s.peakOpen[i]) this.s.peakOpen[i] = this.openConnections;
    }
    if (upTo > this.openFilledTo) this.openFilledTo = upTo;
  }

  /** Totals and series up to simulated time nowMs. `pending` = created − delivered − lost. */
  summary(nowMs: number): MechanismMetrics {
    this.fillOpenTo(nowMs);
    const elapsedSec = Math.min(nowMs, this.seconds * 1000) / 1000;
    const shown = Math.min(this.seconds, Math.ceil(elapsedSec));
    const cut = (a: Float64Array) => Array.from(a.subarray(0, shown));
    const open = cut(this.s.open);
    // The current (unfinished) second shows the count right now.
    if (shown > this.openFilledTo) open[shown - 1] = this.openConnections;
    const peak = cut(this.s.peakOpen).map((p, i) => Math.max(p, open[i]));
    const series: MetricSeries = {
      requests: cut(this.s.requests),
      responses: cut(this.s.responses),
      emptyResponses: cut(this.s.emptyResponses),
      eventsCreated: cut(this.s.created),
      eventsDelivered: cut(this.s.delivered),
      eventsLost: cut(this.s.lost),
      duplicates: cut(this.s.duplicates),
      latencyMeanMs: cut(this.s.latencySum).map((sum, i) => (this.s.delivered[i] > 0 ? sum / this.s.delivered[i] : null)),
      bytesUp: cut(this.s.bytesUp),
      bytesDown: cut(this.s.bytesDown),
      bytesOverhead: cut(this.s.bytesOverhead),
      bytesPayload: cut(this.s.bytesPayload),
      openConnections: open,
      peakOpenConnections: peak,
      serverUtilization: cut(this.s.busyMs).map((ms) => ms / (this.workers * 1000)),
      memoryKb: open.map((n) => n * this.memoryPerConnectionKb),
      bytesWire: cut(this.s.bytesWire),
      connectionAttempts: cut(this.s.connectionAttempts),
    };
    return { ...this.totals(nowMs), series };
  }

  /** Totals up to simulated time nowMs (cheap: no series). `pending` = created − delivered − lost. */
  totals(nowMs: number): MechanismTotals {
    const elapsedSec = Math.min(nowMs, this.seconds * 1000) / 1000;
    return {
      requests: this.requests,
      requestsPerSec: elapsedSec > 0 ? this.requests / elapsedSec : 0,
      responses: this.responses,
      emptyResponses: this.emptyResponses,
      emptyRatio: this.carriers > 0 ? this.emptyResponses / this.carriers : null,
      events: {
        created: this.created,
        delivered: this.delivered,
        lost: this.lost,
        duplicates: this.duplicates,
        pending: this.created - this.delivered - this.lost,
      },
      latencyMs: {
        mean: this.latency.mean(),
        p50: this.latency.quantile(0.5),
        p95: this.latency.quantile(0.95),
        p99: this.latency.quantile(0.99),
        max: this.latency.count > 0 ? this.latency.max : null,
      },
      bytes: {
        up: this.bytesUp,
        down: this.bytesDown,
        overhead: this.bytesOverhead,
        payload: this.bytesPayload,
        wire: this.bytesWire,
      },
      peakOpenConnections: this.peakOpenConnections,
      connectionAttempts: this.connectionAttempts,
      connectionFailures: this.connectionFailures,
      errorResponses: this.errorResponses,
      sseClosedClients: this.sseClosedClients,
      serverUtilization:
        elapsedSec > 0 ? (this.busyMs - this.bookedAfter(nowMs)) / (this.workers * elapsedSec * 1000) : null,
      peakMemoryKb: this.peakOpenConnections * this.memoryPerConnectionKb,
    };
  }
}
