// Number formatting for the views. A figure that does not exist (null) shows as "—" (DESIGN.md §6);
// so does a non-finite number, which would otherwise print as "NaN" or "∞".

export const MISSING = '—';

/** Between a number and its unit, so "12.3 kB" never wraps onto two lines. */
const NBSP = '\u00a0';

// The page is in English; a fixed locale keeps the figures identical on every machine.
const LOCALE = 'en-US';
const formatters = new Map<number, Intl.NumberFormat>();

function withFractionDigits(value: number, maxFractionDigits: number): string {
  let formatter = formatters.get(maxFractionDigits);
  if (formatter === undefined) {
    formatter = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: maxFractionDigits });
    formatters.set(maxFractionDigits, formatter);
  }
  // Intl prints "-0" for tiny negative numbers that round to zero.
  const text = formatter.format(value);
  return text === '-0' ? '0' : text;
}

/**
 * Outside this range a figure is written in scientific notation ("1.23e-98", "4.5e+20"): fixed
 * notation would need more fraction digits than Intl.NumberFormat allows (at most 100) or print
 * hundreds of digits that no panel can hold. Valid scenarios reach both ends (a 1e-98 s run, a
 * byte count of a day at full rate), so every formatter must cope with any finite number.
 */
const SMALLEST_FIXED = 1e-6;
const LARGEST_FIXED = 1e15;

function scientific(value: number): string {
  // toExponential(2) keeps three significant digits; trailing zeros of the mantissa are dropped.
  const [mantissa, exponent] = value.toExponential(2).split('e');
  const trimmed = mantissa.includes('.') ? mantissa.replace(/\.?0+$/, '') : mantissa;
  return `${trimmed}e${exponent}`;
}

/**
 * Three significant digits, but never rounding away integer digits: 4.7619 → "4.76",
 * 0.01234 → "0.0123", 51.26 → "51.3", 1049.4 → "1,049". Trailing zeros are dropped.
 */
function significant(value: number): string {
  if (value === 0) return '0';
  const magnitude = Math.abs(value);
  if (magnitude < SMALLEST_FIXED || magnitude >= LARGEST_FIXED) return scientific(value);
  if (magnitude >= 1000) return withFractionDigits(value, 0);
  const rounded = Number(value.toPrecision(3));
  // At most 2 − (−6) = 8 fraction digits here, far inside Intl's limit.
  const fractionDigits = Math.max(0, 2 - Math.floor(Math.log10(Math.abs(rounded))));
  return withFractionDigits(rounded, fractionDigits);
}

/** A whole number; beyond LARGEST_FIXED in scientific notation. */
function whole(value: number): string {
  return Math.abs(value) >= LARGEST_FIXED ? scientific(value) : withFractionDigits(Math.round(value), 0);
}

function exists(value: number | null | undefined): value is number {
  return value !== null && value !== undefined && Number.isFinite(value);
}

/** A count: 12345 → "12,345". */
export function formatInteger(value: number | null | undefined): string {
  return exists(value) ? whole(value) : MISSING;
}

/** A rate such as requests per second, without its unit (the column header carries it). */
export function formatRate(value: number | null | undefined): string {
  return exists(value) ? significant(value) : MISSING;
}

/** A ratio in [0, 1] as a percentage: 0.873 → "87.3 %". */
export function formatPercent(ratio: number | null | undefined): string {
  // A ratio above ~1.8e306 has no percentage a double can hold: it does not exist either.
  const percent = exists(ratio) ? ratio * 100 : null;
  return exists(percent) ? `${significant(percent)}${NBSP}%` : MISSING;
}

/** A duration in milliseconds: 51.26 → "51.3 ms", 1049.4 → "1,049 ms". */
export function formatMs(ms: number | null | undefined): string {
  return exists(ms) ? `${significant(ms)}${NBSP}ms` : MISSING;
}

const BYTE_UNITS = ['B', 'kB', 'MB', 'GB', 'TB'];

/** A byte count in decimal (SI) units: 850 → "850 B", 12_345 → "12.3 kB", 1_234_567 → "1.23 MB". */
export function formatBytes(bytes: number | null | undefined): string {
  if (!exists(bytes)) return MISSING;
  if (Math.abs(Math.round(bytes)) < 1000) return `${whole(bytes)}${NBSP}B`;
  let value = bytes;
  let unit = 0;
  // Divide until three significant digits fit below 1000 (999_999 B is "1 MB", not "1,000 kB").
  while (unit < BYTE_UNITS.length - 1 && Math.abs(Number(value.toPrecision(3))) >= 1000) {
    value /= 1000;
    unit += 1;
  }
  return `${significant(value)}${NBSP}${BYTE_UNITS[unit]}`;
}

/** A scenario setting given in milliseconds: 250 → "250 ms", 2000 → "2 s", 2500 → "2.5 s". */
export function formatDurationMs(ms: number | null | undefined): string {
  if (!exists(ms)) return MISSING;
  return Math.abs(ms) < 1000 ? formatMs(ms) : `${significant(ms / 1000)}${NBSP}s`;
}
