import type { MechanismId, Scenario } from '../sim/scenario/types.ts';
import type { LatencyCdfPoint, MechanismRecording, RunRecording } from '../sim/recording.ts';
import type { MechanismTotals } from '../sim/metrics/types.ts';
import type { TraceMessage } from '../sim/trace/types.ts';

// Messages between the page and the simulation workers. Every message carries the id of the run
// it belongs to, so nothing from an older run (a late error, a slow result) is ever shown against
// the newer one on screen (issue 10, item 4).

/** The page asks a worker to record some of the scenario's mechanisms. */
export interface RunRequest {
  runId: number;
  scenario: Scenario;
  traceClients: number;
  /** The mechanisms this worker records (all of the scenario's when one worker runs them all). */
  mechanisms: MechanismId[];
}

/** Why a run produced no result, for the words the page shows and the buttons it offers. */
export type RunFailureKind =
  /** The engine or the browser ran out of memory. */
  | 'memory'
  /** The engine's watchdog: simulated time stopped advancing. */
  | 'stalled'
  /** The worker went silent for too long (killed, frozen or crashed without a word). */
  | 'unresponsive'
  /** The worker reported an error event (a crash outside the simulation code). */
  | 'crashed'
  /** Any other error thrown by the simulation. */
  | 'failed';

export interface RunFailure {
  kind: RunFailureKind;
  message: string;
}

/** What a worker posts. A result crosses as one message per mechanism (see simWorker.ts). */
export type WorkerReply =
  /** Posted once, as the worker's script starts (the page draws its first screen after it: main.tsx). */
  | { type: 'started' }
  | { type: 'progress'; runId: number; simulatedMs: number }
  /**
   * A mechanism's recording without its snapshots and trace; they follow in 'snapshots' and
   * 'trace' chunks, in order.
   */
  | { type: 'part'; runId: number; id: MechanismId; recording: MechanismRecording }
  | { type: 'snapshots'; runId: number; id: MechanismId; totalsAt: MechanismTotals[]; cdfAt: LatencyCdfPoint[][] }
  | { type: 'trace'; runId: number; id: MechanismId; messages: TraceMessage[] }
  | { type: 'finished'; runId: number; durationMs: number; endMs: number; snapshotEverySec: number; computeMs: number }
  | ({ type: 'error'; runId: number } & RunFailure);

/** What the supervisor hands the store: only ever about the latest run. */
export type RunReply =
  | { type: 'progress'; runId: number; simulatedMs: number }
  | { type: 'done'; runId: number; recording: RunRecording; computeMs: number }
  | ({ type: 'error'; runId: number } & RunFailure);

export type ReplyHandler = (reply: RunReply) => void;

/** Starts and stops runs; the store talks to this, never to a Worker. */
export interface SimulationRunner {
  /**
   * Start run `runId` (chosen by the caller, increasing) of `scenario`; any unfinished run is
   * dropped. Replies may come before this returns.
   */
  request(runId: number, scenario: Scenario, traceClients: number): void;
  /** Stop the current run, if any; nothing more is reported about it. */
  cancel(): void;
  dispose(): void;
}
