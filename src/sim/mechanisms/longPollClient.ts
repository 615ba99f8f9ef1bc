import type { MechanismHost } from './host.ts';
import { mainSlot } from '../model/connections.ts';
import type { Cursors } from './cursors.ts';
import { QUEUE_FULL } from '../model/server.ts';
import { unpackClient } from './mechanism.ts';
import { NO_CONNECTION } from '../trace/types.ts';

// Long polling (DESIGN.md §5), as a part both the long-polling mechanism and the WebSocket
// fallback use. The server holds each request until an event exists (answer at once) or
// timeoutMs passes (empty answer); the client asks again the moment an answer arrives. Events
// created between an answer and the next request wait at the server: the "blind window" of
// RFC 6202 §2.2 that makes the worst case three network transits.

export interface LongPollKinds {
  send: number;
  atServer: number;
  timeout: number;
  response: number;
}

export class LongPollClient {
  private readonly held: Uint8Array;
  private readonly holdSeq: Int32Array;
  /** A long poll is out (sent, or waiting for its connection). */
  private readonly active: Uint8Array;
  private readonly timeoutMs: number;
  private readonly errorRetryMs: number;

  constructor(
    private readonly world: MechanismHost,
    private readonly cursors: Cursors,
    private readonly kinds: LongPollKinds,
  ) {
    const clients = world.scenario.clients;
    this.held = new Uint8Array(clients);
    this.holdSeq = new Int32Array(clients);
    this.active = new Uint8Array(clients);
    this.timeoutMs = world.scenario.longPolling.timeoutMs;
    this.errorRetryMs = world.scenario.longPolling.errorRetryMs;
  }

  /** Returns true when the kind was one of long polling's. */
  handle(kind: number, a: number, b: number, tMs: number): boolean {
    const k = this.kinds;
    if (kind === k.send) this.send(a, tMs);
    else if (kind === k.atServer) this.atServer(a, tMs);
    else if (kind === k.timeout) this.timeout(a, b, tMs);
    else if (kind === k.response) this.response(a, b, tMs);
    else return false;
    return true;
  }

  send(client: number, tMs: number): void {
    const world = this.world;
    if (world.request(mainSlot(client), tMs, 0, 0, 'request', this.kinds.atServer)) this.active[client] = 1;
    else this.retryLater(client, world.refusedNoticeMs);
  }

  private atServer(packed: number, tMs: number): void {
    const world = this.world;
    const client = unpackClient(packed);
    if (!world.isCurrent(packed, mainSlot(client))) return;
    const done = world.serveRequest(mainSlot(client), tMs, this.kinds.atServer);
    if (done === QUEUE_FULL) return; // a 503: onFailed retries after errorRetryMs
    if (this.cursors.unsent(client) > 0) {
      this.respond(client, done);
      return;
    }
    this.held[client] = 1;
    // Only sampled clients have spans: the others skip working out the connection's id.
    if (world.trace.wants(client)) world.trace.open('held', client, world.connectionId(mainSlot(client)), tMs);
    const seq = ++this.holdSeq[client];
    const deadline = done + this.timeoutMs;
    if (deadline < world.endMs) world.schedule(deadline, this.kinds.timeout, packed, seq);
  }

  /** An event for `client` exists at tMs: answer a held request. */
  onEvent(client: number, tMs: number): void {
    if (!this.held[client]) return;
    this.held[client] = 0;
    this.respond(client, this.world.serve(tMs, this.world.scenario.server.pushServiceMs), 'answered');
  }

  private timeout(packed: number, seq: number, tMs: number): void {
    const client = unpackClient(packed);
    if (!this.held[client] || this.holdSeq[client] !== seq) return;
    if (!this.world.isCurrent(packed, mainSlot(client))) return;
    this.held[client] = 0;
    this.respond(client, this.world.serve(tMs, this.world.scenario.server.pushServiceMs), 'timedOut');
  }

  /** Answer client's request at sendMs; `held` says how a parked one ended (its span ends then). */
  private respond(client: number, sendMs: number, held?: 'answered' | 'timedOut'): void {
    const world = this.world;
    const slot = mainSlot(client);
    if (held && world.trace.wants(client)) world.trace.end('held', world.connectionId(slot), sendMs, held);
    const upTo = world.source.count(this.cursors.sourceOf(client));
    const events = upTo - this.cursors.sent(client);
    this.cursors.setSent(client, upTo);
    const payload = events * world.scenario.events.payloadBytes;
    const bytes = world.responseBytes(slot, payload);
    const arrival = world.send(slot, false, bytes, payload, sendMs);
    world.traceMessage('response', client, false, sendMs, arrival, events, bytes, slot);
    world.schedule(arrival, this.kinds.response, world.connectionTag(slot), upTo);
  }

  private response(packed: number, upTo: number, tMs: number): void {
    const world = this.world;
    const client = unpackClient(packed);
    const slot = mainSlot(client);
    if (!world.isCurrent(packed, slot)) return;
    const delivered = this.cursors.deliverUpTo(client, upTo, tMs);
    world.countResponse(tMs, delivered === 0);
    world.countCarrier(tMs);
    world.release(slot, tMs);
    this.active[client] = 0;
    if (tMs < world.endMs) this.send(client, tMs);
  }

  /** The held request's connection was cut at tMs: the client sees an error and asks again. */
  onCut(client: number, tMs: number): void {
    if (!this.active[client]) return; // under HTTP/2 only a POST was on the connection
    this.active[client] = 0;
    this.held[client] = 0;
    this.cursors.rewind(client);
    this.retryLater(client, this.world.closeNoticeMs(mainSlot(client), tMs));
  }

  /** The connection attempt failed, or a 502 or 503 came back: ask again after errorRetryMs. */
  onFailed(client: number, noticeMs: number): void {
    if (!this.active[client]) return;
    this.active[client] = 0;
    this.held[client] = 0;
    this.retryLater(client, noticeMs);
  }

  private retryLater(client: number, noticeMs: number): void {
    const at = this.world.retryAt(noticeMs, this.errorRetryMs);
    this.world.trace.span('retryWait', client, NO_CONNECTION, noticeMs, at);
    if (at < this.world.endMs) this.world.schedule(at, this.kinds.send, client, 0);
  }
}
