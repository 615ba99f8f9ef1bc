import type { Scenario } from './scenario/types.ts';
import type { MetricsRecorder } from './metrics/recorder.ts';
import type { Network } from './model/network.ts';
import type { Server } from './model/server.ts';
import { clientOf, type Connections } from './model/connections.ts';
import type { TraceRecorder } from './trace/recorder.ts';
import type { MessageKind } from './trace/types.ts';
import { pack } from './mechanisms/mechanism.ts';
import { Kind } from './kinds.ts';
import { AT_SERVER_NEXT, SYN_DROPPED, type Handshakes } from './model/handshake.ts';
import type { PendingConnects } from './model/pendingConnects.ts';
import type { MessageSizes } from './protocol/messageSizes.ts';
import { H2_PREFACE_DOWN_BYTES, H2_PREFACE_UP_BYTES } from './protocol/http2.ts';
import type { WorldParts } from './worldParts.ts';

// How a client's request reaches a connection (part of one mechanism's World): reuse the slot's
// connection when keep-alive (or HTTP/2) allows, else open one — the SYN, refusals at a server
// that is down or full, the TCP and TLS handshakes (model/handshake.ts), and SYNs dropped at a full
// accept queue, retransmitted until the connect timeout while the request waits
// (model/pendingConnects.ts) — then send the request and schedule its arrival at the server.

export class Connector {
  /** When the last refused connect or request is noticed by its client. */
  refusedNoticeMs = 0;
  private readonly scenario: Scenario;
  private readonly conns: Connections;
  private readonly net: Network;
  private readonly server: Server;
  private readonly metrics: MetricsRecorder;
  private readonly trace: TraceRecorder;
  private readonly handshakes: Handshakes;
  private readonly pending: PendingConnects;
  private readonly h2: boolean;

  constructor(private readonly world: WorldParts, private readonly sizes: MessageSizes) {
    this.scenario = world.scenario;
    this.conns = world.conns;
    this.net = world.net;
    this.server = world.server;
    this.metrics = world.metrics;
    this.trace = world.trace;
    this.handshakes = world.handshakes;
    this.pending = world.pending;
    this.h2 = world.h2;
  }

  /**
   * A connection for a request at tMs on `slot`: reuse it when keep-alive allows (under HTTP/2
   * also while other streams use it), else open one (TCP + TLS round trips). Returns when the
   * request can be sent; −1 when the connection is refused (server down, or at its connection
   * limit; `refusedNoticeMs` then says when the client learns it); SYN_DROPPED when the SYN found
   * the accept queue full; AT_SERVER_NEXT when the TLS handshake waits for the server's workers
   * (Kind.tlsAtServer completes it).
   */
  connect(slot: number, tMs: number): number {
    const conns = this.conns;
    if (this.h2 ? conns.usable(slot, tMs) : conns.reusable(slot, tMs)) {
      conns.inUse[slot]++;
      return tMs;
    }
    if (conns.isOpen[slot]) conns.close(slot, tMs);
    return this.openConnection(slot, tMs);
  }

  /** Send a SYN at tMs for a new connection on `slot` (see connect). */
  private openConnection(slot: number, tMs: number): number {
    const client = clientOf(slot);
    const conns = this.conns;
    this.metrics.connectionAttempt(tMs);
    const synArrivesMs = tMs + this.scenario.network.latencyMs;
    const down = this.server.isDown(synArrivesMs);
    const behindProxy = down && this.server.downBehindProxy(synArrivesMs);
    if ((down && !behindProxy) || this.metrics.openConnections >= this.scenario.server.maxConnections) {
      this.metrics.connectionFailed(tMs);
      this.refusedNoticeMs = this.net.refusedSyn(client, tMs);
      this.trace.record('connect', client, true, tMs, this.refusedNoticeMs, 0, 0, 'refused', 0, this.world.connectionId(slot, 0));
      return -1;
    }
    // Behind a load balancer whose server is down, the balancer itself completes the handshake.
    const ready = behindProxy ? this.handshakes.openToPeer(client, tMs, false) : this.handshakes.start(client, slot, tMs);
    if (ready === SYN_DROPPED) return SYN_DROPPED;
    conns.open(slot, tMs);
    if (ready === AT_SERVER_NEXT) {
      this.world.schedule(this.handshakes.serverPartMs, Kind.tlsAtServer, slot, conns.epoch[slot]);
      return AT_SERVER_NEXT;
    }
    if (!behindProxy) this.world.schedule(this.handshakes.serverPartMs, Kind.acceptAtServer, slot, conns.epoch[slot]);
    this.connected(slot, tMs, ready);
    return ready;
  }

  /** The connection on `slot`, asked for at synMs, is ready for requests at readyMs. */
  private connected(slot: number, synMs: number, readyMs: number): void {
    const client = clientOf(slot);
    if (this.h2) {
      this.net.transmit(client, slot, true, H2_PREFACE_UP_BYTES, 0, readyMs);
      this.net.transmit(client, slot, false, H2_PREFACE_DOWN_BYTES, 0, readyMs);
    }
    this.trace.record('connect', client, true, synMs, readyMs, 0, 0, 'ok', 0, this.world.connectionId(slot));
    this.conns.touch(slot, readyMs);
    this.world.ends.armIdleCheck(slot);
  }

