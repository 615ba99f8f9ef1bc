// @vitest-environment happy-dom
import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { MechanismMetrics, MechanismTotals, MetricSeries } from '../../sim/metrics/types.ts';
import type { LatencyCdfPoint, MechanismRecording, RunRecording } from '../../sim/recording.ts';
import { DEFAULT_SCENARIO } from '../../sim/scenario/defaults.ts';
import { NO_CONNECTION } from '../../sim/trace/types.ts';
import type { Scenario } from '../../sim/scenario/types.ts';
import { useLab } from '../../state/store.ts';
import { Charts, ChartsView } from './Charts.tsx';

afterEach(cleanup);

// A hand-made three-second run of polling and SSE, to check what is drawn; the page itself always
// shows the engine's numbers (last test).
const SECONDS = 3;
const zeros = () => Array<number>(SECONDS).fill(0);

function series(overrides: Partial<MetricSeries>): MetricSeries {
  return {
    requests: zeros(),
    responses: zeros(),
    emptyResponses: zeros(),
    eventsCreated: zeros(),
    eventsDelivered: zeros(),
    eventsLost: zeros(),
    duplicates: zeros(),
    eventsOutOfOrder: zeros(),
    latencyMeanMs: [null, null, null],
    bytesUp: zeros(),
    bytesDown: zeros(),
    bytesOverhead: zeros(),
    bytesPayload: zeros(),
    openConnections: [10, 10, 10],
    peakOpenConnections: [10, 10, 10],
    serverUtilization: [0.001, 0.002, 0.001],
    memoryKb: [640, 640, 640],
    bytesWire: zeros(),
    connectionAttempts: zeros(),
    overloadRejections: zeros(),
    ...overrides,
  };
}

function totals(emptyRatio: number | null, meanMs: number | null): MechanismTotals {
  return {
    requests: 0,
    requestsPerSec: 0,
    responses: 0,
    emptyResponses: 0,
    emptyRatio,
    events: { created: 0, delivered: 0, lost: 0, duplicates: 0, pending: 0, outOfOrder: 0 },
    latencyMs: { mean: meanMs, p50: null, p95: null, p99: null, max: null },
    bytes: { up: 0, down: 0, overhead: 0, payload: 0, wire: 0 },
    peakOpenConnections: 10,
    connectionAttempts: 0, connectionFailures: 0, errorResponses: 0, sseClosedClients: 0,
    overload: { overloaded: false, refused: 0, peakQueued: 0, queueLimit: 1024 },
    serverUtilization: 0.001,
    peakMemoryKb: 640,
    steady: null,
  };
}

function mechanism(s: MetricSeries, totalsAt: MechanismTotals[], cdfAt: LatencyCdfPoint[][]): MechanismRecording {
  const final: MechanismMetrics = { ...totalsAt[SECONDS - 1], series: s };
  return { final, totalsAt, cdfAt, trace: [], spans: [], endMs: SECONDS * 1000 };
}

// Fixed-rate polling every second at 0.5 events/s: theory says e^(−0.5) = 60.7 % empty, 550 ms mean.
const SCENARIO: Scenario = {
  ...DEFAULT_SCENARIO,
  durationSec: SECONDS,
  mechanisms: ['polling', 'sse'],
  polling: { intervalMs: 1000, schedule: 'fixedRate' },
};

function recording(scenario: Scenario = SCENARIO): RunRecording {
  return {
    scenario,
    durationMs: SECONDS * 1000,
    endMs: SECONDS * 1000,
    snapshotEverySec: 1,
    traceClients: 5,
    mechanisms: {
      polling: mechanism(
        series({
          requests: [5, 4, 6],
          responses: [5, 0, 4],
          emptyResponses: [2, 0, 1],
          bytesOverhead: [30_000, 5_000, 6_000],
          bytesPayload: [0, 400, 600],
        }),
        [totals(0.4, null), totals(0.4, 1000), totals(1 / 3, 1100)],
        [
          [],
          [
            { latencyMs: 500, fraction: 0.5 },
            { latencyMs: 1500, fraction: 1 },
          ],
          [
            { latencyMs: 400, fraction: 0.25 },
            { latencyMs: 1000, fraction: 0.5 },
            { latencyMs: 1800, fraction: 1 },
          ],
        ],
      ),
      sse: mechanism(
        series({ requests: [10, 0, 0], responses: [10, 0, 0], bytesOverhead: [50_000, 30, 45], bytesPayload: [0, 400, 600] }),
        [totals(0, null), totals(0, 50.1), totals(0, 50.1)],
        [[], [{ latencyMs: 50.1, fraction: 1 }], [{ latencyMs: 50.1, fraction: 1 }]],
      ),
    },
  };
}

