import type { Scenario } from '../sim/scenario/types.ts';
import type { RunRecording } from '../sim/recording.ts';

/** Messages between the page and the simulation worker. */
export interface RunRequest {
  runId: number;
  scenario: Scenario;
  traceClients: number;
}

export type RunReply =
  | { type: 'progress'; runId: number; simulatedMs: number }
  | { type: 'done'; runId: number; recording: RunRecording; computeMs: number }
  | { type: 'error'; runId: number; message: string };
