// The webhook provider's connections to each receiver, pooled as HTTP agents pool them: an attempt
// takes the most recently used idle connection (LIFO, the default `scheduling` of Node's
// http.Agent), opens a new one only when every pooled connection is busy, and puts it back when the
// answer is in. An idle connection closes when the receiver's keep-alive timer
// (network.keepAliveIdleSec) runs out. Struct-of-arrays with a free list; each receiver's idle
// connections are a stack linked through the connection ids, so a lookup touches typed arrays only.

const FREE = 0;
const IDLE = 1;
const BUSY = 2;
const NONE = -1;

export class WebhookPool {
  private receiver = new Int32Array(0);
  private state = new Uint8Array(0);
  /** Changes on every release and close, so a stale expiry event can tell. */
  private token = new Int32Array(0);
  /**
   * Each receiver's idle connections as a stack, kept as a doubly linked list through the ids (no
   * array per receiver): `idleTop` is the most recently released one, `below`/`above` link the rest.
   */
  private readonly idleTop: Int32Array;
  private below = new Int32Array(0);
  private above = new Int32Array(0);
  private readonly freeIds: number[] = [];
  private size = 0;

  constructor(receivers: number) {
    this.idleTop = new Int32Array(receivers).fill(NONE);
  }

  /** The most recently released idle connection to `receiver`, now busy; −1 if none. */
  acquire(receiver: number): number {
    const id = this.idleTop[receiver];
    if (id === NONE) return -1;
    this.unlinkIdle(id);
    this.state[id] = BUSY;
    return id;
  }

  /** A new connection to `receiver`, busy. */
  add(receiver: number): number {
    const id = this.freeIds.length > 0 ? (this.freeIds.pop() as number) : this.size++;
    if (id >= this.receiver.length) this.grow(Math.max(64, this.receiver.length * 2));
    this.receiver[id] = receiver;
    this.state[id] = BUSY;
    return id;
  }

  /** The attempt on `id` is answered: the connection idles. Returns the token for its expiry. */
  release(id: number): number {
    this.state[id] = IDLE;
    const receiver = this.receiver[id];
    const top = this.idleTop[receiver];
    this.below[id] = top;
    this.above[id] = NONE;
    if (top !== NONE) this.above[top] = id;
    this.idleTop[receiver] = id;
    return ++this.token[id];
  }

  /** Close `id` if it is still idle since the release that gave `token`; true when it closed. */
  expire(id: number, token: number): boolean {
    if (this.state[id] !== IDLE || this.token[id] !== token) return false;
    this.unlinkIdle(id);
    this.free(id);
    return true;
  }

  /** Close a busy connection (an abandoned, timed-out attempt). */
  close(id: number): void {
    if (this.state[id] === BUSY) this.free(id);
  }

  /** Close every connection (a provider restart); returns how many were open. */
  closeAll(): number {
    let open = 0;
    for (let id = 0; id < this.size; id++) {
      if (this.state[id] === FREE) continue;
      open++;
      this.free(id);
    }
    this.idleTop.fill(NONE);
    return open;
  }

  /** Take idle `id` out of its receiver's stack; the others keep their order. */
  private unlinkIdle(id: number): void {
    const below = this.below[id];
    const above = this.above[id];
    if (above === NONE) this.idleTop[this.receiver[id]] = below;
    else this.below[above] = below;
    if (below !== NONE) this.above[below] = above;
  }

  private free(id: number): void {
    this.state[id] = FREE;
    this.token[id]++;
    this.freeIds.push(id);
  }

  private grow(capacity: number): void {
    const grow = <T extends Int32Array | Uint8Array>(src: T, dst: T): T => {
      dst.set(src);
      return dst;
    };
    this.receiver = grow(this.receiver, new Int32Array(capacity));
    this.state = grow(this.state, new Uint8Array(capacity));
    this.token = grow(this.token, new Int32Array(capacity));
    this.below = grow(this.below, new Int32Array(capacity));
    this.above = grow(this.above, new Int32Array(capacity));
  }
}
