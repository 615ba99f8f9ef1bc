// @vitest-environment happy-dom
import { act, cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MechanismMetrics, MechanismTotals } from '../../sim/metrics/types.ts';
import type { RunRecording } from '../../sim/recording.ts';
import { DEFAULT_SCENARIO } from '../../sim/scenario/defaults.ts';
import type { MechanismId } from '../../sim/scenario/types.ts';
import { useLab } from '../../state/store.ts';
import { Comparison } from './Comparison.tsx';

// A hand-made recording of 10 clients: 120 s, snapshots every second. Every snapshot but the one taken after
// 42 s holds decoy figures, so a test at 42.7 s shows that the table reads exactly that one.

type Figures = { rps: number; empty: number | null; mean: number | null; p95: number | null; up: number; down: number; overhead: number; peak: number; load: number | null; lost: number; dup: number };

function totals(f: Figures): MechanismTotals {
  return {
    requests: Math.round(f.rps * 42),
    requestsPerSec: f.rps,
    responses: 0,
    emptyResponses: 0,
    emptyRatio: f.empty,
    events: { created: 21, delivered: 21 - f.lost, lost: f.lost, duplicates: f.dup, pending: 0, outOfOrder: 0 },
    latencyMs: { mean: f.mean, p50: f.mean, p95: f.p95, p99: f.p95, max: f.p95 },
    bytes: { up: f.up, down: f.down, overhead: f.overhead, payload: f.up + f.down - f.overhead, wire: f.up + f.down },
    peakOpenConnections: f.peak,
    connectionAttempts: 0, connectionFailures: 0, errorResponses: 0, sseClosedClients: 0,
    overload: { overloaded: false, refused: 0, peakQueued: 0, queueLimit: 1024 },
    serverUtilization: f.load,
    peakMemoryKb: f.peak * 64,
    steady: null,
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
    mechanisms[id] = { final, totalsAt: snapshots, cdfAt: [], trace: [], spans: [], endMs: 120_000 };
  }
  const scenario = { ...DEFAULT_SCENARIO, clients: 10, mechanisms: ids };
  return { scenario, durationMs: 120_000, endMs: 120_000, snapshotEverySec: 1, traceClients: 5, mechanisms };
}

const ALL: MechanismId[] = ['polling', 'longPolling', 'sse', 'websocket', 'webhook'];

function show(playheadMs: number, ids = ALL) {
  act(() => useLab.setState({ recording: recordingOf(ids), status: 'ready', playheadMs }));
  render(<Comparison />);
}

const table = () => screen.getByRole('table', { name: /^Scoreboard/ });
const row = (name: string) =>
  within(table()).getAllByRole('row').find((r) => within(r).queryByRole('rowheader', { name: new RegExp(`${name}$`) })) as HTMLElement;
/** The cell of `mechanism`'s row under the column whose header is `column`. */
function cell(mechanism: string, column: string): HTMLElement {
  const headers = within(table()).getAllByRole('columnheader').map((h) => h.textContent);
  const index = headers.indexOf(column);
  if (index < 1) throw new Error(`no column ${column}`);
  return within(row(mechanism)).getAllByRole('cell')[index - 1];
}
const NAMES = ['Polling', 'Long polling', 'SSE', 'WebSockets', 'Webhooks'];
const isBest = (mechanism: string, column: string) => within(cell(mechanism, column)).queryByText('(lowest)') !== null;
const barWidth = (mechanism: string, column: string) => cell(mechanism, column).querySelector<HTMLElement>('.bar')?.style.width ?? null;

beforeEach(() => useLab.setState({ recording: null }));
afterEach(cleanup);

