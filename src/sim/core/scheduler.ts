// The event queue, ordered by (time, insertion sequence) so ties resolve the same way every run,
// first scheduled first (STYLE.md §3).
//
// Two stores behind one order. Most events are scheduled a fixed delay after "now" (arrivals one
// network delay later, heartbeats, timeouts), so events of one kind are usually pushed in time
// order: those go to a FIFO ring, O(1). Each kind has one ring per octave of delay (time − now,
// in ms: [1, 2), [2, 4), … [2^k, 2^(k+1))), so a stream with a steady delay stays in order even when
// some events of the same kind wait much longer (an attempt that first opens a connection). An
// event earlier than the last one in its ring goes to a binary min-heap over struct-of-arrays
// storage. pop() takes the least of the heap's top
// and the rings' heads. Which store holds an event never changes the order it is popped in.
// (shared/perf-notes.md: typed-array heap 3× faster than objects; FIFO rings 4–7× cheaper again.)

const INITIAL_CAPACITY = 1024;
const INITIAL_RING = 256;
/** Octaves of delay per kind: 2^31 ms is beyond any run. */
const OCTAVES = 32;
const OCTAVE_BITS = 5;

class Ring {
  time = new Float64Array(INITIAL_RING);
  seq = new Float64Array(INITIAL_RING);
  a = new Int32Array(INITIAL_RING);
  b = new Int32Array(INITIAL_RING);
  head = 0;
  size = 0;
  lastTime = -Infinity;

  push(time: number, seq: number, a: number, b: number): void {
    if (this.size === this.time.length) this.grow();
    const i = (this.head + this.size) & (this.time.length - 1);
    this.time[i] = time;
    this.seq[i] = seq;
    this.a[i] = a;
    this.b[i] = b;
    this.size++;
    this.lastTime = time;
  }

  private grow(): void {
    const n = this.time.length;
    const unroll = <T extends Float64Array | Int32Array>(src: T, dst: T): T => {
      for (let k = 0; k < this.size; k++) dst[k] = src[(this.head + k) & (n - 1)];
      return dst;
    };
    this.time = unroll(this.time, new Float64Array(n * 2));
    this.seq = unroll(this.seq, new Float64Array(n * 2));
    this.a = unroll(this.a, new Int32Array(n * 2));
    this.b = unroll(this.b, new Int32Array(n * 2));
    this.head = 0;
  }
}

export class Scheduler {
  /** The event most recently popped. */
  now = 0;
  kind = 0;
  a = 0;
  b = 0;
  /** Events waiting, in the heap and the rings together. */
  size = 0;

  /** The ring of kind k and delay octave o is rings[k * OCTAVES + o], created when first used. */
  private readonly rings: (Ring | undefined)[];
  /** The non-empty rings (their indices) and the time at the head of each, densely packed. */
  private readonly activeIndex: Int32Array;
  private readonly activeHead: Float64Array;
  private activeCount = 0;
  private readonly heapOnly: Uint8Array;

  private heapSize = 0;
  private capacity = INITIAL_CAPACITY;
  private heapTime = new Float64Array(INITIAL_CAPACITY);
  private heapSlot = new Int32Array(INITIAL_CAPACITY);
  private slotKind = new Int32Array(INITIAL_CAPACITY);
  private slotA = new Int32Array(INITIAL_CAPACITY);
  private slotB = new Int32Array(INITIAL_CAPACITY);
  private slotSeq = new Float64Array(INITIAL_CAPACITY);
  private freeSlots = new Int32Array(INITIAL_CAPACITY);
  private freeCount = 0;
  private nextSlot = 0;
  private sequence = 0;

  /**
   * `heapKinds`: kinds whose times are random draws (event creation): they would scatter over many
   * rings and slow every pop, so they always go to the heap.
   */
  constructor(kindCount: number, heapKinds: readonly number[] = []) {
    this.heapOnly = new Uint8Array(kindCount);
    for (const k of heapKinds) this.heapOnly[k] = 1;
    this.rings = new Array<Ring | undefined>(kindCount * OCTAVES).fill(undefined);
    this.activeIndex = new Int32Array(kindCount * OCTAVES);
    this.activeHead = new Float64Array(kindCount * OCTAVES);
  }

  push(timeMs: number, kind: number, a: number, b: number): void {
    const seq = this.sequence++;
    this.size++;
    if (this.heapOnly[kind]) {
      this.pushHeap(timeMs, kind, a, b, seq);
      return;
    }
    const delay = timeMs - this.now;
    const octave = delay >= 1 ? 31 - Math.clz32(delay < 2147483647 ? delay : 2147483647) : 0;
    const index = kind * OCTAVES + octave;
    let ring = this.rings[index];
    if (ring === undefined) this.rings[index] = ring = new Ring();
    if (timeMs >= ring.lastTime) {
      if (ring.size === 0) {
        this.activeIndex[this.activeCount] = index;
        this.activeHead[this.activeCount++] = timeMs;
      }
      ring.push(timeMs, seq, a, b);
      return;
    }
    this.pushHeap(timeMs, kind, a, b, seq);
  }

