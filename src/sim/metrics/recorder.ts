import { LatencyHistogram } from './histogram.ts';
import { Tally } from './tally.ts';
import type { MechanismMetrics, MechanismTotals, MetricSeries, SteadyTotals } from './types.ts';
import { TCP_CLOSE_WIRE_BYTES } from '../protocol/wire.ts';

// Counters and per-second series for one mechanism's run (DESIGN.md §6). Every method takes the
// simulated time of what it records.
//
// Two tallies: the whole run and the steady-state window [warm-up, duration). Activity (requests,
// responses, bytes, worker time, connection peaks) counts while it happens before the end of the
// run, and in the window when it happens there; events count in the window when they were
// created there, and are followed to their delivery or loss during the drain too. The series run
// on through the drain (events only: activity after the end is not counted anywhere).

/** One array per series, each `seconds` long (a literal, so the object keeps one fixed shape). */
function seriesArrays(seconds: number) {
  const make = () => new Float64Array(seconds);
  return {
    requests: make(),
    responses: make(),
    emptyResponses: make(),
    created: make(),
    delivered: make(),
    lost: make(),
    duplicates: make(),
    outOfOrder: make(),
    latencySum: make(),
    bytesUp: make(),
    bytesDown: make(),
    bytesOverhead: make(),
    bytesPayload: make(),
    open: make(),
    peakOpen: make(),
    busyMs: make(),
    bytesWire: make(),
    connectionAttempts: make(),
    overloadRejections: make(),
  };
}

export class MetricsRecorder {
  /** The whole run. */
  readonly all = new Tally();
  /** Events created, and activity, in [warmupMs, endMs). */
  readonly steady = new Tally();
  openConnections = 0;

  /** Seconds the series can hold now; they grow when the drain goes past them. */
  private seconds: number;
  private readonly endMs: number;
  private readonly warmupMs: number;
  private s: ReturnType<typeof seriesArrays>;
  /** Seconds before this one have their end-of-second open-connection count filled in. */
  private openFilledTo = 0;
  /** Open connections when the window began (set at the first change at or after it). */
  private openAtWarmup = -1;
  /** The last second anything was recorded in (the drain may end exactly on a second). */
  private lastSecond = 0;
  /** Per recipient: the latest creation time among the events delivered to it so far. */
  private readonly latestDelivered: Float64Array;

  constructor(
    durationSec: number,
    warmupSec: number,
    private readonly workers: number,
    private readonly memoryPerConnectionKb: number,
    recipients: number,
    private readonly queueLimit: number,
  ) {
    this.seconds = Math.max(1, Math.ceil(durationSec));
    this.endMs = durationSec * 1000;
    this.warmupMs = warmupSec * 1000;
    this.s = seriesArrays(this.seconds);
    this.latestDelivered = new Float64Array(recipients).fill(-Infinity);
  }

  private sec(tMs: number): number {
    // Times are ≥ 0 and below 2^31 ms, so truncation is a floor.
    const i = (tMs * 0.001) | 0;
    if (i >= this.seconds) this.growTo(i + 1);
    return i;
  }

  private growTo(seconds: number): void {
    const capacity = Math.max(seconds, this.seconds * 2);
    const grown = seriesArrays(capacity);
    for (const key of Object.keys(grown) as (keyof typeof grown)[]) grown[key].set(this.s[key]);
    this.s = grown;
    this.seconds = capacity;
  }

  private inWindow(tMs: number): boolean {
    return tMs >= this.warmupMs;
  }

  request(tMs: number): void {
    if (tMs >= this.endMs) return;
    this.all.requests++;
    if (this.inWindow(tMs)) this.steady.requests++;
    this.s.requests[this.sec(tMs)]++;
  }

