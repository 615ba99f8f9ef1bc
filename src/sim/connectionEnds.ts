import type { Scenario } from './scenario/types.ts';
import type { Network } from './model/network.ts';
import type { Server } from './model/server.ts';
import { clientOf, type Connections } from './model/connections.ts';
import type { TraceRecorder } from './trace/recorder.ts';
import { NO_CONNECTION } from './trace/types.ts';
import { Kind } from './kinds.ts';
import type { PendingConnects } from './model/pendingConnects.ts';
import type { WorldParts } from './worldParts.ts';

// How connections end (part of one mechanism's World): a finished request lets its connection idle
// under keep-alive or closes it; an idle check closes a connection past its deadline (the server's
// keep-alive idle time, or a proxy's idle timeout, which the trace shows as a proxy cut); a server
// restart cuts every connection. The mechanism hears of each cut that interrupted its work.

export class ConnectionEnds {
  private readonly scenario: Scenario;
  private readonly conns: Connections;
  private readonly net: Network;
  private readonly server: Server;
  private readonly trace: TraceRecorder;
  private readonly pending: PendingConnects;
  private readonly h2: boolean;

  constructor(private readonly world: WorldParts) {
    this.scenario = world.scenario;
    this.conns = world.conns;
    this.net = world.net;
    this.server = world.server;
    this.trace = world.trace;
    this.pending = world.pending;
    this.h2 = world.h2;
  }

  /** The request on `slot` is finished; with keep-alive the connection idles, else it closes. */
  release(slot: number, tMs: number): void {
    const conns = this.conns;
    if (!conns.isOpen[slot]) return;
    if (!conns.keepAlive) {
      conns.close(slot, tMs);
      return;
    }
    if (conns.inUse[slot] > 0) conns.inUse[slot]--;
    if (!this.h2) conns.inUse[slot] = 0;
    if (conns.inUse[slot] > 0) return; // other streams still use it
    conns.touch(slot, tMs);
    this.armIdleCheck(slot);
  }

  /** Make sure an idle check is pending no later than the connection's current deadline. */
  armIdleCheck(slot: number): void {
    const deadline = this.conns.deadlineMs(slot);
    if (deadline < this.conns.checkAtMs[slot]) {
      this.conns.checkAtMs[slot] = deadline;
      this.world.schedule(deadline, Kind.idleCheck, slot, this.conns.epoch[slot]);
    }
  }

  /** Kind.idleCheck on `slot` at t: close the connection if its deadline has passed, else check again later. */
  idleCheck(slot: number, epoch: number, t: number): void {
    const conns = this.conns;
    if (conns.epoch[slot] !== epoch || conns.checkAtMs[slot] !== t) return; // superseded
    conns.checkAtMs[slot] = Infinity;
    const deadline = conns.deadlineMs(slot);
    if (t >= deadline) {
      const wasInUse = conns.inUse[slot] > 0;
      const client = clientOf(slot);
      const connection = this.world.connectionId(slot);
      const proxyIdleMs = this.scenario.proxy.idleTimeoutSec * 1000;
      conns.close(slot, t);
      this.pending.release(slot);
      // Mark what was in flight first: the close itself is still on its way to the client.
      this.trace.markDropped(client, connection, t);
      this.trace.record('close', client, false, t, this.closeNoticeMs(slot, t), 0, 0, 'ok', 0, connection);
      if (proxyIdleMs > 0 && t >= conns.lastByteMs[slot] + proxyIdleMs) {
        this.trace.span('proxyCut', client, connection, t, t);
        this.trace.cut(connection, t, 'proxyCut');
      }
      if (wasInUse) this.world.mechanism.onConnectionCut(slot, t);
    } else {
      this.armIdleCheck(slot);
    }
  }

  /** When the client sees a close that happened at the server side at tMs (the FIN travels d). */
  closeNoticeMs(slot: number, tMs: number): number {
    return this.net.transmit(clientOf(slot), slot, false, 0, 0, tMs);
  }

  /** Restart `window` begins at t: every open connection is cut. */
  serverDown(window: number, t: number): void {
    const conns = this.conns;
    const { fromMs, toMs } = this.server.restartWindows()[window];
    this.trace.span('serverDown', -1, NO_CONNECTION, fromMs, toMs);
    for (let slot = 0; slot < conns.isOpen.length; slot++) {
      if (!conns.isOpen[slot]) continue;
      const wasInUse = conns.inUse[slot] > 0;
      const connection = this.world.connectionId(slot);
      conns.close(slot, t);
      this.pending.release(slot);
      // A restart cuts every connection of the client, a webhook's extra ones included.
      this.trace.markDropped(clientOf(slot), NO_CONNECTION, t);
      this.trace.cut(connection, t, 'serverDown');
      if (wasInUse) this.world.mechanism.onConnectionCut(slot, t);
    }
    this.world.mechanism.onServerDown(t);
  }
}
