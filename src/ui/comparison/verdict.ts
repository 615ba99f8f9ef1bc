import type { ComparisonColumn, FigureContext } from './columns.ts';
import type { WindowTotals } from './figures.ts';

// The comparison in one line, computed from the figures on screen: for each column that names a
// verdict, which mechanism has the lowest value. A lowest value shared by several (as printed) is a
// tie and says so; a column with fewer than two figures says nothing.

export interface Row {
  label: string;
  totals: WindowTotals | null;
}

/** Index of the lowest printed value, all indices tied for it, or [] when there is no winner. */
export function lowest(values: readonly (number | null)[], format: (v: number | null) => string): number[] {
  const present = values.map((v, i) => ({ v, i })).filter((x): x is { v: number; i: number } => x.v !== null && Number.isFinite(x.v));
  if (present.length < 2) return [];
  const min = Math.min(...present.map((x) => x.v));
  const shown = format(min);
  const tied = present.filter((x) => format(x.v) === shown).map((x) => x.i);
  return tied.length === present.length ? [] : tied;
}

function joinNames(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** "Fewest requests: SSE and WebSockets (tied); lowest latency (p95): SSE; least server memory: Polling." */
export function verdictText(
  columns: readonly ComparisonColumn[],
  order: readonly string[],
  rows: readonly Row[],
  context: FigureContext,
): string | null {
  const parts: string[] = [];
  for (const key of order) {
    const column = columns.find((c) => c.key === key);
    if (!column?.verdict) continue;
    const values = rows.map((r) => (r.totals ? column.value(r.totals, context) : null));
    const present = values.filter((v) => v !== null).length;
    if (present < 2) continue;
    const winners = lowest(values, column.format);
    if (winners.length === 0) parts.push(`${column.verdict}: all equal`);
    else {
      const names = joinNames(winners.map((i) => rows[i].label));
      parts.push(`${column.verdict}: ${names}${winners.length > 1 ? ' (tied)' : ''}`);
    }
  }
  if (parts.length === 0) return null;
  const text = parts.join('; ');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}
