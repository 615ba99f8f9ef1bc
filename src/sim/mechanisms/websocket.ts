import type { MechanismHost } from './host.ts';
import { MECHANISM_LABELS } from './labels.ts';
import { MECHANISM_KINDS } from '../kinds.ts';
import { mainSlot } from '../model/connections.ts';
import { backoffDelayMs } from '../core/backoff.ts';
import {
  WS_PING_BYTES,
  WS_PONG_BYTES,
  WS_UPGRADE_RESPONSE_BYTES,
  wsFrameHeaderBytes,
} from '../protocol/sizes.ts';
import { QUEUE_FULL } from '../model/server.ts';
import { Cursors } from './cursors.ts';
import { LongPollClient } from './longPollClient.ts';
import { unpackClient, type Mechanism, type MechanismModule } from './mechanism.ts';
import { NO_CONNECTION } from '../trace/types.ts';

// WebSockets (DESIGN.md §5; RFC 6455): one HTTP Upgrade, then frames both ways on the same TCP
// connection. The server pings every heartbeatSec and the browser answers with a pong. After a
// drop the client reconnects with exponential backoff and jitter. A raw socket has no replay:
// events created while a client is disconnected, or in flight when its connection dies, are lost
// unless the scenario says the application resumes (then the server replays like SSE). When a
// proxy refuses the upgrade the client falls back to long polling, as Socket.IO and SockJS do.

const CONNECT = MECHANISM_KINDS;
const UPGRADE_AT_SERVER = MECHANISM_KINDS + 1;
const OPENED = MECHANISM_KINDS + 2;
const REFUSED = MECHANISM_KINDS + 3;
const FRAME = MECHANISM_KINDS + 4;
const PING = MECHANISM_KINDS + 5;
const LONG_POLL_KINDS = {
  send: MECHANISM_KINDS + 6,
  atServer: MECHANISM_KINDS + 7,
  timeout: MECHANISM_KINDS + 8,
  response: MECHANISM_KINDS + 9,
};
/** An upstream frame (a client message or a pong) reached the server, which handles it. */
const FRAME_AT_SERVER = MECHANISM_KINDS + 10;

class WebSockets implements Mechanism {
  readonly drawsEventsLazily = false;
  readonly sendsClientMessages = true;
  private readonly cursors: Cursors;
  private readonly fallback: LongPollClient;
  /** Server side: the socket is open and frames can be written. */
  private readonly serverOpen: Uint8Array;
  /** Client side: the 101 arrived and the socket has not been seen to close. */
  private readonly clientOpen: Uint8Array;
  private readonly everConnected: Uint8Array;
  private readonly usingFallback: Uint8Array;
  private readonly retries: Int32Array;
  private readonly payloadBytes: number;
  private readonly heartbeatMs: number;
  private readonly resume: boolean;

  constructor(private readonly world: MechanismHost) {
    const clients = world.scenario.clients;
    this.cursors = new Cursors(world);
    this.fallback = new LongPollClient(world, this.cursors, LONG_POLL_KINDS);
    this.serverOpen = new Uint8Array(clients);
    this.clientOpen = new Uint8Array(clients);
    this.everConnected = new Uint8Array(clients);
    this.usingFallback = new Uint8Array(clients);
    this.retries = new Int32Array(clients);
    this.payloadBytes = world.scenario.events.payloadBytes;
    this.heartbeatMs = world.scenario.websocket.heartbeatSec * 1000;
    this.resume = world.scenario.websocket.resumeOnReconnect;
  }

  start(): void {
    for (let c = 0; c < this.world.scenario.clients; c++) this.world.schedule(this.world.startMs(c), CONNECT, c, 0);
  }

  handle(kind: number, a: number, b: number, tMs: number): void {
    switch (kind) {
      case CONNECT: this.connect(a, tMs); break;
      case UPGRADE_AT_SERVER: this.upgradeAtServer(a, tMs); break;
      case OPENED: this.opened(a, b, tMs); break;
      case REFUSED: this.refused(a, tMs); break;
      case FRAME: this.frameArrived(a, b, tMs); break;
      case PING: this.ping(a, tMs); break;
      case FRAME_AT_SERVER: this.frameAtServer(a, tMs); break;
      default: this.fallback.handle(kind, a, b, tMs);
    }
  }

