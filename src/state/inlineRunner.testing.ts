import { recordRun } from '../sim/recording.ts';
import type { RunRecording } from '../sim/recording.ts';
import type { Scenario } from '../sim/scenario/types.ts';
import { describeRunError } from './runFailure.ts';
import type { ReplyHandler, SimulationRunner } from './runTypes.ts';

// Unit tests' runner: records on the spot, in the caller's turn, so a test never races a run that
// finishes later. Recordings are kept by scenario (the engine is deterministic), so the many
// tests that start from the default scenario pay for its run once per file.

const recordings = new Map<string, RunRecording>();

export function createInlineRunner(onReply: ReplyHandler): SimulationRunner {
  return {
    request(runId: number, scenario: Scenario, traceClients: number): void {
      const key = `${String(traceClients)}:${JSON.stringify(scenario)}`;
      const started = performance.now();
      try {
        let recording = recordings.get(key);
        if (!recording) {
          recording = recordRun(scenario, traceClients);
          recordings.set(key, recording);
        }
        onReply({ type: 'done', runId, recording, computeMs: performance.now() - started });
      } catch (error) {
        onReply({ type: 'error', runId, ...describeRunError(error) });
      }
    },
    cancel: () => undefined,
    dispose: () => undefined,
  };
}
