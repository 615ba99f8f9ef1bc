/**
 * Simulated time for the clock and the timeline: "12.4 s"; "12 min 05.3 s" from ten minutes on.
 * Tenths are cut, not rounded, so the clock never shows a second the figures have not reached.
 */
export function formatSeconds(ms: number): string {
  const seconds = Math.floor(Math.max(0, ms) / 100 + 1e-9) / 10;
  if (seconds < 600) return `${seconds.toFixed(1)} s`;
  const minutes = Math.floor(seconds / 60);
  const rest = seconds - minutes * 60;
  return `${String(minutes)} min ${rest.toFixed(1).padStart(4, '0')} s`;
}

/**
 * A run's length, without a tenth that is always zero: "120 s", "15 min 00 s". A length that is
 * not close to a whole second keeps its tenth ("89.4 s"), so the clock at the end of a run with a
 * drain never reads past it ("89.4 s / 89 s").
 */
export function formatDuration(ms: number): string {
  const whole = Math.round(ms / 1000) * 1000;
  if (Math.abs(ms - whole) >= 100) return formatSeconds(ms);
  return formatSeconds(whole).replace('.0 s', ' s');
}
