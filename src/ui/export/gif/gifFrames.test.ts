import { describe, expect, test } from 'vitest';
import { DEFAULT_FPS, DEFAULT_SPEED, MAX_FRAMES, defaultWindow, planFrames, type FramePlan } from './gifFrames.ts';

const RUN_MS = 120_000;

function plan(request: Partial<Parameters<typeof planFrames>[0]>): FramePlan {
  const result = planFrames({ startSec: 10, durationSec: 2, speed: 1, fps: 5, runDurationMs: RUN_MS, ...request });
  if (!result.ok) throw new Error(result.message);
  return result.plan;
}

describe('the frame plan', () => {
  test('takes one frame per 1/fps of animation, from the start to the end of the window inclusive', () => {
    const p = plan({ startSec: 10, durationSec: 2, speed: 1, fps: 5 });
    expect(p.timesMs).toEqual([10_000, 10_200, 10_400, 10_600, 10_800, 11_000, 11_200, 11_400, 11_600, 11_800, 12_000]);
    expect(p.frameDelayMs).toBe(200);
    expect([p.startMs, p.endMs]).toEqual([10_000, 12_000]);
  });

  test('slows simulated time down by the speed: 0.25× at 10 fps steps 25 ms of simulation', () => {
    const p = plan({ startSec: 0, durationSec: 5, speed: DEFAULT_SPEED, fps: DEFAULT_FPS });
    expect(p.timesMs).toHaveLength(201);
    expect(p.timesMs.slice(0, 3)).toEqual([0, 25, 50]);
    expect(p.timesMs.at(-1)).toBe(5000);
    expect(p.frameDelayMs).toBe(100);
  });

  test('keeps frame times free of floating-point noise', () => {
    const p = plan({ startSec: 0.3, durationSec: 1, speed: 0.1, fps: 10 });
    expect(p.timesMs.slice(0, 4)).toEqual([300, 310, 320, 330]);
    expect(p.timesMs.at(-1)).toBe(1300);
  });

  test('ends the window at the end of the run', () => {
    const p = plan({ startSec: 119, durationSec: 5, speed: 1, fps: 5 });
    expect(p.endMs).toBe(RUN_MS);
    expect(p.timesMs.at(-1)).toBe(RUN_MS);
    expect(p.timesMs).toHaveLength(6);
  });

  test('leaves out a last step that would pass the end of the window', () => {
    const p = plan({ startSec: 0, durationSec: 1.1, speed: 1, fps: 5 });
    expect(p.timesMs.at(-1)).toBe(1000);
  });

  test(`refuses more than ${String(MAX_FRAMES)} frames and names the duration`, () => {
    const result = planFrames({ startSec: 0, durationSec: 10, speed: 0.25, fps: 10, runDurationMs: RUN_MS });
    expect(result).toMatchObject({ ok: false, field: 'duration' });
    expect(!result.ok && result.message).toContain('401 frames');
    expect(planFrames({ startSec: 0, durationSec: 7.475, speed: 0.25, fps: 10, runDurationMs: RUN_MS }).ok).toBe(true);
  });

  test.each([
    [{ startSec: -1 }, 'start'],
    [{ startSec: 120 }, 'start'],
    [{ startSec: Number.NaN }, 'start'],
    [{ durationSec: 0 }, 'duration'],
    [{ durationSec: 31 }, 'duration'],
    [{ durationSec: Number.POSITIVE_INFINITY }, 'duration'],
    [{ speed: 0 }, 'speed'],
    [{ fps: 2.5 }, 'fps'],
    [{ fps: 60 }, 'fps'],
  ])('names the bad field in %o', (bad, field) => {
    const result = planFrames({ startSec: 10, durationSec: 2, speed: 1, fps: 5, runDurationMs: RUN_MS, ...bad });
    expect(result).toMatchObject({ ok: false, field });
  });
});

describe('the default window', () => {
  test('starts at the whole second of the playhead and lasts five seconds', () => {
    expect(defaultWindow(12_700, RUN_MS)).toEqual({ startSec: 12, durationSec: 5 });
  });

  test('is pulled back so that it ends with the run', () => {
    expect(defaultWindow(RUN_MS, RUN_MS)).toEqual({ startSec: 115, durationSec: 5 });
  });

  test('covers a run shorter than the window from its beginning', () => {
    expect(defaultWindow(1500, 3000)).toEqual({ startSec: 0, durationSec: 3 });
  });
});
