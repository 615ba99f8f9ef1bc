import { describe, expect, it } from 'vitest';
import { parseScenario } from '../sim/scenario/validate.ts';
import { recordRun } from '../sim/recording.ts';
import type { Scenario } from '../sim/scenario/types.ts';
import { createLabStore, useLab } from './store.ts';
import type { ReplyHandler, SimulationRunner } from './runTypes.ts';
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

describe('run B and the workers', () => {
  it('waits while run A runs, and starts once A has finished', () => {
    // Runners that finish only when told, as the page's workers finish later.
    const requests: { runner: number; runId: number; scenario: Scenario; reply: ReplyHandler }[] = [];
    let runners = 0;
    const createRunner = (reply: ReplyHandler): SimulationRunner => {
      const runner = runners++;
      return { request: (runId, scenario) => requests.push({ runner, runId, scenario, reply }), cancel: () => undefined, dispose: () => undefined };
    };
    const store = createLabStore({ createRunner });
    const finish = (i: number) => {
      const { runId, scenario, reply } = requests[i];
      reply({ type: 'done', runId, recording: recordRun(scenario, 5), computeMs: 1 });
    };
    store.getState().loadScenario(small);
    finish(0);
    store.getState().setField('clients', 4);
    store.getState().startCompare({ polling: { intervalMs: 10_000 } });
    // A (runner 0) is running again: B has its own runner but has not asked it for anything yet.
    expect(requests.map((r) => r.runner)).toEqual([0, 0]);
    expect(store.getState().compareStatus).toBe('running');
    finish(1);
    expect(requests.map((r) => r.runner)).toEqual([0, 0, 1]);
    expect(requests[2].scenario.polling.intervalMs).toBe(10_000);
    finish(2);
    expect(store.getState().compareStatus).toBe('ready');
    expect(store.getState().compareRecording?.scenario.clients).toBe(4);
  });
});
