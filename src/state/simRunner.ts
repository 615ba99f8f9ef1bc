import type { Scenario } from '../sim/scenario/types.ts';
import type { RunReply, RunRequest } from './runTypes.ts';
// Inlined into the bundle and started from a blob: URL, so replacing a cancelled run's worker
// fetches nothing: the page makes no network request after load (issue 4, item 7).
import SimWorker from './simWorker.ts?worker&inline';

// Starts runs in a Web Worker and hands replies of the latest run only to `onReply`. A newer
// request terminates an unfinished older run: its result could never be shown. Where Worker does
// not exist (unit tests in happy-dom) the run happens on the main thread after a macrotask, with the
// engine imported then: browsers never load that second copy of the engine (the worker has its own).

export type ReplyHandler = (reply: RunReply) => void;

export class SimRunner {
  private worker: Worker | null = null;
  private busy = false;
  private latestRunId = 0;

  constructor(private readonly onReply: ReplyHandler) {}

  request(scenario: Scenario, traceClients: number): number {
    const runId = ++this.latestRunId;
    const message: RunRequest = { runId, scenario, traceClients };
    if (typeof Worker === 'undefined') {
      setTimeout(() => void this.runInline(message), 0);
      return runId;
    }
    if (this.busy && this.worker) {
      this.worker.terminate();
      this.worker = null;
    }
    const worker = (this.worker ??= this.createWorker());
    this.busy = true;
    worker.postMessage(message);
    return runId;
  }

  dispose(): void {
    this.worker?.terminate();
    this.worker = null;
  }

  private createWorker(): Worker {
    const worker = new SimWorker();
    worker.onmessage = (event: MessageEvent<RunReply>) => {
      const reply = event.data;
      if (reply.runId !== this.latestRunId) return;
      if (reply.type !== 'progress') this.busy = false;
      this.onReply(reply);
    };
    worker.onerror = (event) => {
      this.busy = false;
      this.onReply({ type: 'error', runId: this.latestRunId, message: event.message || 'the simulation worker failed' });
    };
    return worker;
  }

  private async runInline({ runId, scenario, traceClients }: RunRequest): Promise<void> {
    const { recordRun } = await import('../sim/recording.ts');
    if (runId !== this.latestRunId) return;
    const started = performance.now();
    try {
      const recording = recordRun(scenario, traceClients);
      this.onReply({ type: 'done', runId, recording, computeMs: performance.now() - started });
    } catch (error) {
      this.onReply({ type: 'error', runId, message: error instanceof Error ? error.message : String(error) });
    }
  }
}
