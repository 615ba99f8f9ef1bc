/// <reference lib="webworker" />
import { runInWorker } from './runInWorker.ts';
import type { RunRequest, WorkerReply } from './runTypes.ts';

// The simulation runs here, off the main thread, so a 10,000-client scenario never blocks input.

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.postMessage({ type: 'started' } satisfies WorkerReply);

scope.onmessage = (event: MessageEvent<RunRequest>) => {
  runInWorker(event.data, (reply: WorkerReply) => scope.postMessage(reply));
};
