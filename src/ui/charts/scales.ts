import { scaleLinear, scaleLog, scaleSymlog } from 'd3-scale';

// Scales and tick choices for the charts. d3 computes, React renders (STYLE.md §8): everything here
// is a pure function of the data's extent and the chart's size in pixels.

export interface Margins {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

/** Pixel position of a value on an axis. */
export type Position = (value: number) => number;

/** Simulated seconds 0 … durationSec across the plot: lines grow to the right as the playhead moves. */
export function timeScale(durationSec: number, innerWidth: number) {
  return scaleLinear().domain([0, durationSec]).range([0, innerWidth]);
}

/**
 * Round-numbered time ticks, the same on every chart of a run whatever its width (about six; fewer
 * on a chart narrower than 300 px), so the charts read against one time axis.
 */
export function timeTicks(durationSec: number, innerWidth: number): number[] {
  return timeScale(durationSec, innerWidth).ticks(innerWidth < 300 ? 3 : 6);
}

/**
 * The top of a linear y axis: the largest value rounded up to a nice number, and at least `floor`
 * so that a series of zeros still gets a readable axis instead of a collapsed one.
 */
export function niceMax(max: number, floor = 1): number {
  const top = Math.max(max, floor);
  return scaleLinear().domain([0, top]).nice(5).domain()[1];
}

export function linearY(max: number, innerHeight: number) {
  return scaleLinear().domain([0, max]).range([innerHeight, 0]);
}

/**
 * Byte rates span 0 to 10⁵: a symmetric-log scale gives each decade the same room and, unlike a
 * log scale, keeps a real 0 on the axis (a second without payload is 0 B, not a gap).
 */
export function symlogY(max: number, innerHeight: number) {
  return scaleSymlog().domain([0, max]).range([innerHeight, 0]).constant(1);
}

/** The top of a symlog axis: the next power of ten, at least 10. */
export function decadeMax(max: number): number {
  return max <= 10 ? 10 : 10 ** Math.ceil(Math.log10(max));
}

/** 0, 10, 100, … up to `max`. */
export function decadeTicks(max: number): number[] {
  const ticks = [0];
  for (let tick = 10; tick <= max * 1.0001; tick *= 10) ticks.push(tick);
  return ticks;
}

/** Nothing is faster than this: keeps a log axis away from 0 whatever the data say. */
export const MIN_LATENCY_MS = 0.01;

/**
 * A log domain covering every latency, with a little room on both sides. Never includes 0 (log 0
 * is −∞); with no latencies at all it falls back to 1 ms … 1 s.
 */
export function latencyDomain(latenciesMs: readonly number[]): [number, number] {
  const positive = latenciesMs.filter((ms) => Number.isFinite(ms) && ms > 0);
  if (positive.length === 0) return [1, 1000];
  const lo = Math.max(MIN_LATENCY_MS, Math.min(...positive) / 1.25);
  const hi = Math.max(...positive) * 1.25;
  return [lo, Math.max(hi, lo * 2)];
}

export function latencyScale(domain: [number, number], innerWidth: number) {
  return scaleLog().domain(domain).range([0, innerWidth]).clamp(true);
}

/**
 * Log-axis ticks at 1, 2 and 5 × 10ᵏ, thinned to powers of ten (then every other decade) until at
 * most `maxTicks` remain. A domain too narrow for two such ticks gets d3's own ticks.
 */
export function logTicks(domain: [number, number], maxTicks: number): number[] {
  const [lo, hi] = domain;
  const candidates: number[] = [];
  for (let decade = Math.floor(Math.log10(lo)); 10 ** decade <= hi; decade++) {
    for (const m of [1, 2, 5]) {
      const tick = Number((m * 10 ** decade).toPrecision(1));
      if (tick >= lo && tick <= hi) candidates.push(tick);
    }
  }
  if (candidates.length < 2) return thin(scaleLog().domain(domain).ticks(), maxTicks);
  if (candidates.length <= maxTicks) return candidates;
  const powers = candidates.filter(isPowerOfTen);
  return thin(powers.length >= 2 ? powers : candidates, maxTicks);
}

function isPowerOfTen(value: number): boolean {
  const exponent = Math.log10(value);
  return Math.abs(exponent - Math.round(exponent)) < 1e-9;
}

/** Every other tick, until at most `maxTicks` (but at least two) remain. */
function thin(ticks: number[], maxTicks: number): number[] {
  let kept = ticks;
  while (kept.length > Math.max(2, maxTicks)) kept = kept.filter((_, i) => i % 2 === 0);
  return kept;
}

/**
 * Move labels apart so that no two are closer than `minGap` px, keeping their order; returns the
 * new positions in the order given. Used for the labels of reference lines that nearly coincide.
 */
export function spreadLabels(positions: readonly number[], minGap: number): number[] {
  const order = positions.map((p, i) => ({ p, i })).sort((a, b) => a.p - b.p);
  const placed: number[] = new Array<number>(positions.length);
  let previous = -Infinity;
  for (const { p, i } of order) {
    const at = Math.max(p, previous + minGap);
    placed[i] = at;
    previous = at;
  }
  return placed;
}
