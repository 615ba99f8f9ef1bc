// @vitest-environment happy-dom
import { act, cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MechanismMetrics, MechanismTotals } from '../../sim/metrics/types.ts';
import type { RunRecording } from '../../sim/recording.ts';
import { DEFAULT_SCENARIO } from '../../sim/scenario/defaults.ts';
import type { MechanismId } from '../../sim/scenario/types.ts';
import { useLab } from '../../state/store.ts';
import { Scoreboard } from './Scoreboard.tsx';

// A hand-made recording: 120 s, snapshots every second. Every snapshot but the one taken after
// 42 s holds decoy figures, so a test at 42.7 s shows that the table reads exactly that one.

type Figures = { rps: number; empty: number | null; mean: number | null; p95: number | null; up: number; down: number; overhead: number; peak: number; load: number | null; lost: number; dup: number };

function totals(f: Figures): MechanismTotals {
  return {
    requests: Math.round(f.rps * 42),
    requestsPerSec: f.rps,
    responses: 0,
    emptyResponses: 0,
    emptyRatio: f.empty,
    events: { created: 21, delivered: 21 - f.lost, lost: f.lost, duplicates: f.dup, pending: 0 },
    latencyMs: { mean: f.mean, p50: f.mean, p95: f.p95, p99: f.p95, max: f.p95 },
    bytes: { up: f.up, down: f.down, overhead: f.overhead, payload: f.up + f.down - f.overhead, wire: f.up + f.down },
    peakOpenConnections: f.peak,
    connectionAttempts: 0, connectionFailures: 0, errorResponses: 0, sseClosedClients: 0,
    serverUtilization: f.load,
    peakMemoryKb: f.peak * 64,
  };
}

const AT_42_S: Partial<Record<MechanismId, Figures>> = {
  polling: { rps: 4.76, empty: 0.36, mean: 1090, p95: 2032, up: 150_000, down: 100_000, overhead: 200_000, peak: 10, load: 0.0006, lost: 0, dup: 0 },
  longPolling: { rps: 4.9, empty: 0, mean: 52.2, p95: 50.1, up: 160_000, down: 100_000, overhead: 210_000, peak: 10, load: 0.0007, lost: 0, dup: 0 },
  sse: { rps: 0.24, empty: 0, mean: 50, p95: 50.1, up: 5_000, down: 60_000, overhead: 20_000, peak: 10, load: 0.0001, lost: 0, dup: 0 },
  websocket: { rps: 0.24, empty: 0, mean: 50, p95: 50.1, up: 5_000, down: 55_000, overhead: 18_000, peak: 10, load: 0.0001, lost: 0, dup: 0 },
  webhook: { rps: 5.1, empty: null, mean: null, p95: null, up: 60_000, down: 250_000, overhead: 260_000, peak: 12, load: 0.0006, lost: 3, dup: 1 },
};
const DECOY: Figures = { rps: 999, empty: 0.9, mean: 9999, p95: 9999, up: 9, down: 9, overhead: 1, peak: 99, load: 0.9, lost: 9, dup: 9 };

function recordingOf(ids: MechanismId[]): RunRecording {
  const mechanisms: RunRecording['mechanisms'] = {};
  for (const id of ids) {
    const figures = AT_42_S[id] ?? DECOY;
    const snapshots = Array.from({ length: 120 }, (_, k) => totals(k === 41 ? figures : DECOY));
    const final = { ...snapshots[119], series: {} as MechanismMetrics['series'] };
    mechanisms[id] = { final, totalsAt: snapshots, cdfAt: [], trace: [] };
  }
  const scenario = { ...DEFAULT_SCENARIO, clients: 10, mechanisms: ids };
  return { scenario, durationMs: 120_000, snapshotEverySec: 1, traceClients: 5, mechanisms };
}

const ALL: MechanismId[] = ['polling', 'longPolling', 'sse', 'websocket', 'webhook'];

function show(playheadMs: number, ids = ALL) {
  act(() => useLab.setState({ recording: recordingOf(ids), status: 'ready', playheadMs }));
  render(<Scoreboard />);
}

const table = () => screen.getByRole('table', { name: /^Scoreboard/ });
const row = (name: string) =>
  within(table()).getAllByRole('row').find((r) => within(r).queryByRole('rowheader', { name: new RegExp(`${name}$`) })) as HTMLElement;
