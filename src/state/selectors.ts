import type { MechanismId } from '../sim/scenario/types.ts';
import type { MechanismTotals } from '../sim/metrics/types.ts';
import type { LatencyCdfPoint, RunRecording } from '../sim/recording.ts';
import { useDeferredValue } from 'react';
import { useLab } from './store.ts';

// Narrow reads of the store, and pure functions that turn the recording into the state at a
// playhead. Views use these instead of reaching into the recording's layout.

export const usePlayheadMs = (): number => useLab((s) => s.playheadMs);
/** Changes once per simulated second: for views that need not move every frame. */
export const usePlayheadSecond = (): number => useLab((s) => Math.floor(s.playheadMs / 1000));
export const useRecording = (): RunRecording | null => useLab((s) => s.recording);
/**
 * The recording for the views that index the whole trace or draw the whole run (lanes, charts,
 * event log, explanations): a new run reaches them in a background render that React splits
 * between frames, one view at a time, while the scoreboard and the time controls take it at once
 * (issue 10, item 3: a big run's arrival must not hold the page for one long task).
 */
export const useDeferredRecording = (): RunRecording | null => useDeferredValue(useRecording());

/** Index into the per-second series for the playhead: the last completed second, or −1. */
export function secondIndex(recording: RunRecording, playheadMs: number): number {
  const seconds = Math.ceil(recording.endMs / 1000);
  if (playheadMs >= recording.endMs) return seconds - 1;
  return Math.min(seconds - 1, Math.floor(playheadMs / 1000) - 1);
}

/** Index into totalsAt / cdfAt for the playhead: the last snapshot taken by then, or −1. */
export function snapshotIndex(recording: RunRecording, playheadMs: number): number {
  const every = recording.snapshotEverySec * 1000;
  const count = Math.ceil(recording.endMs / every);
  if (playheadMs >= recording.endMs) return count - 1;
  return Math.min(count - 1, Math.floor(playheadMs / every) - 1);
}

/** Totals of a mechanism at the playhead (at the last snapshot); null before the first. */
export function totalsAt(recording: RunRecording, id: MechanismId, playheadMs: number): MechanismTotals | null {
  const at = snapshotIndex(recording, playheadMs);
  return at >= 0 ? (recording.mechanisms[id]?.totalsAt[at] ?? null) : null;
}

export function latencyCdfAt(recording: RunRecording, id: MechanismId, playheadMs: number): LatencyCdfPoint[] {
  const at = snapshotIndex(recording, playheadMs);
  return at >= 0 ? (recording.mechanisms[id]?.cdfAt[at] ?? []) : [];
}
