import type { MechanismHost } from './host.ts';
import { MECHANISM_LABELS } from './labels.ts';
import { MECHANISM_KINDS } from '../kinds.ts';
import { mainSlot } from '../model/connections.ts';
import { SSE_HEARTBEAT_BYTES, sseEventFramingBytes } from '../protocol/sizes.ts';
import { QUEUE_FULL } from '../model/server.ts';
import { Cursors } from './cursors.ts';
import { unpackClient, type Mechanism, type MechanismModule } from './mechanism.ts';
import { NO_CONNECTION } from '../trace/types.ts';

// Server-Sent Events (DESIGN.md §5; WHATWG HTML §9.2): one GET whose response never ends; each
// event is `id:` + `data:` lines, written as one HTTP/1.1 chunk or one HTTP/2 DATA frame. After a
// drop (or a failed connection attempt) the browser waits `retry` ms and reconnects with
// Last-Event-ID, and the server replays what the client missed, so nothing is lost. But an answer
// other than 200 — a load balancer's 502 while the server restarts — makes the EventSource "fail
// the connection" for good (HTML §9.2.3; WPT eventsource/request-status-error): that client gets
// nothing more, and its events are lost, unless sse.reconnectOnError (application code that
// re-creates the EventSource after retryMs, resuming from the last id as libraries do).

const CONNECT = MECHANISM_KINDS;
const AT_SERVER = MECHANISM_KINDS + 1;
const HEAD = MECHANISM_KINDS + 2;
const DATA = MECHANISM_KINDS + 3;
const HEARTBEAT = MECHANISM_KINDS + 4;

class ServerSentEvents implements Mechanism {
  readonly drawsEventsLazily = false;
  readonly sendsClientMessages = true;
  private readonly cursors: Cursors;
  /** The server is writing events to this client's stream. */
  private readonly streaming: Uint8Array;
  private readonly payloadBytes: number;
  private readonly heartbeatMs: number;
  /** The client's EventSource closed for good. */
  private readonly closed: Uint8Array;

  constructor(private readonly world: MechanismHost) {
    this.cursors = new Cursors(world);
    this.streaming = new Uint8Array(world.scenario.clients);
    this.closed = new Uint8Array(world.scenario.clients);
    this.payloadBytes = world.scenario.events.payloadBytes;
    this.heartbeatMs = world.scenario.sse.heartbeatSec * 1000;
  }

  start(): void {
    for (let c = 0; c < this.world.scenario.clients; c++) this.world.schedule(this.world.startMs(c), CONNECT, c, 0);
  }

  handle(kind: number, a: number, b: number, tMs: number): void {
    switch (kind) {
      case CONNECT: this.connect(a, tMs); break;
      case AT_SERVER: this.atServer(a, tMs); break;
      case HEAD: this.arrived(a, b, tMs, true); break;
      case DATA: this.arrived(a, b, tMs, false); break;
      case HEARTBEAT: this.heartbeat(a, tMs); break;
    }
  }

  private connect(client: number, tMs: number): void {
    const world = this.world;
    if (!world.request(mainSlot(client), tMs, 0, 0, 'request', AT_SERVER)) {
      this.reconnectAt(client, world.refusedNoticeMs);
    }
  }

  /** The stream opens: response head, then a replay of everything after Last-Event-ID. */
  private atServer(packed: number, tMs: number): void {
    const world = this.world;
    const client = unpackClient(packed);
    const slot = mainSlot(client);
    if (!world.isCurrent(packed, slot)) return;
    const done = world.serveRequest(slot, tMs, AT_SERVER);
    if (done === QUEUE_FULL) return; // a 503: onErrorAnswer
    this.streaming[client] = 1;
    this.cursors.rewind(client);
    const from = this.cursors.sent(client);
    const upTo = world.source.count(this.cursors.sourceOf(client));
    // The head, then each missed event as its own write (chunk or DATA frame).
    let bytes = world.streamHeadBytes(slot);
    for (let i = from; i < upTo; i++) bytes += world.streamWriteBytes(sseEventFramingBytes(i + 1) + this.payloadBytes);
    const payload = (upTo - from) * this.payloadBytes;
    this.cursors.setSent(client, upTo);
    const arrival = world.send(slot, false, bytes, payload, done);
    world.traceMessage('response', client, false, done, arrival, upTo - from, bytes, slot);
    if (world.trace.wants(client)) world.trace.open('stream', client, world.connectionId(slot), tMs);
    world.schedule(arrival, HEAD, packed, upTo);
    if (this.heartbeatMs > 0) this.scheduleHeartbeat(packed, done + this.heartbeatMs);
  }

