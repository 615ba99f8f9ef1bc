import { describe, expect, it } from 'vitest';
import { formatDuration, formatSeconds } from './timeFormat.ts';

describe('simulated time as text', () => {
  it('reads in seconds with one decimal for the first ten minutes', () => {
    expect(formatSeconds(0)).toBe('0.0 s');
    expect(formatSeconds(12_400)).toBe('12.4 s');
    expect(formatSeconds(599_900)).toBe('599.9 s');
  });

  it('cuts the tenths instead of rounding, so 59.96 s is still 59.9 s on the clock', () => {
    expect(formatSeconds(59_960)).toBe('59.9 s');
    expect(formatSeconds(60_000)).toBe('60.0 s');
  });

  it('reads in minutes and seconds from ten minutes on', () => {
    expect(formatSeconds(725_300)).toBe('12 min 05.3 s');
    expect(formatSeconds(3_600_000)).toBe('60 min 00.0 s');
  });

  it('writes a run’s length without the always-zero tenth', () => {
    expect(formatDuration(120_000)).toBe('120 s');
    expect(formatDuration(900_000)).toBe('15 min 00 s');
  });

  it('keeps the tenth of a length that ends between seconds, never less than the clock shows there', () => {
    expect(formatDuration(89_430)).toBe('89.4 s');
    expect(formatSeconds(89_430)).toBe('89.4 s');
    expect(formatDuration(120_040)).toBe('120 s');
    expect(formatDuration(120_960)).toBe('121 s');
    expect(formatDuration(89_437, 2)).toBe('89.43 s');
    expect(formatDuration(120_004, 2)).toBe('120 s');
    for (let ms = 60_000; ms < 62_000; ms += 7) {
      for (const digits of [1, 2] as const) {
        const end = parseFloat(formatDuration(ms, digits));
        expect(end).toBeGreaterThanOrEqual(parseFloat(formatSeconds(ms, digits)));
      }
    }
  });
});

describe('simulated time in hundredths, as the paused clock shows it', () => {
  it('cuts to the hundredth, so a step of a few milliseconds moves the clock', () => {
    expect([formatSeconds(530, 2), formatSeconds(539.9, 2), formatSeconds(12_430, 2), formatSeconds(59_996, 2)]).toEqual([
      '0.53 s',
      '0.53 s',
      '12.43 s',
      '59.99 s',
    ]);
  });

  it('keeps the minutes from ten minutes on', () => {
    expect(formatSeconds(725_340, 2)).toBe('12 min 05.34 s');
  });
});
