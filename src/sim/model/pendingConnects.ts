import type { MessageKind } from '../trace/types.ts';

// Connection attempts whose SYN was dropped at a full accept queue, per connection slot: the
// request waiting to go out once the connection is up, and how many SYNs were sent. The client's
// TCP retransmits the SYN 1, 2, 4 … s after the first (RFC 6298 §2.1, Linux TCP_TIMEOUT_INIT,
// doubling) until network.connectTimeoutMs has passed since the first one; then it gives up.

const SYN_TIMEOUT_MS = 1000;

export class PendingConnects {
  readonly startMs: Float64Array;
  readonly syns: Int32Array;
  readonly token: Int32Array;
  readonly bodyBytes: Float64Array;
  readonly payloadBytes: Float64Array;
  readonly atServerKind: Int32Array;
  readonly upgrade: Uint8Array;
  readonly traceKind: MessageKind[];

  constructor(slots: number, private readonly connectTimeoutMs: number) {
    this.startMs = new Float64Array(slots).fill(-1);
    this.syns = new Int32Array(slots);
    this.token = new Int32Array(slots);
    this.bodyBytes = new Float64Array(slots);
    this.payloadBytes = new Float64Array(slots);
    this.atServerKind = new Int32Array(slots);
    this.upgrade = new Uint8Array(slots);
    this.traceKind = new Array<MessageKind>(slots).fill('request');
  }

  isPending(slot: number): boolean {
    return this.startMs[slot] >= 0;
  }

  /** Remember the request of a dropped first SYN sent at tMs; returns the token of its retry event. */
  hold(slot: number, tMs: number, bodyBytes: number, payloadBytes: number, traceKind: MessageKind, atServerKind: number, upgrade: boolean): number {
    this.startMs[slot] = tMs;
    this.syns[slot] = 1;
    this.bodyBytes[slot] = bodyBytes;
    this.payloadBytes[slot] = payloadBytes;
    this.traceKind[slot] = traceKind;
    this.atServerKind[slot] = atServerKind;
    this.upgrade[slot] = upgrade ? 1 : 0;
    return ++this.token[slot];
  }

  /**
   * When the client acts next after its latest SYN on `slot` was dropped: the next retransmission
   * (SYN k + 1 leaves (2^k − 1) s after the first), or the connect timeout if that comes first.
   * `timedOut` says which.
   */
  nextMs(slot: number): { atMs: number; timedOut: boolean } {
    const start = this.startMs[slot];
    const retransmit = start + SYN_TIMEOUT_MS * (2 ** this.syns[slot] - 1);
    const giveUp = start + this.connectTimeoutMs;
    return retransmit < giveUp ? { atMs: retransmit, timedOut: false } : { atMs: giveUp, timedOut: true };
  }

  release(slot: number): void {
    this.startMs[slot] = -1;
    this.token[slot]++;
  }
}
