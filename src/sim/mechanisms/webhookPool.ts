// The webhook provider's connections to each receiver, pooled as HTTP agents pool them: an attempt
// takes the most recently used idle connection (LIFO, the default `scheduling` of Node's
// http.Agent), opens a new one only when every pooled connection is busy, and puts it back when the
// answer is in. An idle connection closes when the receiver's keep-alive timer
// (network.keepAliveIdleSec) runs out. Struct-of-arrays with a free list; each receiver's idle
// connections are a small stack of ids.

const FREE = 0;
const IDLE = 1;
const BUSY = 2;

export class WebhookPool {
  private receiver = new Int32Array(0);
  private state = new Uint8Array(0);
  /** Changes on every release and close, so a stale expiry event can tell. */
  private token = new Int32Array(0);
  private readonly idle: (number[] | undefined)[];
  private readonly freeIds: number[] = [];
  private size = 0;

  constructor(receivers: number) {
    this.idle = new Array<number[] | undefined>(receivers);
  }

  /** The most recently released idle connection to `receiver`, now busy; −1 if none. */
  acquire(receiver: number): number {
    const stack = this.idle[receiver];
    if (!stack || stack.length === 0) return -1;
    const id = stack.pop() as number;
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
    (this.idle[receiver] ??= []).push(id);
    return ++this.token[id];
  }

  /** Close `id` if it is still idle since the release that gave `token`; true when it closed. */
  expire(id: number, token: number): boolean {
    if (this.state[id] !== IDLE || this.token[id] !== token) return false;
    const stack = this.idle[this.receiver[id]] as number[];
    stack.splice(stack.indexOf(id), 1);
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
    for (const stack of this.idle) if (stack) stack.length = 0;
    return open;
  }

  private free(id: number): void {
    this.state[id] = FREE;
    this.token[id]++;
    this.freeIds.push(id);
  }

  private grow(capacity: number): void {
    const receiver = new Int32Array(capacity);
    receiver.set(this.receiver);
    const state = new Uint8Array(capacity);
    state.set(this.state);
    const token = new Int32Array(capacity);
    token.set(this.token);
    this.receiver = receiver;
    this.state = state;
    this.token = token;
  }
}
