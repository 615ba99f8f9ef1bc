// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseScenario } from '../../sim/scenario/validate.ts';
import { useLab } from '../../state/store.ts';
import { CompareDialog } from './CompareDialog.tsx';
import { CompareView } from './CompareView.tsx';
import { useCompareUi } from './compareUi.ts';

// The picker and the view of "Compare with…" in the page's terms: fields by name, a bad value named
// under its change, the last good comparison kept, and the two runs' table and lanes.

const small = (() => {
  const parsed = parseScenario({ durationSec: 20, clients: 3, mechanisms: ['polling', 'sse'] });
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  return parsed.scenario;
})();
const lab = () => useLab.getState();
const dialog = () => screen.getByRole('dialog', { name: 'Compare with…', hidden: true });

beforeEach(() => {
  lab().loadScenario(small);
  render(
    <>
      <CompareDialog />
      <CompareView />
    </>,
  );
  act(() => useCompareUi.getState().setDialogOpen(true));
});

afterEach(() => {
  act(() => useCompareUi.getState().setDialogOpen(false));
  cleanup();
});

describe('the "Compare with…" picker', () => {
  it('starts from the polling interval with run A’s value and what the schema allows', () => {
    const d = within(dialog());
    expect(d.getByLabelText<HTMLSelectElement>('Field').value).toBe('polling.intervalMs');
    expect(d.getByLabelText<HTMLInputElement>('New value (ms)').value).toBe('2000');
    expect(d.getByText('polling.intervalMs: must be a number from 10 to 3600000. Run A: 2000 ms.')).toBeTruthy();
  });

  it('names a bad value under its change and keeps the comparison on screen as it was', () => {
    const d = within(dialog());
    fireEvent.change(d.getByLabelText('New value (ms)'), { target: { value: '10000' } });
    fireEvent.click(d.getByRole('button', { name: 'Run B beside A' }));
    expect(lab().compare).toEqual({ polling: { intervalMs: 10_000 } });
    expect(useCompareUi.getState().dialogOpen).toBe(false);

    act(() => useCompareUi.getState().setDialogOpen(true));
    const again = within(dialog());
    // It opens on the comparison on screen.
    expect(again.getByLabelText<HTMLInputElement>('New value (ms)').value).toBe('10000');
    fireEvent.change(again.getByLabelText('New value (ms)'), { target: { value: 'soon' } });
    fireEvent.click(again.getByRole('button', { name: 'Run B beside A' }));
    expect(again.getByRole('alert', { hidden: true }).textContent).toBe('polling.intervalMs: must be a number from 10 to 3600000 (got "soon")');
    expect(lab().compare).toEqual({ polling: { intervalMs: 10_000 } });
  });

  it('changes several fields at once, a choice among them, and refuses one field twice', () => {
    const d = within(dialog());
    fireEvent.click(d.getByRole('button', { name: 'Change another field' }));
    const fields = d.getAllByLabelText<HTMLSelectElement>('Field');
    fireEvent.change(fields[1], { target: { value: 'http.version' } });
    fireEvent.change(d.getAllByLabelText('New value')[0], { target: { value: '2' } });
    fireEvent.change(d.getByLabelText('New value (ms)'), { target: { value: '500' } });
    fireEvent.click(d.getByRole('button', { name: 'Run B beside A' }));
    expect(lab().compare).toEqual({ http: { version: '2' }, polling: { intervalMs: 500 } });

    act(() => useCompareUi.getState().setDialogOpen(true));
    const again = within(dialog());
    fireEvent.change(again.getAllByLabelText<HTMLSelectElement>('Field')[1], { target: { value: 'polling.intervalMs' } });
    fireEvent.click(again.getByRole('button', { name: 'Run B beside A' }));
    expect(again.getAllByRole('alert', { hidden: true })[0].textContent).toBe('polling.intervalMs: is changed twice; keep one of them');
  });
});

describe('two runs side by side', () => {
  it('shows the Compare runs table with a row per mechanism and the lanes of A and B', () => {
    act(() => {
      lab().startCompare({ polling: { intervalMs: 10_000 } });
    });
    const table = screen.getByRole('table', { name: /^Compare runs/ });
    expect(within(table).getAllByRole('rowheader').map((h) => h.textContent)).toEqual(['●Polling', '▲SSE']);
    expect(within(table).getAllByRole('columnheader').map((h) => h.textContent)).toEqual([
      'Mechanism', 'Requests/client/min', 'Empty responses', 'p50 latency', 'p95 latency', 'Mean latency', 'Bytes/event',
      'Open connections (peak)', 'Peak memory', 'Lost events', 'Duplicates', 'Out of order',
    ]);
    expect(screen.getByRole('region', { name: 'A: current · Polling' })).toBeTruthy();
    expect(screen.getByRole('region', { name: 'B: interval 10 s · Polling' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Leave comparison' }));
    expect(lab().compare).toBeNull();
  });
});
