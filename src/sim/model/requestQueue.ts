// The requests waiting for a worker (server.maxQueuedRequests, issue 10 item 3). The worker pool
// (server.ts) books every job when it arrives, first come first served, so the moments workers
// start on successive jobs never go down: the requests still waiting at time t are the latest
// ones admitted, those whose start lies after t. A FIFO ring of their start times is the queue;
// a request leaves it when its worker starts on it. Pushes, frames and handshakes wait in the same
// FIFO but are not requests: they are never refused and do not count towards the bound.

export class RequestQueue {
  private ring = new Float64Array(64);
  private head = 0;
  private size = 0;

  constructor(readonly limit: number) {}

  /** Requests admitted before tMs whose worker has not started on them by tMs. */
  lengthAt(tMs: number): number {
    const ring = this.ring;
    const mask = ring.length - 1;
    while (this.size > 0 && ring[this.head] <= tMs) {
      this.head = (this.head + 1) & mask;
      this.size--;
    }
    return this.size;
  }

  /** True when a request arriving at tMs finds room (call before booking its worker). */
  hasRoom(tMs: number): boolean {
    return this.lengthAt(tMs) < this.limit;
  }

  /** An admitted request's worker starts at startMs (not before the last one's). */
  admitted(arrivalMs: number, startMs: number): void {
    if (startMs <= arrivalMs) return; // a worker was free: it never waited
    if (this.size === this.ring.length) this.grow();
    this.ring[(this.head + this.size) & (this.ring.length - 1)] = startMs;
    this.size++;
  }

  private grow(): void {
    const old = this.ring;
    const grown = new Float64Array(old.length * 2);
    for (let k = 0; k < this.size; k++) grown[k] = old[(this.head + k) & (old.length - 1)];
    this.ring = grown;
    this.head = 0;
  }
}
