/// <reference lib="webworker" />
import { recordRun } from '../sim/recording.ts';
import type { RunReply, RunRequest } from './runTypes.ts';

// The simulation runs here, off the main thread, so a 10,000-client scenario never blocks input.
// Progress is posted at most every 100 ms of wall time.

const PROGRESS_EVERY_MS = 100;
const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (event: MessageEvent<RunRequest>) => {
  const { runId, scenario, traceClients } = event.data;
  const started = performance.now();
  let lastPost = started;
  const post = (reply: RunReply) => scope.postMessage(reply);
  try {
    const recording = recordRun(scenario, traceClients, (simulatedMs) => {
      const now = performance.now();
      if (now - lastPost < PROGRESS_EVERY_MS) return;
      lastPost = now;
      post({ type: 'progress', runId, simulatedMs });
    });
    post({ type: 'done', runId, recording, computeMs: performance.now() - started });
  } catch (error) {
    post({ type: 'error', runId, message: error instanceof Error ? error.message : String(error) });
  }
};
