import type { Scenario } from './scenario/types.ts';
import type { MetricsRecorder } from './metrics/recorder.ts';
import { QUEUE_FULL, type Server } from './model/server.ts';
import { clientOf, mainSlot, type Connections } from './model/connections.ts';
import { sameEpoch, unpackClient } from './mechanisms/mechanism.ts';
import { Kind } from './kinds.ts';
import type { WorldParts } from './worldParts.ts';

// What a request gets instead of service (part of one mechanism's World): a 503 when the server's
// request queue is full (server.maxQueuedRequests), a load balancer's 502 while the server is
// down, and each error answer's arrival, where the mechanism reacts as to any non-200 answer.

export class ErrorAnswers {
  private readonly scenario: Scenario;
  private readonly conns: Connections;
  private readonly server: Server;
  private readonly metrics: MetricsRecorder;

  constructor(private readonly world: WorldParts) {
    this.scenario = world.scenario;
    this.conns = world.conns;
    this.server = world.server;
    this.metrics = world.metrics;
  }

  /**
   * Answer a request with an error and no body at t: a load balancer's 502 Bad Gateway for a server
   * that is down, or the overloaded server's 503 (serveRequest). `b` holds the slot's parity and
   * the request's atServerKind (a refused POST is simply lost).
   */
  errorResponse(packed: number, b: number, t: number): void {
    const slot = mainSlot(unpackClient(packed)) + (b & 1);
    if (!sameEpoch(packed, this.conns.epoch[slot])) return;
    const bytes = this.world.responseBytes(slot, 0);
    const arrival = this.world.send(slot, false, bytes, 0, t);
    this.world.traceMessage('response', clientOf(slot), false, t, arrival, 0, bytes, slot);
    this.world.schedule(arrival, Kind.errorAnswer, packed, b);
  }

  /** The error answer reached the client: the mechanism reacts as to any non-200 answer. */
  errorAnswer(packed: number, b: number, t: number): void {
    const slot = mainSlot(unpackClient(packed)) + (b & 1);
    if (!sameEpoch(packed, this.conns.epoch[slot])) return;
    this.metrics.response(t, false);
    this.metrics.errorResponse(t);
    this.world.release(slot, t);
    if (b >> 1 !== Kind.postAtServer) this.world.mechanism.onErrorAnswer(slot, t);
  }

  /**
   * A worker for the request that reached the server on `slot` at tMs (to be handled as
   * `atServerKind`); returns when it is done. When server.maxQueuedRequests requests already wait,
   * the request is refused instead, as Envoy's pending-request circuit breaker does in front of a
   * server: an immediate 503 Service Unavailable that costs no worker time and leaves the
   * connection open (not a dropped connection). Returns QUEUE_FULL then; the mechanism hears
   * onErrorAnswer when the 503 arrives, as for a load balancer's 502.
   */
  serveRequest(slot: number, tMs: number, atServerKind: number): number {
    const done = this.admitRequest(tMs);
    if (done === QUEUE_FULL) this.errorResponse(this.world.connectionTag(slot), (slot & 1) | (atServerKind << 1), tMs);
    return done;
  }

  /** serveRequest without the answer: QUEUE_FULL (counted) or when the request is done. */
  admitRequest(tMs: number): number {
    const server = this.server;
    const done = server.serveRequest(tMs, this.scenario.server.serviceMs);
    if (done === QUEUE_FULL) this.metrics.overloadRejection(tMs);
    else this.metrics.queuedRequests(tMs, server.requests.lengthAt(tMs));
    return done;
  }
}