  response(tMs: number, empty: boolean): void {
    if (tMs >= this.endMs) return;
    const i = this.sec(tMs);
    const steady = this.inWindow(tMs);
    this.all.responses++;
    if (steady) this.steady.responses++;
    this.s.responses[i]++;
    if (empty) {
      this.all.emptyResponses++;
      if (steady) this.steady.emptyResponses++;
      this.s.emptyResponses[i]++;
    }
  }

  /** A message that could have carried events arrived (or, for a timed-out attempt, failed). */
  carrier(tMs: number): void {
    if (tMs >= this.endMs) return;
    this.all.carriers++;
    if (this.inWindow(tMs)) this.steady.carriers++;
  }

  /**
   * One write put on the wire: `totalBytes` at the application layer (`payloadBytes` of them event
   * or message payload) and `wireBytes` beyond them (TLS records, TCP/IP headers, ACKs: see wire()).
   * One call per write, so the end, second and window are worked out once for both.
   */
  bytes(tMs: number, up: boolean, totalBytes: number, payloadBytes: number, wireBytes: number): void {
    if (tMs >= this.endMs) return;
    const i = this.sec(tMs);
    const overhead = totalBytes - payloadBytes;
    const all = this.all;
    const s = this.s;
    if (up) {
      all.bytesUp += totalBytes;
      s.bytesUp[i] += totalBytes;
    } else {
      all.bytesDown += totalBytes;
      s.bytesDown[i] += totalBytes;
    }
    all.bytesOverhead += overhead;
    all.bytesPayload += payloadBytes;
    all.bytesWire += wireBytes;
    s.bytesOverhead[i] += overhead;
    s.bytesPayload[i] += payloadBytes;
    s.bytesWire[i] += wireBytes;
    if (this.inWindow(tMs)) {
      const steady = this.steady;
      if (up) steady.bytesUp += totalBytes;
      else steady.bytesDown += totalBytes;
      steady.bytesOverhead += overhead;
      steady.bytesPayload += payloadBytes;
      steady.bytesWire += wireBytes;
    }
  }

  /** Bytes on the wire beyond the application's (TLS records, TCP/IP headers, ACKs): protocol/wire.ts. */
  wire(tMs: number, bytes: number): void {
    if (tMs >= this.endMs) return;
    this.all.bytesWire += bytes;
    this.s.bytesWire[this.sec(tMs)] += bytes;
    if (this.inWindow(tMs)) this.steady.bytesWire += bytes;
  }

  /** A client sent a SYN for a new connection (refused and dropped ones count too). */
  connectionAttempt(tMs: number): void {
    if (tMs >= this.endMs) return;
    this.all.connectionAttempts++;
    this.s.connectionAttempts[this.sec(tMs)]++;
    if (this.inWindow(tMs)) this.steady.connectionAttempts++;
  }

  /** An attempt never connected: refused, or given up after connectTimeoutMs. */
  connectionFailed(tMs: number): void {
    if (tMs >= this.endMs) return;
    this.all.connectionFailures++;
    if (this.inWindow(tMs)) this.steady.connectionFailures++;
  }

  /** An error answer: a load balancer's 502 while the server is down, a refused upgrade. */
  errorResponse(tMs: number): void {
    if (tMs >= this.endMs) return;
    this.all.errorResponses++;
    if (this.inWindow(tMs)) this.steady.errorResponses++;
  }

  /** A request reached the server at tMs and was refused with a 503: its request queue was full. */
  overloadRejection(tMs: number): void {
    if (tMs >= this.endMs) return;
    this.all.overloadRejections++;
    this.s.overloadRejections[this.sec(tMs)]++;
    if (this.inWindow(tMs)) this.steady.overloadRejections++;
  }

  /** `queued` requests wait for a worker at tMs (just after one was admitted). */
  queuedRequests(tMs: number, queued: number): void {
    if (tMs >= this.endMs) return;
    if (queued > this.all.peakQueuedRequests) this.all.peakQueuedRequests = queued;
    if (queued > this.steady.peakQueuedRequests && this.inWindow(tMs)) this.steady.peakQueuedRequests = queued;
  }

