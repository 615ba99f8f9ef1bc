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
 * Three significant digits, but never rounding away integer digits: 4.7619 → "4.76",
 * 0.01234 → "0.0123", 51.26 → "51.3", 1049.4 → "1,049". Trailing zeros are dropped.
 */
function significant(value: number): string {
  if (value === 0) return '0';
  if (Math.abs(value) >= 1000) return withFractionDigits(value, 0);
  const rounded = Number(value.toPrecision(3));
  const fractionDigits = Math.max(0, 2 - Math.floor(Math.log10(Math.abs(rounded))));
  return withFractionDigits(rounded, fractionDigits);
}

function exists(value: number | null | undefined): value is number {
  return value !== null && value !== undefined && Number.isFinite(value);
}

/** A count: 12345 → "12,345". */
export function formatInteger(value: number | null | undefined): string {
  return exists(value) ? withFractionDigits(Math.round(value), 0) : MISSING;
}

/** A rate such as requests per second, without its unit (the column header carries it). */
export function formatRate(value: number | null | undefined): string {
  return exists(value) ? significant(value) : MISSING;
}

/** A ratio in [0, 1] as a percentage: 0.873 → "87.3 %". */
export function formatPercent(ratio: number | null | undefined): string {
  return exists(ratio) ? `${significant(ratio * 100)}${NBSP}%` : MISSING;
}

/** A duration in milliseconds: 51.26 → "51.3 ms", 1049.4 → "1,049 ms". */
export function formatMs(ms: number | null | undefined): string {
  return exists(ms) ? `${significant(ms)}${NBSP}ms` : MISSING;
}

const BYTE_UNITS = ['B', 'kB', 'MB', 'GB', 'TB'];

/** A byte count in decimal (SI) units: 850 → "850 B", 12_345 → "12.3 kB", 1_234_567 → "1.23 MB". */
export function formatBytes(bytes: number | null | undefined): string {
  if (!exists(bytes)) return MISSING;
  if (Math.abs(Math.round(bytes)) < 1000) return `${withFractionDigits(Math.round(bytes), 0)}${NBSP}B`;
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
