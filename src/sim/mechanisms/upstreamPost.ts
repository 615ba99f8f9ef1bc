import type { MechanismHost } from './host.ts';
import { Kind } from '../kinds.ts';
import { mainSlot } from '../model/connections.ts';
import { unpackClient } from './mechanism.ts';
import { QUEUE_FULL } from '../model/server.ts';

// A client message sent as its own HTTP POST: what polling, long polling and SSE need for every
// upstream message (DESIGN.md §2), where a WebSocket sends a frame on the connection it already
// has. Over HTTP/1.1 it goes on the client's second connection; over HTTP/2 it is one more stream
// on the client's open connection (its own connection only when the client has none open).

export class UpstreamPosts {
  constructor(private readonly world: MechanismHost) {}

  send(client: number, tMs: number): void {
    // A POST already in flight keeps the connection busy; the next one rides behind it. A
    // refused POST is dropped: the message never left.
    const world = this.world;
    const payload = world.scenario.clientMessages.payloadBytes;
    world.request(world.postSlot(client, tMs), tMs, payload, payload, 'request', Kind.postAtServer, true);
  }

  /** `parity` says which of the client's connections carried the POST (0 = its main one). */
  handle(kind: number, packed: number, parity: number, tMs: number): void {
    const world = this.world;
    const client = unpackClient(packed);
    const slot = mainSlot(client) + parity;
    if (!world.isCurrent(packed, slot)) return; // the connection was cut meanwhile
    if (kind === Kind.postAtServer) {
      const done = world.serveRequest(slot, tMs, Kind.postAtServer);
      if (done === QUEUE_FULL) return; // a 503: the message is lost
      const bytes = world.responseBytes(slot, 0);
      const arrival = world.send(slot, false, bytes, 0, done);
      world.traceMessage('response', client, false, done, arrival, 0, bytes, slot);
      world.schedule(arrival, Kind.postResponse, packed, parity);
    } else {
      world.countResponse(tMs, false);
      world.release(slot, tMs);
    }
  }
}
