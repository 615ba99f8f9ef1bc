import type { RunRecording } from '../../sim/recording.ts';
import type { ShapedRun } from './chartData.ts';
import type { FaultWindow } from '../comparison/figures.ts';

/** What every chart gets: the run, its shaped points, and where the playhead is. */
export interface ChartProps {
  recording: RunRecording;
  run: ShapedRun;
  /** Where the data shown end, in simulated seconds: the playhead's last whole second, or the run's end. */
  playheadSec: number;
  /** Index into the per-second series and totals for the playhead; −1 before the first second ends. */
  index: number;
  /** Outages and restarts, drawn as bands on every chart over time. */
  faults: readonly FaultWindow[];
}

/** The time the values at the playhead describe, or null when there are none yet. */
export const describedSec = ({ index, playheadSec }: ChartProps): number | null => (index >= 0 ? playheadSec : null);
