import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  MISSING,
  formatBytes,
  formatDurationMs,
  formatInteger,
  formatMs,
  formatPercent,
  formatRate,
} from './format.ts';

// Units are joined with a no-break space; write it visibly in the expectations.
const nb = (text: string) => text.replace(' ', '\u00a0');

describe('a figure that does not exist', () => {
  it('shows as a dash for null, undefined, NaN and infinities in every format', () => {
    const formats = [formatInteger, formatRate, formatPercent, formatMs, formatBytes, formatDurationMs];
    for (const format of formats) {
      for (const value of [null, undefined, Number.NaN, Infinity, -Infinity]) {
        expect(format(value)).toBe(MISSING);
      }
    }
    expect(MISSING).toBe('—');
  });

  it('is different from a real zero, which shows as 0', () => {
    expect(formatInteger(0)).toBe('0');
    expect(formatRate(0)).toBe('0');
    expect(formatPercent(0)).toBe(nb('0 %'));
    expect(formatMs(0)).toBe(nb('0 ms'));
    expect(formatBytes(0)).toBe(nb('0 B'));
  });
});

describe('formatInteger', () => {
  it('groups thousands and rounds to a whole number', () => {
    expect(formatInteger(7)).toBe('7');
    expect(formatInteger(12345)).toBe('12,345');
    expect(formatInteger(1234567.6)).toBe('1,234,568');
  });
});

describe('formatRate', () => {
  it('keeps three significant digits', () => {
    expect(formatRate(10 / 2.1)).toBe('4.76');
    expect(formatRate(51.26)).toBe('51.3');
    expect(formatRate(123.4)).toBe('123');
    expect(formatRate(0.012345)).toBe('0.0123');
  });

  it('never rounds away digits of the integer part', () => {
    expect(formatRate(1234.5)).toBe('1,235');
    expect(formatRate(98765.4)).toBe('98,765');
  });

  it('drops trailing zeros and carries over cleanly at a power of ten', () => {
    expect(formatRate(4.8)).toBe('4.8');
    expect(formatRate(9.999)).toBe('10');
    expect(formatRate(999.7)).toBe('1,000');
  });
});

describe('formatPercent', () => {
  it('turns a ratio into a percentage with its sign', () => {
    expect(formatPercent(0.873)).toBe(nb('87.3 %'));
    expect(formatPercent(1)).toBe(nb('100 %'));
    expect(formatPercent(0.5)).toBe(nb('50 %'));
  });

  it('keeps small utilisations visible instead of rounding them to zero', () => {
    expect(formatPercent(0.0006)).toBe(nb('0.06 %'));
    expect(formatPercent(0.000012345)).toBe(nb('0.00123 %'));
  });
});

describe('formatMs', () => {
  it('shows milliseconds with their unit', () => {
    expect(formatMs(51.26)).toBe(nb('51.3 ms'));
    expect(formatMs(100)).toBe(nb('100 ms'));
    expect(formatMs(1049.4)).toBe(nb('1,049 ms'));
    expect(formatMs(0.25)).toBe(nb('0.25 ms'));
  });
});

describe('formatBytes', () => {
  it('uses whole bytes below a kilobyte', () => {
    expect(formatBytes(850)).toBe(nb('850 B'));
    expect(formatBytes(999.4)).toBe(nb('999 B'));
  });

  it('uses decimal kB, MB and GB with three significant digits', () => {
    expect(formatBytes(1000)).toBe(nb('1 kB'));
    expect(formatBytes(12_345)).toBe(nb('12.3 kB'));
    expect(formatBytes(123_456)).toBe(nb('123 kB'));
    expect(formatBytes(1_234_567)).toBe(nb('1.23 MB'));
    expect(formatBytes(5_600_000_000)).toBe(nb('5.6 GB'));
  });

  it('moves to the next unit when rounding reaches a thousand', () => {
    expect(formatBytes(999.6)).toBe(nb('1 kB'));
    expect(formatBytes(999_999)).toBe(nb('1 MB'));
  });
});

describe('formatDurationMs', () => {
  it('shows settings below a second in ms and longer ones in seconds', () => {
    expect(formatDurationMs(250)).toBe(nb('250 ms'));
    expect(formatDurationMs(2000)).toBe(nb('2 s'));
    expect(formatDurationMs(2500)).toBe(nb('2.5 s'));
    expect(formatDurationMs(120_000)).toBe(nb('120 s'));
  });
});

describe('any finite number', () => {
  const formats = { formatInteger, formatRate, formatPercent, formatMs, formatBytes, formatDurationMs };
  const extremes = [5e-324, -5e-324, 1e-308, 1e-98, 9.995e-7, 1e-6, 0.000999, -0, 1e308, -1e308, Number.MAX_VALUE, 2 ** 53, 2 ** 53 + 2, 1e15, 999_999_999_999_999, 1e21];
  /** Every finite double, with extra weight on the extremes above. */
  const finite = fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom(...extremes));

  it('formats in every format without throwing, in at most 24 characters, never as NaN, -0 or a dash', () => {
    for (const [name, format] of Object.entries(formats)) {
      fc.assert(
        fc.property(finite, (value) => {
          const text = format(value);
          expect(text.length, `${name}(${value}) = ${text}`).toBeLessThanOrEqual(24);
          expect(text).not.toMatch(/NaN|Infinity|undefined|^-0(?!\.)/);
          if (!(format === formatPercent && !Number.isFinite(value * 100))) expect(text).not.toContain(MISSING);
        }),
        { numRuns: 2500 },
      );
    }
    // 15,000 values in all: about 2 s alone, more on a loaded machine.
  }, 30_000);

  it('keeps its value: a rate reads back within half a unit of its third significant digit', () => {
    fc.assert(
      fc.property(finite, (value) => {
        // Above 1.795e308 three significant digits round up past the largest double.
        fc.pre(Math.abs(value) < 1.795e308);
        const read = Number(formatRate(value).replace(/,/g, ''));
        const tolerance = Math.abs(value) >= 1000 && Math.abs(value) < 1e15 ? 0.5 : Math.abs(value) * 5e-3;
        expect(Math.abs(read - value)).toBeLessThanOrEqual(tolerance);
      }),
      { numRuns: 5000 },
    );
  });

  it('writes tiny and huge figures in scientific notation with three significant digits', () => {
    expect(formatRate(1e-98)).toBe('1e-98');
    expect(formatRate(5e-324)).toBe('4.94e-324');
    expect(formatMs(1.2345e-7)).toBe(nb('1.23e-7 ms'));
    expect(formatInteger(1e308)).toBe('1e+308');
    expect(formatBytes(Number.MAX_VALUE)).toBe(nb('1.8e+296 TB'));
    expect(formatDurationMs(-1e-300)).toBe(nb('-1e-300 ms'));
    expect(formatRate(-0)).toBe('0');
  });
});
