import type { StateCreator } from 'zustand';
import type { Scenario } from '../../sim/scenario/types.ts';
import type { LabState, RunControl, RunSlice } from '../labState.ts';
import { estimateRun } from '../runBudget.ts';
import type { RunReply, SimulationRunner } from '../runTypes.ts';

/** Clients whose every message the lanes draw; metrics always cover all clients. */
export const TRACE_CLIENTS = 5;

type Set = Parameters<StateCreator<LabState>>[0];
type Get = () => LabState;

/**
 * The run slice and the `run` the other slices call. Every accepted scenario goes through the
 * budget first: 'ok' runs at once, 'warn' waits for "Run anyway", 'refuse' never runs.
 */
export function createRunSlice(set: Set, get: Get, createRunner: (onReply: (reply: RunReply) => void) => SimulationRunner): { slice: RunSlice; control: Pick<RunControl, 'run' | 'started'> } {
  let started = false;
  /** The run whose replies count; 0 when none does. */
  let currentRunId = 0;
  let lastRunId = 0;

  const onReply = (reply: RunReply) => {
    if (reply.runId !== currentRunId) return;
    if (reply.type === 'progress') {
      set({ progressMs: reply.simulatedMs });
    } else if (reply.type === 'error') {
      set({ status: 'error', runError: reply.message, runFailure: reply.kind });
    } else {
      const durationMs = reply.recording.endMs;
      set((s) => ({
        status: 'ready',
        recording: reply.recording,
        runError: null,
        runFailure: null,
        computeMs: reply.computeMs,
        progressMs: durationMs,
        // A re-run keeps the playhead where it was (DESIGN.md §7), within the new duration.
        playheadMs: Math.min(s.playheadMs, durationMs),
      }));
    }
  };
  const runner = createRunner(onReply);

  const start = (scenario: Scenario) => {
    set({ status: 'running', progressMs: 0, budget: null, runError: null, runFailure: null });
    currentRunId = ++lastRunId;
    runner.request(currentRunId, scenario, TRACE_CLIENTS);
  };

  const run = (scenario: Scenario) => {
    started = true;
    const estimate = estimateRun(scenario);
    if (estimate.verdict === 'ok') {
      start(scenario);
      return;
    }
    // A run of older settings may still be going: its results would not match the settings.
    runner.cancel();
    currentRunId = 0;
    set({ status: 'blocked', budget: estimate, progressMs: 0 });
  };

  const slice: RunSlice = {
    status: 'idle',
    progressMs: 0,
    recording: null,
    runError: null,
    runFailure: null,
    budget: null,
    computeMs: null,
    ensureRun: () => {
      if (!started) run(get().scenario);
    },
    retry: () => run(get().scenario),
    runAnyway: () => {
      const { budget, scenario } = get();
      if (budget?.verdict === 'warn') start(scenario);
    },
    cancelRun: () => {
      if (get().status !== 'running') return;
      runner.cancel();
      currentRunId = 0;
      set({ status: 'cancelled' });
    },
  };
  return { slice, control: { run, started: () => started } };
}
