import { describe, expect, it } from 'vitest';
import { formatSpeed, nudgeSpeed, sliderToSpeed, speedToSlider, SPEED_STEPS } from './speedScale.ts';

describe('the speed scale', () => {
  it('has the steps 0.1, 0.25, 0.5, 1, 2, 5, 10, 25, 50 and 100×', () => {
    expect(SPEED_STEPS).toEqual([0.1, 0.25, 0.5, 1, 2, 5, 10, 25, 50, 100]);
  });

  it('round-trips every step through the slider position', () => {
    SPEED_STEPS.forEach((speed, i) => {
      expect(speedToSlider(speed)).toBe(i);
      expect(sliderToSpeed(i)).toBe(speed);
    });
  });

  it('puts a speed between steps on the nearest step of a log scale, and keeps positions in range', () => {
    expect(sliderToSpeed(speedToSlider(0.26))).toBe(0.25);
    expect(sliderToSpeed(speedToSlider(3))).toBe(2);
    expect(sliderToSpeed(speedToSlider(4))).toBe(5);
    expect(sliderToSpeed(-5)).toBe(0.1);
    expect(sliderToSpeed(99)).toBe(100);
  });

  it('moves one step per notch from any speed, stopping at 0.1× and 100×', () => {
    expect(nudgeSpeed(1, 1)).toBe(2);
    expect(nudgeSpeed(2, 1)).toBe(5);
    expect(nudgeSpeed(0.25, -1)).toBe(0.1);
    expect(nudgeSpeed(0.1, -1)).toBe(0.1);
    expect(nudgeSpeed(100, 1)).toBe(100);
    expect(nudgeSpeed(0.26, 1)).toBe(0.5);
    expect(nudgeSpeed(11, -1)).toBe(10);
  });

  it('writes speeds as people say them', () => {
    expect(formatSpeed(0.25)).toBe('0.25×');
    expect(formatSpeed(2)).toBe('2×');
    expect(formatSpeed(100)).toBe('100×');
  });
});
