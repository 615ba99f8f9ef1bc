// The event queue: a binary min-heap over struct-of-arrays storage, ordered by
// (time, priority, insertion sequence) so ties resolve the same way every run (STYLE.md §3).
// Typed arrays and integer event kinds instead of objects or closures: measured 3–5× faster and
// lighter on these machines (shared/perf-notes.md).

const INITIAL_CAPACITY = 1024;

export class Scheduler {
  /** Per-slot event data; read them with the slot that pop() returned. */
  kind: Int32Array;
  a: Int32Array;
  b: Int32Array;
  private slotPriority: Int32Array;
  private slotSeq: Float64Array;
  private heapTime: Float64Array;
  private heapSlot: Int32Array;
  private freeSlots: Int32Array;
  private freeCount = 0;
  private nextSlot = 0;
  private capacity: number;
  private sequence = 0;
  size = 0;
  /** Time of the event most recently popped. */
  now = 0;

  constructor(capacity = INITIAL_CAPACITY) {
    this.capacity = capacity;
    this.kind = new Int32Array(capacity);
    this.a = new Int32Array(capacity);
    this.b = new Int32Array(capacity);
    this.slotPriority = new Int32Array(capacity);
    this.slotSeq = new Float64Array(capacity);
    this.heapTime = new Float64Array(capacity);
    this.heapSlot = new Int32Array(capacity);
    this.freeSlots = new Int32Array(capacity);
  }

  /** Schedule an event. Lower priority runs first among events at the same time. */
  push(timeMs: number, kind: number, a: number, b: number, priority = 0): void {
    const slot = this.freeCount > 0 ? this.freeSlots[--this.freeCount] : this.allocSlot();
    this.kind[slot] = kind;
    this.a[slot] = a;
    this.b[slot] = b;
    this.slotPriority[slot] = priority;
    this.slotSeq[slot] = this.sequence++;
    this.siftUp(this.size++, timeMs, slot);
  }

  /** Time of the earliest event, or Infinity when empty. */
  peekTime(): number {
    return this.size > 0 ? this.heapTime[0] : Infinity;
  }

  /**
   * Remove the earliest event and return its slot. The slot stays readable until the next push;
   * callers read kind/a/b immediately.
   */
  pop(): number {
    const heapTime = this.heapTime;
    const heapSlot = this.heapSlot;
    const top = heapSlot[0];
    this.now = heapTime[0];
    const last = --this.size;
    if (last > 0) this.siftDown(heapTime[last], heapSlot[last], last);
    this.freeSlots[this.freeCount++] = top;
    return top;
  }

  private allocSlot(): number {
    if (this.nextSlot === this.capacity) this.grow();
    return this.nextSlot++;
  }

  private before(timeA: number, slotA: number, timeB: number, slotB: number): boolean {
    if (timeA !== timeB) return timeA < timeB;
    const pa = this.slotPriority[slotA];
    const pb = this.slotPriority[slotB];
    if (pa !== pb) return pa < pb;
    return this.slotSeq[slotA] < this.slotSeq[slotB];
  }

  private siftUp(index: number, time: number, slot: number): void {
    const heapTime = this.heapTime;
    const heapSlot = this.heapSlot;
    let i = index;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pt = heapTime[parent];
      if (pt < time || (pt === time && !this.before(time, slot, pt, heapSlot[parent]))) break;
      heapTime[i] = pt;
      heapSlot[i] = heapSlot[parent];
      i = parent;
    }
    heapTime[i] = time;
    heapSlot[i] = slot;
  }

  /** Place (time, slot) starting from the root of a heap of `this.size` entries. */
  private siftDown(time: number, slot: number, size: number): void {
    const heapTime = this.heapTime;
    const heapSlot = this.heapSlot;
    let i = 0;
    const half = size >> 1;
    while (i < half) {
      let child = 2 * i + 1;
      let ct = heapTime[child];
      const right = child + 1;
      if (right < size) {
        const rt = heapTime[right];
        if (rt < ct || (rt === ct && this.before(rt, heapSlot[right], ct, heapSlot[child]))) {
          child = right;
          ct = rt;
        }
      }
      if (time < ct || (time === ct && this.before(time, slot, ct, heapSlot[child]))) break;
      heapTime[i] = ct;
      heapSlot[i] = heapSlot[child];
      i = child;
    }
    heapTime[i] = time;
    heapSlot[i] = slot;
  }

  private grow(): void {
    const capacity = this.capacity * 2;
    const growInt = (src: Int32Array) => { const dst = new Int32Array(capacity); dst.set(src); return dst; };
    const growFloat = (src: Float64Array) => { const dst = new Float64Array(capacity); dst.set(src); return dst; };
    this.kind = growInt(this.kind);
    this.a = growInt(this.a);
    this.b = growInt(this.b);
    this.slotPriority = growInt(this.slotPriority);
    this.heapSlot = growInt(this.heapSlot);
    this.freeSlots = growInt(this.freeSlots);
    this.slotSeq = growFloat(this.slotSeq);
    this.heapTime = growFloat(this.heapTime);
    this.capacity = capacity;
  }
}
