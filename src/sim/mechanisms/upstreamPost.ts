import type { MechanismHost } from './host.ts';
import { Kind } from '../kinds.ts';
import { sideSlot } from '../model/connections.ts';
import { unpackClient } from './mechanism.ts';

// A client message sent as its own HTTP POST on the client's second connection: what polling,
// long polling and SSE need for every upstream message (DESIGN.md §2), where a WebSocket sends a
// frame on the connection it already has.

export class UpstreamPosts {
  constructor(private readonly world: MechanismHost) {}

  send(client: number, tMs: number): void {
    // A POST already in flight keeps the connection busy; the next one rides behind it. A
    // refused POST is dropped: the message never left.
    const world = this.world;
    const payload = world.scenario.clientMessages.payloadBytes;
    const bytes = world.scenario.http.requestHeaderBytes + payload;
    world.request(sideSlot(client), tMs, bytes, payload, 'request', Kind.postAtServer, true);
  }

  handle(kind: number, packed: number, tMs: number): void {
    const world = this.world;
    const client = unpackClient(packed);
    const slot = sideSlot(client);
    if (!world.isCurrent(packed, slot)) return; // the connection was cut meanwhile
    if (kind === Kind.postAtServer) {
      const done = world.serve(tMs, world.scenario.server.serviceMs);
      const bytes = world.scenario.http.responseHeaderBytes;
      const arrival = world.send(slot, false, bytes, 0, done);
      world.traceMessage('response', client, false, done, arrival, 0, bytes, slot);
      world.schedule(arrival, Kind.postResponse, packed, 0);
    } else {
      world.countResponse(tMs, false);
      world.release(slot, tMs);
    }
  }
}