  /** A new connection's ClientHello reached the server at t: finish the handshake, send the request. */
  tlsAtServer(slot: number, epoch: number, t: number): void {
    if (this.conns.epoch[slot] !== epoch || !this.pending.isPending(slot)) {
      this.handshakes.abandon(); // cut meanwhile (a restart); the mechanism has heard of it
      return;
    }
    const ready = this.handshakes.serverPart(clientOf(slot), slot, t);
    this.connected(slot, this.pending.startMs[slot], ready);
    this.sendPending(slot, ready);
  }

  private sendPending(slot: number, ready: number): void {
    const p = this.pending;
    const upgrade = p.upgrade[slot] === 1;
    const [body, payload, traceKind, atServerKind] = [p.bodyBytes[slot], p.payloadBytes[slot], p.traceKind[slot], p.atServerKind[slot]];
    p.release(slot);
    this.sendRequest(slot, ready, body, payload, traceKind, atServerKind, upgrade);
  }

  /**
   * A client sends an HTTP request with a body of `bodyBytes` (`payloadBytes` of them payload) on
   * `slot` at tMs, opening a connection first when it has no usable one — or riding the busy one
   * when `rideBusy` (HTTP/1.1 pipelining stands in for the extra connection a browser would open).
   * The world adds the head (full, or HPACK-compressed under HTTP/2; `upgrade` adds a WebSocket
   * Upgrade's headers). Counts the request, traces it, and schedules `atServerKind` at its arrival
   * with (client, connection epoch) packed in `a` and the slot's parity in `b` — or, while the
   * server is down behind a load balancer, the balancer's 502 (mechanism.onErrorAnswer). Returns
   * false when the connection was refused (`refusedNoticeMs` says when the client learns it).
   * A SYN dropped at a full accept queue is retransmitted by the world; the request goes out once
   * connected, or the mechanism hears onConnectFailed after network.connectTimeoutMs.
   */
  request(
    slot: number,
    tMs: number,
    bodyBytes: number,
    payloadBytes: number,
    traceKind: MessageKind,
    atServerKind: number,
    rideBusy = false,
    upgrade = false,
  ): boolean {
    const conns = this.conns;
    const pending = this.pending;
    if (pending.isPending(slot)) return true; // rides the connection being set up (a fixed-rate tick: skipped)
    const ready = rideBusy && !this.h2 && conns.isOpen[slot] && conns.inUse[slot] ? tMs : this.connect(slot, tMs);
    if (ready === -1) return false;
    if (ready === SYN_DROPPED || ready === AT_SERVER_NEXT) {
      const token = pending.hold(slot, tMs, bodyBytes, payloadBytes, traceKind, atServerKind, upgrade);
      if (ready === SYN_DROPPED) this.world.schedule(pending.nextMs(slot).atMs, Kind.synRetry, slot, token);
      return true;
    }
    this.sendRequest(slot, ready, bodyBytes, payloadBytes, traceKind, atServerKind, upgrade);
    return true;
  }

  private sendRequest(slot: number, ready: number, bodyBytes: number, payloadBytes: number, traceKind: MessageKind, atServerKind: number, upgrade: boolean): void {
    const client = clientOf(slot);
    const bytes = this.sizes.requestBytes(slot, bodyBytes, upgrade);
    const arrival = this.world.send(slot, true, bytes, payloadBytes, ready);
    this.metrics.request(ready);
    this.world.traceMessage(traceKind, client, true, ready, arrival, 0, bytes, slot);
    const packed = pack(client, this.conns.epoch[slot]);
    if (this.server.isDown(arrival) && this.server.downBehindProxy(arrival)) {
      this.world.schedule(arrival, Kind.proxyError, packed, (slot & 1) | (atServerKind << 1));
    } else {
      this.world.schedule(arrival, atServerKind, packed, slot & 1);
    }
  }

  /** A dropped SYN's timer fired: retransmit it, or give up after the connect timeout. */
  synRetry(slot: number, token: number, t: number): void {
    const pending = this.pending;
    if (!pending.isPending(slot) || pending.token[slot] !== token) return;
    const atServerKind = pending.atServerKind[slot];
    if (pending.nextMs(slot).timedOut) {
      pending.release(slot);
      this.metrics.connectionFailed(t);
      this.connectFailed(slot, atServerKind, t);
      return;
    }
    pending.syns[slot]++;
    const ready = this.openConnection(slot, t);
    if (ready === SYN_DROPPED) {
      this.world.schedule(pending.nextMs(slot).atMs, Kind.synRetry, slot, token);
      return;
    }
    if (ready === AT_SERVER_NEXT) return; // Kind.tlsAtServer sends the request
    if (ready === -1) {
      pending.release(slot);
      this.connectFailed(slot, atServerKind, this.refusedNoticeMs);
      return;
    }
    this.sendPending(slot, ready);
  }

  /** A connection attempt failed; the client knows at noticeMs. A POST is simply lost. */
  private connectFailed(slot: number, atServerKind: number, noticeMs: number): void {
    if (atServerKind !== Kind.postAtServer) this.world.mechanism.onConnectFailed(slot, noticeMs);
  }
}
