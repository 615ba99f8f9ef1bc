import { recordRun } from '../sim/recording.ts';
import { describeRunError } from './runFailure.ts';
import type { RunRequest, WorkerReply } from './runTypes.ts';

// What a simulation worker does with one request (simWorker.ts wires it to the worker's messages).
// Progress is posted at most every 100 ms of wall time, and once at the start, so the supervisor
// knows the worker is alive. The result crosses one mechanism per message, its snapshots and its
// trace in chunks: the page decodes each message in its own task, so none has to take in the whole
// run at once (issue 10, item 3: no main-thread task over 100 ms when a big run arrives).

const PROGRESS_EVERY_MS = 100;
/**
 * Trace messages per message to the page: each decodes in a few milliseconds there (chunks of
 * 10,000 took 6–40 ms, and over 100 ms when a garbage collection fell into one).
 */
export const TRACE_CHUNK = 5_000;
/**
 * Snapshots (totals and latency distribution) per message: a snapshot is about 1–4 kB, so a chunk
 * decodes in about 10 ms there (a 10-minute run's polling part took 35–55 ms as one message).
 */
export const SNAPSHOT_CHUNK = 200;

export function runInWorker({ runId, scenario, traceClients, mechanisms }: RunRequest, post: (reply: WorkerReply) => void): void {
  const started = performance.now();
  let lastPost = started;
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
      post({ type: 'part', runId, id, recording: { ...part, totalsAt: [], cdfAt: [], trace: [] } });
      for (let from = 0; from < part.totalsAt.length; from += SNAPSHOT_CHUNK) {
        const to = from + SNAPSHOT_CHUNK;
        post({ type: 'snapshots', runId, id, totalsAt: part.totalsAt.slice(from, to), cdfAt: part.cdfAt.slice(from, to) });
      }
      for (let from = 0; from < part.trace.length; from += TRACE_CHUNK) {
        post({ type: 'trace', runId, id, messages: part.trace.slice(from, from + TRACE_CHUNK) });
      }
    }
    const { durationMs, endMs, snapshotEverySec } = recording;
    post({ type: 'finished', runId, durationMs, endMs, snapshotEverySec, computeMs: performance.now() - started });
  } catch (error) {
    post({ type: 'error', runId, ...describeRunError(error) });
  }
}
