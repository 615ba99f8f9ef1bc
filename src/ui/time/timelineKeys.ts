// The Timeline slider accepts any position (the playhead is exact), so a browser would move it by
// 1 ms per arrow press. Keys move it by amounts a person can use instead.

const SMALL_MS = 1000;
const LARGE_MS = 10_000;

/** Where a key press on the timeline moves the playhead, or null if the key is not for it. */
export function timelineKeyTarget(key: string, shiftKey: boolean, playheadMs: number, durationMs: number): number | null {
  const small = shiftKey ? LARGE_MS : SMALL_MS;
  let target: number;
  switch (key) {
    case 'ArrowRight':
    case 'ArrowUp':
      target = playheadMs + small;
      break;
    case 'ArrowLeft':
    case 'ArrowDown':
      target = playheadMs - small;
      break;
    case 'PageUp':
      target = playheadMs + LARGE_MS;
      break;
    case 'PageDown':
      target = playheadMs - LARGE_MS;
      break;
    case 'Home':
      target = 0;
      break;
    case 'End':
      target = durationMs;
      break;
    default:
      return null;
  }
  return Math.min(durationMs, Math.max(0, target));
}
