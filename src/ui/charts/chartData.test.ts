import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../sim/scenario/validate.ts';
import { recordRun } from '../../sim/recording.ts';
import {
  bucketPoints,
  bucketSeconds,
  cdfStaircase,
  cumulative,
  emptySharePerSecond,
  mechanismsWithEmpties,
  medianOf,
  secondPoints,
  seriesMax,
  shapeRun,
  yAt,
} from './chartData.ts';

describe('secondPoints', () => {
  it('draws each second at its end, so the line ends exactly at the playhead', () => {
    expect(secondPoints([6, 4, 6], 3)).toEqual([
      { x: 1, y: 6 },
      { x: 2, y: 4 },
      { x: 3, y: 6 },
    ]);
  });

  it('ends a partial last second at the end of the run', () => {
    expect(secondPoints([1, 2, 3], 2.5).map((p) => p.x)).toEqual([1, 2, 2.5]);
  });

  it('keeps nulls as gaps and scales the rest', () => {
    expect(secondPoints([0.5, null, 0], 3, 100).map((p) => p.y)).toEqual([50, null, 0]);
  });
});

describe('bucketing a long run', () => {
  it('uses one second per point when the chart is wide enough', () => {
    expect(bucketSeconds(120, 400)).toBe(1);
    expect(bucketSeconds(86_400, 400)).toBe(216);
  });

  it('averages each bucket, skips nulls and leaves an all-null bucket null', () => {
    const points = secondPoints([2, 4, null, null, 6, null], 6);
    expect(bucketPoints(points, 2)).toEqual([
      { x: 2, y: 3 },
      { x: 4, y: null },
      { x: 6, y: 6 },
    ]);
  });
});

describe('emptySharePerSecond', () => {
  it('divides empties by answers and is null, not 0, in a second without answers', () => {
    expect(emptySharePerSecond([1, 0, 0], [4, 0, 2])).toEqual([0.25, null, 0]);
  });
});

describe('reading values at the playhead', () => {
  it('is null before the first second and past the end', () => {
    const points = secondPoints([3, 5], 2);
    expect(yAt(points, -1)).toBeNull();
    expect(yAt(points, 1)).toBe(5);
    expect(yAt(points, 2)).toBeNull();
    expect(yAt(undefined, 0)).toBeNull();
  });

  it('takes the largest value over several series, ignoring nulls', () => {
    expect(seriesMax([[1, null, 3], [2]])).toBe(3);
    expect(seriesMax([[null]])).toBe(0);
  });
});

describe('latency distribution', () => {
  it('rises from 0 at the first latency and runs flat to the right edge', () => {
    const cdf = [
      { latencyMs: 50, fraction: 0.8 },
      { latencyMs: 250, fraction: 1 },
    ];
    expect(cdfStaircase(cdf, 1000)).toEqual([
      { latencyMs: 50, fraction: 0 },
      { latencyMs: 50, fraction: 0.8 },
      { latencyMs: 250, fraction: 1 },
      { latencyMs: 1000, fraction: 1 },
    ]);
    expect(cdfStaircase([], 1000)).toEqual([]);
  });

  it('finds the median as the first latency reached by half the events', () => {
    expect(medianOf([{ latencyMs: 10, fraction: 0.3 }, { latencyMs: 20, fraction: 0.5 }, { latencyMs: 90, fraction: 1 }])).toBe(20);
    expect(medianOf([])).toBeNull();
  });
});

describe('shapeRun on real engine output', () => {
  const parsed = parseScenario({ version: 1, durationSec: 20 });
  if (!parsed.ok) throw new Error(parsed.errors.join('; '));
  const recording = recordRun(parsed.scenario, 5);
  const run = shapeRun(recording);

  it('has a point per simulated second for every mechanism, in registry order, drain included', () => {
    expect(run.durationSec).toBe(recording.endMs / 1000);
    expect(run.durationSec).toBeGreaterThanOrEqual(20);
    expect(run.mechanisms).toEqual(['polling', 'longPolling', 'sse', 'websocket', 'webhook']);
    for (const id of run.mechanisms) {
      expect(run.points[id]?.requests).toHaveLength(recording.mechanisms[id]!.final.series.requests.length);
      expect(run.points[id]!.requests.length).toBeGreaterThanOrEqual(20);
    }
  });

  it('copies the engine series and turns utilisation and empty shares into percent', () => {
    const polling = recording.mechanisms.polling!;
    expect(run.points.polling?.requests.map((p) => p.y)).toEqual(polling.final.series.requests);
    expect(run.points.polling?.loadPercent[3].y).toBeCloseTo(polling.final.series.serverUtilization[3] * 100);
    const last = polling.totalsAt[19];
    expect(run.points.polling?.emptySoFar[19].y).toBeCloseTo(last.emptyRatio! * 100);
  });

  it('takes axis maxima over the whole run', () => {
    const all = run.mechanisms.flatMap((id) => recording.mechanisms[id]!.final.series.requests);
    expect(run.max.requests).toBe(Math.max(...all));
    expect(run.max.bytes).toBeGreaterThan(run.max.requests);
  });

  it('draws empty responses for polling and long polling only when push mechanisms have none', () => {
    expect(mechanismsWithEmpties(recording)).toEqual(['polling', 'longPolling']);
  });
});

describe('cumulative', () => {
  it('adds up per-second values into running totals', () => {
    expect(cumulative([3, 0, 0, 5, 0])).toEqual([3, 3, 3, 8, 8]);
    expect(cumulative([])).toEqual([]);
  });
});
