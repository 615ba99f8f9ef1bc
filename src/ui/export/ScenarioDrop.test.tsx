// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SCENARIO } from '../../sim/scenario/defaults.ts';
import { useLab } from '../../state/store.ts';
import { ExportPanel } from './ExportPanel.tsx';
import { clearLastImport } from './importMessage.ts';
import { ScenarioDrop } from './ScenarioDrop.tsx';

const loadScenario = vi.fn();

beforeEach(() => {
  loadScenario.mockReset();
  clearLastImport();
  useLab.setState({ scenario: DEFAULT_SCENARIO, recording: null, playheadMs: 0, loadScenario });
});
afterEach(cleanup);

/** A drag event on the window that carries one file (or, with `text` null, only text). */
function drag(type: 'dragenter' | 'dragleave' | 'drop', text: string | null, name = 'dropped.json') {
  const files = text === null ? [] : [new File([text], name, { type: 'application/json' })];
  const event = new Event(type, { bubbles: true, cancelable: true });
  Object.defineProperty(event, 'dataTransfer', { value: { types: text === null ? ['text/plain'] : ['Files'], files } });
  act(() => {
    window.dispatchEvent(event);
  });
  return event;
}

const HINT = 'Drop a scenario file (.json) to load it';

describe('the page-wide drop target', () => {
  it('frames the page while a file is dragged over it, and not for dragged text', () => {
    render(<ScenarioDrop />);
    drag('dragenter', null);
    expect(screen.queryByText(HINT)).toBeNull();
    drag('dragenter', '{}');
    expect(screen.getByText(HINT)).toBeTruthy();
    drag('dragleave', '{}');
    expect(screen.queryByText(HINT)).toBeNull();
  });

  it('loads a dropped file, keeps the browser from opening it, and says so', async () => {
    render(<ScenarioDrop />);
    drag('dragenter', '{}');
    const drop = drag('drop', '{ "version": 1, "clients": 23 }');
    expect(drop.defaultPrevented).toBe(true);
    expect(screen.queryByText(HINT)).toBeNull();
    await waitFor(() => expect(loadScenario).toHaveBeenCalledWith({ ...DEFAULT_SCENARIO, clients: 23 }));
    expect((await screen.findByRole('status')).textContent).toContain('Loaded the scenario “Default” from dropped.json.');
  });

  it('answers a bad drop with an alert of its problems until dismissed, loading nothing', async () => {
    render(<ScenarioDrop />);
    drag('drop', '{ "version": 1, "clients": "many" }', 'worse.json');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('worse.json: clients:');
    expect(loadScenario).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('gives way to the export panel’s answer when a file is picked there next', async () => {
    render(
      <>
        <ExportPanel />
        <ScenarioDrop />
      </>,
    );
    drag('drop', '{ "version": 1, "clients": "many" }', 'worse.json');
    expect((await screen.findByRole('alert')).textContent).toContain('worse.json');
    const input = screen.getByLabelText<HTMLInputElement>('Scenario file to import');
    fireEvent.change(input, { target: { files: [new File(['{ "version": 1 }'], 'good.json', { type: 'application/json' })] } });
    await waitFor(() => expect(loadScenario).toHaveBeenCalled());
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Dismiss' })).toBeNull();
  });
});
