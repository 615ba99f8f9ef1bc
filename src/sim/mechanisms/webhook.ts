import type { MechanismHost } from './host.ts';
import { MECHANISM_LABELS } from './labels.ts';
import { MECHANISM_KINDS } from '../kinds.ts';
import { backoffDelayMs } from '../core/backoff.ts';
import { UNORDERED } from '../model/network.ts';
import { QUEUE_FULL } from '../model/server.ts';
import { WebhookChains } from './webhookChains.ts';
import { WebhookPool } from './webhookPool.ts';
import type { Mechanism, MechanismModule } from './mechanism.ts';
import { connectionId, NO_CONNECTION, type MessageStatus } from '../trace/types.ts';

// Webhooks (DESIGN.md §5): the provider (our "server") POSTs each event, signed, to the
// receiver's endpoint (the "client"). During a receiver outage the endpoint answers 503, so the
// attempt fails one round trip after it is sent; an attempt that gets no answer within timeoutMs
// fails then. Retry k is sent baseMs·factor^(k−1) (± jitter) after the failure is seen;
// maxAttempts counts every attempt, the first included; after the last failure the event is
// dead-lettered. Delivery is at-least-once: a receiver that processed a timed-out attempt gets
// the retry too, a duplicate. Attempts travel over HTTP/1.1 on pooled keep-alive connections
// (webhookPool.ts); a timed-out attempt's connection is abandoned. Opening a connection costs the
// provider no worker time here: the TLS server's work (signing) is the receiver's.

const SEND = MECHANISM_KINDS;
const AT_RECEIVER = MECHANISM_KINDS + 1;
const OUTCOME = MECHANISM_KINDS + 2;
const POOL_EXPIRE = MECHANISM_KINDS + 3;

const SUCCESS = 0;
const FAILED = 1;
const TIMED_OUT = 2;

class Webhooks implements Mechanism {
  readonly drawsEventsLazily = false;
  readonly sendsClientMessages = false;
  private readonly chains = new WebhookChains();
  private readonly pool: WebhookPool;
  private readonly outages: { fromMs: number; toMs: number }[];
  private readonly idleMs: number;
  /** The provider holds a TLS session ticket from this receiver. */
  private readonly everConnected: Uint8Array;
  /** Connections opened to each traced receiver so far, and the trace id of each pooled one. */
  private readonly tracedOpened: Int32Array;
  private readonly traceIds = new Map<number, number>();

  constructor(private readonly world: MechanismHost) {
    this.pool = new WebhookPool(world.scenario.clients);
    this.everConnected = new Uint8Array(world.scenario.clients);
    const { keepAlive, keepAliveIdleSec } = world.scenario.network;
    this.idleMs = keepAlive ? keepAliveIdleSec * 1000 : 0;
    this.outages = world.scenario.webhook.outages.map((o) => ({
      fromMs: o.startSec * 1000,
      toMs: (o.startSec + o.durationSec) * 1000,
    }));
    this.tracedOpened = new Int32Array(world.trace.clients);
  }

  start(): void {
    for (const o of this.outages) this.world.trace.span('receiverDown', -1, NO_CONNECTION, o.fromMs, o.toMs);
  }

  handle(kind: number, a: number, b: number, tMs: number): void {
    if (kind === SEND) this.attempt(a, tMs);
    else if (kind === AT_RECEIVER) this.atReceiver(a, b, tMs);
    else if (kind === OUTCOME) this.outcome(a, b, tMs);
    else if (kind === POOL_EXPIRE && this.pool.expire(a, b)) this.world.countConnectionClosed(tMs);
  }

  /** Each delivery chain keeps the event's creation time, so the log is not needed after this. */
  onEventCreated(source: number, index: number, tMs: number): void {
    const world = this.world;
    world.source.release(source, index + 1);
    if (!world.source.broadcast) {
      this.attempt(this.chains.alloc(source, tMs), tMs);
      return;
    }
    for (let c = 0; c < world.scenario.clients; c++) this.attempt(this.chains.alloc(c, tMs), tMs);
  }

  private receiverDown(tMs: number): boolean {
    for (const o of this.outages) if (tMs >= o.fromMs && tMs < o.toMs) return true;
    return false;
  }