  private connect(client: number, tMs: number): void {
    const world = this.world;
    if (!world.request(mainSlot(client), tMs, 0, 0, 'upgrade', UPGRADE_AT_SERVER, false, true)) {
      this.retryLater(client, world.refusedNoticeMs);
    }
  }

  private upgradeAtServer(packed: number, tMs: number): void {
    const world = this.world;
    const client = unpackClient(packed);
    const slot = mainSlot(client);
    if (!world.isCurrent(packed, slot)) return;
    if (world.scenario.proxy.blocksWebSocket) {
      // The proxy answers the upgrade itself with an error and closes the connection.
      const bytes = world.scenario.http.responseHeaderBytes;
      const arrival = world.send(slot, false, bytes, 0, tMs);
      const connection = world.connectionId(slot);
      world.close(slot, tMs);
      world.trace.record('upgradeResponse', client, false, tMs, arrival, 0, bytes, 'refused', 0, connection);
      world.schedule(arrival, REFUSED, client, 0);
      return;
    }
    const done = world.serveRequest(slot, tMs, UPGRADE_AT_SERVER);
    if (done === QUEUE_FULL) return; // a 503 to the upgrade: onErrorAnswer backs off
    this.serverOpen[client] = 1;
    if (!this.everConnected[client] || this.resume) this.cursors.rewind(client);
    else this.cursors.loseUndelivered(client, done);
    // The 101 and, on a first connection or a resume, the backlog as frames right behind it.
    const from = this.cursors.sent(client);
    const upTo = world.source.count(this.cursors.sourceOf(client));
    const frames = upTo - from;
    const payload = frames * this.payloadBytes;
    const bytes = WS_UPGRADE_RESPONSE_BYTES + frames * wsFrameHeaderBytes(this.payloadBytes, false) + payload;
    this.cursors.setSent(client, upTo);
    this.everConnected[client] = 1;
    const arrival = world.send(slot, false, bytes, payload, done);
    world.traceMessage('upgradeResponse', client, false, done, arrival, frames, bytes, slot);
    if (world.trace.wants(client)) world.trace.open('stream', client, world.connectionId(slot), tMs);
    world.schedule(arrival, OPENED, packed, upTo);
    if (this.heartbeatMs > 0) this.schedulePing(packed, done + this.heartbeatMs);
  }

  private opened(packed: number, upTo: number, tMs: number): void {
    const world = this.world;
    const client = unpackClient(packed);
    if (!world.isCurrent(packed, mainSlot(client))) return;
    this.clientOpen[client] = 1;
    this.retries[client] = 0;
    world.countResponse(tMs, false);
    this.cursors.deliverUpTo(client, upTo, tMs);
  }

  private refused(client: number, tMs: number): void {
    this.world.countResponse(tMs, false); // an error answer, not an empty delivery
    this.world.countErrorResponse(tMs);
    if (this.world.scenario.websocket.fallback === 'longPolling') {
      this.usingFallback[client] = 1;
      this.fallback.send(client, tMs);
    } else {
      this.retryLater(client, tMs);
    }
  }

  onEventCreated(source: number, index: number, tMs: number): void {
    if (!this.world.source.broadcast) {
      this.push(source, index, tMs);
      return;
    }
    for (let c = 0; c < this.world.scenario.clients; c++) this.push(c, index, tMs);
  }

  private push(client: number, index: number, tMs: number): void {
    if (this.usingFallback[client]) {
      this.fallback.onEvent(client, tMs);
      return;
    }
    if (!this.serverOpen[client]) {
      // No socket to write to. Before the first connection the page will load it as initial
      // state; after a drop it is gone unless the application resumes.
      if (this.everConnected[client] && !this.resume) this.cursors.loseUndelivered(client, tMs);
      return;
    }
    const world = this.world;
    const slot = mainSlot(client);
    const done = world.serve(tMs, world.scenario.server.pushServiceMs);
    const bytes = wsFrameHeaderBytes(this.payloadBytes, false) + this.payloadBytes;
    const arrival = world.send(slot, false, bytes, this.payloadBytes, done);
    this.cursors.setSent(client, index + 1);
    world.traceMessage('wsFrame', client, false, done, arrival, 1, bytes, slot);
    world.schedule(arrival, FRAME, world.connectionTag(slot), index + 1);
  }

