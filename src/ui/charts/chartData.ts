import type { LatencyCdfPoint, RunRecording } from '../../sim/recording.ts';
import type { MechanismTotals } from '../../sim/metrics/types.ts';
import { MECHANISM_IDS, type MechanismId } from '../../sim/scenario/types.ts';
import { viewOf } from '../mechanismViews.ts';

// Turns a recording into the points the charts draw. Shaped once per run: the views only move a
// clip edge and re-read values as the playhead advances. A value that does not exist is null and
// draws as a gap, never as 0 (DESIGN.md §6).

export interface Point {
  /** Simulated seconds. */
  x: number;
  y: number | null;
}

/**
 * Per-second values as points: value i covers [i, i + 1) s and is drawn at the end of its second,
 * when it is known, so a line ends exactly at the playhead. The last second of a run that does not
 * last a whole number of seconds ends at `durationSec`.
 */
export function secondPoints(values: readonly (number | null)[], durationSec: number, factor = 1): Point[] {
  return values.map((value, i) => ({
    x: Math.min(i + 1, durationSec),
    y: value === null ? null : value * factor,
  }));
}

/** Seconds per drawn point so that a long run draws at most about one point per pixel. */
export function bucketSeconds(seconds: number, maxPoints: number): number {
  return Math.max(1, Math.ceil(seconds / Math.max(1, Math.floor(maxPoints))));
}

/** Averages runs of `size` points into one, placed at the last one's x; all-null buckets stay null. */
export function bucketPoints(points: readonly Point[], size: number): readonly Point[] {
  if (size <= 1) return points;
  const out: Point[] = [];
  for (let start = 0; start < points.length; start += size) {
    const bucket = points.slice(start, start + size);
    const values = bucket.flatMap((p) => (p.y === null ? [] : [p.y]));
    const y = values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length;
    out.push({ x: bucket[bucket.length - 1].x, y });
  }
  return out;
}

/** Share of the answers of each second that were empty; null in a second without answers. */
export function emptySharePerSecond(emptyResponses: readonly number[], responses: readonly number[]): (number | null)[] {
  return responses.map((count, i) => (count > 0 ? emptyResponses[i] / count : null));
}

/** The value of a series at an index, or null when the index is outside it. */
export function valueAt<T>(values: readonly (T | null)[], index: number): T | null {
  return index >= 0 && index < values.length ? values[index] : null;
}

/** The y of the point for series index `index` (the second ending at index + 1 s), or null. */
export function yAt(points: readonly Point[] | undefined, index: number): number | null {
  return points ? (valueAt(points, index)?.y ?? null) : null;
}

/** The largest non-null value of some series, or 0. */
export function seriesMax(series: readonly (readonly (number | null)[])[]): number {
  let max = 0;
  for (const values of series) for (const v of values) if (v !== null && v > max) max = v;
  return max;
}

/** Mechanisms of the run in registry order (the order of every legend and table). */
export function mechanismsOf(recording: RunRecording): MechanismId[] {
  return MECHANISM_IDS.filter((id) => recording.mechanisms[id] !== undefined);
}

/** Mechanisms worth a line on the empty-responses chart: those whose answers can be empty, and any other that had empties. */
export function mechanismsWithEmpties(recording: RunRecording): MechanismId[] {
  return mechanismsOf(recording).filter(
    (id) => viewOf(id).canAnswerEmpty || (recording.mechanisms[id]?.final.emptyResponses ?? 0) > 0,
  );
}

/** What each time chart draws for one mechanism, for the whole run. */
export interface MechanismPoints {
  requests: Point[];
  /** Percent of each second's answers that were empty. */
  emptyPerSecond: Point[];
  /** Percent of all answers so far that were empty. */
  emptySoFar: Point[];
  bytesOverhead: Point[];
  bytesPayload: Point[];
  openConnections: Point[];
  /** Percent of worker time busy. */
  loadPercent: Point[];
}

export interface ShapedRun {
  durationSec: number;
  mechanisms: MechanismId[];
  points: Partial<Record<MechanismId, MechanismPoints>>;
  /** Largest values over the whole run, so the axes stay put while the lines grow. */
  max: { requests: number; bytes: number; openConnections: number; loadPercent: number };
}

/** Running totals of per-second values: the curve of "so far", which never flickers between 0 and a spike. */
export function cumulative(values: readonly number[]): number[] {
  let sum = 0;
  return values.map((v) => (sum += v));
}

export function shapeRun(recording: RunRecording): ShapedRun {
  const durationSec = recording.endMs / 1000;
  const mechanisms = mechanismsOf(recording);
  const points: ShapedRun['points'] = {};
  const max = { requests: 0, bytes: 0, openConnections: 0, loadPercent: 0 };
  for (const id of mechanisms) {
    const run = recording.mechanisms[id];
    if (!run) continue;
    const s = run.final.series;
    const every = recording.snapshotEverySec;
    const soFar: Point[] = run.totalsAt.map((t: MechanismTotals, k) => ({
      x: Math.min((k + 1) * every, durationSec),
      y: t.emptyRatio === null ? null : t.emptyRatio * 100,
    }));
    points[id] = {
      requests: secondPoints(s.requests, durationSec),
      emptyPerSecond: secondPoints(emptySharePerSecond(s.emptyResponses, s.responses), durationSec, 100),
      emptySoFar: soFar,
      bytesOverhead: secondPoints(cumulative(s.bytesOverhead), durationSec),
      bytesPayload: secondPoints(cumulative(s.bytesPayload), durationSec),
      openConnections: secondPoints(s.openConnections, durationSec),
      loadPercent: secondPoints(s.serverUtilization, durationSec, 100),
    };
    max.requests = Math.max(max.requests, seriesMax([s.requests]));
    max.bytes = Math.max(max.bytes, seriesMax([cumulative(s.bytesOverhead), cumulative(s.bytesPayload)]));
    max.openConnections = Math.max(max.openConnections, seriesMax([s.openConnections]));
    max.loadPercent = Math.max(max.loadPercent, seriesMax([s.serverUtilization]) * 100);
  }
  return { durationSec, mechanisms, points, max };
}

/**
 * A cumulative distribution as a staircase from 0 to its last fraction, extended flat to
 * `rightEdgeMs`, for d3's curveStepAfter: a mechanism whose every event took the same time (one
 * point) still draws as a visible vertical rise. Empty when nothing was delivered.
 */
export function cdfStaircase(cdf: readonly LatencyCdfPoint[], rightEdgeMs: number): LatencyCdfPoint[] {
  if (cdf.length === 0) return [];
  const last = cdf[cdf.length - 1];
  const tail = rightEdgeMs > last.latencyMs ? [{ latencyMs: rightEdgeMs, fraction: last.fraction }] : [];
  return [{ latencyMs: cdf[0].latencyMs, fraction: 0 }, ...cdf, ...tail];
}

/** The smallest latency that at least half the events beat; null with no events. */
export function medianOf(cdf: readonly LatencyCdfPoint[]): number | null {
  return cdf.find((p) => p.fraction >= 0.5)?.latencyMs ?? null;
}
