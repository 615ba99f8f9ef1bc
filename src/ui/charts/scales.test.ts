import { describe, expect, it } from 'vitest';
import {
  decadeMax,
  decadeTicks,
  latencyDomain,
  latencyScale,
  logTicks,
  niceMax,
  spreadLabels,
  symlogY,
  timeScale,
  timeTicks,
} from './scales.ts';

describe('time axis', () => {
  it('spans the whole run whatever the playhead, so lines grow to the right', () => {
    const x = timeScale(120, 600);
    expect(x(0)).toBe(0);
    expect(x(60)).toBe(300);
    expect(x(120)).toBe(600);
  });

  it('gives every chart of a run the same time ticks, whatever its width', () => {
    expect(timeTicks(120, 380)).toEqual(timeTicks(120, 520));
    expect(timeTicks(180, 330)).toEqual([0, 20, 40, 60, 80, 100, 120, 140, 160, 180]);
  });

  it('spaces round-numbered ticks far enough apart for their labels, with at least two', () => {
    const ticks = timeTicks(120, 700);
    expect(ticks).toEqual([0, 20, 40, 60, 80, 100, 120]);
    expect(timeTicks(120, 50).length).toBeGreaterThanOrEqual(2);
    const phone = timeTicks(86_400, 300);
    const spacingPx = (300 / 86_400) * (phone[1] - phone[0]);
    expect(spacingPx).toBeGreaterThanOrEqual(45);
  });
});

describe('linear y axis', () => {
  it('rounds the largest value up to a nice number', () => {
    expect(niceMax(13)).toBe(14);
    expect(niceMax(87)).toBe(100);
    expect(niceMax(0.062)).toBe(1);
  });

  it('keeps a readable axis for a series of zeros', () => {
    expect(niceMax(0)).toBe(1);
    expect(niceMax(0, 5)).toBe(5);
  });
});

describe('symlog y axis for byte rates', () => {
  it('tops out at the next power of ten with a tick per decade from 0', () => {
    expect(decadeMax(50_560)).toBe(100_000);
    expect(decadeMax(3)).toBe(10);
    expect(decadeTicks(100_000)).toEqual([0, 10, 100, 1000, 10_000, 100_000]);
  });

  it('maps 0 to the bottom and gives each decade about the same height', () => {
    const y = symlogY(100_000, 200);
    expect(y(0)).toBe(200);
    expect(y(100_000)).toBeCloseTo(0);
    const decade = (lo: number) => y(lo) - y(lo * 10);
    expect(decade(1000)).toBeCloseTo(decade(10_000), 0);
  });
});

describe('latency axis', () => {
  it('never includes 0 or a negative latency in its log domain', () => {
    const [lo, hi] = latencyDomain([0, -5, 50.1, 2100]);
    expect(lo).toBeGreaterThan(0);
    expect(lo).toBeLessThan(50.1);
    expect(hi).toBeGreaterThan(2100);
    expect(latencyDomain([0, 0])[0]).toBeGreaterThan(0);
  });

  it('falls back to 1 ms … 1 s when nothing was delivered', () => {
    expect(latencyDomain([])).toEqual([1, 1000]);
  });

  it('has room on both sides when every latency is the same', () => {
    const [lo, hi] = latencyDomain([50, 50]);
    expect(lo).toBeLessThan(50);
    expect(hi).toBeGreaterThan(50);
  });

  it('places latencies on a log scale and clamps below its domain', () => {
    const x = latencyScale([10, 1000], 200);
    expect(x(100)).toBeCloseTo(100);
    expect(x(1)).toBe(0);
  });

  it('ticks at 1, 2 and 5 × 10ᵏ, keeping only powers of ten when space is short', () => {
    expect(logTicks([40, 2600], 10)).toEqual([50, 100, 200, 500, 1000, 2000]);
    expect(logTicks([8, 26_000], 5)).toEqual([10, 100, 1000, 10_000]);
    expect(logTicks([0.5, 200_000], 3).length).toBeLessThanOrEqual(3);
  });

  it('still has at least two ticks on a domain narrower than a factor of two', () => {
    const ticks = logTicks(latencyDomain([50.1]), 6);
    expect(ticks.length).toBeGreaterThanOrEqual(2);
    expect(ticks[0]).toBeGreaterThan(0);
  });
});

describe('spreadLabels', () => {
  it('moves labels apart by the minimum gap and keeps the others where they were', () => {
    expect(spreadLabels([100, 104, 50], 12)).toEqual([100, 112, 50]);
  });
});
