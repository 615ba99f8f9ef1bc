import { MECHANISM_IDS, type MechanismId } from '../../sim/scenario/types.ts';
import type { RunRecording } from '../../sim/recording.ts';
import { formatBytes, formatDurationMs, formatInteger, formatMs, formatPercent } from '../format.ts';
import { MECHANISM_VIEWS } from '../mechanismViews.ts';
import { COMPARISON_COLUMNS, type ComparisonColumn } from '../comparison/columns.ts';
import { runEndMs, steadyOrWhole, type FigureMode, type WindowTotals } from '../comparison/figures.ts';

// The figures of two runs side by side and their differences (issue 13, item 4). Every figure is
// the engine's, read as the comparison reads it (steady state by default, at the end of each
// run); the only arithmetic here is B − A and (B − A) ÷ A.

/** Which way a figure is better, where that is clear; null where it depends (open connections). */
export type Better = 'lower' | 'higher' | null;

export interface CompareColumn {
  key: string;
  header: string;
  value: (t: WindowTotals, clients: number) => number | null;
  format: (value: number | null) => string;
  /** How a difference is printed, when not as the figure is ("−33.3 points" for a share). */
  formatDifference?: (value: number | null) => string;
  better: Better;
}

/** A difference of two shares in percentage points: 0.333 → "33.3 points" (a "%" would read as relative). */
const formatPoints = (value: number | null) => formatPercent(value).replace(/\u00a0%$/, '\u00a0points');

const fromComparison = (key: string, better: Better): CompareColumn => {
  const column = COMPARISON_COLUMNS.find((c) => c.key === key) as ComparisonColumn;
  return { key, header: column.header, value: (t, clients) => column.value(t, { clients }), format: column.format, better };
};

export const COMPARE_COLUMNS: readonly CompareColumn[] = [
  fromComparison('requestsPerClientMin', 'lower'),
  { ...fromComparison('emptyRatio', 'lower'), formatDifference: formatPoints },
  { key: 'p50Latency', header: 'p50 latency', value: (t) => t.latencyMs.p50, format: formatMs, better: 'lower' },
  fromComparison('p95Latency', 'lower'),
  fromComparison('meanLatency', 'lower'),
  fromComparison('bytesPerEvent', 'lower'),
  // Fewer open connections is cheaper, but it may also mean clients that were cut off: no verdict.
  { key: 'peakConnections', header: 'Open connections (peak)', value: (t) => t.peakOpenConnections, format: formatInteger, better: null },
  { key: 'peakMemory', header: 'Peak memory', value: (t) => t.peakMemoryKb * 1000, format: formatBytes, better: null },
  fromComparison('lost', 'lower'),
  fromComparison('duplicates', 'lower'),
  fromComparison('outOfOrder', 'lower'),
];

export interface Delta {
  a: number | null;
  b: number | null;
  /** B − A; null when either figure does not exist. */
  abs: number | null;
  /** (B − A) ÷ A; null when A is 0 or either figure does not exist. */
  rel: number | null;
  /** Judged on the printed figures, so a difference too small to print is 'same'. */
  direction: 'better' | 'worse' | 'same' | 'changed' | null;
}

export function delta(a: number | null, b: number | null, better: Better, format: (value: number | null) => string): Delta {
  if (a === null || b === null || !Number.isFinite(a) || !Number.isFinite(b)) return { a, b, abs: null, rel: null, direction: null };
  const abs = b - a;
  const rel = a === 0 ? null : abs / Math.abs(a);
  // Too small to print: the figures print alike, or their difference prints as 0.
  if (format(a) === format(b) || format(Math.abs(abs)) === format(0)) return { a, b, abs, rel, direction: 'same' };
  if (better === null) return { a, b, abs, rel, direction: 'changed' };
  const lower = abs < 0;
  return { a, b, abs, rel, direction: lower === (better === 'lower') ? 'better' : 'worse' };
}

const MINUS = '\u2212';
const NBSP = '\u00a0';

/** "+4 s", "−24": the sign, then the column's own format of the size. */
export function absText(d: Delta, format: (value: number | null) => string): string {
  if (d.abs === null) return '';
  if (d.direction === 'same') return '±0';
  return `${d.abs < 0 ? MINUS : '+'}${format(Math.abs(d.abs))}`;
}