/** The cell of `mechanism`'s row under the column whose header starts with `column`. */
function cell(mechanism: string, column: string): HTMLElement {
  const headers = within(table()).getAllByRole('columnheader').map((h) => h.textContent);
  const index = headers.findIndex((h) => h.startsWith(column));
  return within(row(mechanism)).getAllByRole('cell')[index - 1];
}
const claim = (mechanism: string, column: string) => cell(mechanism, column).querySelector('.claim')?.textContent ?? null;
const isBest = (mechanism: string, column: string) => within(cell(mechanism, column)).queryByText('(best)') !== null;

beforeEach(() => useLab.setState({ recording: null }));
afterEach(cleanup);

describe('the scoreboard', () => {
  it('shows a dash in every figure before the first simulated second', () => {
    show(700);
    expect(table().querySelector('caption')?.textContent).toBe('Scoreboard — figures appear after the first simulated second');
    for (const column of ['Requests/s', 'Mean latency', 'Lost events']) expect(cell('Polling', column).textContent).toMatch(/^—/);
    expect(screen.queryByText('(best)')).toBeNull();
  });

  it('shows the totals of the last whole second at the playhead, for all clients', () => {
    show(42_700);
    expect(table().querySelector('caption')?.textContent).toBe('Scoreboard after 42 s of 120 s, all 10 clients');
    const names = within(table()).getAllByRole('rowheader').map((h) => h.textContent.replace(/^[^A-Za-z]+/, ''));
    expect(names).toEqual(['Polling', 'Long polling', 'SSE', 'WebSockets', 'Webhooks']);
    expect(cell('Polling', 'Requests/s').textContent).toBe('4.76');
    expect(cell('Polling', 'Empty responses').textContent).toBe('36\u00a0%');
    expect(cell('Polling', 'Mean latency').textContent).toBe('1,090\u00a0msclaim: High');
    expect(cell('Polling', 'Bytes').textContent).toBe('250\u00a0kB80\u00a0% overheadclaim: Inefficient');
    expect(cell('Webhooks', 'Duplicates').textContent).toBe('1');
  });

  it('marks the lowest value of each column as best, every tie included and missing figures never', () => {
    show(42_700);
    expect(['Polling', 'Long polling', 'SSE', 'WebSockets', 'Webhooks'].filter((n) => isBest(n, 'Mean latency'))).toEqual(['SSE', 'WebSockets']);
    expect(cell('Webhooks', 'Mean latency').textContent).toMatch(/^—claim/);
    expect(isBest('WebSockets', 'Bytes')).toBe(true);
    expect(isBest('SSE', 'Bytes')).toBe(false);
    // Lost events: 0, 0, 0, 0, 3 — the four without loss share the mark.
    expect(['Polling', 'Long polling', 'SSE', 'WebSockets', 'Webhooks'].filter((n) => isBest(n, 'Lost events'))).toHaveLength(4);
    // Peak open connections: 10 everywhere but webhooks' 12.
    expect(isBest('Webhooks', 'Peak open connections')).toBe(false);
    // The mark is bold and starred on screen, and read out as "best".
    expect(cell('SSE', 'Mean latency').className).toBe('best');
    expect(cell('SSE', 'Mean latency').textContent).toContain('★');
  });

  it('states the seed table’s claim beside the measured value, and marks the SSE claims as ours', () => {
    show(42_700);
    expect(claim('WebSockets', 'Mean latency')).toBe('claim: Very low');
    expect(claim('Polling', 'Bytes')).toBe('claim: Inefficient');
    expect(claim('Long polling', 'Server load')).toBe('claim: Moderate-High');
    expect(claim('Webhooks', 'Lost events')).toBe('claim: Depends on retries');
    expect(claim('Webhooks', 'Mean latency')).toBe('claim: Event-driven');
    for (const column of ['Mean latency', 'Bytes', 'Server load', 'Lost events']) expect(claim('SSE', column)).toMatch(/^claim: .*\(ours\)$/);
    // Columns the seed table says nothing about carry no claim.
    for (const column of ['Requests/s', 'p95 latency', 'Duplicates']) expect(claim('Polling', column)).toBeNull();
  });

  it('has a row only for the mechanisms in the recording', () => {
    show(42_700, ['polling', 'websocket']);
    const names = within(table()).getAllByRole('rowheader').map((h) => h.textContent.replace(/^[^A-Za-z]+/, ''));
    expect(names).toEqual(['Polling', 'WebSockets']);
  });

  it('scrolls sideways inside a labelled region that a keyboard can focus', () => {
    show(42_700);
    const region = screen.getByRole('region', { name: /^Scoreboard/ });
    expect(region.tabIndex).toBe(0);
    expect(region.contains(table())).toBe(true);
  });
});
