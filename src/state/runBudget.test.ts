import { describe, expect, it } from 'vitest';
import { DEFAULT_SCENARIO } from '../sim/scenario/defaults.ts';
import { parseScenario } from '../sim/scenario/validate.ts';
import { PRESETS } from '../sim/presets/presets.ts';
import { REFUSE_BYTES, describeEstimate, estimateRun } from './runBudget.ts';
import { createLabStore } from './store.ts';
import type { SimulationRunner } from './runTypes.ts';

const scenarioOf = (input: unknown) => {
  const parsed = parseScenario(input);
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  return parsed.scenario;
};

// The probe's runs (issue 10): 1,000 events/s broadcast to 1,000 clients for 60 s took 7.5 GB.
const overloaded = scenarioOf({ clients: 1000, durationSec: 60, events: { ratePerSec: 1000, audience: 'broadcast' } });
const heavy = scenarioOf({ clients: 1000, durationSec: 10, events: { ratePerSec: 200, audience: 'broadcast' } });

describe('the run budget', () => {
  it('runs the default scenario and every preset at once', () => {
    expect(estimateRun(DEFAULT_SCENARIO).verdict).toBe('ok');
    for (const preset of PRESETS) expect(estimateRun(scenarioOf(preset.scenario)).verdict, preset.id).toBe('ok');
  });

  it('refuses a broadcast no tab can hold, naming the overloaded server and what to reduce', () => {
    const estimate = estimateRun(overloaded);
    expect(estimate.verdict).toBe('refuse');
    expect(estimate.bytes).toBeGreaterThan(REFUSE_BYTES);
    const text = describeEstimate(estimate);
    expect(text).toMatch(/^This run would need about [\d,]+ MB of memory and \d+ s of work, more than a browser tab can hold/);
    expect(text).toContain('the server is overloaded: webhook asks 125.0× the work its 8 workers can do');
    expect(text).toContain('reduce clients, events.ratePerSec or durationSec');
  });

  it('grows with the duration when the server is overloaded, and stays flat when it is not', () => {
    const longer = estimateRun({ ...heavy, durationSec: 20 }).bytes - estimateRun(heavy).bytes;
    expect(longer).toBeGreaterThan(100e6);
    const calm = { ...DEFAULT_SCENARIO, clients: 1000 };
    expect(estimateRun({ ...calm, durationSec: 600 }).bytes).toBe(estimateRun(calm).bytes);
  });

  it('counts the part of the drain a run is likely to need, never more than drainSec', () => {
    const big = { ...DEFAULT_SCENARIO, clients: 10_000 };
    const none = estimateRun({ ...big, drainSec: 0 }).seconds;
    // The drain stops once nothing is unresolved: a long limit costs no more than the default one.
    expect(estimateRun({ ...big, drainSec: 300 }).seconds).toBeGreaterThan(none);
    expect(estimateRun({ ...big, drainSec: 3000 }).seconds).toBe(estimateRun({ ...big, drainSec: 300 }).seconds);
    // A short limit caps it.
    expect(estimateRun({ ...big, drainSec: 1 }).seconds).toBeLessThan(estimateRun({ ...big, drainSec: 300 }).seconds);
  });
});

describe('the store and the budget', () => {
  const recordingRunner = () => {
    const requests: number[] = [];
    const createRunner = (): SimulationRunner => ({
      request: (runId) => void requests.push(runId),
      cancel: () => undefined,
      dispose: () => undefined,
    });
    return { requests, store: createLabStore({ createRunner }) };
  };

  it('never starts a refused run, and keeps the scenario and says why', () => {
    const { requests, store } = recordingRunner();
    store.getState().loadScenario(overloaded);
    expect(requests).toEqual([]);
    expect(store.getState().status).toBe('blocked');
    expect(store.getState().budget?.verdict).toBe('refuse');
    store.getState().runAnyway();
    expect(requests).toEqual([]);
  });

  it('starts a heavy run only after "Run anyway"', () => {
    const { requests, store } = recordingRunner();
    store.getState().loadScenario(heavy);
    expect(store.getState().status).toBe('blocked');
    store.getState().runAnyway();
    expect(requests).toEqual([1]);
    expect(store.getState().status).toBe('running');
  });

  it('does no work when it is made: the first run waits for ensureRun', () => {
    const { requests, store } = recordingRunner();
    expect(requests).toEqual([]);
    expect(store.getState().status).toBe('idle');
    store.getState().ensureRun();
    store.getState().ensureRun();
    expect(requests).toEqual([1]);
  });
});
