import { describe, expect, it } from 'vitest';
import { slideLayout, slideSizeById, timeLabel } from './slideFrame.ts';

describe('slide frames', () => {
  it('scales a wide picture up to the slide’s width, centred above the time band', () => {
    const layout = slideLayout(600, 200, { width: 1280, height: 720 });
    // 30 px margins: 1220 px of width is the limit, not the height.
    expect(layout.paddingPx).toBe(30);
    expect(layout.scale).toBeCloseTo(1220 / 600);
    expect(layout.x).toBe(30);
    expect(layout.y + 200 * layout.scale).toBeLessThanOrEqual(720 - 30 - 24 * 1.6);
  });

  it('scales a tall picture down to the room above the band, centred across', () => {
    const layout = slideLayout(500, 2000, { width: 1920, height: 1080 });
    const bandPx = Math.round(layout.timeFontPx * 1.6);
    expect(layout.scale).toBeCloseTo((1080 - 2 * 45 - bandPx) / 2000);
    expect(layout.y).toBe(45);
    expect(Math.abs(layout.x + (500 * layout.scale) / 2 - 1920 / 2)).toBeLessThanOrEqual(1);
  });

  it('prints the time with two decimals, so the label keeps its width', () => {
    expect(timeLabel(2000)).toBe('t = 2.00 s');
    expect(timeLabel(12_345)).toBe('t = 12.35 s');
    expect(timeLabel(9990).length).toBe(timeLabel(9000).length);
  });

  it('defaults to 1280 × 720 for an unknown size', () => {
    expect(slideSizeById('1920x1080').width).toBe(1920);
    expect(slideSizeById('nope')).toMatchObject({ width: 1280, height: 720 });
  });
});