  /** An SSE client's EventSource closed for good (counted whenever it happens, drain included). */
  sseClosed(tMs: number): void {
    this.all.sseClosedClients++;
    if (this.inWindow(tMs)) this.steady.sseClosedClients++;
  }

  /** `n` events (one per recipient) were created at tMs. */
  eventsCreated(tMs: number, n: number): void {
    this.all.created += n;
    if (this.inWindow(tMs)) this.steady.created += n;
    this.s.created[this.sec(tMs)] += n;
  }

  /** The first delivery to `recipient`, at tMs, of an event created at createdMs. */
  delivery(tMs: number, createdMs: number, recipient: number): void {
    const i = this.sec(tMs);
    if (i > this.lastSecond) this.lastSecond = i;
    const latency = tMs - createdMs;
    const bucket = LatencyHistogram.bucketOf(latency);
    const steady = this.inWindow(createdMs);
    this.all.delivered++;
    this.all.latency.addToBucket(bucket, latency);
    if (steady) {
      this.steady.delivered++;
      this.steady.latency.addToBucket(bucket, latency);
    }
    this.s.delivered[i]++;
    this.s.latencySum[i] += latency;
    const latest = this.latestDelivered[recipient];
    if (createdMs < latest) {
      this.all.outOfOrder++;
      if (steady) this.steady.outOfOrder++;
      this.s.outOfOrder[i]++;
    } else {
      this.latestDelivered[recipient] = createdMs;
    }
  }

  /** An event created at createdMs was given up on at tMs. */
  eventLost(tMs: number, createdMs: number): void {
    const i = this.sec(tMs);
    if (i > this.lastSecond) this.lastSecond = i;
    this.all.lost++;
    if (this.inWindow(createdMs)) this.steady.lost++;
    this.s.lost[i]++;
  }

  /** A delivery beyond the first, at tMs, of an event created at createdMs. */
  duplicate(tMs: number, createdMs: number): void {
    const i = this.sec(tMs);
    if (i > this.lastSecond) this.lastSecond = i;
    this.all.duplicates++;
    if (this.inWindow(createdMs)) this.steady.duplicates++;
    this.s.duplicates[i]++;
  }

  connectionOpened(tMs: number): void {
    this.fillOpenTo(tMs);
    this.noteWarmup(tMs);
    const open = ++this.openConnections;
    const i = this.sec(tMs);
    if (open > this.s.peakOpen[i]) this.s.peakOpen[i] = open;
    if (tMs >= this.endMs) return;
    if (open > this.all.peakOpenConnections) this.all.peakOpenConnections = open;
    if (this.inWindow(tMs) && open > this.steady.peakOpenConnections) this.steady.peakOpenConnections = open;
  }

  connectionClosed(tMs: number): void {
    this.fillOpenTo(tMs);
    this.noteWarmup(tMs);
    this.openConnections--;
    this.wire(tMs, TCP_CLOSE_WIRE_BYTES);
  }

  /** The window's peak starts from what was open when it began. */
  private noteWarmup(tMs: number): void {
    if (this.openAtWarmup < 0 && tMs >= this.warmupMs) this.openAtWarmup = this.openConnections;
  }

  /** A worker is busy over [startMs, endMs); time past the end of the run is not counted. */
  busy(startMs: number, endMs: number): void {
    const stop = Math.min(endMs, this.endMs);
    let t = startMs;
    while (t < stop) {
      const i = this.sec(t);
      const until = Math.min(stop, (i + 1) * 1000);
      this.s.busyMs[i] += until - t;
      this.all.busyMs += until - t;
      t = until;
    }
    const from = Math.max(startMs, this.warmupMs);
    if (stop > from) this.steady.busyMs += stop - from;
  }

  /** Worker time booked in [fromMs, end of the run) (jobs queued or in service); set by the world. */
  bookedFrom: (fromMs: number) => number = () => 0;

