import type { MechanismMetrics } from '../sim/metrics/types.ts';
import type { RunRecording } from '../sim/recording.ts';
import type { MechanismId } from '../sim/scenario/types.ts';

// Reading figures off a recording for the challenges: every reveal's number comes from here.

/** The final metrics of one mechanism of the run, or null when it was not part of it. */
export function finalOf(recording: RunRecording, id: MechanismId): MechanismMetrics | null {
  return recording.mechanisms[id]?.final ?? null;
}

/** The busiest second of requests at or after `fromSec`: how many, and which second. */
export function peakRequestsFrom(metrics: MechanismMetrics, fromSec: number): { requests: number; second: number } {
  let requests = 0;
  let second = fromSec;
  const series = metrics.series.requests;
  for (let i = Math.max(0, Math.floor(fromSec)); i < series.length; i++) {
    if (series[i] > requests) {
      requests = series[i];
      second = i;
    }
  }
  return { requests, second };
}
