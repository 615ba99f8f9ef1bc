import type { Results } from '../sim/engine.ts';
import type { MechanismMetrics, SteadyTotals } from '../sim/metrics/types.ts';
import { MECHANISM_IDS, type Scenario } from '../sim/scenario/types.ts';

// The CLI's human-readable output: one column per mechanism, one row per metric (DESIGN.md §6).

/** A figure that does not exist (DESIGN.md §6). */
export const MISSING = '—';

const COLUMN_GAP = '  ';

/** Fixed decimals with comma-grouped thousands, independent of the machine's locale. */
export function formatNumber(value: number, decimals = 0): string {
  return value.toFixed(decimals).replace(/^-?\d+/, (whole) => whole.replace(/\B(?=(\d{3})+(?!\d))/g, ','));
}

interface Row {
  label: string;
  value: (metrics: MechanismMetrics) => number | null;
  decimals: number;
  /** Multiply before formatting (a ratio shown as a percentage). */
  scale?: number;
}

const ROWS: readonly Row[] = [
  { label: 'requests', value: (m) => m.requests, decimals: 0 },
  { label: 'requests/s', value: (m) => m.requestsPerSec, decimals: 2 },
  { label: 'responses', value: (m) => m.responses, decimals: 0 },
  { label: 'empty responses', value: (m) => m.emptyResponses, decimals: 0 },
  { label: 'empty ratio', value: (m) => m.emptyRatio, decimals: 2 },
  { label: 'events created', value: (m) => m.events.created, decimals: 0 },
  { label: 'events delivered', value: (m) => m.events.delivered, decimals: 0 },
  { label: 'events lost', value: (m) => m.events.lost, decimals: 0 },
  { label: 'events duplicates', value: (m) => m.events.duplicates, decimals: 0 },
  { label: 'events pending', value: (m) => m.events.pending, decimals: 0 },
  { label: 'events out of order', value: (m) => m.events.outOfOrder, decimals: 0 },
  { label: 'latency mean ms', value: (m) => m.latencyMs.mean, decimals: 1 },
  { label: 'latency p50 ms', value: (m) => m.latencyMs.p50, decimals: 1 },
  { label: 'latency p95 ms', value: (m) => m.latencyMs.p95, decimals: 1 },
  { label: 'latency p99 ms', value: (m) => m.latencyMs.p99, decimals: 1 },
  { label: 'latency max ms', value: (m) => m.latencyMs.max, decimals: 1 },
  { label: 'bytes up', value: (m) => m.bytes.up, decimals: 0 },
  { label: 'bytes down', value: (m) => m.bytes.down, decimals: 0 },
  { label: 'bytes overhead', value: (m) => m.bytes.overhead, decimals: 0 },
  { label: 'bytes payload', value: (m) => m.bytes.payload, decimals: 0 },
  { label: 'bytes on the wire', value: (m) => m.bytes.wire, decimals: 0 },
  { label: 'peak open connections', value: (m) => m.peakOpenConnections, decimals: 0 },
  { label: 'connection attempts', value: (m) => m.connectionAttempts, decimals: 0 },
  { label: 'connection failures', value: (m) => m.connectionFailures, decimals: 0 },
  { label: 'error responses', value: (m) => m.errorResponses, decimals: 0 },
  { label: 'SSE clients closed', value: (m) => m.sseClosedClients, decimals: 0 },
  { label: 'refused, queue full', value: (m) => m.overload.refused, decimals: 0 },
  { label: 'peak queued requests', value: (m) => m.overload.peakQueued, decimals: 0 },
  { label: 'server utilization %', value: (m) => m.serverUtilization, decimals: 1, scale: 100 },
  { label: 'peak memory KB', value: (m) => m.peakMemoryKb, decimals: 0 },
  ...steadyRows([
    { label: 'from s', value: (s) => s.fromSec, decimals: 1 },
    { label: 'requests/s', value: (s) => s.requestsPerSec, decimals: 2 },
    { label: 'empty ratio', value: (s) => s.emptyRatio, decimals: 2 },
    { label: 'events created', value: (s) => s.events.created, decimals: 0 },
    { label: 'events delivered', value: (s) => s.events.delivered, decimals: 0 },
    { label: 'events lost', value: (s) => s.events.lost, decimals: 0 },
    { label: 'events pending', value: (s) => s.events.pending, decimals: 0 },
    { label: 'events out of order', value: (s) => s.events.outOfOrder, decimals: 0 },
    { label: 'latency mean ms', value: (s) => s.latencyMs.mean, decimals: 1 },
    { label: 'latency p95 ms', value: (s) => s.latencyMs.p95, decimals: 1 },
    { label: 'bytes overhead', value: (s) => s.bytes.overhead, decimals: 0 },
    { label: 'peak open connections', value: (s) => s.peakOpenConnections, decimals: 0 },
    { label: 'server utilization %', value: (s) => s.serverUtilization, decimals: 1, scale: 100 },
  ]),
];

