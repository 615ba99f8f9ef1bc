/** Simulated time for the clock and the timeline: "12.4 s", "2 min 05.0 s" past a minute. */
export function formatSeconds(ms: number): string {
  const seconds = Math.max(0, ms) / 1000;
  if (seconds < 60) return `${seconds.toFixed(1)} s`;
  const minutes = Math.floor(seconds / 60);
  const rest = seconds - minutes * 60;
  return `${String(minutes)} min ${rest.toFixed(1).padStart(4, '0')} s`;
}