const label = (name: RegExp | string) =>
  screen.getByRole('img', { name }).getAttribute('aria-label')?.replaceAll('\u00a0', ' ');
const path = (container: HTMLElement, series: string) =>
  container.querySelector(`[data-series="${series}"]`)?.getAttribute('d') ?? '';

describe('Charts', () => {
  it('shows six titled charts and one legend naming each mechanism of the run and the theory lines', () => {
    render(<ChartsView recording={recording()} playheadSec={2} />);
    const titles = screen.getAllByRole('figure').map((figure) => figure.querySelector('h3')?.textContent);
    expect(titles).toEqual([
      'Requests per second',
      'Empty responses (% of answers)',
      'Latency distribution at 2 s',
      'Bytes sent so far: overhead and payload',
      'Open connections and server memory',
      'Server load (% of worker time busy)',
    ]);
    const legend = within(screen.getByRole('list', { name: 'Chart legend' }));
    expect(legend.getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      '● Polling',
      '▲ SSE',
      'Theory (closed form)',
      'Playhead',
    ]);
  });

  it('draws a fault as a named band on every chart over time', () => {
    const faulty = recording({ ...SCENARIO, faults: { serverRestarts: [{ atSec: 1, downSec: 1 }] } });
    // The engine records the restart as a server-wide span in each mechanism's run.
    const down = { kind: 'serverDown' as const, client: -1, connection: NO_CONNECTION, startMs: 1000, endMs: 2000, outcome: 'elapsed' as const, attempt: 0 };
    for (const part of Object.values(faulty.mechanisms)) part.spans = [down];
    const { container } = render(<ChartsView recording={faulty} playheadSec={2} />);
    const bands = [...container.querySelectorAll('rect.chart-fault')];
    // Five charts run over time (the latency distribution does not).
    expect(bands).toHaveLength(5);
    expect(bands.map((band) => band.querySelector('title')?.textContent)).toEqual(Array(5).fill('Server down (restart) 1–2 s'));
  });

  it('states the values at the playhead in each chart’s text alternative', () => {
    render(<ChartsView recording={recording()} playheadSec={2} />);
    expect(label(/^Requests per second/)).toBe('Requests per second at 2 s: Polling 4, SSE 0.');
    // Running totals: polling's overhead 30 kB + 5 kB after two seconds, payload 0 + 400 B.
    expect(label(/^Bytes sent so far/)).toBe(
      'Bytes sent so far at 2 s: Polling overhead 35 kB and payload 400 B, SSE overhead 50 kB and payload 400 B.',
    );
    expect(label(/^Open connections/)).toBe('Open connections at 2 s: Polling 10 (640 kB of memory), SSE 10 (640 kB of memory).');
    expect(label(/^Server load/)).toBe('Server load at 2 s: Polling 0.2 %, SSE 0.2 %.');
    expect(label(/^Empty responses/)).toBe(
      'Empty responses, share of answers so far at 2 s: Polling 40 % (theory 60.7 %). ' +
        'Not drawn: SSE, which send only when there is news and never answer empty.',
    );
    expect(label(/^Latency distribution/)).toBe(
      'Latency distribution at 2 s: Polling median 500 ms, mean 1,000 ms (theory 550 ms), SSE median 50.1 ms, mean 50.1 ms.',
    );
  });

  it('says there is nothing to read before the first simulated second is over', () => {
    render(<ChartsView recording={recording()} playheadSec={0} />);
    expect(label(/^Requests per second/)).toBe('Requests per second: no data yet, the first simulated second is not over.');
    expect(screen.getByRole('img', { name: /^Latency distribution/ }).querySelectorAll('path[d^="M"]')).toHaveLength(0);
  });

  it('reveals the lines up to the playhead, which moves right as time passes', () => {
    const { container, rerender } = render(<ChartsView recording={recording()} playheadSec={1} />);
    const clipWidth = () => Number(container.querySelector('clipPath rect')?.getAttribute('width'));
    const playheadX = () =>
      Number(screen.getByRole('img', { name: /^Requests/ }).querySelector('.chart-playhead')?.getAttribute('x1'));
    const [clipAt1, playheadAt1] = [clipWidth(), playheadX()];
    rerender(<ChartsView recording={recording()} playheadSec={3} />);
    expect(clipWidth()).toBeGreaterThan(clipAt1);
    expect(playheadX()).toBeCloseTo(3 * playheadAt1);
  });

  it('draws the theoretical empty ratio as a dashed line at its height, with the figure in a table', () => {
    const { container } = render(<ChartsView recording={recording()} playheadSec={3} />);
    const plotHeight = 220 - 12 - 42;
    const y = Number(container.querySelector('[data-reference="polling"]')?.getAttribute('y1'));
    expect(y).toBeCloseTo(plotHeight * (1 - Math.exp(-0.5)));
    const table = screen.getByRole('table', { name: /^Empty answers so far/ });
    const cells = within(within(table).getByRole('row', { name: /Polling/ })).getAllByRole('cell');
    expect(cells.map((cell) => cell.textContent.replaceAll('\u00a0', ' '))).toEqual(['33.3 %', '60.7 %']);
  });

  it('leaves a gap, not a zero, in a second without any answer', () => {
    const { container } = render(<ChartsView recording={recording()} playheadSec={3} />);
    expect(path(container, 'polling-second').match(/M/g)).toHaveLength(2);
    expect(path(container, 'polling-so-far').match(/M/g)).toHaveLength(1);
  });

  it('gives the reason instead of a theory line when the closed form does not apply', () => {
    const jittery = { ...SCENARIO, network: { ...SCENARIO.network, jitterMs: 20 } };
    const { container } = render(<ChartsView recording={recording(jittery)} playheadSec={3} />);
    expect(container.querySelector('[data-reference]')).toBeNull();
    expect(screen.getAllByText(/^No theory line for Polling: the formula assumes a fixed network delay/)).toHaveLength(2);
  });

  it('compares the measured mean latency with theory and marks theory on the latency axis', () => {
    const { container } = render(<ChartsView recording={recording()} playheadSec={3} />);
    const table = screen.getByRole('table', { name: /^Mean latency so far/ });
    const cells = (row: string) =>
      within(within(table).getByRole('row', { name: new RegExp(row) }))
        .getAllByRole('cell')
        .map((cell) => cell.textContent.replaceAll('\u00a0', ' '));
    expect(cells('Polling')).toEqual(['1,100 ms', '550 ms']);
    expect(cells('SSE')).toEqual(['50.1 ms', '—']);
    expect(container.querySelector('[data-reference="polling"][x1]')).not.toBeNull();
    expect(path(container, 'sse')).toMatch(/^M/);
  });
});

describe('Charts in the page', () => {
  it('reads the run and the playhead from the store and shows the engine’s own numbers', async () => {
    await waitFor(() => expect(useLab.getState().status).toBe('ready'), { timeout: 5000 });
    act(() => useLab.setState({ playheadMs: 10_500 }));
    render(<Charts />);
    const run = useLab.getState().recording!;
    const expected = (['polling', 'longPolling', 'sse', 'websocket', 'webhook'] as const).map((id) => {
      const requests = run.mechanisms[id]!.final.series.requests[9];
      return `${{ polling: 'Polling', longPolling: 'Long polling', sse: 'SSE', websocket: 'WebSockets', webhook: 'Webhooks' }[id]} ${requests}`;
    });
    expect(label(/^Requests per second/)).toBe(`Requests per second at 10 s: ${expected.join(', ')}.`);
  });
});
