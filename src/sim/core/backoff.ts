import type { Jitter } from '../scenario/types.ts';

/**
 * Delay before retry number `retry` (1 = first retry): base·factor^(retry−1), capped at maxMs,
 * then jittered. "full" draws from [0, d), "equal" from [d/2, d) (AWS Architecture Blog,
 * "Exponential Backoff and Jitter", 2015). `u` is a uniform draw in [0, 1).
 */
export function backoffDelayMs(
  retry: number,
  baseMs: number,
  factor: number,
  maxMs: number,
  jitter: Jitter,
  u: number,
): number {
  const d = Math.min(maxMs, baseMs * Math.pow(factor, retry - 1));
  if (jitter === 'full') return d * u;
  if (jitter === 'equal') return d / 2 + (d / 2) * u;
  return d;
}
