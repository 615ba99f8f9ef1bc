// Per-delivery state of webhooks: one chain per (event, receiver) that lives from the event's
// creation until it is acknowledged or dead-lettered. Struct-of-arrays with a free list, because
// a busy provider keeps hundreds of thousands of them.

export class WebhookChains {
  client = new Int32Array(0);
  createdMs = new Float64Array(0);
  attempts = new Int32Array(0);
  /** The receiver has processed this event at least once. */
  delivered = new Uint8Array(0);
  /** An attempt is on the wire; its outcome event is pending. */
  inFlight = new Uint8Array(0);
  /** The pooled connection the attempt on the wire uses. */
  connection = new Int32Array(0);
  /** Token of the pending outcome; a restart changes it to void the attempt. */
  token = new Int32Array(0);
  /** Outcome of the attempt on the wire: 0 success, 1 failed (503), 2 timed out. */
  outcome = new Uint8Array(0);
  private free: number[] = [];
  private size = 0;
  /** Chains in use, for scanning on a provider restart. */
  live = 0;

  alloc(client: number, createdMs: number): number {
    const id = this.free.length > 0 ? (this.free.pop() as number) : this.size++;
    if (id >= this.client.length) this.grow(Math.max(1024, this.client.length * 2));
    this.client[id] = client;
    this.createdMs[id] = createdMs;
    this.attempts[id] = 0;
    this.delivered[id] = 0;
    this.inFlight[id] = 0;
    this.outcome[id] = 0;
    this.live++;
    return id;
  }

  release(id: number): void {
    this.free.push(id);
    this.client[id] = -1;
    this.live--;
  }

  /** Ids ever allocated (some may be free: their client is −1). */
  get capacityUsed(): number {
    return this.size;
  }

  private grow(capacity: number): void {
    const grow = <T extends Int32Array | Float64Array | Uint8Array>(src: T, make: (n: number) => T): T => {
      const dst = make(capacity);
      dst.set(src);
      return dst;
    };
    this.client = grow(this.client, (n) => new Int32Array(n));
    this.createdMs = grow(this.createdMs, (n) => new Float64Array(n));
    this.attempts = grow(this.attempts, (n) => new Int32Array(n));
    this.delivered = grow(this.delivered, (n) => new Uint8Array(n));
    this.inFlight = grow(this.inFlight, (n) => new Uint8Array(n));
    this.connection = grow(this.connection, (n) => new Int32Array(n));
    this.token = grow(this.token, (n) => new Int32Array(n));
    this.outcome = grow(this.outcome, (n) => new Uint8Array(n));
  }
}