describe('the comparison', () => {
  it('shows a dash in every figure before the first simulated second', () => {
    show(700);
    expect(table().querySelector('caption')?.textContent).toBe('Scoreboard — figures appear after the first simulated second');
    for (const column of ['Requests/s', 'Mean latency', 'Lost events']) expect(cell('Polling', column).textContent).toBe('—');
    expect(screen.queryByText('(lowest)')).toBeNull();
  });

  it('shows the totals of the last whole second at the playhead, for all clients, over the whole run while every snapshot is in the warm-up', () => {
    show(42_700);
    expect(table().querySelector('caption')?.textContent).toBe('Scoreboard — whole run (steady state starts after the 3 s warm-up), after 42 s of 120 s, all 10 clients');
    const names = within(table()).getAllByRole('rowheader').map((h) => h.textContent.replace(/^[^A-Za-z]+/, ''));
    expect(names).toEqual(NAMES);
    expect(cell('Polling', 'Requests/s').textContent).toBe('4.76');
    expect(cell('Polling', 'Requests/client/min').textContent).toBe('28.6');
    expect(cell('Polling', 'Empty responses').textContent).toBe('36\u00a0%');
    expect(cell('Polling', 'Mean latency').textContent).toBe('1,090\u00a0ms');
    // 250 kB for 21 delivered events.
    expect(cell('Polling', 'Bytes/event').textContent).toBe('11.9\u00a0kB');
    expect(cell('Polling', 'Peak memory').textContent).toBe('640\u00a0kB');
    expect(cell('Webhooks', 'Duplicates').textContent).toBe('1');
    expect(cell('Polling', 'Out of order').textContent).toBe('0');
  });

  it('draws a bar under each figure as long as the figure against its column’s largest', () => {
    show(42_700);
    expect(barWidth('Webhooks', 'Requests/s')).toBe('100%');
    expect(barWidth('Polling', 'Requests/s')).toBe('93%');
    expect(barWidth('SSE', 'Requests/s')).toBe('5%');
    expect(barWidth('Webhooks', 'Mean latency')).toBeNull();
  });

  it('marks only a single lowest figure: a tie marks nothing, and a missing figure never wins', () => {
    show(42_700);
    expect(NAMES.filter((n) => isBest(n, 'Empty responses'))).toEqual([]);
    // SSE and WebSockets share 50 ms mean latency: a tie.
    expect(NAMES.filter((n) => isBest(n, 'Mean latency'))).toEqual([]);
    expect(NAMES.filter((n) => isBest(n, 'Bytes/event'))).toEqual(['WebSockets']);
    // Lost events: 0, 0, 0, 0, 3 — four share the lowest, so nothing is starred.
    expect(NAMES.filter((n) => isBest(n, 'Lost events'))).toEqual([]);
    expect(cell('WebSockets', 'Bytes/event').className).toBe('best');
    expect(cell('WebSockets', 'Bytes/event').textContent).toContain('★');
  });

  it('states a one-line verdict computed from the figures, ties said as ties', () => {
    show(42_700);
    expect(screen.getByText(/^Verdict:/).closest('p')?.textContent).toBe(
      'Verdict: Fewest requests: SSE and WebSockets (tied); lowest latency (p95): Long polling, SSE and WebSockets (tied); least server memory: Polling, Long polling, SSE and WebSockets (tied).',
    );
  });

  it('states the usual table’s claim once per column, in words, without design-document labels', () => {
    show(42_700);
    const notes = screen.getByText(/^The usual comparison table says/).closest('div') as HTMLElement;
    const items = within(notes).getAllByRole('listitem').map((li) => li.textContent);
    expect(items).toContain(
      'Lost events — the usual table says reliability: Polling high, Long polling moderate, SSE high, WebSockets high, Webhooks depends on retries.',
    );
    expect(items).toHaveLength(4);
    expect(document.body.textContent).not.toMatch(/§|claim:|\(ours\)/);
  });

  it('says how many events were still unfinished at the end, or that none were', () => {
    show(120_000);
    expect(screen.getByText('Every event was delivered or given up on by the end.')).toBeTruthy();
    cleanup();
    const recording = recordingOf(ALL);
    const last = recording.mechanisms.webhook?.totalsAt[119];
    if (last) last.events.pending = 2;
    act(() => useLab.setState({ recording, status: 'ready', playheadMs: 120_000 }));
    render(<Comparison />);
    expect(screen.getByText(/^Unfinished at the end/).textContent).toBe('Unfinished at the end (neither delivered nor lost): Webhooks 2 events.');
  });

  it('notes, in one plain line, each mechanism whose server was overloaded, as the engine reported it', () => {
    show(120_000);
    expect(screen.queryByText(/server overloaded/)).toBeNull();
    cleanup();
    const recording = recordingOf(ALL);
    const last = recording.mechanisms.polling?.totalsAt[119];
    if (last) last.overload = { overloaded: true, refused: 1234, peakQueued: 1000, queueLimit: 1000 };
    act(() => useLab.setState({ recording, status: 'ready', playheadMs: 120_000 }));
    render(<Comparison />);
    const notes = screen.getAllByText(/server overloaded/).map((p) => p.textContent);
    expect(notes).toEqual(['Polling: server overloaded, 1,234 requests refused with a 503 (queue full at 1,000).']);
  });

  it('has a row only for the mechanisms in the recording', () => {
    show(42_700, ['polling', 'websocket']);
    const names = within(table()).getAllByRole('rowheader').map((h) => h.textContent.replace(/^[^A-Za-z]+/, ''));
    expect(names).toEqual(['Polling', 'WebSockets']);
  });

  it('scrolls inside a labelled region that a keyboard can focus', () => {
    show(42_700);
    const region = screen.getByRole('region', { name: /^Scoreboard/ });
    expect(region.tabIndex).toBe(0);
    expect(region.contains(table())).toBe(true);
  });
});
