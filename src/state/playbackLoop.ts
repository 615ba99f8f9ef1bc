import { useLab } from './store.ts';

// The one animation loop (STYLE.md §2): wall time × speed → simulated playhead. A frame gap longer
// than MAX_FRAME_MS (a background tab, a debugger pause) is skipped rather than replayed.

const MAX_FRAME_MS = 100;

export function startPlaybackLoop(): () => void {
  let last: number | null = null;
  let frame = 0;
  const tick = (now: number) => {
    frame = requestAnimationFrame(tick);
    const state = useLab.getState();
    const elapsed = last === null ? 0 : Math.min(now - last, MAX_FRAME_MS);
    last = now;
    if (!state.playing || !state.recording) return;
    const end = state.recording.endMs;
    const next = state.playheadMs + elapsed * state.speed;
    if (next >= end) useLab.setState(state.loop ? { playheadMs: 0 } : { playheadMs: end, playing: false });
    else useLab.setState({ playheadMs: next });
  };
  frame = requestAnimationFrame(tick);
  return () => cancelAnimationFrame(frame);
}
