import type { MechanismHost } from './host.ts';

// Where each client stands in its event log: `sent` is the server's position (what it has put on
// the wire on the current connection), `acked` the client's (what has arrived). Responses and
// frames carry the index they deliver up to; connections keep order, so a message delivers
// [acked, upTo). For broadcast every client reads the one shared log.

/** Per client: its `sent` and `acked` positions side by side (one cache line for both). */
const SENT = 0;
const ACKED = 1;

export class Cursors {
  private readonly pos: Float64Array;
  private readonly broadcast: boolean;

  constructor(private readonly world: MechanismHost) {
    this.pos = new Float64Array(world.scenario.clients * 2);
    this.broadcast = world.source.broadcast;
  }

  sourceOf(client: number): number {
    return this.broadcast ? 0 : client;
  }

  /** The server's position: events up to here have been put on the wire on the current connection. */
  sent(client: number): number {
    return this.pos[client * 2 + SENT];
  }

  setSent(client: number, index: number): void {
    this.pos[client * 2 + SENT] = index;
  }

  /** Events created but not yet sent on the current connection. */
  unsent(client: number): number {
    return this.world.source.count(this.sourceOf(client)) - this.pos[client * 2 + SENT];
  }

  /** Deliver [acked, upTo) to the client at tMs; returns how many were new. */
  deliverUpTo(client: number, upTo: number, tMs: number): number {
    const pos = this.pos;
    const at = client * 2;
    const from = pos[at + ACKED];
    if (upTo <= from) return 0;
    const source = this.sourceOf(client);
    const log = this.world.source;
    for (let i = from; i < upTo; i++) this.world.deliver(client, log.timeOf(source, i), tMs);
    pos[at + ACKED] = upTo;
    if (pos[at + SENT] < upTo) pos[at + SENT] = upTo;
    if (!this.broadcast) this.world.source.release(source, upTo);
    return upTo - from;
  }

  /** Everything not yet delivered is lost (a socket without resume dropped it). */
  loseUndelivered(client: number, tMs: number): void {
    const source = this.sourceOf(client);
    const log = this.world.source;
    const count = log.count(source);
    const at = client * 2;
    for (let i = this.pos[at + ACKED]; i < count; i++) this.world.countLost(tMs, log.timeOf(source, i));
    this.pos[at + ACKED] = count;
    this.pos[at + SENT] = count;
    if (!this.broadcast) this.world.source.release(client, count);
  }

  /** After a reconnect the server resends from what the client confirmed (Last-Event-ID). */
  rewind(client: number): void {
    this.pos[client * 2 + SENT] = this.pos[client * 2 + ACKED];
  }
}
