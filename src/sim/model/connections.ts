import type { Scenario } from '../scenario/types.ts';
import type { MetricsRecorder } from '../metrics/recorder.ts';

// TCP connections between clients and the server, two slots per client: slot 2c is the
// mechanism's own connection (polls, the held request, the stream, the socket), slot 2c + 1 the
// separate connection a browser uses for POSTs while the first is busy.
//
// A connection closes when the server's keep-alive idle timer runs out (only while no request is
// in progress) or when a proxy sees no bytes for its idle timeout (even mid-request: that is how
// proxies cut long polls and quiet streams). `epoch` changes on every open and close, so messages
// in flight on an old connection can tell that it is gone.

export const mainSlot = (client: number): number => client * 2;
export const sideSlot = (client: number): number => client * 2 + 1;
export const clientOf = (slot: number): number => slot >> 1;

export class Connections {
  readonly isOpen: Uint8Array;
  readonly epoch: Int32Array;
  /** Requests or streams in progress (HTTP/2 counts its streams): the keep-alive timer waits. */
  readonly inUse: Int32Array;
  readonly lastByteMs: Float64Array;
  /** Time of the pending idle check, or Infinity. */
  readonly checkAtMs: Float64Array;
  private readonly keepAliveIdleMs: number;
  private readonly proxyIdleMs: number;

  constructor(scenario: Scenario, private readonly metrics: MetricsRecorder) {
    const slots = scenario.clients * 2;
    this.isOpen = new Uint8Array(slots);
    this.epoch = new Int32Array(slots);
    this.inUse = new Int32Array(slots);
    this.lastByteMs = new Float64Array(slots);
    this.checkAtMs = new Float64Array(slots).fill(Infinity);
    this.keepAliveIdleMs = scenario.network.keepAlive ? scenario.network.keepAliveIdleSec * 1000 : 0;
    this.proxyIdleMs = scenario.proxy.idleTimeoutSec * 1000;
  }

  open(slot: number, tMs: number): void {
    this.isOpen[slot] = 1;
    this.epoch[slot]++;
    this.inUse[slot] = 1;
    this.lastByteMs[slot] = tMs;
    this.metrics.connectionOpened(tMs);
  }

  close(slot: number, tMs: number): void {
    if (!this.isOpen[slot]) return;
    this.isOpen[slot] = 0;
    this.epoch[slot]++;
    this.inUse[slot] = 0;
    this.checkAtMs[slot] = Infinity;
    this.metrics.connectionClosed(tMs);
  }

  /** Bytes crossed the connection at tMs (as seen at the server side, where the proxy sits). */
  touch(slot: number, tMs: number): void {
    if (tMs > this.lastByteMs[slot]) this.lastByteMs[slot] = tMs;
  }

  /** When an idle timer would close this connection as things stand; Infinity if never. */
  deadlineMs(slot: number): number {
    if (!this.isOpen[slot]) return Infinity;
    let deadline = Infinity;
    if (this.proxyIdleMs > 0) deadline = this.lastByteMs[slot] + this.proxyIdleMs;
    if (this.keepAliveIdleMs > 0 && !this.inUse[slot]) {
      const ka = this.lastByteMs[slot] + this.keepAliveIdleMs;
      if (ka < deadline) deadline = ka;
    }
    return deadline;
  }

  /** Reusable for a new request at tMs: open, idle, and not past an idle deadline. */
  reusable(slot: number, tMs: number): boolean {
    return this.isOpen[slot] === 1 && this.keepAliveIdleMs > 0 && !this.inUse[slot] && tMs < this.deadlineMs(slot);
  }

  /** Open for another HTTP/2 stream at tMs: kept alive and not past an idle deadline. */
  usable(slot: number, tMs: number): boolean {
    return this.isOpen[slot] === 1 && this.keepAliveIdleMs > 0 && tMs < this.deadlineMs(slot);
  }

  get keepAlive(): boolean {
    return this.keepAliveIdleMs > 0;
  }
}
