import type { MechanismId } from '../../sim/scenario/types.ts';
import type { TraceMessage } from '../../sim/trace/types.ts';
import type { MechanismRecording, RunRecording } from '../../sim/recording.ts';
import { secondIndex } from '../../state/selectors.ts';
import { viewOf } from '../mechanismViews.ts';
import { LINGER_MS, SpanIndex, type Span } from './laneGeometry.ts';
import { laneSpans, type HeldRequest, type OpenStream, type Outage, type ProxyCut, type RetryWait } from './traceSpans.ts';

// Everything a lane draws, indexed once per run (messages, and the engine's spans: held requests,
// retry waits, open streams, outages, proxy cuts), and the lane's state at a playhead: what is on
// screen, plus the server-side readouts from the per-second series, which cover every client.

/** How long a proxy cut stays marked on its row after the instant it happened (simulated ms). */
export const CUT_MARK_MS = 1000;

export interface Flight extends Span {
  message: TraceMessage;
  /** Position in the recorded trace: a stable key. */
  key: number;
}

export interface LaneModel {
  id: MechanismId;
  /** Traced clients, one row each. */
  rows: number;
  flights: SpanIndex<Flight>;
  held: SpanIndex<HeldRequest>;
  retries: SpanIndex<RetryWait>;
  streams: SpanIndex<OpenStream>;
  outages: SpanIndex<Outage>;
  cuts: SpanIndex<ProxyCut>;
  /** Whether the lane parks requests at the server (long polling, or WebSockets falling back to it). */
  parksRequests: boolean;
  oneWayMs: number;
}

export function buildLaneModel(id: MechanismId, mechanism: MechanismRecording, recording: RunRecording): LaneModel {
  const { scenario, durationMs } = recording;
  const trace = mechanism.trace;
  const flights = new SpanIndex(trace.map((message, key) => ({ startMs: message.sendMs, endMs: message.arriveMs, message, key })));
  const spans = laneSpans(mechanism.spans, durationMs);
  return {
    id,
    rows: Math.min(recording.traceClients, scenario.clients),
    flights,
    held: new SpanIndex(spans.held),
    retries: new SpanIndex(spans.retries),
    streams: new SpanIndex(spans.streams),
    outages: new SpanIndex(spans.outages),
    cuts: new SpanIndex(spans.cuts),
    parksRequests: viewOf(id).holdsRequests || spans.held.length > 0,
    oneWayMs: scenario.network.latencyMs,
  };
}

export interface LaneSnapshot {
  /** Messages in flight, and those that arrived less than LINGER_MS ago. */
  flights: Flight[];
  held: HeldRequest[];
  retries: RetryWait[];
  streams: OpenStream[];
  outages: Outage[];
  /** Proxy cuts of the last CUT_MARK_MS. */
  cuts: ProxyCut[];
  /** Series index of the last whole second before the playhead, or −1 before the first. */
  second: number;
  openConnections: number | null;
  serverLoad: number | null;
  requestsLastSecond: number | null;
  /**
   * When the playhead is past this mechanism's own end (its drain finished while another
   * mechanism's went on), that end: the readouts then hold its last second's figures.
   */
  endedAtMs: number | null;
}

export function laneSnapshot(model: LaneModel, mechanism: MechanismRecording, recording: RunRecording, playheadMs: number): LaneSnapshot {
  const ended = mechanism.endMs < recording.endMs && playheadMs >= mechanism.endMs;
  // A mechanism's series stop at its own end; past it the lane keeps its last second.
  const second = ended ? Math.max(0, Math.ceil(mechanism.endMs / 1000) - 1) : secondIndex(recording, playheadMs);
  const series = mechanism.final.series;
  const at = (values: readonly number[]) => (second >= 0 ? (values[second] ?? null) : null);
  return {
    flights: model.flights.at(playheadMs, LINGER_MS),
    held: model.held.activeAt(playheadMs),
    retries: model.retries.activeAt(playheadMs),
    streams: model.streams.activeAt(playheadMs),
    outages: model.outages.activeAt(playheadMs),
    cuts: model.cuts.at(playheadMs, CUT_MARK_MS),
    second,
    openConnections: at(series.openConnections),
    serverLoad: at(series.serverUtilization),
    requestsLastSecond: at(series.requests),
    endedAtMs: ended ? mechanism.endMs : null,
  };
}
