import type { StateCreator } from 'zustand';
import type { Scenario } from '../../sim/scenario/types.ts';
import { buildVariant, requireDifference } from '../compareVariant.ts';
import type { CompareSlice, LabState } from '../labState.ts';
import { estimateRun } from '../runBudget.ts';
import type { RunReply, SimulationRunner } from '../runTypes.ts';
import { TRACE_CLIENTS } from './runSlice.ts';

type Set = Parameters<StateCreator<LabState>>[0];
type Get = () => LabState;

/** What the other slices call: keep run B in step with run A's scenario. */
export interface CompareControl {
  /** Build and run B for `scenario` (run A's) and the current changes; nothing when not comparing. */
  sync: (scenario: Scenario) => void;
  /** Run A has stopped running: start the B that waited for it. */
  resume: () => void;
}

/**
 * Run B of "Compare with…" (issue 13, item 4). It has a runner of its own, made the first time a
 * comparison starts (the page's runner: supervised workers, never the page's thread), so A and B
 * run side by side; each goes through the run budget as the main run does ('warn' waits for
 * "Run B anyway", 'refuse' never runs). B follows every later edit of A: its scenario is always
 * A's with the same changes. B waits while A runs, so the two never compete for the cores the
 * supervisor leaves the page (on a 2-core machine two busy workers starved the page's thread).
 */
export function createCompareSlice(set: Set, get: Get, createRunner: (onReply: (reply: RunReply) => void) => SimulationRunner): { slice: CompareSlice; control: CompareControl } {
  let runner: SimulationRunner | null = null;
  let currentRunId = 0;
  let lastRunId = 0;
  /** The variant last asked for, so syncing twice with the same scenario runs it once. */
  let lastKey: string | null = null;
  /** Run B's scenario while it waits for run A to finish. */
  let waiting: Scenario | null = null;

  const onReply = (reply: RunReply) => {
    if (reply.runId !== currentRunId) return;
    if (reply.type === 'progress') set({ compareProgressMs: reply.simulatedMs });
    else if (reply.type === 'error') set({ compareStatus: 'error', compareError: reply.message });
    else set({ compareStatus: 'ready', compareRecording: reply.recording, compareError: null, compareProgressMs: reply.recording.endMs });
  };

  const stop = () => {
    runner?.cancel();
    currentRunId = 0;
    waiting = null;
  };

  const start = (scenario: Scenario) => {
    runner ??= createRunner(onReply);
    runner.cancel();
    set({ compareStatus: 'running', compareProgressMs: 0, compareBudget: null, compareError: null });
    currentRunId = ++lastRunId;
    waiting = get().status === 'running' ? scenario : null;
    if (waiting === null) runner.request(currentRunId, scenario, TRACE_CLIENTS);
  };

  const resume = () => {
    if (waiting === null || runner === null) return;
    const scenario = waiting;
    waiting = null;
    runner.request(currentRunId, scenario, TRACE_CLIENTS);
  };

  const run = (scenario: Scenario) => {
    const estimate = estimateRun(scenario);
    if (estimate.verdict === 'ok') {
      start(scenario);
      return;
    }
    stop();
    set({ compareStatus: 'blocked', compareBudget: estimate, compareProgressMs: 0 });
  };

  const sync = (scenario: Scenario) => {
    const { compare } = get();
    if (compare === null) return;
    const variant = buildVariant(scenario, compare);
    if (!variant.ok) {
      stop();
      lastKey = null;
      set({ compareScenario: null, compareStatus: 'error', compareError: variant.errors.join('\n'), compareBudget: null });
      return;
    }
    const key = JSON.stringify(variant.scenario);
    if (key === lastKey) return;
    lastKey = key;
    set({ compareScenario: variant.scenario });
    run(variant.scenario);
  };

  const slice: CompareSlice = {
    compare: null,
    compareScenario: null,
    compareStatus: 'idle',
    compareRecording: null,
    compareError: null,
    compareBudget: null,
    compareProgressMs: 0,
    startCompare: (changes) => {
      const variant = requireDifference(buildVariant(get().scenario, changes));
      if (!variant.ok) return variant;
      set({ compare: variant.changes });
      sync(get().scenario);
      return variant;
    },
    setCompareChanges: (changes) => {
      if (changes === null) {
        get().leaveCompare();
        return;
      }
      set({ compare: changes });
      sync(get().scenario);
    },
    leaveCompare: () => {
      stop();
      lastKey = null;
      set({ compare: null, compareScenario: null, compareStatus: 'idle', compareRecording: null, compareError: null, compareBudget: null, compareProgressMs: 0 });
    },
    runCompareAnyway: () => {
      const { compareBudget, compareScenario } = get();
      if (compareBudget?.verdict === 'warn' && compareScenario) start(compareScenario);
    },
    cancelCompare: () => {
      if (get().compareStatus !== 'running') return;
      stop();
      set({ compareStatus: 'cancelled' });
    },
    retryCompare: () => {
      const { compareScenario } = get();
      if (compareScenario) run(compareScenario);
    },
  };
  return { slice, control: { sync, resume } };
}
