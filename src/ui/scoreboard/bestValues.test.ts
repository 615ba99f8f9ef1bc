import { describe, expect, it } from 'vitest';
import { bestRows } from './bestValues.ts';

describe('the best value of a scoreboard column', () => {
  it('is the lowest by default', () => {
    expect(bestRows([3, 1, 2])).toEqual([false, true, false]);
  });
  it('is the highest when higher is better', () => {
    expect(bestRows([3, 1, 2], true)).toEqual([true, false, false]);
  });
  it('marks every tied row', () => {
    expect(bestRows([50, 52, 50])).toEqual([true, false, true]);
  });
  it('never marks a missing figure', () => {
    expect(bestRows([null, 4, 5])).toEqual([false, true, false]);
    expect(bestRows([Number.NaN, 6, 5, Number.NEGATIVE_INFINITY])).toEqual([false, false, true, false]);
  });
  it('marks nothing when all values are equal or only one exists', () => {
    expect(bestRows([0, 0, 0])).toEqual([false, false, false]);
    expect(bestRows([null, 7])).toEqual([false, false]);
  });
});
