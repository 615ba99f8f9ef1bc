// The plan of an animated export: which simulated instants become frames. Pure, so the same form
// values always give the same frames (and, with the same run, the same GIF bytes).

/** Caps that keep an export from producing a file too large for a slide or from running for minutes. */
export const MAX_FRAMES = 300;
export const MAX_WINDOW_SEC = 30;
/** Frame rates whose delay is a whole number of GIF ticks (1/100 s), so playback timing is exact. */
export const FPS_CHOICES = [5, 10, 20, 25] as const;
/** Slow motion by default: a 50 ms trip needs about a fifth of a second of screen time to be seen. */
export const SPEED_CHOICES = [0.1, 0.25, 0.5, 1, 2, 5] as const;
export const DEFAULT_FPS = 10;
export const DEFAULT_SPEED = 0.25;
/** 5 s at 0.25× and 10 fps is 201 frames; the suggested 10 s would pass MAX_FRAMES. */
export const DEFAULT_WINDOW_SEC = 5;

export interface FramePlanRequest {
  startSec: number;
  durationSec: number;
  /** Simulated seconds per second of animation. */
  speed: number;
  fps: number;
  runDurationMs: number;
}

export interface FramePlan {
  /** Simulated instants of the frames, from startMs to at most endMs, evenly spaced. */
  timesMs: number[];
  startMs: number;
  /** The window's end, clamped to the run's end. */
  endMs: number;
  frameDelayMs: number;
}

export type PlanField = 'start' | 'duration' | 'speed' | 'fps';
export type FramePlanResult = { ok: true; plan: FramePlan } | { ok: false; field: PlanField; message: string };

const fail = (field: PlanField, message: string): FramePlanResult => ({ ok: false, field, message });

/** Trims binary noise (0.1 × 3 = 0.30000000000000004) so frame times print and compare cleanly. */
const roundMicro = (ms: number) => Math.round(ms * 1000) / 1000;

export function planFrames({ startSec, durationSec, speed, fps, runDurationMs }: FramePlanRequest): FramePlanResult {
  const runSec = runDurationMs / 1000;
  if (!Number.isFinite(startSec) || startSec < 0 || startSec >= runSec) {
    return fail('start', `Start must be from 0 to below ${String(runSec)} s, the length of the run.`);
  }
  if (!Number.isFinite(durationSec) || durationSec <= 0 || durationSec > MAX_WINDOW_SEC) {
    return fail('duration', `Duration must be more than 0 and at most ${String(MAX_WINDOW_SEC)} s.`);
  }
  if (!Number.isFinite(speed) || speed <= 0) return fail('speed', 'Speed must be a positive number.');
  if (!Number.isInteger(fps) || fps < 1 || fps > 50) return fail('fps', 'Frames per second must be a whole number from 1 to 50.');

  const startMs = roundMicro(startSec * 1000);
  const endMs = Math.min(runDurationMs, roundMicro((startSec + durationSec) * 1000));
  const stepMs = (1000 / fps) * speed;
  // The small tolerance keeps a window that is an exact multiple of the step from losing its last frame.
  const count = Math.floor((endMs - startMs) / stepMs + 1e-9) + 1;
  if (count > MAX_FRAMES) {
    return fail(
      'duration',
      `That makes ${String(count)} frames, more than ${String(MAX_FRAMES)}: shorten the duration, raise the speed or lower the frames per second.`,
    );
  }
  const timesMs = Array.from({ length: count }, (_, k) => roundMicro(startMs + (k * 1000 * speed) / fps));
  return { ok: true, plan: { timesMs, startMs, endMs, frameDelayMs: 1000 / fps } };
}

/** The form's starting values: the window after the playhead, pulled back when the run ends sooner. */
export function defaultWindow(playheadMs: number, runDurationMs: number): { startSec: number; durationSec: number } {
  const runSec = runDurationMs / 1000;
  const durationSec = Math.min(DEFAULT_WINDOW_SEC, runSec);
  const wholeSec = Math.floor(Math.max(0, playheadMs) / 1000);
  return { startSec: Math.max(0, Math.min(wholeSec, runSec - durationSec)), durationSec };
}
