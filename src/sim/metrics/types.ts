// Metrics per mechanism (DESIGN.md §6). A figure that does not exist is null, never NaN or a fake 0.

export interface EventCounts {
  created: number;
  delivered: number;
  lost: number;
  duplicates: number;
  /** Neither delivered nor given up on when the run (with its drain) stopped. */
  pending: number;
  /**
   * First deliveries that arrived after an event created later for the same recipient had
   * already been delivered (with broadcast, each client is a recipient).
   */
  outOfOrder: number;
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
  eventsOutOfOrder: number[];
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
  /** Requests refused with a 503 because the server's request queue was full. */
  overloadRejections: number[];
}

/** The server's request queue (server.maxQueuedRequests): whether it refused work for want of room. */
export interface OverloadSummary {
  /** At least one request found the queue full and was refused: the server was overloaded. */
  overloaded: boolean;
  /** Requests refused with an immediate 503 (also counted in errorResponses). */
  refused: number;
  /** Most requests waiting for a worker at once; never above queueLimit. */
  peakQueued: number;
  /** server.maxQueuedRequests. */
  queueLimit: number;
}

/** The totals of a run up to some moment, without the per-second series. */
export type MechanismTotals = Omit<MechanismMetrics, 'series'>;

/**
 * The same figures over the steady-state window [fromSec, toSec) = [warm-up, durationSec) (or up
 * to now while the run is before durationSec): requests, responses, bytes and worker time in the
 * window, and the events created in it, followed to their delivery or loss.
 */
export type SteadyTotals = Omit<MechanismTotals, 'steady'> & { fromSec: number; toSec: number };

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
  /** Error answers: a load balancer's 502 while the server restarts, a refused upgrade, an overloaded server's 503. */
  errorResponses: number;
  /** SSE clients whose EventSource closed for good after a non-200 answer. */
  sseClosedClients: number;
  overload: OverloadSummary;
  serverUtilization: number | null;
  peakMemoryKb: number;
  /** Null while the run has not passed the warm-up, or when the window is empty. */
  steady: SteadyTotals | null;
  series: MetricSeries;
}
