import { formatPercent, formatRate } from '../format.ts';

// Text alternatives for the charts (WCAG 1.1.1): each figure's aria-label states the values at the
// playhead in words, so a screen-reader user hears what a sighted one reads off the lines.

export interface DescribedValue {
  label: string;
  text: string;
}

/**
 * "Requests per second at 42 s: Polling 4.8, Long polling 5." `atSec` is null before the first
 * simulated second is over, when there is nothing to read yet. `extra` is appended as is.
 */
export function describeAt(title: string, atSec: number | null, values: readonly DescribedValue[], extra = ''): string {
  const tail = extra === '' ? '' : ` ${extra}`;
  if (atSec === null) return `${title}: no data yet, the first simulated second is not over.${tail}`;
  if (values.length === 0) return `${title} at ${formatRate(atSec)} s: nothing to show.${tail}`;
  const list = values.map((v) => `${v.label} ${v.text}`).join(', ');
  return `${title} at ${formatRate(atSec)} s: ${list}.${tail}`;
}

/** "A", "A and B", "A, B and C". */
export function listInWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/**
 * A ratio as a percentage, with a vanishing one said as such: long polling's theoretical empty
 * ratio of 3 × 10⁻⁷ reads "< 0.1 %" rather than "0.0000291 %".
 */
export function formatShare(ratio: number | null): string {
  return ratio !== null && ratio > 0 && ratio < 0.001 ? '<\u00a00.1\u00a0%' : formatPercent(ratio);
}
