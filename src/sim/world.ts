import type { MechanismId, Scenario } from './scenario/types.ts';
import { Scheduler } from './core/scheduler.ts';
import { RandomStreams, Stream } from './core/rng.ts';
import { MetricsRecorder } from './metrics/recorder.ts';
import { EventSource } from './model/eventSource.ts';
import { Network } from './model/network.ts';
import { Server } from './model/server.ts';
import { Connections, clientOf, mainSlot, sideSlot } from './model/connections.ts';
import { TraceRecorder } from './trace/recorder.ts';
import { connectionId, NO_CONNECTION, type MessageKind } from './trace/types.ts';
import { pack, sameEpoch, unpackClient, type Mechanism } from './mechanisms/mechanism.ts';
import type { MechanismHost } from './mechanisms/host.ts';
import { KIND_COUNT, Kind, MECHANISM_KINDS } from './kinds.ts';
import { UpstreamPosts } from './mechanisms/upstreamPost.ts';
import { MIN_ADVANCE_MS, SAMPLE_EVENTS, SimulationStalledError, stallSamples } from './watchdog.ts';
import { warmupSecOf } from './scenario/warmup.ts';
import { AT_SERVER_NEXT, Handshakes, SYN_DROPPED } from './model/handshake.ts';
import { PendingConnects } from './model/pendingConnects.ts';
import { MessageSizes } from './protocol/messageSizes.ts';
import { H2_PREFACE_DOWN_BYTES, H2_PREFACE_UP_BYTES } from './protocol/http2.ts';

// One mechanism's run: its own scheduler, models, metrics and trace. Runs never share mutable
// state, so selecting another mechanism cannot change this one's numbers. The mechanism sees the
// world only through MechanismHost (mechanisms/host.ts).


const MIN_RETRY_DELAY_MS = 1;

export class World implements MechanismHost {
  readonly sched = new Scheduler(KIND_COUNT, [Kind.eventCreated, Kind.clientMessage]);
  readonly metrics: MetricsRecorder;
  readonly source: EventSource;
  readonly net: Network;
  readonly server: Server;
  readonly conns: Connections;
  readonly trace: TraceRecorder;
  /** Per-client streams for this mechanism's own choices (backoff jitter, poll phase…). */
  readonly backoffRng: RandomStreams;
  readonly phaseRng: RandomStreams;
  /** Events and client messages are created before this: durationSec. */
  readonly durationMs: number;
  /** Nothing happens after this: durationSec + drainSec (the drain may end earlier). */
  readonly endMs: number;
  /** The drain found nothing unresolved (or reached its end) at `finishedAtMs`. */
  finished = false;
  finishedAtMs = Infinity;
  private drainStarted = false;
  /** Scheduler events handled so far. */
  processed = 0;
  /** Queue length summed over samples taken every 65,536 events (for the benchmark). */
  pendingSampleSum = 0;
  pendingSamples = 0;
  mechanism!: Mechanism;
  readonly upstream: UpstreamPosts = new UpstreamPosts(this);
  /** HTTP/2: every request of a client is a stream on its one connection (protocol/http2.ts). */
  readonly h2: boolean;
  readonly handshakes: Handshakes;
  private readonly pending: PendingConnects;
  private readonly sizes: MessageSizes;
  private readonly clientMessageRng: RandomStreams;
  private readonly clientMessageMeanGapMs: number;
  /** Watchdog (watchdog.ts): the clock at the last sample that moved it, and samples since. */
  private watchMs = -Infinity;
  private stalledSamples = 0;
  private readonly stallLimit: number;

