import type { MechanismId, Scenario } from './scenario/types.ts';
import type { MechanismMetrics, MechanismTotals } from './metrics/types.ts';
import type { TraceMessage, TraceSpan } from './trace/types.ts';
import { createSimulation } from './engine.ts';

// A whole run recorded for playback: the lab's views read the state at any playhead from this,
// so play, pause, step and scrubbing both ways need no re-simulation (STYLE.md §9). The totals are
// taken every simulated second (less often in very long runs); the trace holds every message of
// the sampled clients.

export interface LatencyCdfPoint {
  latencyMs: number;
  fraction: number;
}

export interface MechanismRecording {
  /** Final metrics, with per-second series. */
  final: MechanismMetrics;
  /** totalsAt[k] = totals after (k + 1) · snapshotEverySec seconds (the last may be partial). */
  totalsAt: MechanismTotals[];
  /** cdfAt[k] = cumulative latency distribution at the same moments (at most ~50 points). */
  cdfAt: LatencyCdfPoint[][];
  trace: readonly TraceMessage[];
  /** What the engine decided for the same clients: held requests, streams, waits, outages. */
  spans: readonly TraceSpan[];
  /**
   * When this mechanism's run ended (Simulation.mechanismEndMs): at or before the recording's
   * endMs, earlier when another mechanism was still draining. Its series stop here.
   */
  endMs: number;
  /**
   * When the trace reached its cap (TraceRecorder), the time of its last message: the lanes stop
   * there while the metrics go on to the end (issue 10, item 6). Absent when the trace is whole.
   */
  traceEndMs?: number;
}

export interface RunRecording {
  scenario: Scenario;
  /** durationSec in ms: events are created before it, and activity is counted up to it. */
  durationMs: number;
  /** The simulated time the recording reaches: durationMs plus the part of the drain that ran. */
  endMs: number;
  /** Seconds between snapshots: 1, or more for runs longer than MAX_SNAPSHOTS seconds. */
  snapshotEverySec: number;
  traceClients: number;
  mechanisms: Partial<Record<MechanismId, MechanismRecording>>;
}

const CDF_POINTS = 50;

function lastSendMs(trace: readonly TraceMessage[]): number {
  let last = 0;
  for (const m of trace) if (m.sendMs > last) last = m.sendMs;
  return last;
}
/** Keeps a day-long run's recording to a few thousand snapshots per mechanism. */
const MAX_SNAPSHOTS = 1800;

/**
 * Run `scenario` to its end, drain included, taking totals every simulated second.
 * `onProgress(simulatedMs)` is called after each second, for progress bars.
 */
export function recordRun(
  scenario: Scenario,
  traceClients: number,
  onProgress?: (simulatedMs: number) => void,
): RunRecording {
  const simulation = createSimulation(scenario, { traceClients });
  const durationMs = simulation.durationMs();
  const totalsAt = new Map<MechanismId, MechanismTotals[]>();
  const cdfAt = new Map<MechanismId, LatencyCdfPoint[][]>();
  for (const id of scenario.mechanisms) {
    totalsAt.set(id, []);
    cdfAt.set(id, []);
  }
  const snapshotEverySec = Math.max(1, Math.ceil(durationMs / 1000 / MAX_SNAPSHOTS));
  const stepMs = snapshotEverySec * 1000;
  for (let t = stepMs; ; t += stepMs) {
    simulation.advanceTo(t);
    for (const id of scenario.mechanisms) {
      totalsAt.get(id)?.push(simulation.totals(id));
      cdfAt.get(id)?.push(simulation.latencyCdf(id, CDF_POINTS));
    }
    onProgress?.(simulation.nowMs());
    if (simulation.isDone()) break;
  }
  const final = simulation.results();
  const mechanisms: RunRecording['mechanisms'] = {};
  for (const id of scenario.mechanisms) {
    const metrics = final[id];
    if (!metrics) continue;
    mechanisms[id] = {
      final: metrics,
      totalsAt: totalsAt.get(id) ?? [],
      cdfAt: cdfAt.get(id) ?? [],
      trace: simulation.trace(id),
      spans: simulation.spans(id),
      endMs: simulation.mechanismEndMs(id),
      ...(simulation.traceTruncated(id).messages && { traceEndMs: lastSendMs(simulation.trace(id)) }),
    };
  }
  return { scenario, durationMs, endMs: simulation.endMs(), snapshotEverySec, traceClients, mechanisms };
}
