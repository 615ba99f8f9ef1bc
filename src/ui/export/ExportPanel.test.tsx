// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { recordRun } from '../../sim/recording.ts';
import { DEFAULT_SCENARIO } from '../../sim/scenario/defaults.ts';
import { useLab } from '../../state/store.ts';
import { ExportPanel } from './ExportPanel.tsx';

const loadScenario = vi.fn();

beforeEach(() => {
  loadScenario.mockReset();
  useLab.setState({ scenario: DEFAULT_SCENARIO, recording: null, playheadMs: 0, loadScenario });
});
afterEach(cleanup);

const region = (name: string) => screen.getByRole('region', { name });

function pick(text: string, name = 'mine.json') {
  const input = screen.getByLabelText<HTMLInputElement>('Scenario file to import');
  fireEvent.change(input, { target: { files: [new File([text], name, { type: 'application/json' })] } });
}

describe('ExportPanel', () => {
  it('disables pictures and data until a run exists, and says why', () => {
    render(<ExportPanel />);
    const why = screen.getByText('Pictures and data are available once the first run is ready.');
    for (const name of ['PNG', 'SVG', 'Scoreboard CSV', 'Scoreboard JSON', 'Per-second series CSV', 'Per-second series JSON']) {
      const button = screen.getByRole('button', { name });
      expect(button).toHaveProperty('disabled', true);
      expect(button.getAttribute('aria-describedby')).toBe(why.id);
    }
    expect(within(region('Scenario file')).getByRole('button', { name: 'Export JSON' })).toHaveProperty('disabled', false);
  });

  it('enables them once the run is recorded', () => {
    render(<ExportPanel />);
    const scenario = { ...DEFAULT_SCENARIO, durationSec: 2, clients: 1 };
    act(() => useLab.setState({ recording: recordRun(scenario, 1) }));
    expect(screen.queryByText(/available once the first run is ready/)).toBeNull();
    expect(screen.getByRole('button', { name: 'Scoreboard CSV' })).toHaveProperty('disabled', false);
  });

  it('loads a good file into the lab and says so', async () => {
    render(<ExportPanel />);
    pick('{ "version": 1, "name": "Class demo", "clients": 12 }', 'demo.json');
    await waitFor(() => expect(loadScenario).toHaveBeenCalledWith({ ...DEFAULT_SCENARIO, name: 'Class demo', clients: 12 }));
    expect(within(region('Scenario file')).getByRole('status').textContent).toBe('Loaded the scenario “Class demo” from demo.json.');
  });

  it('shows each problem of a bad file as text in an alert and loads nothing', async () => {
    render(<ExportPanel />);
    pick('{ "version": 1, "name": "<img src=x onerror=alert(1)>", "clients": -1 }', '<b>bad</b>.json');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('The file was not loaded; the lab kept its scenario.');
    expect(within(alert).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      expect.stringMatching(/^<b>bad<\/b>\.json: clients: .*\(got -1\)$/),
    ]);
    expect(alert.querySelector('b, img')).toBeNull();
    expect(loadScenario).not.toHaveBeenCalled();
  });

  it('refuses an oversized file by its size, without reading it', async () => {
    render(<ExportPanel />);
    pick(' '.repeat(300 * 1024), 'huge.json');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('huge.json: too large to be a scenario file (300 kB; at most 256 kB).');
  });
});
