import type { MechanismTotals, MetricSeries } from '../../sim/metrics/types.ts';
import type { RunRecording } from '../../sim/recording.ts';
import type { MechanismId, Scenario } from '../../sim/scenario/types.ts';
import { secondIndex, snapshotIndex, totalsAt } from '../../state/selectors.ts';
import { mechanismsOf } from '../charts/chartData.ts';
import { MECHANISM_LABELS } from '../mechanisms.ts';
import { toCsv, type CsvCell } from './csv.ts';

// The numbers behind the scoreboard and the charts, as files other tools open. Raw numbers only
// (ratios as 0–1, times in ms, sizes in bytes, as each key's name says); a figure that does not
// exist is null in JSON and an empty field in CSV. CSV and JSON use the same keys.

/** The scoreboard's figures (scoreboard/columns.ts), in its column order, under stable keys. */
export const SCOREBOARD_FIELDS: readonly { key: string; value: (t: MechanismTotals) => number | null }[] = [
  { key: 'requestsPerSec', value: (t) => t.requestsPerSec },
  { key: 'emptyRatio', value: (t) => t.emptyRatio },
  { key: 'latencyMeanMs', value: (t) => t.latencyMs.mean },
  { key: 'latencyP95Ms', value: (t) => t.latencyMs.p95 },
  { key: 'bytesUpDown', value: (t) => t.bytes.up + t.bytes.down },
  { key: 'peakOpenConnections', value: (t) => t.peakOpenConnections },
  { key: 'serverUtilization', value: (t) => t.serverUtilization },
  { key: 'eventsLost', value: (t) => t.events.lost },
  { key: 'duplicates', value: (t) => t.events.duplicates },
];

/** Every per-second series of a mechanism, in the order of MetricSeries. */
export const SERIES_KEYS: readonly (keyof MetricSeries)[] = [
  'requests',
  'responses',
  'emptyResponses',
  'eventsCreated',
  'eventsDelivered',
  'eventsLost',
  'duplicates',
  'eventsOutOfOrder',
  'latencyMeanMs',
  'bytesUp',
  'bytesDown',
  'bytesOverhead',
  'bytesPayload',
  'openConnections',
  'peakOpenConnections',
  'serverUtilization',
  'memoryKb',
  'bytesWire',
  'connectionAttempts',
  'overloadRejections',
];

export interface ScoreboardRow {
  mechanism: MechanismId;
  label: string;
  [key: string]: string | number | null;
}

export interface ScoreboardExport {
  scenario: Scenario;
  /** Simulated time the figures were taken at (the last snapshot at or before the playhead). */
  atSec: number;
  rows: ScoreboardRow[];
}

/** Seconds of the snapshot the scoreboard shows at the playhead; 0 before the first one. */
function snapshotSec(recording: RunRecording, playheadMs: number): number {
  const at = snapshotIndex(recording, playheadMs);
  return at < 0 ? 0 : Math.min((at + 1) * recording.snapshotEverySec * 1000, recording.endMs) / 1000;
}

export function scoreboardData(recording: RunRecording, playheadMs: number): ScoreboardExport {
  const rows = mechanismsOf(recording).map((id) => {
    const totals = totalsAt(recording, id, playheadMs);
    const row: ScoreboardRow = { mechanism: id, label: MECHANISM_LABELS[id] };
    for (const field of SCOREBOARD_FIELDS) row[field.key] = totals ? field.value(totals) : null;
    return row;
  });
  return { scenario: recording.scenario, atSec: snapshotSec(recording, playheadMs), rows };
}

export function scoreboardCsv(data: ScoreboardExport): string {
  const header = ['mechanism', 'label', 'atSec', ...SCOREBOARD_FIELDS.map((f) => f.key)];
  const rows = data.rows.map((row): CsvCell[] => [row.mechanism, row.label, data.atSec, ...SCOREBOARD_FIELDS.map((f) => row[f.key])]);
  return toCsv(header, rows);
}

export interface SeriesExport {
  scenario: Scenario;
  /** Whole seconds included: the ones completed by the playhead (the charts show the same). */
  seconds: number;
  /** Value i of each array covers simulated seconds [i, i + 1). */
  mechanisms: Partial<Record<MechanismId, Record<keyof MetricSeries, (number | null)[]>>>;
}

export function seriesData(recording: RunRecording, playheadMs: number): SeriesExport {
  const seconds = secondIndex(recording, playheadMs) + 1;
  const mechanisms: SeriesExport['mechanisms'] = {};
  for (const id of mechanismsOf(recording)) {
    const series = recording.mechanisms[id]?.final.series;
    if (!series) continue;
    mechanisms[id] = Object.fromEntries(SERIES_KEYS.map((key) => [key, series[key].slice(0, seconds)])) as Record<
      keyof MetricSeries,
      (number | null)[]
    >;
  }
  return { scenario: recording.scenario, seconds, mechanisms };
}

/**
 * Tidy long-by-mechanism CSV: one row per mechanism and simulated second, one column per series.
 * The header names the layout: `mechanism,secondStart,secondEnd,<series…>`.
 */
export function seriesCsv(data: SeriesExport): string {
  const header = ['mechanism', 'secondStart', 'secondEnd', ...SERIES_KEYS];
  const durationSec = data.scenario.durationSec;
  const rows: CsvCell[][] = [];
  for (const [id, series] of Object.entries(data.mechanisms)) {
    for (let i = 0; i < data.seconds; i++) {
      rows.push([id, i, Math.min(i + 1, durationSec), ...SERIES_KEYS.map((key) => series[key][i] ?? null)]);
    }
  }
  return toCsv(header, rows);
}

/** Pretty JSON with a final newline: the same data always gives the same bytes. */
export function toJson(data: unknown): string {
  return `${JSON.stringify(data, null, 2)}\n`;
}
