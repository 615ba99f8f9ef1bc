import { describe, expect, it } from 'vitest';
import { parseScenario } from '../sim/scenario/validate.ts';
import { useLab } from './store.ts';
import { estimateRun } from './runBudget.ts';

// Run B in the store: built from run A's scenario and the changes, run by a runner of its own
// (the unit tests' inline runner here, the page's supervised workers in the browser), through the
// run budget, and kept in step with every later edit of A.

const small = (() => {
  const parsed = parseScenario({ durationSec: 20, clients: 3, mechanisms: ['polling', 'sse'] });
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  return parsed.scenario;
})();
const lab = () => useLab.getState();

describe('comparing two runs in the store', () => {
  it('runs B with the same seed and the changed interval, beside A', () => {
    lab().loadScenario(small);
    const started = lab().startCompare({ polling: { intervalMs: 10_000 } });
    expect(started.ok).toBe(true);
    expect(lab().compare).toEqual({ polling: { intervalMs: 10_000 } });
    expect(lab().compareStatus).toBe('ready');
    const b = lab().compareRecording;
    expect(b?.scenario.polling.intervalMs).toBe(10_000);
    expect(b?.scenario.seed).toBe(small.seed);
    // Same seed, same events: both runs create exactly the same number of events.
    expect(b?.mechanisms.sse?.final.events.created).toBe(lab().recording?.mechanisms.sse?.final.events.created);
  });

  it('keeps the last good comparison when the changes are bad, and says which field', () => {
    lab().loadScenario(small);
    lab().startCompare({ clients: 5 });
    const result = lab().startCompare({ clients: 0 });
    expect(result).toEqual({ ok: false, errors: ['clients: must be an integer from 1 to 10000 (got 0)'] });
    expect(lab().compare).toEqual({ clients: 5 });
    expect(lab().compareRecording?.scenario.clients).toBe(5);
  });

  it('follows an edit of A with the same changes', () => {
    lab().loadScenario(small);
    lab().startCompare({ polling: { intervalMs: 10_000 } });
    lab().setField('clients', 7);
    expect(lab().compareRecording?.scenario.clients).toBe(7);
    expect(lab().compareRecording?.scenario.polling.intervalMs).toBe(10_000);
  });

  it('stops at the run budget like the main run, before any work is done', () => {
    lab().loadScenario(small);
    // 10,000 clients polling every 10 ms: an overloaded server whose queue outgrows the budget.
    lab().startCompare({ clients: 10_000, polling: { intervalMs: 10 } });
    const variant = lab().compareScenario;
    if (!variant) throw new Error('run B was not built');
    expect(lab().compareStatus).toBe('blocked');
    expect(lab().compareBudget).toEqual(estimateRun(variant));
    expect(lab().compareBudget?.verdict).not.toBe('ok');
    expect(lab().compareRecording).toBeNull();
  });

  it('goes back to the normal bench when the comparison is left or another scenario is loaded', () => {
    lab().loadScenario(small);
    lab().startCompare({ clients: 5 });
    lab().leaveCompare();
    expect(lab().compare).toBeNull();
    expect(lab().compareRecording).toBeNull();
    lab().startCompare({ clients: 5 });
    lab().loadScenario(small);
    expect(lab().compare).toBeNull();
  });
});
