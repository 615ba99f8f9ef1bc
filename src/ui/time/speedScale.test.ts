import { describe, expect, it } from 'vitest';
import { formatSpeed, nudgeSpeed, sliderToSpeed, speedToSlider } from './speedScale.ts';

describe('the speed scale', () => {
  it('maps 0.1× to 100× onto equal steps of log10', () => {
    expect(speedToSlider(0.1)).toBeCloseTo(-1, 12);
    expect(speedToSlider(1)).toBe(0);
    expect(speedToSlider(100)).toBe(2);
  });

  it('round-trips clean speeds through the slider position', () => {
    for (const speed of [0.1, 0.25, 0.5, 1, 2, 5, 10, 50, 100]) expect(sliderToSpeed(speedToSlider(speed))).toBe(speed);
  });

  it('rounds a dragged position to two significant digits and keeps it in range', () => {
    expect(sliderToSpeed(0.3)).toBe(2);
    expect(sliderToSpeed(-5)).toBe(0.1);
    expect(sliderToSpeed(9)).toBe(100);
  });

  it('doubles or halves per keyboard notch, clamped to 0.1×–100×', () => {
    expect(nudgeSpeed(1, 1)).toBe(2);
    expect(nudgeSpeed(0.25, -1)).toBe(0.125);
    expect(nudgeSpeed(0.125, -1)).toBe(0.1);
    expect(nudgeSpeed(80, 1)).toBe(100);
  });

  it('writes speeds as people say them', () => {
    expect(formatSpeed(0.25)).toBe('0.25×');
    expect(formatSpeed(2)).toBe('2×');
    expect(formatSpeed(100)).toBe('100×');
  });
});
