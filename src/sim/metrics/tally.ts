import { LatencyHistogram } from './histogram.ts';
import type { MechanismTotals } from './types.ts';

// The counters behind one summary. The recorder keeps two: the whole run and the steady-state
// window, fed by the same record calls, so a counter added here is counted in both.

export class Tally {
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
  outOfOrder = 0;
  bytesUp = 0;
  bytesDown = 0;
  bytesOverhead = 0;
  bytesPayload = 0;
  /** Application bytes plus TLS records, TCP/IP headers and ACKs (protocol/wire.ts). */
  bytesWire = 0;
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
  /** Requests refused with an immediate 503 because server.maxQueuedRequests already waited. */
  overloadRejections = 0;
  /** Most requests waiting for a worker at once. */
  peakQueuedRequests = 0;

  /** Events neither delivered nor given up on. */
  get pending(): number {
    return this.created - this.delivered - this.lost;
  }

  /**
   * The summary over `elapsedSec` seconds of counting; `busyAheadMs` is worker time already
   * booked for later (subtracted: it has not been spent yet); `queueLimit` is server.maxQueuedRequests.
   */
  summary(elapsedSec: number, workers: number, busyAheadMs: number, memoryPerConnectionKb: number, queueLimit: number): Omit<MechanismTotals, 'steady'> {
    const latency = this.latency;
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
        pending: this.pending,
        outOfOrder: this.outOfOrder,
      },
      latencyMs: {
        mean: latency.mean(),
        p50: latency.quantile(0.5),
        p95: latency.quantile(0.95),
        p99: latency.quantile(0.99),
        max: latency.count > 0 ? latency.max : null,
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
      overload: {
        overloaded: this.overloadRejections > 0,
        refused: this.overloadRejections,
        peakQueued: this.peakQueuedRequests,
        queueLimit,
      },
      serverUtilization: elapsedSec > 0 ? (this.busyMs - busyAheadMs) / (workers * elapsedSec * 1000) : null,
      peakMemoryKb: this.peakOpenConnections * memoryPerConnectionKb,
    };
  }
}
