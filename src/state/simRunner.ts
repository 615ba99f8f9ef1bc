import { SimSupervisor, defaultParallelism } from './supervisor.ts';
import type { ReplyHandler, SimulationRunner } from './runTypes.ts';
import type { Scenario } from '../sim/scenario/types.ts';

// The worker (the whole engine, about 45 kB gzip) is inlined into a chunk of its own and started
// from a blob: URL. The chunk loads right after the page (one same-origin file, fetched once), so
// the first screen does not wait for it, and replacing a dead or cancelled run's worker later
// fetches nothing. A run asked for before the chunk has arrived starts as soon as it has.

type WorkerConstructor = new () => Worker;

const loadWorker = (): Promise<WorkerConstructor> => import('./simWorker.ts?worker&inline').then((module) => module.default);

/** The page's runner: supervised Web Workers, as many as the machine has cores to spare. */
export function createBrowserRunner(onReply: ReplyHandler): SimulationRunner {
  let supervisor: SimSupervisor | null = null;
  let waiting: { runId: number; scenario: Scenario; traceClients: number } | null = null;
  let disposed = false;
  loadWorker()
    .then((SimWorker) => {
      if (disposed) return;
      supervisor = new SimSupervisor(onReply, {
        createWorker: () => new SimWorker(),
        parallelism: defaultParallelism(navigator.hardwareConcurrency),
      });
      if (waiting) supervisor.request(waiting.runId, waiting.scenario, waiting.traceClients);
      waiting = null;
    })
    .catch(() => {
      if (waiting) onReply({ type: 'error', runId: waiting.runId, kind: 'crashed', message: 'The simulation could not be loaded. Reload the page to try again.' });
      waiting = null;
    });
  return {
    request(runId, scenario, traceClients) {
      if (supervisor) supervisor.request(runId, scenario, traceClients);
      else waiting = { runId, scenario, traceClients };
    },
    cancel() {
      waiting = null;
      supervisor?.cancel();
    },
    dispose() {
      disposed = true;
      waiting = null;
      supervisor?.dispose();
    },
  };
}
