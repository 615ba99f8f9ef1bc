import type { Scenario } from '../scenario/types.ts';
import { RandomStreams, Stream } from '../core/rng.ts';
import type { MetricsRecorder } from '../metrics/recorder.ts';

// The server-side event stream (DESIGN.md §2). One source per client ("perClient") or one shared by
// all ("broadcast"). Each source draws from its own random stream, so creation times are identical
// for every mechanism (common random numbers). Times are appended to a log per source; readers
// address events by absolute index and release what they no longer need.

/** Events of a burst follow each other this closely (the "bursty" process). */
const BURST_SPACING_MS = 10;
/** Initial ring size per source (a power of two). */
const INITIAL_LOG = 16;
/**
 * Each source's block starts with these (its ring of creation times follows): one source's
 * figures and its latest events sit together, so touching a source costs one or two cache lines.
 */
const COUNT = 0;
const RELEASED = 1;
const NEXT = 2;
const BURST_START = 3;
const HEADER = 4;

export class EventSource {
  readonly sourceCount: number;
  readonly broadcast: boolean;
  /** Recipients per event: every client for broadcast, one otherwise. */
  readonly fanOut: number;
  private readonly rng: RandomStreams;
  private readonly burstLeft: Int32Array;
  /**
   * One block of `stride` = HEADER + `capacity` numbers per source in a single array: the source's
   * event count, released index, next creation time and burst start, then a ring of `capacity`
   * creation times (dense, so an append touches one or two cache lines, not array objects and
   * their stores). Event i of source s sits at s·stride + HEADER + (i mod capacity) until released.
   */
  private block: Float64Array;
  private capacity = INITIAL_LOG;
  private stride = HEADER + INITIAL_LOG;
  private readonly meanGapMs: number;
  private readonly periodic: boolean;
  private readonly bursty: boolean;
  private readonly burstSize: number;

  constructor(
    scenario: Scenario,
    private readonly endMs: number,
    private readonly metrics: MetricsRecorder,
  ) {
    const { events, clients, seed } = scenario;
    this.broadcast = events.audience === 'broadcast';
    this.sourceCount = this.broadcast ? 1 : clients;
    this.fanOut = this.broadcast ? clients : 1;
    this.rng = new RandomStreams(seed, Stream.events, this.sourceCount);
    this.burstLeft = new Int32Array(this.sourceCount);
    this.block = new Float64Array(this.sourceCount * this.stride);
    this.meanGapMs = events.ratePerSec > 0 ? 1000 / events.ratePerSec : Infinity;
    this.periodic = events.process === 'periodic';
    this.bursty = events.process === 'bursty';
    this.burstSize = events.burstSize;
    for (let s = 0; s < this.sourceCount; s++) {
      this.block[s * this.stride + NEXT] = this.firstTime(s);
    }
  }

  private firstTime(s: number): number {
    if (!Number.isFinite(this.meanGapMs)) return Infinity;
    const burstSize = this.burstSize;
    if (this.periodic) return this.within(this.rng.next(s) * this.meanGapMs);
    if (this.bursty) {
      const start = this.rng.exponential(s, this.meanGapMs * burstSize);
      this.block[s * this.stride + BURST_START] = start;
      this.burstLeft[s] = burstSize - 1;
      return this.within(start);
    }
    return this.within(this.rng.exponential(s, this.meanGapMs));
  }

  private following(s: number, previousMs: number): number {
    const burstSize = this.burstSize;
    if (this.periodic) return this.within(previousMs + this.meanGapMs);
    if (this.bursty) {
      if (this.burstLeft[s] > 0) {
        this.burstLeft[s]--;
        return this.within(previousMs + BURST_SPACING_MS);
      }
      // Bursts start as a Poisson process at rate λ / burstSize, so the mean event rate stays λ.
      const at = s * this.stride + BURST_START;
      const start = Math.max(
        this.block[at] + this.rng.exponential(s, this.meanGapMs * burstSize),
        previousMs + BURST_SPACING_MS,
      );
      this.block[at] = start;
      this.burstLeft[s] = burstSize - 1;
      return this.within(start);
    }
    return this.within(previousMs + this.rng.exponential(s, this.meanGapMs));
  }

  /** Events are created during [0, end): later ones do not exist. */
  private within(tMs: number): number {
    return tMs < this.endMs ? tMs : Infinity;
  }

  /** Creation time of the next event of source s not yet appended; Infinity when there is none before the end. */
  nextMs(s: number): number {
    return this.block[s * this.stride + NEXT];
  }

  /** Append the next event of source s; returns its absolute index. */
  append(s: number): number {
    let base = s * this.stride;
    const t = this.block[base + NEXT];
    const index = this.block[base + COUNT];
    if (index - this.block[base + RELEASED] === this.capacity) {
      this.grow();
      base = s * this.stride;
    }
    const block = this.block;
    block[base + HEADER + (index & (this.capacity - 1))] = t;
    block[base + COUNT] = index + 1;
    block[base + NEXT] = this.following(s, t);
    this.metrics.eventsCreated(t, this.fanOut);
    return index;
  }

  /** Append every event of source s created at or before tMs; returns the new count. */
  generateUpTo(s: number, tMs: number): number {
    while (this.block[s * this.stride + NEXT] <= tMs) this.append(s);
    return this.block[s * this.stride + COUNT];
  }

  count(s: number): number {
    return this.block[s * this.stride + COUNT];
  }

  /** Creation time of event `index` of source s; it must not have been released. */
  timeOf(s: number, index: number): number {
    return this.block[s * this.stride + HEADER + (index & (this.capacity - 1))];
  }

  /** Events of source s below `index` will not be read again. */
  release(s: number, index: number): void {
    const at = s * this.stride + RELEASED;
    if (index > this.block[at]) this.block[at] = index;
  }

  /** Double every source's ring: one source holds more unreleased events than fit. */
  private grow(): void {
    const old = this.block;
    const oldStride = this.stride;
    const oldCapacity = this.capacity;
    const capacity = oldCapacity * 2;
    const stride = HEADER + capacity;
    const block = new Float64Array(this.sourceCount * stride);
    for (let s = 0; s < this.sourceCount; s++) {
      const from = s * oldStride;
      const to = s * stride;
      for (let h = 0; h < HEADER; h++) block[to + h] = old[from + h];
      for (let i = old[from + RELEASED]; i < old[from + COUNT]; i++) {
        block[to + HEADER + (i & (capacity - 1))] = old[from + HEADER + (i & (oldCapacity - 1))];
      }
    }
    this.block = block;
    this.capacity = capacity;
    this.stride = stride;
  }
}
