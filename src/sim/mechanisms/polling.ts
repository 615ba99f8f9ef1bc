import type { MechanismHost } from './host.ts';
import { MECHANISM_LABELS } from './labels.ts';
import { MECHANISM_KINDS } from '../kinds.ts';
import { mainSlot } from '../model/connections.ts';
import { QUEUE_FULL } from '../model/server.ts';
import { Cursors } from './cursors.ts';
import { unpackClient, type Mechanism, type MechanismModule } from './mechanism.ts';

// Polling (DESIGN.md §5): the client asks every T. fixedRate sends at φ + k·T whatever happens;
// fixedDelay waits T after each response. A response carries every event created since the
// previous one. The server reads the log when it finishes serving the poll, so events need no
// creation event of their own: they are drawn when a poll looks (the aggregated model of
// shared/perf-notes.md, which agreed with the detailed one).

const TICK = MECHANISM_KINDS;
const AT_SERVER = MECHANISM_KINDS + 1;
const RESPONSE = MECHANISM_KINDS + 2;

class Polling implements Mechanism {
  readonly drawsEventsLazily = true;
  readonly sendsClientMessages = true;
  private readonly cursors: Cursors;
  private readonly intervalMs: number;
  private readonly fixedRate: boolean;
  /** A fixed-delay poll is out (its answer, error or failure schedules the next one). */
  private readonly outstanding: Uint8Array;

  constructor(private readonly world: MechanismHost) {
    this.cursors = new Cursors(world);
    this.outstanding = new Uint8Array(world.scenario.clients);
    this.intervalMs = world.scenario.polling.intervalMs;
    this.fixedRate = world.scenario.polling.schedule === 'fixedRate';
  }

  start(): void {
    // Clients start at a uniformly random phase of the interval, as users opening a page do;
    // all of them polling at t = 0 would be a synchronised herd no real fleet shows.
    for (let c = 0; c < this.world.scenario.clients; c++) {
      this.world.schedule(this.world.phase(c) * this.intervalMs, TICK, c, 0);
    }
  }

  handle(kind: number, a: number, b: number, tMs: number): void {
    if (kind === TICK) this.poll(a, tMs);
    else if (kind === AT_SERVER) this.atServer(a, tMs);
    else if (kind === RESPONSE) this.response(a, b, tMs);
  }

  private poll(client: number, tMs: number): void {
    const world = this.world;
    if (this.fixedRate) this.scheduleTick(client, tMs + this.intervalMs);
    // fixedRate may fire while the previous poll is still out; it rides the same connection.
    const sent = world.request(mainSlot(client), tMs, 0, 0, 'request', AT_SERVER, true);
    if (sent) this.outstanding[client] = 1;
    else if (!this.fixedRate) this.scheduleTick(client, world.refusedNoticeMs + this.intervalMs);
  }

  private atServer(packed: number, tMs: number): void {
    const world = this.world;
    const client = unpackClient(packed);
    const slot = mainSlot(client);
    if (!world.isCurrent(packed, slot)) return;
    const done = world.serveRequest(slot, tMs, AT_SERVER);
    if (done === QUEUE_FULL) return;
    const source = this.cursors.sourceOf(client);
    let upTo = world.source.generateUpTo(source, done);
    // A shared (broadcast) log may already hold events after `done`, drawn for another client.
    const from = this.cursors.sent(client);
    while (upTo > from && world.source.timeOf(source, upTo - 1) > done) upTo--;
    const events = Math.max(0, upTo - from);
    this.cursors.setSent(client, Math.max(from, upTo));
    const payload = events * world.scenario.events.payloadBytes;
    const bytes = world.responseBytes(slot, payload);
    const arrival = world.send(slot, false, bytes, payload, done);
    world.traceMessage('response', client, false, done, arrival, events, bytes, slot);
    world.schedule(arrival, RESPONSE, packed, upTo);
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
    this.outstanding[client] = 0;
    if (!this.fixedRate) this.scheduleTick(client, tMs + this.intervalMs);
  }

  private scheduleTick(client: number, tMs: number): void {
    if (tMs < this.world.endMs) this.world.schedule(tMs, TICK, client, 0);
  }

  onEventCreated(): void {}

  onConnectionCut(slot: number, tMs: number): void {
    const client = slot >> 1;
    if (slot !== mainSlot(client)) return;
    // The poll in flight is gone; its events stay on the server for the next poll. (Under HTTP/2
    // the connection may have carried only a POST: then no poll was out.)
    this.cursors.rewind(client);
    if (!this.outstanding[client]) return;
    this.outstanding[client] = 0;
    if (!this.fixedRate) this.scheduleTick(client, this.world.closeNoticeMs(slot, tMs) + this.intervalMs);
  }

  onConnectFailed(slot: number, noticeMs: number): void {
    this.pollFailed(slot, noticeMs);
  }

  /** A 502 or 503 is an answer like any other for a poller: it asks again after the interval. */
  onErrorAnswer(slot: number, tMs: number): void {
    this.pollFailed(slot, tMs);
  }

  private pollFailed(slot: number, noticeMs: number): void {
    const client = slot >> 1;
    if (slot !== mainSlot(client) || !this.outstanding[client]) return;
    this.outstanding[client] = 0;
    if (!this.fixedRate) this.scheduleTick(client, noticeMs + this.intervalMs);
  }

  onServerDown(): void {}

  sendClientMessage(client: number, tMs: number): void {
    this.world.upstream.send(client, tMs);
  }

  settle(tMs: number): void {
    const source = this.world.source;
    for (let s = 0; s < source.sourceCount; s++) source.generateUpTo(s, tMs);
  }
}

export const pollingModule: MechanismModule = {
  id: 'polling',
  label: MECHANISM_LABELS.polling,
  salt: 1,
  create: (world) => new Polling(world),
};
