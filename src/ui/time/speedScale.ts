import { MAX_SPEED, MIN_SPEED } from '../../state/playbackLimits.ts';

// Playback speeds come in the steps people say out loud: the Speed slider moves one step per
// arrow key, and + / − move one step too. A speed from elsewhere (an old share link) sits on the
// nearest step of a log scale.

export const SPEED_STEPS: readonly number[] = [0.1, 0.25, 0.5, 1, 2, 5, 10, 25, 50, 100].filter(
  (s) => s >= MIN_SPEED && s <= MAX_SPEED,
);

export const SPEED_SLIDER_MIN = 0;
export const SPEED_SLIDER_MAX = SPEED_STEPS.length - 1;

/** The index of the step nearest to `speed` on a log scale. */
export function speedToSlider(speed: number): number {
  let best = 0;
  for (let i = 1; i < SPEED_STEPS.length; i++) {
    if (Math.abs(Math.log(SPEED_STEPS[i] / speed)) < Math.abs(Math.log(SPEED_STEPS[best] / speed))) best = i;
  }
  return best;
}

/** Slider position → speed. */
export function sliderToSpeed(position: number): number {
  const index = Math.round(Math.min(SPEED_SLIDER_MAX, Math.max(SPEED_SLIDER_MIN, position)));
  return SPEED_STEPS[index];
}

/** One notch: the next step up or down from the current speed, within the limits. */
export function nudgeSpeed(speed: number, direction: 1 | -1): number {
  if (direction > 0) return SPEED_STEPS.find((s) => s > speed * 1.0001) ?? SPEED_STEPS[SPEED_STEPS.length - 1];
  return [...SPEED_STEPS].reverse().find((s) => s < speed / 1.0001) ?? SPEED_STEPS[0];
}

export function formatSpeed(speed: number): string {
  return `${String(Number(speed.toPrecision(3)))}×`;
}
