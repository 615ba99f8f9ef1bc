import type { StateCreator } from 'zustand';
import type { RunRecording } from '../../sim/recording.ts';
import type { LabState, PlaybackSlice } from '../labState.ts';
import { DEFAULT_SPEED, MAX_SPEED, MIN_SPEED } from '../playbackLimits.ts';

export const clampSpeed = (speed: number) => Math.min(MAX_SPEED, Math.max(MIN_SPEED, speed));

/** The first message time after `afterMs` in any lane of the recording, or null. */
export function nextMessageTime(recording: RunRecording, afterMs: number): number | null {
  let next = Infinity;
  for (const mechanism of Object.values(recording.mechanisms)) {
    for (const m of mechanism.trace) {
      if (m.sendMs > afterMs && m.sendMs < next) next = m.sendMs;
      if (m.arriveMs > afterMs && m.arriveMs < next) next = m.arriveMs;
    }
  }
  return Number.isFinite(next) && next <= recording.endMs ? next : null;
}

export const createPlaybackSlice: StateCreator<LabState, [], [], PlaybackSlice> = (set, get) => ({
  playing: false,
  speed: DEFAULT_SPEED,
  playheadMs: 0,
  play: () => {
    const { recording, playheadMs } = get();
    // Pressing play at the end starts over, as media players do.
    if (recording && playheadMs >= recording.endMs) set({ playheadMs: 0 });
    set({ playing: true });
  },
  pause: () => set({ playing: false }),
  togglePlay: () => (get().playing ? get().pause() : get().play()),
  restart: () => set({ playheadMs: 0 }),
  setSpeed: (speed) => set({ speed: clampSpeed(speed) }),
  seek: (ms) => {
    const duration = get().recording?.endMs ?? get().scenario.durationSec * 1000;
    set({ playheadMs: Math.min(duration, Math.max(0, ms)) });
  },
  step: () => {
    const { recording, playheadMs } = get();
    if (!recording) return;
    const next = nextMessageTime(recording, playheadMs);
    set({ playing: false, playheadMs: next ?? recording.endMs });
  },
  helpOpen: false,
  setHelpOpen: (open) => set({ helpOpen: open }),
});