  /** `salt` separates this mechanism's random streams from the others' (its module's `salt`). */
  constructor(readonly scenario: Scenario, readonly id: MechanismId, traceClients: number, salt: number) {
    this.durationMs = scenario.durationSec * 1000;
    this.endMs = this.durationMs + scenario.drainSec * 1000;
    this.metrics = new MetricsRecorder(
      scenario.durationSec,
      warmupSecOf(scenario),
      scenario.server.workers,
      scenario.server.memoryPerConnectionKb,
      scenario.clients,
    );
    this.source = new EventSource(scenario, this.durationMs, this.metrics);
    this.net = new Network(scenario, salt, this.metrics);
    this.server = new Server(scenario, this.metrics);
    this.metrics.bookedFrom = (fromMs) => this.server.bookedBetween(fromMs, this.durationMs);
    this.conns = new Connections(scenario, this.metrics);
    this.handshakes = new Handshakes(scenario, this.net, this.server, this.metrics);
    this.pending = new PendingConnects(scenario.clients * 2, scenario.network.connectTimeoutMs);
    // WebSockets keep their HTTP/1.1 Upgrade connection (no RFC 8441) and webhook providers send
    // HTTP/1.1 (server-side HTTP clients default to it), so only the HTTP mechanisms change.
    this.h2 = scenario.http.version === '2' && id !== 'websocket' && id !== 'webhook';
    this.sizes = new MessageSizes(scenario, this.h2, (slot) => this.conns.epoch[slot]);
    this.trace = new TraceRecorder(Math.min(traceClients, scenario.clients));
    this.backoffRng = new RandomStreams(scenario.seed, Stream.backoff, scenario.clients, salt);
    this.phaseRng = new RandomStreams(scenario.seed, Stream.pollPhase, scenario.clients);
    // Client messages are the same draws for every mechanism (common random numbers).
    this.clientMessageRng = new RandomStreams(scenario.seed, Stream.clientMessages, scenario.clients);
    const rate = scenario.clientMessages.ratePerSec;
    this.clientMessageMeanGapMs = rate > 0 ? 1000 / rate : Infinity;
    this.stallLimit = stallSamples(scenario);
  }

  /** Schedule the first events: event creation (unless the mechanism draws lazily), faults, start. */
  start(mechanism: Mechanism): void {
    this.mechanism = mechanism;
    if (!mechanism.drawsEventsLazily) {
      for (let s = 0; s < this.source.sourceCount; s++) this.scheduleCreation(s);
    }
    this.server.restartWindows().forEach((w, i) => this.schedule(w.fromMs, Kind.serverDown, i, 0));
    if (mechanism.sendsClientMessages && Number.isFinite(this.clientMessageMeanGapMs)) {
      for (let c = 0; c < this.scenario.clients; c++) this.scheduleClientMessage(c, 0);
    }
    mechanism.start();
  }

  schedule(tMs: number, kind: number, a: number, b: number): void {
    this.sched.push(tMs, kind, a, b);
  }

  /** When client `client` first connects: the same random moment of the spread in every mechanism. */
  startMs(client: number): number {
    return this.phaseRng.next(client) * this.scenario.clientStartSpreadSec * 1000;
  }

  /**
   * Process every event at or before tMs. Past durationSec this is the drain: it stops for good
   * at the first moment no event is unresolved, or at the end of the drain.
   */
  advanceTo(tMs: number): void {
    if (this.finished) return;
    const until = Math.min(tMs, this.endMs);
    this.process(Math.min(until, this.durationMs), false);
    if (until < this.durationMs) return;
    if (!this.drainStarted) {
      this.drainStarted = true;
      // Lazily drawn events are all known now: none is created from here on.
      this.mechanism.settle(this.durationMs);
      if (this.metrics.pending === 0) {
        this.finish(this.durationMs);
        return;
      }
    }
    if (this.process(until, true)) return;
    if (until >= this.endMs) this.finish(this.endMs);
  }

  private finish(tMs: number): void {
    this.finished = true;
    this.finishedAtMs = tMs;
  }

  /** Handle events up to `until`; when draining, stop (and return true) once nothing is unresolved. */
  private process(until: number, draining: boolean): boolean {
    const sched = this.sched;
    const mechanism = this.mechanism;
    const metrics = this.metrics;
    while (sched.popUntil(until)) {
      const kind = sched.kind;
      const a = sched.a;
      const b = sched.b;
      const t = sched.now;
      if ((++this.processed & 0xffff) === 0) {
        this.pendingSampleSum += sched.size;
        this.pendingSamples++;
        this.watch(kind, t);
      }
      if (kind >= MECHANISM_KINDS) mechanism.handle(kind, a, b, t);
      else this.handleWorldEvent(kind, a, b, t);
      if (draining && metrics.pending === 0) {
        this.finish(t);
        return true;
      }
    }
    return false;
  }

