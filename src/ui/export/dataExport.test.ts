import { describe, expect, it } from 'vitest';
import { recordRun } from '../../sim/recording.ts';
import { parseScenario } from '../../sim/scenario/validate.ts';
import { MECHANISM_IDS } from '../../sim/scenario/types.ts';
import { totalsAt } from '../../state/selectors.ts';
import { SCORE_COLUMNS } from '../scoreboard/columns.ts';
import { SCOREBOARD_FIELDS, SERIES_KEYS, scoreboardCsv, scoreboardData, seriesCsv, seriesData, toJson } from './dataExport.ts';
import { parseCsv } from './parseCsv.testing.ts';

function scenario(input: object) {
  const parsed = parseScenario({ version: 1, ...input });
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  return parsed.scenario;
}

// A short run with every mechanism, lossy enough that some figures are null or non-integer.
const recording = recordRun(scenario({ name: 'Export test', durationSec: 12.5, clients: 3, network: { lossRate: 0.05 } }), 2);
const fourOfFive = recordRun(scenario({ durationSec: 5, clients: 2, mechanisms: ['sse', 'polling', 'webhook', 'longPolling'] }), 2);

const cell = (value: number | null) => (value === null ? '' : String(value));

describe('the scoreboard export', () => {
  it('holds the figures of every scoreboard column, in its order', () => {
    expect(SCOREBOARD_FIELDS).toHaveLength(SCORE_COLUMNS.length);
    for (const id of MECHANISM_IDS) {
      const totals = totalsAt(recording, id, 7_400);
      if (!totals) throw new Error(`no totals for ${id}`);
      SCORE_COLUMNS.forEach((column, i) => expect(SCOREBOARD_FIELDS[i].value(totals), column.header).toBe(column.value(totals)));
    }
  });

  it('writes one CSV row per mechanism with the totals at the playhead, parsed back exactly', () => {
    const rows = parseCsv(scoreboardCsv(scoreboardData(recording, 7_400)));
    expect(rows[0]).toEqual(['mechanism', 'label', 'atSec', ...SCOREBOARD_FIELDS.map((f) => f.key)]);
    expect(rows.slice(1).map((r) => r[0])).toEqual([...MECHANISM_IDS]);
    for (const row of rows.slice(1)) {
      const totals = totalsAt(recording, row[0] as (typeof MECHANISM_IDS)[number], 7_400);
      if (!totals) throw new Error('no totals');
      expect(row[2]).toBe('7');
      expect(row.slice(3)).toEqual(SCOREBOARD_FIELDS.map((f) => cell(f.value(totals))));
    }
    expect(rows[1][1]).toBe('Polling');
  });

  it('lists only the mechanisms of the run, in registry order', () => {
    const rows = parseCsv(scoreboardCsv(scoreboardData(fourOfFive, 5_000)));
    expect(rows.slice(1).map((r) => r[0])).toEqual(['polling', 'longPolling', 'sse', 'webhook']);
  });

  it('takes the last, partial snapshot at the end of the run', () => {
    const data = scoreboardData(recording, recording.durationMs);
    expect(data.atSec).toBe(12.5);
    expect(data.rows[0].requestsPerSec).toBe(recording.mechanisms.polling?.final.requestsPerSec);
  });

  it('leaves every figure empty before the first snapshot, rather than 0', () => {
    const data = scoreboardData(recording, 500);
    expect(data.atSec).toBe(0);
    expect(data.rows.every((row) => SCOREBOARD_FIELDS.every((f) => row[f.key] === null))).toBe(true);
    expect(parseCsv(scoreboardCsv(data))[1].slice(3)).toEqual(SCOREBOARD_FIELDS.map(() => ''));
  });

  it('round-trips through JSON to the same data, nulls included', () => {
    const data = scoreboardData(recording, 9_000);
    expect(JSON.parse(toJson(data))).toEqual(data);
    expect(toJson(data).endsWith('}\n')).toBe(true);
  });
});

describe('the per-second series export', () => {
  it('names every series the engine records', () => {
    expect([...SERIES_KEYS].sort()).toEqual(Object.keys(recording.mechanisms.polling?.final.series ?? {}).sort());
  });

  it('writes one CSV row per mechanism and completed second, with the recorded values', () => {
    const rows = parseCsv(seriesCsv(seriesData(recording, 4_200)));
    expect(rows[0]).toEqual(['mechanism', 'secondStart', 'secondEnd', ...SERIES_KEYS]);
    expect(rows).toHaveLength(1 + 5 * 4);
    for (const row of rows.slice(1)) {
      const series = recording.mechanisms[row[0] as (typeof MECHANISM_IDS)[number]]?.final.series;
      if (!series) throw new Error('unknown mechanism');
      const second = Number(row[1]);
      expect(row[2]).toBe(String(second + 1));
      expect(row.slice(3)).toEqual(SERIES_KEYS.map((key) => cell(series[key][second])));
    }
    expect(rows.slice(1, 5).map((r) => r[1])).toEqual(['0', '1', '2', '3']);
  });

  it('ends the last, partial second of a run at the run’s end', () => {
    const rows = parseCsv(seriesCsv(seriesData(recording, recording.durationMs)));
    const polling = rows.filter((r) => r[0] === 'polling');
    expect(polling).toHaveLength(13);
    expect(polling[12].slice(1, 3)).toEqual(['12', '12.5']);
  });

  it('round-trips through JSON, each array as long as the seconds exported', () => {
    const data = seriesData(recording, 6_000);
    expect(JSON.parse(toJson(data))).toEqual(data);
    expect(data.seconds).toBe(6);
    expect(data.mechanisms.sse?.latencyMeanMs).toEqual(recording.mechanisms.sse?.final.series.latencyMeanMs.slice(0, 6));
  });
});

describe('determinism', () => {
  it('gives the same bytes for the same state, and for a second run of the same scenario', () => {
    const again = recordRun(recording.scenario, 2);
    expect(scoreboardCsv(scoreboardData(again, 8_000))).toBe(scoreboardCsv(scoreboardData(recording, 8_000)));
    expect(seriesCsv(seriesData(again, 8_000))).toBe(seriesCsv(seriesData(recording, 8_000)));
    expect(toJson(seriesData(again, 8_000))).toBe(toJson(seriesData(recording, 8_000)));
  });
});
