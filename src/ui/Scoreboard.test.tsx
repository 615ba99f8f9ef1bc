// @vitest-environment happy-dom
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { MechanismMetrics } from '../sim/metrics/types.ts';
import { Scoreboard } from './Scoreboard.tsx';

afterEach(cleanup);

// Hand-made figures to check the rendering only; the page itself always shows the engine's numbers.
function metrics(overrides: Partial<MechanismMetrics> = {}): MechanismMetrics {
  return {
    requests: 571,
    requestsPerSec: 4.7583,
    responses: 571,
    emptyResponses: 447,
    emptyRatio: 0.7828,
    events: { created: 600, delivered: 598, lost: 0, duplicates: 0, pending: 2 },
    latencyMs: { mean: 1049.4, p50: 1000, p95: 2012.3, p99: 2080, max: 2100 },
    bytes: { up: 399_700, down: 262_350, overhead: 542_450, payload: 119_600 },
    peakOpenConnections: 10,
    serverUtilization: 0.0006,
    peakMemoryKb: 640,
    series: {
      requests: [],
      responses: [],
      emptyResponses: [],
      eventsCreated: [],
      eventsDelivered: [],
      eventsLost: [],
      duplicates: [],
      latencyMeanMs: [],
      bytesUp: [],
      bytesDown: [],
      bytesOverhead: [],
      bytesPayload: [],
      openConnections: [],
      peakOpenConnections: [],
      serverUtilization: [],
      memoryKb: [],
    },
    ...overrides,
  };
}

const cellTexts = (rowName: string) =>
  within(screen.getByRole('row', { name: new RegExp(`^${rowName}\\b`) }))
    .getAllByRole('cell')
    .map((cell) => cell.textContent.replaceAll('\u00a0', ' '));

describe('Scoreboard', () => {
  it('is a table named by its caption with one row header per mechanism, in registry order', () => {
    render(
      <Scoreboard
        mechanisms={['webhook', 'polling', 'longPolling', 'sse', 'websocket']}
        results={{ polling: metrics() }}
      />,
    );
    const table = screen.getByRole('table', { name: 'Scoreboard' });
    const rowHeaders = within(table).getAllByRole('rowheader').map((th) => th.textContent);
    expect(rowHeaders).toEqual(['Polling', 'Long polling', 'SSE', 'WebSockets', 'Webhooks']);
    const columnHeaders = within(table).getAllByRole('columnheader');
    expect(columnHeaders).toHaveLength(10);
    for (const th of [...columnHeaders, ...within(table).getAllByRole('rowheader')]) {
      expect(th.getAttribute('scope')).toMatch(/^(col|row)$/);
    }
  });

  it('formats each metric in its column', () => {
    render(<Scoreboard mechanisms={['polling']} results={{ polling: metrics() }} />);
    expect(cellTexts('Polling')).toEqual([
      '4.76',
      '78.3 %',
      '1,049 ms',
      '2,012 ms',
      '662 kB',
      '10',
      '0.06 %',
      '0',
      '0',
    ]);
  });

  it('shows a dash for figures that do not exist and for a mechanism without results', () => {
    const quiet = metrics({
      emptyRatio: null,
      serverUtilization: null,
      latencyMs: { mean: null, p50: null, p95: null, p99: null, max: null },
    });
    render(<Scoreboard mechanisms={['polling', 'sse']} results={{ polling: quiet }} />);
    const polling = cellTexts('Polling');
    expect([polling[1], polling[2], polling[3], polling[6]]).toEqual(['—', '—', '—', '—']);
    expect(polling[0]).toBe('4.76');
    expect(cellTexts('SSE')).toEqual(Array<string>(9).fill('—'));
  });
});