  /** Called every SAMPLE_EVENTS events: throws when simulated time has stopped advancing. */
  private watch(kind: number, t: number): void {
    if (t - this.watchMs >= MIN_ADVANCE_MS) {
      this.watchMs = t;
      this.stalledSamples = 0;
    } else if (++this.stalledSamples >= this.stallLimit) {
      throw new SimulationStalledError(this.id, kind, t, this.stalledSamples * SAMPLE_EVENTS);
    }
  }

  private handleWorldEvent(kind: number, a: number, b: number, t: number): void {
    switch (kind) {
      case Kind.eventCreated: {
        const index = this.source.append(a);
        this.scheduleCreation(a);
        this.mechanism.onEventCreated(a, index, t);
        break;
      }
      case Kind.idleCheck:
        this.idleCheck(a, b, t);
        break;
      case Kind.serverDown:
        this.serverDown(a, t);
        break;
      case Kind.clientMessage:
        this.mechanism.sendClientMessage(a, t);
        this.scheduleClientMessage(a, t);
        break;
      case Kind.postAtServer:
      case Kind.postResponse:
        this.upstream.handle(kind, a, b, t);
        break;
      case Kind.synRetry:
        this.synRetry(a, b, t);
        break;
      case Kind.proxyError:
        this.proxyError(a, b, t);
        break;
      case Kind.errorAnswer:
        this.errorAnswer(a, b, t);
        break;
      case Kind.tlsAtServer:
        this.tlsAtServer(a, b, t);
        break;
      case Kind.acceptAtServer:
        this.handshakes.accept(t);
        break;
    }
  }

  private scheduleCreation(s: number): void {
    const next = this.source.nextMs(s);
    if (next < this.durationMs) this.schedule(next, Kind.eventCreated, s, 0);
  }

  private scheduleClientMessage(client: number, tMs: number): void {
    const next = tMs + this.clientMessageRng.exponential(client, this.clientMessageMeanGapMs);
    if (next < this.durationMs) this.schedule(next, Kind.clientMessage, client, 0);
  }