  private attempt(chain: number, tMs: number): void {
    const world = this.world;
    const chains = this.chains;
    const client = chains.client[chain];
    if (world.isServerDown(tMs)) {
      // The provider is restarting; its queue is durable, so the attempt waits for it.
      const upAt = world.serverUpAt(tMs);
      if (upAt < world.endMs) world.schedule(upAt, SEND, chain, 0);
      return;
    }
    const { events, webhook } = world.scenario;
    const signedAt = world.admitRequest(tMs);
    if (signedAt === QUEUE_FULL) {
      // The provider's workers have server.maxQueuedRequests deliveries waiting: this attempt is
      // refused at once, as a full job queue rejects a job, and counts as a failed attempt that
      // waits for its retry (or is dead-lettered after the last one).
      chains.attempts[chain]++;
      this.failed(chain, tMs);
      return;
    }
    // One attempt at a time per connection, so its packets need no ordering with other ones.
    const connection = UNORDERED;
    let id = this.pool.acquire(client);
    let ready = signedAt;
    if (id < 0) {
      id = this.pool.add(client);
      world.countConnectionAttempt(signedAt);
      world.countConnectionOpened(signedAt);
      ready = world.openToPeer(client, signedAt, this.everConnected[client] === 1);
      this.everConnected[client] = 1;
      if (world.trace.wants(client)) {
        this.traceIds.set(id, connectionId(client, 'main', ++this.tracedOpened[client]));
        world.trace.record('connect', client, true, signedAt, ready, 0, 0, 'ok', 0, this.traceIds.get(id) ?? NO_CONNECTION);
      }
    }
    chains.connection[chain] = id;
    const attempt = ++chains.attempts[chain];
    const bytes = webhook.requestHeaderBytes + events.payloadBytes;
    const arrives = world.transmit(client, connection, false, bytes, events.payloadBytes, ready);
    world.countRequest(ready);
    const down = this.receiverDown(arrives);
    const answeredAt = down ? arrives : arrives + webhook.receiverMs;
    const responseArrives = world.transmit(client, connection, true, webhook.responseHeaderBytes, 0, answeredAt);
    const deadline = ready + webhook.timeoutMs;
    const outcome = down ? FAILED : responseArrives <= deadline ? SUCCESS : TIMED_OUT;
    const outcomeAt = outcome === TIMED_OUT ? deadline : responseArrives;
    chains.outcome[chain] = outcome;
    chains.inFlight[chain] = 1;
    const token = ++chains.token[chain];
    if (!down) world.schedule(arrives, AT_RECEIVER, chain, token);
    world.schedule(outcomeAt, OUTCOME, chain, token);
    if (world.trace.wants(client)) {
      const status: MessageStatus = outcome === SUCCESS ? 'ok' : outcome === FAILED ? 'failed' : 'timedOut';
      const traced = this.traceIds.get(id) ?? NO_CONNECTION;
      world.trace.record('webhookAttempt', client, false, ready, arrives, 1, bytes, down ? 'failed' : 'ok', attempt, traced);
      world.trace.record('webhookResponse', client, true, answeredAt, responseArrives, 0, webhook.responseHeaderBytes, status, attempt, traced);
    }
  }

  private atReceiver(chain: number, token: number, tMs: number): void {
    const chains = this.chains;
    if (chains.token[chain] !== token || chains.client[chain] < 0) return;
    if (chains.delivered[chain]) {
      this.world.countDuplicate(tMs, chains.createdMs[chain]);
      return;
    }
    chains.delivered[chain] = 1;
    this.world.deliver(chains.client[chain], chains.createdMs[chain], tMs);
  }

  private outcome(chain: number, token: number, tMs: number): void {
    const chains = this.chains;
    if (chains.token[chain] !== token || !chains.inFlight[chain]) return;
    const world = this.world;
    const outcome = chains.outcome[chain];
    if (outcome !== TIMED_OUT) world.countResponse(tMs, false);
    world.countCarrier(tMs);
    this.endAttempt(chain, tMs, outcome === TIMED_OUT);
    if (outcome === SUCCESS) chains.release(chain);
    else this.failed(chain, tMs);
  }

  /** Put the attempt's connection back in the pool; a timed-out one is abandoned (closed). */
  private endAttempt(chain: number, tMs: number, abandon: boolean): void {
    const chains = this.chains;
    const world = this.world;
    const id = chains.connection[chain];
    chains.inFlight[chain] = 0;
    if (abandon || this.idleMs === 0) {
      this.pool.close(id);
      world.countConnectionClosed(tMs);
      return;
    }
    const token = this.pool.release(id);
    const expiresAt = tMs + this.idleMs;
    if (expiresAt < world.endMs) world.schedule(expiresAt, POOL_EXPIRE, id, token);
  }

  private failed(chain: number, tMs: number): void {
    const world = this.world;
    const chains = this.chains;
    const { baseMs, factor, maxAttempts, jitter } = world.scenario.webhook.retry;
    const attempts = chains.attempts[chain];
    const client = chains.client[chain];
    if (attempts >= maxAttempts) {
      if (!chains.delivered[chain]) world.countLost(tMs, chains.createdMs[chain]); // dead-lettered
      world.trace.span('deadLetter', client, NO_CONNECTION, tMs, tMs, attempts);
      chains.release(chain);
      return;
    }
    const delay = backoffDelayMs(attempts, baseMs, factor, Infinity, jitter, world.backoffRandom(client));
    const at = tMs + delay;
    world.trace.span('retryWait', client, NO_CONNECTION, tMs, at, attempts + 1);
    if (at < world.endMs) world.schedule(at, SEND, chain, 0);
  }

  onConnectionCut(): void {}

  onConnectFailed(): void {}

  onErrorAnswer(): void {}

  /** A provider restart voids every attempt on the wire (each counts as failed now) and its pool. */
  onServerDown(tMs: number): void {
    const chains = this.chains;
    for (let open = this.pool.closeAll(); open > 0; open--) this.world.countConnectionClosed(tMs);
    for (let chain = 0; chain < chains.capacityUsed; chain++) {
      if (chains.client[chain] < 0 || !chains.inFlight[chain]) continue;
      chains.token[chain]++;
      chains.inFlight[chain] = 0;
      this.failed(chain, tMs);
    }
  }

  sendClientMessage(): void {}

  settle(): void {}
}

export const webhookModule: MechanismModule = {
  id: 'webhook',
  label: MECHANISM_LABELS.webhook,
  salt: 5,
  create: (world) => new Webhooks(world),
};