/** The same figures over the steady-state window, labelled "steady …"; a dash when there is none. */
function steadyRows(rows: { label: string; value: (s: SteadyTotals) => number | null; decimals: number; scale?: number }[]): Row[] {
  return rows.map((row) => ({
    ...row,
    label: `steady ${row.label}`,
    value: (m: MechanismMetrics) => (m.steady ? row.value(m.steady) : null),
  }));
}

function formatCell(row: Row, metrics: MechanismMetrics): string {
  const value = row.value(metrics);
  return value === null ? MISSING : formatNumber(value * (row.scale ?? 1), row.decimals);
}

/** `Scenario "Default": 10 clients, 120 s, seed 1` */
export function formatSummary(scenario: Scenario): string {
  const clients = `${scenario.clients} ${scenario.clients === 1 ? 'client' : 'clients'}`;
  return `Scenario ${JSON.stringify(scenario.name)}: ${clients}, ${scenario.durationSec} s, seed ${scenario.seed}`;
}

/**
 * One line per mechanism whose server was overloaded (it refused requests: its queue was full), and
 * one per mechanism whose run (drain included) ended with events unresolved: the figures do not
 * include them (they were neither delivered nor lost). Empty when neither happened.
 */
export function formatNotes(results: Results): string {
  return MECHANISM_IDS.flatMap((id) => {
    const notes: string[] = [];
    const overload = results[id]?.overload;
    if (overload?.overloaded) {
      const requests = overload.refused === 1 ? 'request' : 'requests';
      notes.push(`Note: ${id}: server overloaded, ${formatNumber(overload.refused)} ${requests} refused with a 503 (queue full at ${formatNumber(overload.queueLimit)}).`);
    }
    const pending = results[id]?.events.pending ?? 0;
    if (pending === 0) return notes;
    const events = pending === 1 ? '1 event was' : `${formatNumber(pending)} events were`;
    return [...notes, `Note: ${id}: ${events} still unresolved at the end of the run; the figures exclude them.`];
  }).join('\n');
}

/** Labels left-aligned, figures right-aligned, mechanisms in the canonical order. */
export function formatTable(results: Results): string {
  const columns = MECHANISM_IDS.flatMap((id) => {
    const metrics = results[id];
    return metrics ? [{ id, metrics }] : [];
  });
  const header = ['', ...columns.map((column) => column.id)];
  const body = ROWS.map((row) => [row.label, ...columns.map((column) => formatCell(row, column.metrics))]);
  const lines = [header, ...body];
  const widths = header.map((_, index) => Math.max(...lines.map((cells) => cells[index].length)));
  return lines
    .map((cells) =>
      cells.map((cell, index) => (index === 0 ? cell.padEnd(widths[0]) : cell.padStart(widths[index]))).join(COLUMN_GAP),
    )
    .join('\n');
}
