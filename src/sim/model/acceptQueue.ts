// The server's accept queue (listen backlog). A connection takes a place from the moment its SYN
// arrives until a worker picks it up (accepts it and runs its TLS handshake); while `backlog`
// places are taken, Linux drops further SYNs (tcp_abort_on_overflow = 0, the default) and the
// client retransmits after its SYN timeout: 1 s, doubling (RFC 6298 §2.1, Linux TCP_TIMEOUT_INIT).
// An admitted connection waits until its handshake reaches the server's workers; then the time a
// worker starts on it is known, and it leaves the queue then. Those times go in a min-heap.

export class AcceptQueue {
  private heap = new Float64Array(64);
  private size = 0;
  /** Admitted connections whose worker start time is not known yet. */
  private waiting = 0;

  constructor(private readonly backlog: number) {}

  /** True when a SYN arriving at tMs finds a free place. */
  hasRoom(tMs: number): boolean {
    while (this.size > 0 && this.heap[0] <= tMs) this.pop();
    return this.waiting + this.size < this.backlog;
  }

  /** A SYN was admitted. */
  admit(): void {
    this.waiting++;
  }

  /** An admitted connection's handshake reached a worker that starts on it at startMs. */
  started(startMs: number): void {
    this.waiting--;
    if (this.size === this.heap.length) {
      const grown = new Float64Array(this.heap.length * 2);
      grown.set(this.heap);
      this.heap = grown;
    }
    const h = this.heap;
    let i = this.size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (h[parent] <= startMs) break;
      h[i] = h[parent];
      i = parent;
    }
    h[i] = startMs;
  }

  /** An admitted connection went away before a worker saw it (a restart cut it). */
  abandoned(): void {
    this.waiting--;
  }

  private pop(): void {
    const h = this.heap;
    const last = h[--this.size];
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= this.size) break;
      const r = l + 1;
      const c = r < this.size && h[r] < h[l] ? r : l;
      if (h[c] >= last) break;
      h[i] = h[c];
      i = c;
    }
    h[i] = last;
  }
}
