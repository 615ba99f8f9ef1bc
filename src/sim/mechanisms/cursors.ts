import type { MechanismHost } from './host.ts';

// Where each client stands in its event log: `sent` is the server's position (what it has put on
// the wire on the current connection), `acked` the client's (what has arrived). Responses and
// frames carry the index they deliver up to; connections keep order, so a message delivers
// [acked, upTo). For broadcast every client reads the one shared log.

export class Cursors {
  readonly sent: Float64Array;
  readonly acked: Float64Array;
  private readonly broadcast: boolean;

  constructor(private readonly world: MechanismHost) {
    const clients = world.scenario.clients;
    this.sent = new Float64Array(clients);
    this.acked = new Float64Array(clients);
    this.broadcast = world.source.broadcast;
  }

  sourceOf(client: number): number {
    return this.broadcast ? 0 : client;
  }

  /** Events created but not yet sent on the current connection. */
  unsent(client: number): number {
    return this.world.source.count(this.sourceOf(client)) - this.sent[client];
  }

  /** Deliver [acked, upTo) to the client at tMs; returns how many were new. */
  deliverUpTo(client: number, upTo: number, tMs: number): number {
    const from = this.acked[client];
    if (upTo <= from) return 0;
    const source = this.sourceOf(client);
    const log = this.world.source;
    for (let i = from; i < upTo; i++) this.world.deliver(client, log.timeOf(source, i), tMs);
    this.acked[client] = upTo;
    if (this.sent[client] < upTo) this.sent[client] = upTo;
    if (!this.broadcast) this.world.source.release(source, upTo);
    return upTo - from;
  }

  /** Everything not yet delivered is lost (a socket without resume dropped it). */
  loseUndelivered(client: number, tMs: number): void {
    const source = this.sourceOf(client);
    const log = this.world.source;
    const count = log.count(source);
    for (let i = this.acked[client]; i < count; i++) this.world.countLost(tMs, log.timeOf(source, i));
    this.acked[client] = count;
    this.sent[client] = count;
    if (!this.broadcast) this.world.source.release(client, count);
  }

  /** After a reconnect the server resends from what the client confirmed (Last-Event-ID). */
  rewind(client: number): void {
    this.sent[client] = this.acked[client];
  }
}
