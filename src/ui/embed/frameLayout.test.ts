import { describe, expect, it } from 'vitest';
import { frameLayout } from './frameLayout.ts';

describe('the layout of an embedded frame', () => {
  it('draws frames up to 800×450 at their own size', () => {
    expect(frameLayout(480, 270)).toEqual({ scale: 1, designWidth: 480, designHeight: 270 });
    expect(frameLayout(800, 450)).toEqual({ scale: 1, designWidth: 800, designHeight: 450 });
  });

  it('scales larger frames up, more slowly than the frame grows, so they get larger type and more room', () => {
    const full = frameLayout(1920, 1080);
    expect(full.scale).toBeCloseTo(2.4 ** 0.6, 6);
    expect(full.scale).toBeGreaterThan(1.5);
    expect(full.designWidth).toBeGreaterThan(800);
    // The scaled design never exceeds the frame and misses it by under a pixel.
    expect(full.designWidth * full.scale).toBeLessThanOrEqual(1920);
    expect(full.designWidth * full.scale).toBeGreaterThan(1920 - full.scale);
    expect(full.designHeight * full.scale).toBeLessThanOrEqual(1080);
  });

  it('follows the narrower side of a frame that is not 16:9', () => {
    expect(frameLayout(1600, 450).scale).toBe(1);
    expect(frameLayout(0, 0).scale).toBe(1);
  });
});
