import type { Scenario } from './scenario/types.ts';
import type { MetricsRecorder } from './metrics/recorder.ts';
import type { Network } from './model/network.ts';
import type { Server } from './model/server.ts';
import type { Connections } from './model/connections.ts';
import type { Handshakes } from './model/handshake.ts';
import type { PendingConnects } from './model/pendingConnects.ts';
import type { TraceRecorder } from './trace/recorder.ts';
import type { MessageKind } from './trace/types.ts';
import type { Mechanism } from './mechanisms/mechanism.ts';

// What the parts of a World (connector.ts, connectionEnds.ts, errorAnswers.ts) use of it: its
// models and a few of its methods. World implements this; the parts never import world.ts, so the
// engine's modules form no import cycle (imports.test.ts).

export interface WorldParts {
  readonly scenario: Scenario;
  readonly conns: Connections;
  readonly net: Network;
  readonly server: Server;
  readonly metrics: MetricsRecorder;
  readonly trace: TraceRecorder;
  readonly handshakes: Handshakes;
  readonly pending: PendingConnects;
  readonly h2: boolean;
  readonly mechanism: Mechanism;
  readonly ends: { armIdleCheck(slot: number): void };
  schedule(tMs: number, kind: number, a: number, b: number): void;
  send(slot: number, up: boolean, bytes: number, payloadBytes: number, tMs: number): number;
  release(slot: number, tMs: number): void;
  responseBytes(slot: number, bodyBytes: number): number;
  traceMessage(kind: MessageKind, client: number, up: boolean, sendMs: number, arriveMs: number, events: number, bytes: number, slot: number): void;
  connectionId(slot: number, ordinal?: number): number;
  connectionTag(slot: number): number;
}
