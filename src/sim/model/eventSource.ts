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

export class EventSource {
  readonly sourceCount: number;
  readonly broadcast: boolean;
  /** Recipients per event: every client for broadcast, one otherwise. */
  readonly fanOut: number;
  /** Creation time of the next event not yet appended; Infinity when there is none before the end. */
  readonly nextMs: Float64Array;
  private readonly rng: RandomStreams;
  private readonly burstLeft: Int32Array;
  private readonly burstStartMs: Float64Array;
  /**
   * Creation times: one ring of `capacity` entries per source in a single block (dense, so an
   * append touches one cache line, not an array object and its store). Event i of source s sits
   * at s·capacity + (i mod capacity) until it is released.
   */
  private times: Float64Array;
  private capacity = INITIAL_LOG;
  private readonly released: Float64Array;
  private readonly counts: Float64Array;
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
    this.nextMs = new Float64Array(this.sourceCount);
    this.burstLeft = new Int32Array(this.sourceCount);
    this.burstStartMs = new Float64Array(this.sourceCount);
    this.released = new Float64Array(this.sourceCount);
    this.times = new Float64Array(this.sourceCount * this.capacity);
    this.counts = new Float64Array(this.sourceCount);
    this.meanGapMs = events.ratePerSec > 0 ? 1000 / events.ratePerSec : Infinity;
    this.periodic = events.process === 'periodic';
    this.bursty = events.process === 'bursty';
    this.burstSize = events.burstSize;
    for (let s = 0; s < this.sourceCount; s++) {
      this.nextMs[s] = this.firstTime(s);
    }
  }

  private firstTime(s: number): number {
    if (!Number.isFinite(this.meanGapMs)) return Infinity;
    const burstSize = this.burstSize;
    if (this.periodic) return this.within(this.rng.next(s) * this.meanGapMs);
    if (this.bursty) {
      const start = this.rng.exponential(s, this.meanGapMs * burstSize);
      this.burstStartMs[s] = start;
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
      const start = Math.max(
        this.burstStartMs[s] + this.rng.exponential(s, this.meanGapMs * burstSize),
        previousMs + BURST_SPACING_MS,
      );
      this.burstStartMs[s] = start;
      this.burstLeft[s] = burstSize - 1;
      return this.within(start);
    }
    return this.within(previousMs + this.rng.exponential(s, this.meanGapMs));
  }

  /** Events are created during [0, end): later ones do not exist. */
  private within(tMs: number): number {
    return tMs < this.endMs ? tMs : Infinity;
  }

  /** Append the next event of source s; returns its absolute index. */
  append(s: number): number {
    const t = this.nextMs[s];
    const index = this.counts[s];
    if (index - this.released[s] === this.capacity) this.grow();
    this.times[s * this.capacity + (index & (this.capacity - 1))] = t;
    this.counts[s] = index + 1;
    this.nextMs[s] = this.following(s, t);
    this.metrics.eventsCreated(t, this.fanOut);
    return index;
  }

  /** Append every event of source s created at or before tMs; returns the new count. */
  generateUpTo(s: number, tMs: number): number {
    while (this.nextMs[s] <= tMs) this.append(s);
    return this.counts[s];
  }

  count(s: number): number {
    return this.counts[s];
  }

  /** Creation time of event `index` of source s; it must not have been released. */
  timeOf(s: number, index: number): number {
    return this.times[s * this.capacity + (index & (this.capacity - 1))];
  }

  /** Events of source s below `index` will not be read again. */
  release(s: number, index: number): void {
    if (index > this.released[s]) this.released[s] = index;
  }

  /** Double every source's ring: one source holds more unreleased events than fit. */
  private grow(): void {
    const old = this.times;
    const oldCapacity = this.capacity;
    const capacity = oldCapacity * 2;
    const times = new Float64Array(this.sourceCount * capacity);
    for (let s = 0; s < this.sourceCount; s++) {
      for (let i = this.released[s]; i < this.counts[s]; i++) {
        times[s * capacity + (i & (capacity - 1))] = old[s * oldCapacity + (i & (oldCapacity - 1))];
      }
    }
    this.times = times;
    this.capacity = capacity;
  }
}
