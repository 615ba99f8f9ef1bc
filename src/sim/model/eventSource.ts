import type { Scenario } from '../scenario/types.ts';
import { RandomStreams, Stream } from '../core/rng.ts';
import type { MetricsRecorder } from '../metrics/recorder.ts';

// The server-side event stream (DESIGN.md §2). One source per client ("perClient") or one shared by
// all ("broadcast"). Each source draws from its own random stream, so creation times are identical
// for every mechanism (common random numbers). Times are appended to a log per source; readers
// address events by absolute index and release what they no longer need.

/** Events of a burst follow each other this closely (the "bursty" process). */
const BURST_SPACING_MS = 10;
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
  private readonly logs: Float64Array[] = [];
  /** Absolute index of logs[s][0]. */
  private readonly base: Float64Array;
  private readonly counts: Float64Array;
  private readonly meanGapMs: number;

  constructor(
    private readonly scenario: Scenario,
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
    this.base = new Float64Array(this.sourceCount);
    this.counts = new Float64Array(this.sourceCount);
    this.meanGapMs = events.ratePerSec > 0 ? 1000 / events.ratePerSec : Infinity;
    for (let s = 0; s < this.sourceCount; s++) {
      this.logs.push(new Float64Array(INITIAL_LOG));
      this.nextMs[s] = this.firstTime(s);
    }
  }

  private firstTime(s: number): number {
    if (!Number.isFinite(this.meanGapMs)) return Infinity;
    const { process, burstSize } = this.scenario.events;
    if (process === 'periodic') return this.within(this.rng.next(s) * this.meanGapMs);
    if (process === 'bursty') {
      const start = this.rng.exponential(s, this.meanGapMs * burstSize);
      this.burstStartMs[s] = start;
      this.burstLeft[s] = burstSize - 1;
      return this.within(start);
    }
    return this.within(this.rng.exponential(s, this.meanGapMs));
  }

  private following(s: number, previousMs: number): number {
    const { process, burstSize } = this.scenario.events;
    if (process === 'periodic') return this.within(previousMs + this.meanGapMs);
    if (process === 'bursty') {
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
    let log = this.logs[s];
    const index = this.counts[s];
    const local = index - this.base[s];
    if (local === log.length) {
      const grown = new Float64Array(log.length * 2);
      grown.set(log);
      this.logs[s] = log = grown;
    }
    log[local] = t;
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

  timeOf(s: number, index: number): number {
    return this.logs[s][index - this.base[s]];
  }

  /** Events of source s below `index` will not be read again; reclaim their memory. */
  release(s: number, index: number): void {
    const log = this.logs[s];
    const drop = index - this.base[s];
    if (drop < 64 || drop < log.length / 2) return;
    const keep = this.counts[s] - index;
    log.copyWithin(0, drop, drop + keep);
    this.base[s] = index;
  }
}