  /** Record the open count at the end of every second that ended before tMs. */
  private fillOpenTo(tMs: number): void {
    const upTo = Math.floor(tMs / 1000);
    if (upTo > this.seconds) this.growTo(upTo);
    for (let i = this.openFilledTo; i < upTo; i++) {
      this.s.open[i] = this.openConnections;
      if (this.openConnections > this.s.peakOpen[i]) this.s.peakOpen[i] = this.openConnections;
    }
    if (upTo > this.openFilledTo) this.openFilledTo = upTo;
  }

  /** Unresolved events of the whole run. */
  get pending(): number {
    return this.all.pending;
  }

  /** Totals and series up to simulated time nowMs (the drain included). */
  summary(nowMs: number): MechanismMetrics {
    this.fillOpenTo(nowMs);
    // Every second begun, and the one an event was recorded in at exactly nowMs.
    const shown = Math.max(Math.ceil(nowMs / 1000), nowMs > 0 ? this.lastSecond + 1 : 0);
    if (shown > this.seconds) this.growTo(shown);
    const cut = (a: Float64Array) => Array.from(a.subarray(0, shown));
    const open = cut(this.s.open);
    // The current (unfinished) second shows the count right now.
    if (shown > this.openFilledTo) open[shown - 1] = this.openConnections;
    const peak = cut(this.s.peakOpen).map((p, i) => Math.max(p, open[i]));
    const delivered = this.s.delivered;
    const series: MetricSeries = {
      requests: cut(this.s.requests),
      responses: cut(this.s.responses),
      emptyResponses: cut(this.s.emptyResponses),
      eventsCreated: cut(this.s.created),
      eventsDelivered: cut(delivered),
      eventsLost: cut(this.s.lost),
      duplicates: cut(this.s.duplicates),
      eventsOutOfOrder: cut(this.s.outOfOrder),
      latencyMeanMs: cut(this.s.latencySum).map((sum, i) => (delivered[i] > 0 ? sum / delivered[i] : null)),
      bytesUp: cut(this.s.bytesUp),
      bytesDown: cut(this.s.bytesDown),
      bytesOverhead: cut(this.s.bytesOverhead),
      bytesPayload: cut(this.s.bytesPayload),
      openConnections: open,
      peakOpenConnections: peak,
      serverUtilization: cut(this.s.busyMs).map((ms) => ms / (this.workers * 1000)),
      memoryKb: open.map((n) => n * this.memoryPerConnectionKb),
      bytesWire: cut(this.s.bytesWire),
      connectionAttempts: cut(this.s.connectionAttempts),
      overloadRejections: cut(this.s.overloadRejections),
    };
    return { ...this.totals(nowMs), series };
  }

  /** Totals up to simulated time nowMs (cheap: no series). `pending` = created − delivered − lost. */
  totals(nowMs: number): MechanismTotals {
    const countedTo = Math.min(nowMs, this.endMs);
    const whole = this.all.summary(countedTo / 1000, this.workers, this.bookedFrom(countedTo), this.memoryPerConnectionKb, this.queueLimit);
    return { ...whole, steady: this.steadyTotals(countedTo) };
  }

  private steadyTotals(countedTo: number): SteadyTotals | null {
    if (countedTo <= this.warmupMs) return null;
    const steady = this.steady;
    // A window with no change of open connections still held what was open at its start.
    const openAtStart = this.openAtWarmup >= 0 ? this.openAtWarmup : this.openConnections;
    const peak = steady.peakOpenConnections;
    if (openAtStart > peak) steady.peakOpenConnections = openAtStart;
    const summary = steady.summary(
      (countedTo - this.warmupMs) / 1000,
      this.workers,
      this.bookedFrom(countedTo),
      this.memoryPerConnectionKb,
      this.queueLimit,
    );
    steady.peakOpenConnections = peak;
    return { ...summary, fromSec: this.warmupMs / 1000, toSec: countedTo / 1000 };
  }
}
