import { SimSupervisor, defaultParallelism } from './supervisor.ts';
import type { ReplyHandler, SimulationRunner, WorkerReply } from './runTypes.ts';
import { whenIdle } from './whenIdle.ts';

// Where the simulation workers (the whole engine, about 45 kB gzip) come from.
// - The first one is started by URL as the page starts (a script of the site's own, as CSP's
//   worker-src 'self' allows): the browser fetches, compiles and runs the engine on another thread
//   while the main thread draws the first screen. Starting a worker needs a few moments of the main
//   thread, so the page draws only once it has said it started (main.tsx waits for
//   firstWorkerStarted): the first figures come ≈ 0.3 s sooner at 4× CPU throttling than from a
//   worker started after the first screen's render.
// - Later ones (a cancelled or dead run's replacement, a second worker) start from a blob: URL made
//   by a chunk that holds the same engine inline (Vite's inline worker), fetched once in the
//   background when the first figures are in: so replacing a worker later fetches nothing, even
//   offline. Until that chunk has arrived, a replacement loads the URL again (from the cache).

type WorkerConstructor = new () => Worker;

let markStarted = (): void => undefined;
/** Resolves when the page's first simulation worker has started running its script. */
export const firstWorkerStarted: Promise<void> = new Promise((resolve) => { markStarted = resolve; });

let inlineWorker: WorkerConstructor | null = null;
let inlineRequested = false;

function loadInlineWorker(): void {
  if (inlineRequested) return;
  inlineRequested = true;
  import('./simWorker.ts?worker&inline').then(
    (module) => { inlineWorker = module.default; },
    () => { inlineRequested = false; }, // tried again after the next run
  );
}

function createWorker(): Worker {
  if (inlineWorker) return new inlineWorker();
  // Written out in full: Vite bundles a worker only from this exact pattern. A module worker: the
  // dev server serves the worker's imports unbundled, as modules (a classic worker fails there;
  // e2e/dev-server.spec.ts); the build's worker is one script either way.
  const worker = new Worker(new URL('./simWorker.ts', import.meta.url), { type: 'module', name: 'simulation' });
  worker.addEventListener('message', (event: MessageEvent<WorkerReply>) => {
    if (event.data.type === 'started') markStarted();
  });
  return worker;
}

/** The page's runner: supervised Web Workers, as many as the machine has cores to spare. */
export function createBrowserRunner(onReply: ReplyHandler): SimulationRunner {
  const replied: ReplyHandler = (reply) => {
    onReply(reply);
    // The inline worker's chunk is fetched once the first figures are in, when the page is idle:
    // loaded earlier, it would compete with the first screen for the main thread.
    if (reply.type === 'done' && !inlineRequested) whenIdle(loadInlineWorker);
  };
  const supervisor = new SimSupervisor(replied, {
    createWorker,
    parallelism: defaultParallelism(navigator.hardwareConcurrency),
  });
  return {
    request: (runId, scenario, traceClients) => { supervisor.request(runId, scenario, traceClients); },
    cancel: () => { supervisor.cancel(); },
    dispose: () => { supervisor.dispose(); },
  };
}