/** "−80 %", "+4.5 %"; "from 0" when A is 0; "" when nothing changed or nothing to compare. */
export function relText(d: Delta): string {
  if (d.abs === null || d.direction === 'same') return '';
  if (d.rel === null) return 'from 0';
  const percent = Math.abs(d.rel) * 100;
  const digits = percent < 10 ? 1 : 0;
  return `${d.rel < 0 ? MINUS : '+'}${percent.toFixed(digits)}${NBSP}%`;
}

/** "steady state 5–30 s" or "whole run": the window a run's figures in the table cover. */
export function windowText(recording: RunRecording, mode: FigureMode): string {
  if (mode === 'whole') return 'whole run';
  const id = MECHANISM_IDS.find((m) => recording.mechanisms[m]);
  const shown = id ? steadyOrWhole(recording, id, mode, runEndMs(recording)) : null;
  if (shown?.shown !== 'steady') return 'whole run';
  return `steady state ${String(Math.round(shown.fromSec))}–${String(Math.round(shown.toSec))} s`;
}

/** A mechanism's figures in a run, at its end (drain included); null when the run lacks it. */
export function figuresOf(recording: RunRecording, id: MechanismId, mode: FigureMode): WindowTotals | null {
  return steadyOrWhole(recording, id, mode, runEndMs(recording))?.totals ?? null;
}

export interface CompareRow {
  id: MechanismId;
  deltas: Delta[];
}

/** One row per mechanism in either run, one delta per column. */
export function compareRows(a: RunRecording, b: RunRecording, mode: FigureMode): CompareRow[] {
  const ids = MECHANISM_IDS.filter((id) => a.mechanisms[id] ?? b.mechanisms[id]);
  return ids.map((id) => {
    const ta = figuresOf(a, id, mode);
    const tb = figuresOf(b, id, mode);
    return {
      id,
      deltas: COMPARE_COLUMNS.map((c) =>
        delta(ta ? c.value(ta, a.scenario.clients) : null, tb ? c.value(tb, b.scenario.clients) : null, c.better, c.format),
      ),
    };
  });
}

const MECHANISM_SECTIONS: Partial<Record<string, MechanismId>> = { polling: 'polling', longPolling: 'longPolling', sse: 'sse', websocket: 'websocket', webhook: 'webhook' };

/**
 * The mechanism the one-line summary speaks of: the one whose settings were changed, when all
 * changes are one mechanism's; otherwise the one whose requests changed most (relatively).
 */
export function focusMechanism(rows: readonly CompareRow[], changedPaths: readonly string[]): MechanismId | null {
  const sections = new Set(changedPaths.map((path) => MECHANISM_SECTIONS[path.split('.')[0]] ?? null));
  const [only] = [...sections];
  if (sections.size === 1 && only && rows.some((r) => r.id === only)) return only;
  let best: CompareRow | null = null;
  let size = -1;
  for (const row of rows) {
    const d = row.deltas[0];
    const change = d.abs === null ? -1 : d.rel === null ? (d.abs === 0 ? 0 : Infinity) : Math.abs(d.rel);
    if (change > size) {
      best = row;
      size = change;
    }
  }
  return best?.id ?? null;
}

/** "Polling: requests/client/min −80 %, mean latency +4 s" for the focus mechanism. */
export function effectText(row: CompareRow): string {
  const requests = row.deltas[COMPARE_COLUMNS.findIndex((c) => c.key === 'requestsPerClientMin')];
  const latency = row.deltas[COMPARE_COLUMNS.findIndex((c) => c.key === 'meanLatency')];
  const requestsColumn = COMPARE_COLUMNS[0];
  const parts: string[] = [];
  if (requests.abs !== null) parts.push(`requests ${requests.direction === 'same' ? 'unchanged' : requests.rel === null ? absText(requests, requestsColumn.format) + ' per client per minute' : relText(requests)}`);
  if (latency.abs !== null) parts.push(`mean latency ${latency.direction === 'same' ? 'unchanged' : absText(latency, formatDurationMs)}`);
  return `${MECHANISM_VIEWS[row.id].label}: ${parts.length > 0 ? parts.join(', ') : 'no figures to compare'}`;
}
