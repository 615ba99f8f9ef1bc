import type { MechanismId, Scenario } from './scenario/types.ts';
import { Scheduler } from './core/scheduler.ts';
import { RandomStreams, Stream } from './core/rng.ts';
import { MetricsRecorder } from './metrics/recorder.ts';
import { EventSource } from './model/eventSource.ts';
import { Network } from './model/network.ts';
import { Server } from './model/server.ts';
import { Connections, clientOf, mainSlot, sideSlot } from './model/connections.ts';
import { TraceRecorder } from './trace/recorder.ts';
import { connectionId, type MessageKind } from './trace/types.ts';
import { pack, sameEpoch, type Mechanism } from './mechanisms/mechanism.ts';
import type { MechanismHost } from './mechanisms/host.ts';
import type { WorldParts } from './worldParts.ts';
import { KIND_COUNT, Kind, MECHANISM_KINDS } from './kinds.ts';
import { UpstreamPosts } from './mechanisms/upstreamPost.ts';
import { Watchdog } from './watchdog.ts';
import { ClientMessageTimes } from './model/clientMessageTimes.ts';
import { warmupSecOf } from './scenario/warmup.ts';
import { Handshakes } from './model/handshake.ts';
import { PendingConnects } from './model/pendingConnects.ts';
import { MessageSizes } from './protocol/messageSizes.ts';
import { Connector } from './connector.ts';
import { ConnectionEnds } from './connectionEnds.ts';
import { ErrorAnswers } from './errorAnswers.ts';
import { HostCounts } from './hostCounts.ts';

// One mechanism's run: its own scheduler, models, metrics and trace. Runs never share mutable
// state, so selecting another mechanism cannot change this one's numbers. The mechanism sees the
// world only through MechanismHost (mechanisms/host.ts).

const MIN_RETRY_DELAY_MS = 1;

export class World extends HostCounts implements MechanismHost, WorldParts {
  readonly sched = new Scheduler(KIND_COUNT, [Kind.eventCreated, Kind.clientMessage]);
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
  readonly pending: PendingConnects;
  private readonly sizes: MessageSizes;
  /** Requests onto connections, opening them (connector.ts); connections' ends (connectionEnds.ts). */
  private readonly connector: Connector;
  readonly ends: ConnectionEnds;
  /** Requests refused at a full queue, and error answers (errorAnswers.ts). */
  private readonly answers: ErrorAnswers;
  private readonly clientMessages: ClientMessageTimes;
  private readonly watchdog: Watchdog;

  /** `salt` separates this mechanism's random streams from the others' (its module's `salt`). */
  constructor(readonly scenario: Scenario, readonly id: MechanismId, traceClients: number, salt: number) {
    super(
      new MetricsRecorder(
        scenario.durationSec,
        warmupSecOf(scenario),
        scenario.server.workers,
        scenario.server.memoryPerConnectionKb,
        scenario.clients,
        scenario.server.maxQueuedRequests,
      ),
    );
    this.durationMs = scenario.durationSec * 1000;
    this.endMs = this.durationMs + scenario.drainSec * 1000;
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
    this.clientMessages = new ClientMessageTimes(scenario);
    this.watchdog = new Watchdog(id, scenario);
    this.connector = new Connector(this, this.sizes);
    this.ends = new ConnectionEnds(this);
    this.answers = new ErrorAnswers(this);
  }

  /** Schedule the first events: event creation (unless the mechanism draws lazily), faults, start. */
  start(mechanism: Mechanism): void {
    this.mechanism = mechanism;
    if (!mechanism.drawsEventsLazily) {
      for (let s = 0; s < this.source.sourceCount; s++) this.scheduleCreation(s);
    }
    this.server.restartWindows().forEach((w, i) => this.schedule(w.fromMs, Kind.serverDown, i, 0));
    if (mechanism.sendsClientMessages && this.clientMessages.any) {
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
        this.watchdog.sample(kind, t);
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

  private handleWorldEvent(kind: number, a: number, b: number, t: number): void {
    switch (kind) {
      case Kind.eventCreated: {
        const index = this.source.append(a);
        this.scheduleCreation(a);
        this.mechanism.onEventCreated(a, index, t);
        break;
      }
      case Kind.idleCheck:
        this.ends.idleCheck(a, b, t);
        break;
      case Kind.serverDown:
        this.ends.serverDown(a, t);
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
        this.connector.synRetry(a, b, t);
        break;
      case Kind.proxyError:
        this.answers.errorResponse(a, b, t);
        break;
      case Kind.errorAnswer:
        this.answers.errorAnswer(a, b, t);
        break;
      case Kind.tlsAtServer:
        this.connector.tlsAtServer(a, b, t);
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
    const next = this.clientMessages.next(client, tMs);
    if (next < this.durationMs) this.schedule(next, Kind.clientMessage, client, 0);
  }

  // ---- connections (connector.ts opens them and sends requests; connectionEnds.ts ends them) ----

  /** A connection for a request at tMs on `slot` (Connector.connect). */
  connect(slot: number, tMs: number): number {
    return this.connector.connect(slot, tMs);
  }

  get refusedNoticeMs(): number {
    return this.connector.refusedNoticeMs;
  }

  /** Send a request on `slot`, opening its connection first when needed (Connector.request). */
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
    return this.connector.request(slot, tMs, bodyBytes, payloadBytes, traceKind, atServerKind, rideBusy, upgrade);
  }

  release(slot: number, tMs: number): void {
    this.ends.release(slot, tMs);
  }

  closeNoticeMs(slot: number, tMs: number): number {
    return this.ends.closeNoticeMs(slot, tMs);
  }

  /**
   * When a client that noticed a failure at noticeMs tries again after delayMs. At least 1 ms
   * later: with zero latency and a zero retry delay a refused client would otherwise retry at the
   * same instant forever, and simulated time would stop.
   */
  retryAt(noticeMs: number, delayMs: number): number {
    return noticeMs + Math.max(MIN_RETRY_DELAY_MS, delayMs);
  }

  /** A worker for the request on `slot`, or a 503 when the request queue is full (ErrorAnswers.serveRequest). */
  serveRequest(slot: number, tMs: number, atServerKind: number): number {
    return this.answers.serveRequest(slot, tMs, atServerKind);
  }

  admitRequest(tMs: number): number {
    return this.answers.admitRequest(tMs);
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
}