  // ---- connections ------------------------------------------------------------------------

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
  refusedNoticeMs = 0;

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
      this.trace.record('connect', client, true, tMs, this.refusedNoticeMs, 0, 0, 'refused', 0, this.connectionId(slot, 0));
      return -1;
    }
    // Behind a load balancer whose server is down, the balancer itself completes the handshake.
    const ready = behindProxy ? this.handshakes.openToPeer(client, tMs, false) : this.handshakes.start(client, slot, tMs);
    if (ready === SYN_DROPPED) return SYN_DROPPED;
    conns.open(slot, tMs);
    if (ready === AT_SERVER_NEXT) {
      this.schedule(this.handshakes.serverPartMs, Kind.tlsAtServer, slot, conns.epoch[slot]);
      return AT_SERVER_NEXT;
    }
    if (!behindProxy) this.schedule(this.handshakes.serverPartMs, Kind.acceptAtServer, slot, conns.epoch[slot]);
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
    this.trace.record('connect', client, true, synMs, readyMs, 0, 0, 'ok', 0, this.connectionId(slot));
    this.conns.touch(slot, readyMs);
    this.armIdleCheck(slot);
  }

  /** A new connection's ClientHello reached the server at t: finish the handshake, send the request. */
  private tlsAtServer(slot: number, epoch: number, t: number): void {
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
   * When a client that noticed a failure at noticeMs tries again after delayMs. At least 1 ms
   * later: with zero latency and a zero retry delay a refused client would otherwise retry at the
   * same instant forever, and simulated time would stop.
   */
  retryAt(noticeMs: number, delayMs: number): number {
    return noticeMs + Math.max(MIN_RETRY_DELAY_MS, delayMs);
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
      if (ready === SYN_DROPPED) this.schedule(pending.nextMs(slot).atMs, Kind.synRetry, slot, token);
      return true;
    }
    this.sendRequest(slot, ready, bodyBytes, payloadBytes, traceKind, atServerKind, upgrade);
    return true;
  }

  private sendRequest(slot: number, ready: number, bodyBytes: number, payloadBytes: number, traceKind: MessageKind, atServerKind: number, upgrade: boolean): void {
    const client = clientOf(slot);
    const bytes = this.sizes.requestBytes(slot, bodyBytes, upgrade);
    const arrival = this.send(slot, true, bytes, payloadBytes, ready);
    this.metrics.request(ready);
    this.traceMessage(traceKind, client, true, ready, arrival, 0, bytes, slot);
    const packed = pack(client, this.conns.epoch[slot]);
    if (this.server.isDown(arrival) && this.server.downBehindProxy(arrival)) {
      this.schedule(arrival, Kind.proxyError, packed, (slot & 1) | (atServerKind << 1));
    } else {
      this.schedule(arrival, atServerKind, packed, slot & 1);
    }
  }

  /** A dropped SYN's timer fired: retransmit it, or give up after the connect timeout. */
  private synRetry(slot: number, token: number, t: number): void {
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
      this.schedule(pending.nextMs(slot).atMs, Kind.synRetry, slot, token);
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
    if (atServerKind !== Kind.postAtServer) this.mechanism.onConnectFailed(slot, noticeMs);
  }

  /** The load balancer answers a request for a server that is down: 502 Bad Gateway. */
  private proxyError(packed: number, b: number, t: number): void {
    const slot = mainSlot(unpackClient(packed)) + (b & 1);
    if (!sameEpoch(packed, this.conns.epoch[slot])) return;
    const bytes = this.responseBytes(slot, 0);
    const arrival = this.send(slot, false, bytes, 0, t);
    this.traceMessage('response', clientOf(slot), false, t, arrival, 0, bytes, slot);
    this.schedule(arrival, Kind.errorAnswer, packed, b);
  }

  private errorAnswer(packed: number, b: number, t: number): void {
    const slot = mainSlot(unpackClient(packed)) + (b & 1);
    if (!sameEpoch(packed, this.conns.epoch[slot])) return;
    this.metrics.response(t, false);
    this.metrics.errorResponse(t);
    this.release(slot, t);
    if (b >> 1 !== Kind.postAtServer) this.mechanism.onErrorAnswer(slot, t);
  }

  /** Where a client's POST goes: under HTTP/2 onto its open connection, else its second one. */
  postSlot(client: number, tMs: number): number {
    const main = mainSlot(client);
    return this.h2 && this.conns.usable(main, tMs) && !this.pending.isPending(main) ? main : sideSlot(client);
  }

  // ---- message sizes (protocol/messageSizes.ts) ------------------------------------------------

  responseBytes(slot: number, bodyBytes: number): number {
    return this.sizes.responseBytes(slot, bodyBytes);
  }

  streamHeadBytes(slot: number): number {
    return this.sizes.streamHeadBytes(slot);
  }

  streamWriteBytes(bytes: number): number {
    return this.sizes.streamWriteBytes(bytes);
  }

  /** Send on a connection; returns the arrival time. Keeps the proxy's idle clock. */
  send(slot: number, up: boolean, bytes: number, payloadBytes: number, tMs: number): number {
    const arrival = this.net.transmit(clientOf(slot), slot, up, bytes, payloadBytes, tMs);
    this.conns.touch(slot, up ? arrival : tMs);
    return arrival;
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
      this.schedule(deadline, Kind.idleCheck, slot, this.conns.epoch[slot]);
    }
  }

  private idleCheck(slot: number, epoch: number, t: number): void {
    const conns = this.conns;
    if (conns.epoch[slot] !== epoch || conns.checkAtMs[slot] !== t) return; // superseded
    conns.checkAtMs[slot] = Infinity;
    const deadline = conns.deadlineMs(slot);
    if (t >= deadline) {
      const wasInUse = conns.inUse[slot] > 0;
      const client = clientOf(slot);
      const connection = this.connectionId(slot);
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
      if (wasInUse) this.mechanism.onConnectionCut(slot, t);
    } else {
      this.armIdleCheck(slot);
    }
  }

  /** When the client sees a close that happened at the server side at tMs (the FIN travels d). */
  closeNoticeMs(slot: number, tMs: number): number {
    return this.net.transmit(clientOf(slot), slot, false, 0, 0, tMs);
  }

  private serverDown(window: number, t: number): void {
    const conns = this.conns;
    const { fromMs, toMs } = this.server.restartWindows()[window];
    this.trace.span('serverDown', -1, NO_CONNECTION, fromMs, toMs);
    for (let slot = 0; slot < conns.isOpen.length; slot++) {
      if (!conns.isOpen[slot]) continue;
      const wasInUse = conns.inUse[slot] > 0;
      const connection = this.connectionId(slot);
      conns.close(slot, t);
      this.pending.release(slot);
      // A restart cuts every connection of the client, a webhook's extra ones included.
      this.trace.markDropped(clientOf(slot), NO_CONNECTION, t);
      this.trace.cut(connection, t, 'serverDown');
      if (wasInUse) this.mechanism.onConnectionCut(slot, t);
    }
    this.mechanism.onServerDown(t);
  }

  /** The first delivery to `recipient` at tMs of an event created at createdMs. */
  deliver(recipient: number, createdMs: number, tMs: number): void {
    this.metrics.delivery(tMs, createdMs, recipient);
    this.onDelivery?.(recipient, createdMs, tMs);
  }

  /** Sees every first delivery (SimulationOptions.onDelivery). */
  onDelivery: ((recipient: number, createdMs: number, arrivedMs: number) => void) | undefined = undefined;

  /** Trace a message that `client` sent or received on `slot`'s current connection. */
  traceMessage(kind: MessageKind, client: number, up: boolean, sendMs: number, arriveMs: number, events: number, bytes: number, slot: number): void {
    if (this.trace.wants(client)) this.trace.record(kind, client, up, sendMs, arriveMs, events, bytes, 'ok', 0, this.connectionId(slot));
  }

  /**
   * The run-unique id of `slot`'s current (or last) connection: its ordinal is the number of
   * connections the slot has opened, read from the epoch (which counts opens and closes).
   */
  connectionId(slot: number, ordinal = (this.conns.epoch[slot] + 1) >> 1): number {
    return connectionId(clientOf(slot), slot & 1 ? 'side' : 'main', ordinal);
  }

  // ---- the rest of MechanismHost: small views of the models (documented in mechanisms/host.ts) ----

  phase(client: number): number {
    return this.phaseRng.next(client);
  }

  backoffRandom(client: number): number {
    return this.backoffRng.next(client);
  }

  close(slot: number, tMs: number): void {
    this.conns.close(slot, tMs);
  }

  isBusy(slot: number): boolean {
    return this.conns.isOpen[slot] !== 0 && this.conns.inUse[slot] !== 0;
  }

  connectionTag(slot: number): number {
    return pack(clientOf(slot), this.conns.epoch[slot]);
  }

  isCurrent(packed: number, slot: number): boolean {
    return sameEpoch(packed, this.conns.epoch[slot]);
  }

  openToPeer(client: number, tMs: number, resumable: boolean): number {
    return this.handshakes.openToPeer(client, tMs, resumable);
  }

  countConnectionAttempt(tMs: number): void {
    this.metrics.connectionAttempt(tMs);
  }

  countErrorResponse(tMs: number): void {
    this.metrics.errorResponse(tMs);
  }

  countSseClosed(tMs: number): void {
    this.metrics.sseClosed(tMs);
  }

  transmit(client: number, connection: number, up: boolean, bytes: number, payloadBytes: number, tMs: number): number {
    return this.net.transmit(client, connection, up, bytes, payloadBytes, tMs);
  }

  serve(arrivalMs: number, serviceMs: number): number {
    return this.server.serve(arrivalMs, serviceMs);
  }

  isServerDown(tMs: number): boolean {
    return this.server.isDown(tMs);
  }

  serverUpAt(tMs: number): number {
    return this.server.restartWindows().find((w) => tMs >= w.fromMs && tMs < w.toMs)?.toMs ?? tMs;
  }

  countRequest(tMs: number): void {
    this.metrics.request(tMs);
  }

  countResponse(tMs: number, empty: boolean): void {
    this.metrics.response(tMs, empty);
  }

  countCarrier(tMs: number): void {
    this.metrics.carrier(tMs);
  }

  countLost(tMs: number, createdMs: number): void {
    this.metrics.eventLost(tMs, createdMs);
  }

  countDuplicate(tMs: number, createdMs: number): void {
    this.metrics.duplicate(tMs, createdMs);
  }

  countConnectionOpened(tMs: number): void {
    this.metrics.connectionOpened(tMs);
  }

  countConnectionClosed(tMs: number): void {
    this.metrics.connectionClosed(tMs);
  }
}
