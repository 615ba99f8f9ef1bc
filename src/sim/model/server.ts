import type { Scenario } from '../scenario/types.ts';
import type { MetricsRecorder } from '../metrics/recorder.ts';
import { RequestQueue } from './requestQueue.ts';

// The server's worker pool (DESIGN.md §2): requests are served first come, first served by the
// earliest-free worker. Because the engine calls serve() in time order, keeping each worker's
// next-free time in a min-heap is an exact multi-server FIFO queue with no completion events.
// Requests (not pushes) are admitted only while fewer than server.maxQueuedRequests wait
// (requestQueue.ts); the world answers a refused one with a 503.

/** serveRequest's answer when the request queue is full. */
export const QUEUE_FULL = -1;

export class Server {
  private readonly freeAtMs: Float64Array;
  private readonly restarts: { fromMs: number; toMs: number; viaProxy: boolean }[];
  readonly requests: RequestQueue;
  /** When a worker started on the job last booked by serve(). */
  private lastStartMs = 0;

  constructor(scenario: Scenario, private readonly metrics: MetricsRecorder) {
    this.freeAtMs = new Float64Array(scenario.server.workers);
    this.requests = new RequestQueue(scenario.server.maxQueuedRequests);
    this.restarts = scenario.faults.serverRestarts.map((r) => ({
      fromMs: r.atSec * 1000,
      toMs: (r.atSec + r.downSec) * 1000,
      viaProxy: r.via === 'proxy',
    }));
  }

  /** Occupy a worker for serviceMs from the time the job arrives; returns when it finishes. */
  serve(arrivalMs: number, serviceMs: number): number {
    const free = this.freeAtMs;
    const start = free[0] > arrivalMs ? free[0] : arrivalMs;
    this.lastStartMs = start;
    const done = start + serviceMs;
    if (serviceMs > 0) this.metrics.busy(start, done);
    // Replace the root with the new free time and sift it down.
    const n = free.length;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const r = l + 1;
      const c = r < n && free[r] < free[l] ? r : l;
      if (free[c] >= done) break;
      free[i] = free[c];
      i = c;
    }
    free[i] = done;
    return done;
  }

  /**
   * A request arriving at tMs: QUEUE_FULL when every worker is busy and server.maxQueuedRequests
   * requests already wait for one, else serve() it and return when it is done.
   */
  serveRequest(arrivalMs: number, serviceMs: number): number {
    const queue = this.requests;
    // A request that finds a worker free never waits, whatever the bound (0 included).
    if (this.freeAtMs[0] > arrivalMs && !queue.hasRoom(arrivalMs)) return QUEUE_FULL;
    const done = this.serve(arrivalMs, serviceMs);
    queue.admitted(arrivalMs, this.lastStartMs);
    return done;
  }

  /**
   * Worker time already booked after nowMs and before untilMs. Every job is booked when it arrives
   * (at the current time), so what lies ahead on a worker is one busy stretch up to its free time.
   */
  bookedBetween(nowMs: number, untilMs: number): number {
    let booked = 0;
    for (const free of this.freeAtMs) {
      const end = free < untilMs ? free : untilMs;
      if (end > nowMs) booked += end - nowMs;
    }
    return booked;
  }

  /** True while a restart keeps the server down. */
  isDown(tMs: number): boolean {
    for (const r of this.restarts) if (tMs >= r.fromMs && tMs < r.toMs) return true;
    return false;
  }

  /** While down at tMs behind a load balancer, which answers 502 itself (faults.serverRestarts[].via). */
  downBehindProxy(tMs: number): boolean {
    for (const r of this.restarts) if (tMs >= r.fromMs && tMs < r.toMs) return r.viaProxy;
    return false;
  }

  /** Restarts begun by tMs: a restarted server has new TLS session-ticket keys. */
  restartsBegunBy(tMs: number): number {
    let n = 0;
    for (const r of this.restarts) if (r.fromMs <= tMs) n++;
    return n;
  }

  /** Down windows, for scheduling the drops. */
  restartWindows(): readonly { fromMs: number; toMs: number }[] {
    return this.restarts;
  }
}
