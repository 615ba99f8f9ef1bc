import { MAX_SPEED, MIN_SPEED } from '../../state/playbackLimits.ts';

// The Speed slider moves along log10(speed), so 0.1× → 1× and 10× → 100× take equal room.

export const SPEED_SLIDER_MIN = Math.log10(MIN_SPEED);
export const SPEED_SLIDER_MAX = Math.log10(MAX_SPEED);

export const speedToSlider = (speed: number): number => Math.log10(speed);

/** Slider position → speed, rounded to two significant digits so values read cleanly. */
export function sliderToSpeed(position: number): number {
  const raw = Math.pow(10, Math.min(SPEED_SLIDER_MAX, Math.max(SPEED_SLIDER_MIN, position)));
  return Number(raw.toPrecision(2));
}

/** One keyboard notch: twice (or half) as fast, within the limits. */
export function nudgeSpeed(speed: number, direction: 1 | -1): number {
  const next = direction > 0 ? speed * 2 : speed / 2;
  return Math.min(MAX_SPEED, Math.max(MIN_SPEED, Number(next.toPrecision(3))));
}

export function formatSpeed(speed: number): string {
  return `${String(Number(speed.toPrecision(3)))}×`;
}
