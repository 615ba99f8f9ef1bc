// Metrics per mechanism (DESIGN.md §6). A figure that does not exist is null, never NaN or a fake 0.

export interface EventCounts {
  created: number;
  delivered: number;
  lost: number;
  duplicates: number;
  pending: number;
}

export interface LatencySummary {
  mean: number | null;
  p50: number | null;
  p95: number | null;
  p99: number | null;
  max: number | null;
}

export interface ByteCounts {
  up: number;
  down: number;
  overhead: number;
  payload: number;
  /** up + down plus TLS record overhead, TCP/IP headers and ACKs (protocol/wire.ts). */
  wire: number;
}

/** One value per simulated second: index i covers [i, i + 1) s. */
export interface MetricSeries {
  requests: number[];
  responses: number[];
  emptyResponses: number[];
  eventsCreated: number[];
  eventsDelivered: number[];
  eventsLost: number[];
  duplicates: number[];
  /** Mean latency of the events delivered in that second; null when none were. */
  latencyMeanMs: (number | null)[];
  bytesUp: number[];
  bytesDown: number[];
  bytesOverhead: number[];
  bytesPayload: number[];
  /** Connections open at the server at the end of the second. */
  openConnections: number[];
  /** Peak open connections within the second. */
  peakOpenConnections: number[];
  /** Busy worker time / (workers × 1 s). */
  serverUtilization: number[];
  memoryKb: number[];
  /** Bytes on the wire (application + TLS records + TCP/IP headers + ACKs). */
  bytesWire: number[];
  /** SYNs sent for new connections, refused and dropped ones included. */
  connectionAttempts: number[];
}

/** The totals of a run up to some moment, without the per-second series. */
export type MechanismTotals = Omit<MechanismMetrics, 'series'>;

export interface MechanismMetrics {
  requests: number;
  requestsPerSec: number;
  responses: number;
  emptyResponses: number;
  emptyRatio: number | null;
  events: EventCounts;
  latencyMs: LatencySummary;
  bytes: ByteCounts;
  peakOpenConnections: number;
  /** Every SYN a client sent for a new connection, refused and dropped ones included. */
  connectionAttempts: number;
  /** Attempts that never connected: refused, or abandoned after network.connectTimeoutMs. */
  connectionFailures: number;
  /** Error answers: a load balancer's 502 while the server restarts, a refused upgrade. */
  errorResponses: number;
  /** SSE clients whose EventSource closed for good after a non-200 answer. */
  sseClosedClients: number;
  serverUtilization: number | null;
  peakMemoryKb: number;
  series: MetricSeries;
}
