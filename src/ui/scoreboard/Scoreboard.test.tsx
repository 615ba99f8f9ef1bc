// @vitest-environment happy-dom
import { act, cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { recordRun } from '../../sim/recording.ts';
import { parseScenario } from '../../sim/scenario/validate.ts';
import { useLab } from '../../state/store.ts';
import { Scoreboard } from './Scoreboard.tsx';

beforeAll(() => {
  const parsed = parseScenario({ version: 1, durationSec: 30 });
  if (!parsed.ok) throw new Error(parsed.errors.join());
  useLab.setState({ scenario: parsed.scenario, recording: recordRun(parsed.scenario, 5), status: 'ready' });
});
afterEach(cleanup);

const row = (name: string) =>
  screen.getAllByRole('row').find((r) => within(r).queryByRole('rowheader', { name }) !== null) as HTMLElement;

describe('the scoreboard', () => {
  it('shows dashes before the first simulated second', () => {
    act(() => useLab.setState({ playheadMs: 500 }));
    render(<Scoreboard />);
    expect(screen.getByRole('table', { name: /Scoreboard/ })).toBeTruthy();
    expect(within(row('Polling')).getAllByText('—').length).toBeGreaterThan(0);
  });

  it('shows the engine’s totals at the playhead with the seed table’s claims', () => {
    act(() => useLab.setState({ playheadMs: 30_000 }));
    render(<Scoreboard />);
    expect(screen.getByText(/after 30 s of 30 s, all 10 clients/)).toBeTruthy();
    const names = screen.getAllByRole('rowheader').map((h) => h.textContent?.replace(/^[^A-Za-z]+/, ''));
    expect(names).toEqual(['Polling', 'Long polling', 'SSE', 'WebSockets', 'Webhooks']);
    expect(within(row('Polling')).getAllByText('claim: High')).toHaveLength(3); // latency, server load, reliability
    expect(within(row('WebSockets')).getByText('claim: Very low')).toBeTruthy();
  });

  it('marks the lowest mean latency as best, and not polling’s', () => {
    act(() => useLab.setState({ playheadMs: 30_000 }));
    render(<Scoreboard />);
    const meanLatencyColumn = 3; // Mechanism, Requests/s, Empty responses, Mean latency
    const cell = (name: string) => within(row(name)).getAllByRole('cell')[meanLatencyColumn - 1];
    expect(within(cell('Polling')).queryByText('(best)')).toBeNull();
    const bestAmongPush = ['SSE', 'WebSockets'].filter((n) => within(cell(n)).queryByText('(best)') !== null);
    expect(bestAmongPush.length).toBeGreaterThan(0);
  });
});
