import type { MechanismId } from '../scenario/types.ts';
import type { MechanismHost } from './host.ts';

/**
 * One delivery mechanism (STYLE.md §6): a module implementing this interface and registered by id
 * in registry.ts. The world owns time, the network, the server and the metrics; a mechanism only
 * decides what its clients and the server send, and when.
 */
export interface Mechanism {
  /** True when events need no creation event because the mechanism only looks at them when asked. */
  readonly drawsEventsLazily: boolean;
  /** False for webhooks: the receiver has no channel back to the provider. */
  readonly sendsClientMessages: boolean;
  start(): void;
  /** A mechanism event (kind ≥ MECHANISM_KINDS) fired at tMs. */
  handle(kind: number, a: number, b: number, tMs: number): void;
  /** Event `index` of `source` was created at tMs (not called when drawsEventsLazily). */
  onEventCreated(source: number, index: number, tMs: number): void;
  /** A connection that was in use was closed at the server side at tMs (proxy idle, restart). */
  onConnectionCut(slot: number, tMs: number): void;
  /**
   * A connection attempt on `slot` failed without an answer the client could read: its SYN was
   * refused on a retransmission, or network.connectTimeoutMs passed. The client knows at noticeMs.
   */
  onConnectFailed(slot: number, noticeMs: number): void;
  /** A load balancer answered the request on `slot` with 502 (the server is down); it arrived at tMs. */
  onErrorAnswer(slot: number, tMs: number): void;
  /** A server restart began at tMs (after every connection was cut). */
  onServerDown(tMs: number): void;
  /** The client wants to send one message upstream (a chat send). */
  sendClientMessage(client: number, tMs: number): void;
  /** Bring lazily drawn figures up to tMs, so a summary at tMs is complete. */
  settle(tMs: number): void;
}

export interface MechanismModule {
  id: MechanismId;
  /** Human name used in tables and the UI. */
  label: string;
  /**
   * Separates this mechanism's random streams (network jitter, backoff jitter) from the other
   * mechanisms' on the same seed. Unique per mechanism; changing it changes its results.
   */
  salt: number;
  create(world: MechanismHost): Mechanism;
}

/** The mechanisms a simulation can run, by id (registry.ts holds the real ones). */
export type MechanismRegistry = Record<MechanismId, MechanismModule>;

// Messages in flight carry (client, connection epoch) packed in one int: 14 bits of client
// (clients ≤ 10,000) and the low 17 bits of the epoch, enough to tell a cut connection apart.
const CLIENT_BITS = 14;
const CLIENT_MASK = (1 << CLIENT_BITS) - 1;
const EPOCH_MASK = 0x1ffff;

export const pack = (client: number, epoch: number): number => client | ((epoch & EPOCH_MASK) << CLIENT_BITS);
export const unpackClient = (packed: number): number => packed & CLIENT_MASK;
export const sameEpoch = (packed: number, epoch: number): boolean => packed >>> CLIENT_BITS === (epoch & EPOCH_MASK);
