import type { MechanismId, Scenario } from './scenario/types.ts';
import { Scheduler } from './core/scheduler.ts';
import { RandomStreams, Stream } from './core/rng.ts';
import { MetricsRecorder } from './metrics/recorder.ts';
import { EventSource } from './model/eventSource.ts';
import { Network } from './model/network.ts';
import { Server } from './model/server.ts';
import { Connections, clientOf } from './model/connections.ts';
import { TraceRecorder } from './trace/recorder.ts';
import { connectionId, NO_CONNECTION, type MessageKind } from './trace/types.ts';
import { pack, sameEpoch, type Mechanism } from './mechanisms/mechanism.ts';
import type { MechanismHost } from './mechanisms/host.ts';
import { KIND_COUNT, Kind, MECHANISM_KINDS } from './kinds.ts';
import { UpstreamPosts } from './mechanisms/upstreamPost.ts';
import { MIN_ADVANCE_MS, SAMPLE_EVENTS, SimulationStalledError, stallSamples } from './watchdog.ts';
import { warmupSecOf } from './scenario/warmup.ts';

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
        this.upstream.handle(kind, a, t);
        break;
    }
  }

  private scheduleCreation(s: number): void {
    const next = this.source.nextMs[s];
    if (next < this.durationMs) this.schedule(next, Kind.eventCreated, s, 0);
  }

  private scheduleClientMessage(client: number, tMs: number): void {
    const next = tMs + this.clientMessageRng.exponential(client, this.clientMessageMeanGapMs);
    if (next < this.durationMs) this.schedule(next, Kind.clientMessage, client, 0);
  }

  // ---- connections ------------------------------------------------------------------------

  /**
   * A connection for a request at tMs on `slot`: reuse it when keep-alive allows, else open one
   * (TCP + TLS round trips). Returns when the request can be sent, or −1 when the connection is
   * refused (server down or at its connection limit); then `refusedNoticeMs` says when the
   * client learns it.
   */
  connect(slot: number, tMs: number): number {
    const conns = this.conns;
    const client = clientOf(slot);
    if (conns.reusable(slot, tMs)) {
      conns.inUse[slot] = 1;
      return tMs;
    }
    if (conns.isOpen[slot]) conns.close(slot, tMs);
    const synArrivesMs = tMs + this.scenario.network.latencyMs;
    if (this.server.isDown(synArrivesMs) || this.metrics.openConnections >= this.scenario.server.maxConnections) {
      this.refusedNoticeMs = this.net.controlRoundTrip(client, tMs);
      this.trace.record('connect', client, true, tMs, this.refusedNoticeMs, 0, 0, 'refused', 0, this.connectionId(slot, 0));
      return -1;
    }
    conns.open(slot, tMs);
    this.net.resetOrder(slot);
    const ready = this.net.handshake(client, slot, tMs);
    this.trace.record('connect', client, true, tMs, ready, 0, 0, 'ok', 0, this.connectionId(slot));
    conns.touch(slot, ready);
    this.armIdleCheck(slot);
    return ready;
  }
  refusedNoticeMs = 0;

  /**
   * When a client that noticed a failure at noticeMs tries again after delayMs. At least 1 ms
   * later: with zero latency and a zero retry delay a refused client would otherwise retry at the
   * same instant forever, and simulated time would stop.
   */
  retryAt(noticeMs: number, delayMs: number): number {
    return noticeMs + Math.max(MIN_RETRY_DELAY_MS, delayMs);
  }

  /**
   * A client sends an HTTP request of `bytes` (`payloadBytes` of them payload) on `slot` at tMs,
   * opening a connection first when it has no reusable one — or riding the busy one when
   * `rideBusy` (HTTP/1.1 pipelining stands in for the extra connection a browser would open).
   * Counts the request, traces it, and schedules `atServerKind` at its arrival with
   * (client, connection epoch) packed in `a`. Returns false when the connection was refused;
   * `refusedNoticeMs` then says when the client learns it.
   */
  request(
    slot: number,
    tMs: number,
    bytes: number,
    payloadBytes: number,
    traceKind: MessageKind,
    atServerKind: number,
    rideBusy = false,
  ): boolean {
    const conns = this.conns;
    const ready = rideBusy && conns.isOpen[slot] && conns.inUse[slot] ? tMs : this.connect(slot, tMs);
    if (ready < 0) return false;
    const client = clientOf(slot);
    const arrival = this.send(slot, true, bytes, payloadBytes, ready);
    this.metrics.request(ready);
    this.traceMessage(traceKind, client, true, ready, arrival, 0, bytes, slot);
    this.schedule(arrival, atServerKind, pack(client, conns.epoch[slot]), 0);
    return true;
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
    conns.inUse[slot] = 0;
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
      const wasInUse = conns.inUse[slot] === 1;
      const client = clientOf(slot);
      const connection = this.connectionId(slot);
      const proxyIdleMs = this.scenario.proxy.idleTimeoutSec * 1000;
      conns.close(slot, t);
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
      const wasInUse = conns.inUse[slot] === 1;
      const connection = this.connectionId(slot);
      conns.close(slot, t);
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

  handshake(client: number, connection: number, tMs: number): number {
    return this.net.handshake(client, connection, tMs);
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
