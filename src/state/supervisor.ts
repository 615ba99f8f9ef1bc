import type { MechanismId, Scenario } from '../sim/scenario/types.ts';
import type { MechanismRecording, RunRecording } from '../sim/recording.ts';
import type { TraceMessage } from '../sim/trace/types.ts';
import { CRASHED_MESSAGE, UNRESPONSIVE_MESSAGE } from './runFailure.ts';
import type { ReplyHandler, RunFailure, RunRequest, SimulationRunner, WorkerReply } from './runTypes.ts';

// The supervisor runs simulations in Web Workers and watches them (issue 10, items 4 and 8).
// - Every message is tagged with its run; anything about an older run is ignored, so a late
//   error is never blamed on the results on screen.
// - A busy worker that says nothing for SILENCE_MS is declared dead ("stopped responding"); one
//   that reports an error event is discarded. Either way the next run gets a new worker.
// - A reused idle worker must acknowledge a request within ACK_MS (it may have been closed while
//   idle); if it does not, the request moves to a fresh worker without the user noticing.
// - The mechanisms are spread over up to `parallelism` workers, one group each; each mechanism's
//   world is independent, so the assembled recording is the same as one worker's.

/** What the supervisor needs of a Worker (the real one, or a stand-in in unit tests). */
export interface WorkerLike {
  postMessage(message: RunRequest): void;
  terminate(): void;
  onmessage: ((event: MessageEvent<WorkerReply>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  onmessageerror: ((event: MessageEvent) => void) | null;
}

export interface SupervisorOptions {
  createWorker: () => WorkerLike;
  /** Workers a run may use at once (≥ 1). */
  parallelism: number;
  silenceMs?: number;
  ackMs?: number;
}

/** No word from a busy worker for this long: it is dead or frozen. */
export const SILENCE_MS = 5000;
/** A reused worker acknowledges a request at once; this long without that, it is gone. */
export const ACK_MS = 1000;
const CHECK_EVERY_MS = 250;

/** Split the mechanisms into at most `groups` groups, round robin (so heavy ones spread out). */
export function splitMechanisms(ids: readonly MechanismId[], groups: number): MechanismId[][] {
  const count = Math.max(1, Math.min(groups, ids.length));
  const split: MechanismId[][] = Array.from({ length: count }, () => []);
  ids.forEach((id, i) => split[i % count].push(id));
  return split.filter((group) => group.length > 0);
}

/**
 * Workers for a run on this machine: all cores but one, which the page keeps for drawing and
 * input (on a 2-core machine one worker; two busy workers there starved the page's own thread).
 */
export function defaultParallelism(hardwareConcurrency: number | undefined): number {
  return Math.max(1, (hardwareConcurrency ?? 1) - 1);
}

interface Job {
  worker: WorkerLike;
  request: RunRequest;
  postedAt: number;
  reused: boolean;
  acknowledged: boolean;
  finished: boolean;
  progressMs: number;
  /** When this worker last said anything: each worker of a run is watched on its own. */
  lastHeardAt: number;
}

interface ActiveRun {
  runId: number;
  scenario: Scenario;
  traceClients: number;
  startedAt: number;
  jobs: Job[];
  parts: Partial<Record<MechanismId, MechanismRecording>>;
  traces: Partial<Record<MechanismId, TraceMessage[]>>;
  durationMs: number;
  /** The latest end (drain included) of the run's parts. */
  endMs: number;
  snapshotEverySec: number;
}

export class SimSupervisor implements SimulationRunner {
  private readonly idle: WorkerLike[] = [];
  private run: ActiveRun | null = null;
  private timer: ReturnType<typeof setInterval> | null = null;
  private readonly silenceMs: number;
  private readonly ackMs: number;

  constructor(
    private readonly onReply: ReplyHandler,
    private readonly options: SupervisorOptions,
  ) {
    this.silenceMs = options.silenceMs ?? SILENCE_MS;
    this.ackMs = options.ackMs ?? ACK_MS;
  }

  request(runId: number, scenario: Scenario, traceClients: number): void {
    this.dropRun();
    const now = performance.now();
    const run: ActiveRun = {
      runId,
      scenario,
      traceClients,
      startedAt: now,
      jobs: [],
      parts: {},
      traces: {},
      durationMs: scenario.durationSec * 1000,
      endMs: 0,
      snapshotEverySec: 1,
    };
    this.run = run;
    for (const mechanisms of splitMechanisms(scenario.mechanisms, this.options.parallelism)) {
      this.post(run, { runId, scenario, traceClients, mechanisms });
    }
    this.timer ??= setInterval(() => this.check(), Math.min(CHECK_EVERY_MS, this.ackMs / 2, this.silenceMs / 2));
  }

  cancel(): void {
    this.dropRun();
    this.stopTimer();
  }

  dispose(): void {
    this.cancel();
    for (const worker of this.idle.splice(0)) worker.terminate();
  }

  /** Post `request` to an idle worker, or a new one. */
  private post(run: ActiveRun, request: RunRequest, forceNew = false): void {
    const reused = !forceNew && this.idle.length > 0;
    const worker = (reused ? this.idle.pop() : undefined) ?? this.options.createWorker();
    const now = performance.now();
    const job: Job = { worker, request, postedAt: now, reused, acknowledged: false, finished: false, progressMs: 0, lastHeardAt: now };
    run.jobs.push(job);
    worker.onmessage = (event) => this.receive(run, job, event.data);
    worker.onerror = (event) => {
      event.preventDefault();
      this.lost(run, job, CRASHED_MESSAGE);
    };
    worker.onmessageerror = () => this.lost(run, job, CRASHED_MESSAGE);
    worker.postMessage(request);
  }

  private receive(run: ActiveRun, job: Job, reply: WorkerReply): void {
    if (reply.type === 'started') return;
    if (this.run !== run || reply.runId !== run.runId) return;
    job.lastHeardAt = performance.now();
    job.acknowledged = true;
    switch (reply.type) {
      case 'progress': {
        job.progressMs = reply.simulatedMs;
        const simulatedMs = Math.min(...run.jobs.map((j) => (j.finished ? run.durationMs : j.progressMs)));
        this.onReply({ type: 'progress', runId: run.runId, simulatedMs });
        break;
      }
      case 'part':
        // Copied: the snapshots that follow are appended to the part's own lists.
        run.parts[reply.id] = { ...reply.recording, totalsAt: [], cdfAt: [] };
        break;
      case 'snapshots': {
        const part = run.parts[reply.id];
        if (!part) break;
        part.totalsAt.push(...reply.totalsAt);
        part.cdfAt.push(...reply.cdfAt);
        break;
      }
      case 'trace': {
        const trace = (run.traces[reply.id] ??= []);
        for (const message of reply.messages) trace.push(message);
        break;
      }
      case 'finished':
        job.finished = true;
        run.durationMs = reply.durationMs;
        run.endMs = Math.max(run.endMs, reply.endMs);
        run.snapshotEverySec = reply.snapshotEverySec;
        this.idle.push(job.worker);
        if (run.jobs.every((j) => j.finished)) this.complete(run);
        break;
      case 'error':
        this.fail(run, { kind: reply.kind, message: reply.message });
        break;
    }
  }

  private complete(run: ActiveRun): void {
    const mechanisms: RunRecording['mechanisms'] = {};
    // One worker would have taken snapshots of every mechanism until the last one's drain ended.
    let snapshotCount = 0;
    for (const part of Object.values(run.parts)) snapshotCount = Math.max(snapshotCount, part.totalsAt.length);
    for (const id of run.scenario.mechanisms) {
      const part = run.parts[id];
      if (!part) continue;
      mechanisms[id] = { ...padSnapshots(part, snapshotCount), trace: run.traces[id] ?? [] };
    }
    const recording: RunRecording = {
      scenario: run.scenario,
      durationMs: run.durationMs,
      endMs: run.endMs,
      snapshotEverySec: run.snapshotEverySec,
      traceClients: run.traceClients,
      mechanisms,
    };
    this.run = null;
    this.stopTimer();
    this.onReply({ type: 'done', runId: run.runId, recording, computeMs: performance.now() - run.startedAt });
  }

  /** A worker of `run` died: discard it and report the run as failed (if it is still current). */
  private lost(run: ActiveRun, job: Job, message: string): void {
    job.worker.terminate();
    const idleAt = this.idle.indexOf(job.worker);
    if (idleAt >= 0) this.idle.splice(idleAt, 1);
    if (this.run === run && !job.finished) this.fail(run, { kind: 'crashed', message });
  }

  private fail(run: ActiveRun, failure: RunFailure): void {
    this.dropRun();
    this.stopTimer();
    this.onReply({ type: 'error', runId: run.runId, ...failure });
  }

  /** Stop every unfinished job of the current run; their workers are never reused. */
  private dropRun(): void {
    const run = this.run;
    if (!run) return;
    this.run = null;
    for (const job of run.jobs) {
      if (job.finished) continue;
      job.worker.onmessage = null;
      job.worker.terminate();
    }
  }

  private check(): void {
    const run = this.run;
    if (!run) {
      this.stopTimer();
      return;
    }
    const now = performance.now();
    for (const job of [...run.jobs]) {
      if (job.reused && !job.acknowledged && !job.finished && now - job.postedAt > this.ackMs) {
        // Closed while idle: give the request to a new worker.
        job.finished = true;
        job.worker.onmessage = null;
        job.worker.terminate();
        run.jobs.splice(run.jobs.indexOf(job), 1);
        this.post(run, job.request, true);
      }
    }
    if (run.jobs.some((job) => !job.finished && now - job.lastHeardAt > this.silenceMs)) {
      this.fail(run, { kind: 'unresponsive', message: UNRESPONSIVE_MESSAGE });
    }
  }

  private stopTimer(): void {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
  }
}

/**
 * A mechanism whose drain ended before another's keeps its final totals in the later snapshots,
 * exactly as a single worker running every mechanism records them.
 */
function padSnapshots(part: MechanismRecording, count: number): MechanismRecording {
  if (part.totalsAt.length >= count || part.totalsAt.length === 0) return part;
  const totalsAt = [...part.totalsAt];
  const cdfAt = [...part.cdfAt];
  while (totalsAt.length < count) {
    totalsAt.push(totalsAt[totalsAt.length - 1]);
    cdfAt.push(cdfAt[cdfAt.length - 1]);
  }
  return { ...part, totalsAt, cdfAt };
}