  private frameArrived(packed: number, upTo: number, tMs: number): void {
    const client = unpackClient(packed);
    if (!this.world.isCurrent(packed, mainSlot(client))) return;
    this.cursors.deliverUpTo(client, upTo, tMs);
    this.world.countCarrier(tMs);
  }

  private ping(packed: number, tMs: number): void {
    const world = this.world;
    const client = unpackClient(packed);
    const slot = mainSlot(client);
    if (!this.serverOpen[client] || !world.isCurrent(packed, slot)) return;
    // The server writes the ping (push work) and handles the pong (frame work).
    const done = world.serve(tMs, world.scenario.server.pushServiceMs);
    const pingArrives = world.send(slot, false, WS_PING_BYTES, 0, done);
    const pongArrives = world.send(slot, true, WS_PONG_BYTES, 0, pingArrives);
    world.traceMessage('ping', client, false, done, pingArrives, 0, WS_PING_BYTES, slot);
    world.traceMessage('pong', client, true, pingArrives, pongArrives, 0, WS_PONG_BYTES, slot);
    world.schedule(pongArrives, FRAME_AT_SERVER, packed, 0);
    this.schedulePing(packed, tMs + this.heartbeatMs);
  }

  /** The server reads and handles an upstream frame: server.frameServiceMs of a worker. */
  private frameAtServer(packed: number, tMs: number): void {
    const world = this.world;
    if (!world.isCurrent(packed, mainSlot(unpackClient(packed)))) return;
    world.serve(tMs, world.scenario.server.frameServiceMs);
  }

  private schedulePing(packed: number, tMs: number): void {
    if (tMs < this.world.endMs) this.world.schedule(tMs, PING, packed, 0);
  }

  onConnectionCut(slot: number, tMs: number): void {
    const client = slot >> 1;
    if (slot !== mainSlot(client)) return;
    if (this.usingFallback[client]) {
      this.fallback.onCut(client, tMs);
      return;
    }
    this.serverOpen[client] = 0;
    this.clientOpen[client] = 0;
    if (this.everConnected[client] && !this.resume) this.cursors.loseUndelivered(client, tMs);
    this.retryLater(client, this.world.closeNoticeMs(slot, tMs));
  }

  /** Reconnect after the client noticed the failure at noticeMs, with backoff and jitter. */
  private retryLater(client: number, noticeMs: number): void {
    const world = this.world;
    const { baseMs, factor, maxMs, jitter } = world.scenario.websocket.reconnect;
    const retry = ++this.retries[client];
    const at = world.retryAt(noticeMs, backoffDelayMs(retry, baseMs, factor, maxMs, jitter, world.backoffRandom(client)));
    world.trace.span('retryWait', client, NO_CONNECTION, noticeMs, at, retry);
    if (at < world.endMs) world.schedule(at, CONNECT, client, 0);
  }

  onConnectFailed(slot: number, noticeMs: number): void {
    const client = slot >> 1;
    if (slot !== mainSlot(client)) return;
    if (this.usingFallback[client]) this.fallback.onFailed(client, noticeMs);
    else this.retryLater(client, noticeMs);
  }

  /** A 502 to the upgrade (the server is down behind a load balancer) or a 503 (overloaded): back off and try again. */
  onErrorAnswer(slot: number, tMs: number): void {
    this.onConnectFailed(slot, tMs);
  }

  onServerDown(): void {}

  sendClientMessage(client: number, tMs: number): void {
    if (this.usingFallback[client]) {
      this.world.upstream.send(client, tMs);
      return;
    }
    if (!this.clientOpen[client]) return; // no socket: the app would queue or drop it
    const world = this.world;
    const slot = mainSlot(client);
    const payload = world.scenario.clientMessages.payloadBytes;
    const bytes = wsFrameHeaderBytes(payload, true) + payload;
    const arrival = world.send(slot, true, bytes, payload, tMs);
    world.traceMessage('wsFrame', client, true, tMs, arrival, 0, bytes, slot);
    world.schedule(arrival, FRAME_AT_SERVER, world.connectionTag(slot), 0);
  }

  settle(): void {}
}

export const websocketModule: MechanismModule = {
  id: 'websocket',
  label: MECHANISM_LABELS.websocket,
  salt: 4,
  create: (world) => new WebSockets(world),
};
