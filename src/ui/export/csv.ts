// CSV as RFC 4180 writes it: fields separated by commas, records by CRLF, and a field quoted
// (with inner quotes doubled) exactly when it holds a comma, a quote, a CR or an LF. A number is
// written in JavaScript's shortest round-trip form, so parsing it back gives the same number; a
// figure that does not exist (null) is an empty field, never 0.

export type CsvCell = string | number | boolean | null;

const NEEDS_QUOTES = /[",\r\n]/;

export function csvField(value: CsvCell): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = String(value);
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A header row and data rows as one CSV text, each record ending in CRLF. */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return [header, ...rows].map((row) => row.map(csvField).join(',') + '\r\n').join('');
}