  private pushHeap(timeMs: number, kind: number, a: number, b: number, seq: number): void {
    const slot = this.freeCount > 0 ? this.freeSlots[--this.freeCount] : this.allocSlot();
    this.slotKind[slot] = kind;
    this.slotA[slot] = a;
    this.slotB[slot] = b;
    this.slotSeq[slot] = seq;
    this.siftUp(this.heapSize++, timeMs, slot);
  }

  /** Time of the earliest event, or Infinity when there is none. */
  peekTime(): number {
    let t = this.heapSize > 0 ? this.heapTime[0] : Infinity;
    for (let i = 0; i < this.activeCount; i++) if (this.activeHead[i] < t) t = this.activeHead[i];
    return t;
  }

  /**
   * Remove the earliest event if it is due at or before untilMs; its time, kind, a and b are then
   * in now/kind/a/b. Returns false (and removes nothing) when no event is due.
   */
  popUntil(untilMs: number): boolean {
    // The earliest ring head: a scan of a dense array of head times; ties (rare) look deeper.
    const heads = this.activeHead;
    const n = this.activeCount;
    let best = -1;
    let bestTime = Infinity;
    for (let i = 0; i < n; i++) {
      const t = heads[i];
      if (t < bestTime) {
        best = i;
        bestTime = t;
      } else if (t === bestTime && this.ringBefore(i, best)) {
        best = i;
      }
    }
    if (this.heapSize > 0) {
      const t = this.heapTime[0];
      if (t < bestTime || (t === bestTime && this.heapBeforeRing(best))) {
        if (t > untilMs) return false;
        this.popHeap();
        return true;
      }
    }
    if (best < 0 || bestTime > untilMs) return false;
    const index = this.activeIndex[best];
    const ring = this.rings[index] as Ring;
    const h = ring.head;
    this.now = bestTime;
    this.kind = index >> OCTAVE_BITS;
    this.a = ring.a[h];
    this.b = ring.b[h];
    ring.head = (h + 1) & (ring.time.length - 1);
    if (--ring.size === 0) {
      ring.lastTime = -Infinity;
      const last = --this.activeCount;
      this.activeIndex[best] = this.activeIndex[last];
      heads[best] = heads[last];
    } else {
      heads[best] = ring.time[ring.head];
    }
    this.size--;
    return true;
  }

  /** Order of two ring heads at the same time: the one scheduled first. */
  private ringBefore(i: number, j: number): boolean {
    const a = this.rings[this.activeIndex[i]] as Ring;
    const b = this.rings[this.activeIndex[j]] as Ring;
    return a.seq[a.head] < b.seq[b.head];
  }

  /** The heap's top (at the same time as ring head `best`) was scheduled first. */
  private heapBeforeRing(best: number): boolean {
    const ring = this.rings[this.activeIndex[best]] as Ring;
    return this.slotSeq[this.heapSlot[0]] < ring.seq[ring.head];
  }

  private popHeap(): void {
    const top = this.heapSlot[0];
    this.now = this.heapTime[0];
    this.kind = this.slotKind[top];
    this.a = this.slotA[top];
    this.b = this.slotB[top];
    const last = --this.heapSize;
    if (last > 0) this.siftDown(this.heapTime[last], this.heapSlot[last], last);
    this.freeSlots[this.freeCount++] = top;
    this.size--;
  }

  private allocSlot(): number {
    if (this.nextSlot === this.capacity) this.grow();
    return this.nextSlot++;
  }

  /** (timeA, slotA) runs before (timeB, slotB) given equal times: it was scheduled first. */
  private tieBefore(slotA: number, slotB: number): boolean {
    return this.slotSeq[slotA] < this.slotSeq[slotB];
  }

  private siftUp(index: number, time: number, slot: number): void {
    const heapTime = this.heapTime;
    const heapSlot = this.heapSlot;
    let i = index;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pt = heapTime[parent];
      if (pt < time || (pt === time && this.tieBefore(heapSlot[parent], slot))) break;
      heapTime[i] = pt;
      heapSlot[i] = heapSlot[parent];
      i = parent;
    }
    heapTime[i] = time;
    heapSlot[i] = slot;
  }

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
        if (rt < ct || (rt === ct && this.tieBefore(heapSlot[right], heapSlot[child]))) {
          child = right;
          ct = rt;
        }
      }
      if (time < ct || (time === ct && this.tieBefore(slot, heapSlot[child]))) break;
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
    this.slotKind = growInt(this.slotKind);
    this.slotA = growInt(this.slotA);
    this.slotB = growInt(this.slotB);
    this.heapSlot = growInt(this.heapSlot);
    this.freeSlots = growInt(this.freeSlots);
    this.slotSeq = growFloat(this.slotSeq);
    this.heapTime = growFloat(this.heapTime);
    this.capacity = capacity;
  }
}
