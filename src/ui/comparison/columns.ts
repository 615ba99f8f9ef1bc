import { formatBytes, formatInteger, formatMs, formatPercent, formatRate } from '../format.ts';
import type { ClaimColumn } from '../scoreboard/claims.ts';
import { outOfOrder, type WindowTotals } from './figures.ts';

// The comparison's columns: what each figure is, how it is computed from the engine's totals
// (only arithmetic on them: rates per client, per delivered event), how it is printed, and which
// way is better. Columns are grouped so a phone can show one group at a time.

export type ColumnGroup = 'requests' | 'bytes' | 'server' | 'latency' | 'reliability';

export interface FigureContext {
  clients: number;
}

export interface ComparisonColumn {
  key: string;
  header: string;
  /** What a short header stands for, in the note under the table. */
  means?: string;
  group: ColumnGroup;
  value: (t: WindowTotals, context: FigureContext) => number | null;
  format: (value: number | null) => string;
  /** The usual comparison table's claim this column tests. */
  claim?: ClaimColumn;
  /** What a bar of this column means, for the verdict ("fewest requests"). */
  verdict?: string;
}

const perDelivered = (bytes: number, t: WindowTotals) => (t.events.delivered > 0 ? bytes / t.events.delivered : null);

export const COMPARISON_COLUMNS: readonly ComparisonColumn[] = [
  { key: 'requestsPerSec', header: 'Requests/s', group: 'requests', value: (t) => t.requestsPerSec, format: formatRate },
  {
    key: 'requestsPerClientMin',
    header: 'Requests/client/min',
    means: 'requests each client sends per minute (for webhooks, delivery attempts per receiver)',
    group: 'requests',
    value: (t, c) => (c.clients > 0 ? (t.requestsPerSec * 60) / c.clients : null),
    format: formatRate,
    verdict: 'fewest requests',
  },
  { key: 'emptyRatio', header: 'Empty responses', group: 'requests', value: (t) => t.emptyRatio, format: formatPercent },
  {
    key: 'bytesPerEvent',
    header: 'Bytes/event',
    means: 'all bytes both ways ÷ events delivered',
    group: 'bytes',
    value: (t) => perDelivered(t.bytes.up + t.bytes.down, t),
    format: formatBytes,
    claim: 'bandwidth',
  },
  {
    key: 'overheadPerEvent',
    header: 'Overhead/event',
    means: 'headers, handshakes and framing ÷ events delivered',
    group: 'bytes',
    value: (t) => perDelivered(t.bytes.overhead, t),
    format: formatBytes,
  },
  { key: 'bytesUp', header: 'Upstream bytes', group: 'bytes', value: (t) => t.bytes.up, format: formatBytes },
  { key: 'peakMemory', header: 'Peak memory', means: 'server memory held by open connections, at its highest', group: 'server', value: (t) => t.peakMemoryKb * 1000, format: formatBytes, verdict: 'least server memory' },
  { key: 'serverLoad', header: 'Server load', group: 'server', value: (t) => t.serverUtilization, format: formatPercent, claim: 'serverLoad' },
  { key: 'meanLatency', header: 'Mean latency', group: 'latency', value: (t) => t.latencyMs.mean, format: formatMs, claim: 'latency' },
  { key: 'p95Latency', header: 'p95 latency', group: 'latency', value: (t) => t.latencyMs.p95, format: formatMs, verdict: 'lowest latency (p95)' },
  { key: 'p99Latency', header: 'p99 latency', group: 'latency', value: (t) => t.latencyMs.p99, format: formatMs },
  { key: 'maxLatency', header: 'Max latency', group: 'latency', value: (t) => t.latencyMs.max, format: formatMs },
  { key: 'lost', header: 'Lost events', group: 'reliability', value: (t) => t.events.lost, format: formatInteger, claim: 'reliability' },
  { key: 'duplicates', header: 'Duplicates', group: 'reliability', value: (t) => t.events.duplicates, format: formatInteger },
  { key: 'outOfOrder', header: 'Out of order', group: 'reliability', value: (t) => outOfOrder(t), format: formatInteger },
];

/** The verdict's parts, in the order it says them. */
export const VERDICT_ORDER: readonly string[] = ['requestsPerClientMin', 'p95Latency', 'peakMemory'];

export const GROUP_NAMES: Record<ColumnGroup, string> = {
  requests: 'Requests',
  bytes: 'Bytes',
  server: 'Server',
  latency: 'Latency',
  reliability: 'Reliability',
};

export const COLUMN_GROUPS = Object.keys(GROUP_NAMES) as ColumnGroup[];

/** Bar lengths in [0, 1]: each value against the column's largest (null stays null). */
export function barFractions(values: readonly (number | null)[]): (number | null)[] {
  const max = Math.max(0, ...values.filter((v): v is number => v !== null && Number.isFinite(v)));
  return values.map((v) => (v === null || !Number.isFinite(v) ? null : max > 0 ? Math.max(0, v) / max : 0));
}
