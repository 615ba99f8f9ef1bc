import { describe, expect, it } from 'vitest';
import { timelineKeyTarget } from './timelineKeys.ts';

describe('keys on the timeline', () => {
  it('move the playhead by a second per arrow, ten with Shift', () => {
    expect(timelineKeyTarget('ArrowRight', false, 12_400, 120_000)).toBe(13_400);
    expect(timelineKeyTarget('ArrowLeft', false, 12_400, 120_000)).toBe(11_400);
    expect(timelineKeyTarget('ArrowUp', true, 12_400, 120_000)).toBe(22_400);
  });

  it('jump ten seconds per page and to either end with Home and End', () => {
    expect(timelineKeyTarget('PageDown', false, 12_400, 120_000)).toBe(2_400);
    expect(timelineKeyTarget('Home', false, 12_400, 120_000)).toBe(0);
    expect(timelineKeyTarget('End', false, 12_400, 120_000)).toBe(120_000);
  });

  it('stay within the run', () => {
    expect(timelineKeyTarget('ArrowLeft', false, 300, 120_000)).toBe(0);
    expect(timelineKeyTarget('PageUp', false, 115_000, 120_000)).toBe(120_000);
  });

  it('leave other keys alone', () => {
    expect(timelineKeyTarget('a', false, 0, 120_000)).toBeNull();
    expect(timelineKeyTarget(' ', false, 0, 120_000)).toBeNull();
  });
});
