import { SimSupervisor, defaultParallelism } from './supervisor.ts';
import type { ReplyHandler, SimulationRunner } from './runTypes.ts';
// Inlined into the bundle and started from a blob: URL, so replacing a dead or cancelled run's
// worker fetches nothing: the page makes no network request after load (issue 4, item 7).
import SimWorker from './simWorker.ts?worker&inline';

/** The page's runner: supervised Web Workers, as many as the machine has cores to spare. */
export function createBrowserRunner(onReply: ReplyHandler): SimulationRunner {
  return new SimSupervisor(onReply, {
    createWorker: () => new SimWorker(),
    parallelism: defaultParallelism(navigator.hardwareConcurrency),
  });
}