  onEventCreated(source: number, index: number, tMs: number): void {
    if (!this.world.source.broadcast) {
      this.push(source, index, tMs);
      return;
    }
    for (let c = 0; c < this.world.scenario.clients; c++) this.push(c, index, tMs);
  }

  private push(client: number, index: number, tMs: number): void {
    if (this.closed[client]) {
      this.cursors.loseUndelivered(client, tMs); // no EventSource will ever ask for it
      return;
    }
    if (!this.streaming[client]) return; // it waits in the log for the next (re)connection
    const world = this.world;
    const slot = mainSlot(client);
    const done = world.serve(tMs, world.scenario.server.pushServiceMs);
    const bytes = world.streamWriteBytes(sseEventFramingBytes(index + 1) + this.payloadBytes);
    const arrival = world.send(slot, false, bytes, this.payloadBytes, done);
    this.cursors.setSent(client, index + 1);
    world.traceMessage('sseEvent', client, false, done, arrival, 1, bytes, slot);
    world.schedule(arrival, DATA, world.connectionTag(slot), index + 1);
  }

  private arrived(packed: number, upTo: number, tMs: number, head: boolean): void {
    const world = this.world;
    const client = unpackClient(packed);
    if (!world.isCurrent(packed, mainSlot(client))) return; // replayed later
    this.cursors.deliverUpTo(client, upTo, tMs);
    if (head) world.countResponse(tMs, false);
    else world.countCarrier(tMs);
  }

  private heartbeat(packed: number, tMs: number): void {
    const world = this.world;
    const client = unpackClient(packed);
    const slot = mainSlot(client);
    if (!this.streaming[client] || !world.isCurrent(packed, slot)) return;
    // Writing it is work like writing an event.
    const done = world.serve(tMs, world.scenario.server.pushServiceMs);
    const bytes = world.streamWriteBytes(SSE_HEARTBEAT_BYTES);
    const arrival = world.send(slot, false, bytes, 0, done);
    world.traceMessage('sseHeartbeat', client, false, done, arrival, 0, bytes, slot);
    this.scheduleHeartbeat(packed, tMs + this.heartbeatMs);
  }

  private scheduleHeartbeat(packed: number, tMs: number): void {
    if (tMs < this.world.endMs) this.world.schedule(tMs, HEARTBEAT, packed, 0);
  }

  onConnectionCut(slot: number, tMs: number): void {
    const client = slot >> 1;
    // Under HTTP/2 a closed client's idle connection may still carry its POSTs.
    if (slot !== mainSlot(client) || this.closed[client]) return;
    this.streaming[client] = 0;
    this.reconnectAt(client, this.world.closeNoticeMs(slot, tMs));
  }

  /** A network error while connecting: the browser reconnects after retry ms (HTML §9.2.3). */
  onConnectFailed(slot: number, noticeMs: number): void {
    const client = slot >> 1;
    if (slot === mainSlot(client) && !this.closed[client]) this.reconnectAt(client, noticeMs);
  }

  /** A 502 or 503 instead of the stream: the EventSource fails for good, unless the app re-creates it. */
  onErrorAnswer(slot: number, tMs: number): void {
    const client = slot >> 1;
    if (slot !== mainSlot(client) || this.closed[client]) return;
    const world = this.world;
    if (world.scenario.sse.reconnectOnError) {
      this.reconnectAt(client, tMs);
      return;
    }
    this.closed[client] = 1;
    world.countSseClosed(tMs);
    this.cursors.loseUndelivered(client, tMs);
  }

  private reconnectAt(client: number, noticeMs: number): void {
    const at = this.world.retryAt(noticeMs, this.world.scenario.sse.retryMs);
    this.world.trace.span('retryWait', client, NO_CONNECTION, noticeMs, at);
    if (at < this.world.endMs) this.world.schedule(at, CONNECT, client, 0);
  }

  onServerDown(): void {}

  sendClientMessage(client: number, tMs: number): void {
    this.world.upstream.send(client, tMs);
  }

  settle(): void {}
}

export const sseModule: MechanismModule = {
  id: 'sse',
  label: MECHANISM_LABELS.sse,
  salt: 3,
  create: (world) => new ServerSentEvents(world),
};
