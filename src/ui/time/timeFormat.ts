/**
 * Simulated time for the clock and the timeline: "12.4 s"; "12 min 05.3 s" from ten minutes on;
 * with `digits` 2, hundredths ("12.43 s"), which the paused clock shows so that a step to a
 * message a few milliseconds on visibly moves it. Digits are cut, not rounded, so the clock never
 * shows a second the figures have not reached.
 */
export function formatSeconds(ms: number, digits: 1 | 2 = 1): string {
  const scale = 10 ** digits;
  const seconds = Math.floor((Math.max(0, ms) / 1000) * scale + 1e-6) / scale;
  if (seconds < 600) return `${seconds.toFixed(digits)} s`;
  const minutes = Math.floor(seconds / 60);
  const rest = seconds - minutes * 60;
  return `${String(minutes)} min ${rest.toFixed(digits).padStart(digits + 3, '0')} s`;
}

/**
 * A run's length, without decimals that are always zero: "120 s", "15 min 00 s". A length that is
 * not within a tenth (or with `digits` 2, a hundredth) of a whole second keeps them ("89.4 s",
 * "89.43 s"), so the clock at the end of a run with a drain never reads past it ("89.4 s / 89 s").
 */
export function formatDuration(ms: number, digits: 1 | 2 = 1): string {
  const whole = Math.round(ms / 1000) * 1000;
  if (Math.abs(ms - whole) >= 1000 / 10 ** digits) return formatSeconds(ms, digits);
  return formatSeconds(whole).replace('.0 s', ' s');
}
