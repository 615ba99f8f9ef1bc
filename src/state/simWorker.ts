/// <reference lib="webworker" />
import { recordRun } from '../sim/recording.ts';
import { describeRunError } from './runFailure.ts';
import type { RunRequest, WorkerReply } from './runTypes.ts';

// The simulation runs here, off the main thread, so a 10,000-client scenario never blocks input.
// Progress is posted at most every 100 ms of wall time; the supervisor treats a long silence as a
// dead worker. The result crosses one mechanism per message: the page decodes each in its own
// task, so no single task on the main thread has to take in the whole run at once.

const PROGRESS_EVERY_MS = 100;
/** Trace messages per message to the page: each decodes in a few milliseconds there. */
const TRACE_CHUNK = 10_000;
const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (event: MessageEvent<RunRequest>) => {
  const { runId, scenario, traceClients, mechanisms } = event.data;
  const started = performance.now();
  let lastPost = started;
  const post = (reply: WorkerReply) => scope.postMessage(reply);
  // At once: the supervisor knows this worker is alive and has the request.
  post({ type: 'progress', runId, simulatedMs: 0 });
  try {
    const recording = recordRun({ ...scenario, mechanisms }, traceClients, (simulatedMs) => {
      const now = performance.now();
      if (now - lastPost < PROGRESS_EVERY_MS) return;
      lastPost = now;
      post({ type: 'progress', runId, simulatedMs });
    });
    for (const id of mechanisms) {
      const part = recording.mechanisms[id];
      if (!part) continue;
      post({ type: 'part', runId, id, recording: { ...part, trace: [] } });
      for (let from = 0; from < part.trace.length; from += TRACE_CHUNK) {
        post({ type: 'trace', runId, id, messages: part.trace.slice(from, from + TRACE_CHUNK) });
      }
    }
    const { durationMs, endMs, snapshotEverySec } = recording;
    post({ type: 'finished', runId, durationMs, endMs, snapshotEverySec, computeMs: performance.now() - started });
  } catch (error) {
    post({ type: 'error', runId, ...describeRunError(error) });
  }
};
