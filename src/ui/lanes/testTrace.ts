import type { MechanismId, Scenario } from '../../sim/scenario/types.ts';
import type { MechanismMetrics, MetricSeries } from '../../sim/metrics/types.ts';
import { connectionId, NO_CONNECTION, type TraceMessage, type TraceSpan } from '../../sim/trace/types.ts';
import type { RunRecording } from '../../sim/recording.ts';
import { DEFAULT_SCENARIO } from '../../sim/scenario/defaults.ts';

// Hand-made recordings for the lanes' tests: the page itself always shows the engine's output.

/** A trace message: 50 ms one way, on the client's first main connection, unless said otherwise. */
export function msg(kind: TraceMessage['kind'], client: number, sendMs: number, overrides: Partial<TraceMessage> = {}): TraceMessage {
  const up = ['connect', 'request', 'upgrade', 'pong', 'webhookResponse'].includes(kind);
  const connection = connectionId(client, 'main', 1);
  return { kind, client, up, sendMs, arriveMs: sendMs + 50, events: 0, bytes: 0, status: 'ok', attempt: 0, connection, ...overrides };
}

/**
 * A span as the engine records it: on the client's first main connection (none for waits and
 * server-wide spans), ended with `outcome` ('open' when endMs is Infinity, else 'elapsed').
 */
export function span(kind: TraceSpan['kind'], client: number, startMs: number, endMs: number, overrides: Partial<TraceSpan> = {}): TraceSpan {
  const onConnection = kind === 'held' || kind === 'stream' || kind === 'proxyCut';
  return {
    kind,
    client,
    connection: onConnection ? connectionId(client, 'main', 1) : NO_CONNECTION,
    startMs,
    endMs,
    outcome: endMs === Infinity ? 'open' : 'elapsed',
    attempt: 0,
    ...overrides,
  };
}

/** Metrics whose per-second series are given; every other figure is zero. */
export function metricsWith(seconds: number, series: Partial<MetricSeries> = {}): MechanismMetrics {
  const zeros = () => Array<number>(seconds).fill(0);
  return {
    requests: 0,
    requestsPerSec: 0,
    responses: 0,
    emptyResponses: 0,
    emptyRatio: null,
    events: { created: 0, delivered: 0, lost: 0, duplicates: 0, pending: 0, outOfOrder: 0 },
    latencyMs: { mean: null, p50: null, p95: null, p99: null, max: null },
    bytes: { up: 0, down: 0, overhead: 0, payload: 0, wire: 0 },
    peakOpenConnections: 0,
    connectionAttempts: 0, connectionFailures: 0, errorResponses: 0, sseClosedClients: 0,
    overload: { overloaded: false, refused: 0, peakQueued: 0, queueLimit: 1024 },
    serverUtilization: null,
    peakMemoryKb: 0,
    steady: null,
    series: {
      requests: zeros(),
      responses: zeros(),
      emptyResponses: zeros(),
      eventsCreated: zeros(),
      eventsDelivered: zeros(),
      eventsLost: zeros(),
      duplicates: zeros(),
      eventsOutOfOrder: zeros(),
      latencyMeanMs: zeros(),
      bytesUp: zeros(),
      bytesDown: zeros(),
      bytesOverhead: zeros(),
      bytesPayload: zeros(),
      openConnections: zeros(),
      peakOpenConnections: zeros(),
      serverUtilization: zeros(),
      memoryKb: zeros(),
      bytesWire: zeros(),
      connectionAttempts: zeros(),
      overloadRejections: zeros(),
      ...series,
    },
  };
}

interface LaneFixture {
  trace: TraceMessage[];
  spans?: TraceSpan[];
  series?: Partial<MetricSeries>;
  /** When this mechanism's run ended, if before the recording's end (another one still drained). */
  endMs?: number;
}

export function recordingOf(lanes: Partial<Record<MechanismId, LaneFixture>>, scenario: Partial<Scenario> = {}, durationSec = 10): RunRecording {
  const mechanisms: RunRecording['mechanisms'] = {};
  for (const [id, lane] of Object.entries(lanes) as [MechanismId, LaneFixture][]) {
    mechanisms[id] = { final: metricsWith(durationSec, lane.series), totalsAt: [], cdfAt: [], trace: lane.trace, spans: lane.spans ?? [], endMs: lane.endMs ?? durationSec * 1000 };
  }
  return {
    scenario: { ...DEFAULT_SCENARIO, durationSec, mechanisms: Object.keys(lanes) as MechanismId[], ...scenario },
    durationMs: durationSec * 1000,
    endMs: durationSec * 1000,
    snapshotEverySec: 1,
    traceClients: 5,
    mechanisms,
  };
}
