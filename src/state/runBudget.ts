import type { MechanismId, Scenario } from '../sim/scenario/types.ts';

// The run budget (issue 10, item 3): before a run starts, estimate the work and the memory it
// needs from the scenario alone, so a run that would take the tab (or the machine) down is refused
// and a heavy one is announced with what to reduce.
//
// Where the memory goes (measured with recordRun in Node 20, see the constants): the engine keeps
// little per event that is done, but an overloaded server (more work per second than its workers
// can do) books every job further and further ahead, and every booked job waits in the event
// queue. That backlog grows with the run, so memory grows with (1 − 1/ρ) of all server jobs, where
// ρ is the work asked per second over the work the workers can do. Below ρ = 1 it stays small.
//
// The budget (documented in the README):
// - up to WARN_BYTES of memory and WARN_SECONDS of work: the run starts at once;
// - above either: the page says so with the estimate and what to reduce, and "Run anyway" runs it;
// - above REFUSE_BYTES: refused. The run itself, its recording and the page must stay under the
//   2 GB a tab may hold, with room for the page and one older recording.

export const WARN_BYTES = 400e6;
export const WARN_SECONDS = 20;
export const REFUSE_BYTES = 1.2e9;

/** Engine memory per client per mechanism (state arrays, streams, trace, series): 1 kB. */
const BYTES_PER_CLIENT = 1000;
const BASE_BYTES = 20e6;
/** Bytes per job waiting in an overloaded server's queue (measured: SSE 65 B, webhooks 110 B). */
const PENDING_BYTES: Record<MechanismId, number> = { polling: 65, longPolling: 65, sse: 65, websocket: 65, webhook: 110 };
/**
 * Wall time per scheduler step. Calibrated in Node 20 on the 2-core build machine: 20 million
 * broadcast deliveries took 6.0 s (estimate 8.4 s), 10,000 clients of the default scenario for
 * 60 s took 2.2 s (estimate 2.0 s). A browser worker is about as fast; a phone is slower.
 */
const SECONDS_PER_STEP = 0.15e-6;
/** Scheduler steps per delivered event, per request (send, arrival, answer), per client-second. */
const STEPS_PER_DELIVERY = 2;
const STEPS_PER_REQUEST = 4;
const STEPS_PER_CLIENT_SECOND = 4;

export interface MechanismEstimate {
  id: MechanismId;
  /** Server work asked per second over the work the workers can do (ρ). */
  load: number;
  steps: number;
  bytes: number;
}

export interface RunEstimate {
  mechanisms: MechanismEstimate[];
  bytes: number;
  seconds: number;
  verdict: 'ok' | 'warn' | 'refuse';
  /** What to reduce, most effective first, in words. */
  advice: string[];
}

/** A few seconds: what a push mechanism needs after the last event to deliver what is in flight. */
const PUSH_DRAIN_SEC = 5;

/**
 * Simulated seconds after the events stop that the run will likely go on for: the drain ends as
 * soon as nothing is unresolved, so at most one poll interval for polling, the retry schedule for
 * webhooks that met an outage or timeouts, and a few seconds for the others — never more than
 * drainSec.
 */
function drainSecOf(scenario: Scenario, id: MechanismId): number {
  const { drainSec, webhook } = scenario;
  if (drainSec <= 0) return 0;
  let expected = PUSH_DRAIN_SEC;
  if (id === 'polling') expected = scenario.polling.intervalMs / 1000 + PUSH_DRAIN_SEC;
  if (id === 'webhook') {
    const { baseMs, factor, maxAttempts } = webhook.retry;
    let scheduleMs = maxAttempts * webhook.timeoutMs;
    for (let k = 1; k < maxAttempts; k++) scheduleMs += baseMs * factor ** (k - 1);
    expected = scheduleMs / 1000;
  }
  return Math.min(drainSec, expected);
}

function estimateMechanism(scenario: Scenario, id: MechanismId): MechanismEstimate {
  const { clients, server } = scenario;
  const runSec = scenario.durationSec;
  const totalSec = runSec + drainSecOf(scenario, id);
  // Every event reaches `clients` recipients for both audiences (one source per client, or one
  // source broadcast to all): deliveries per second.
  const deliveries = scenario.events.ratePerSec * clients;
  const upstream = scenario.clientMessages.ratePerSec * clients;
  let requests = upstream; // per second
  let pushes = 0;
  let periodic = 0;
  if (id === 'polling') requests += (clients * 1000) / scenario.polling.intervalMs;
  if (id === 'longPolling') {
    requests += (clients * 1000) / scenario.longPolling.timeoutMs;
    pushes += deliveries;
  }
  if (id === 'sse' || id === 'websocket') {
    pushes += deliveries;
    const heartbeatSec = id === 'sse' ? scenario.sse.heartbeatSec : scenario.websocket.heartbeatSec;
    if (heartbeatSec > 0) periodic += clients / heartbeatSec;
  }
  if (id === 'webhook') requests += deliveries;
  const workMsPerSec = requests * server.serviceMs + pushes * server.pushServiceMs;
  const load = workMsPerSec / (1000 * server.workers);
  const jobs = (requests + pushes) * runSec;
  const backlog = load > 1 ? (1 - 1 / load) * jobs : 0;
  const steps =
    deliveries * runSec * STEPS_PER_DELIVERY +
    (requests * runSec + periodic * totalSec) * STEPS_PER_REQUEST +
    clients * totalSec * STEPS_PER_CLIENT_SECOND;
  const bytes = clients * BYTES_PER_CLIENT + backlog * PENDING_BYTES[id];
  return { id, load, steps, bytes };
}

const MB = (bytes: number) => `${String(Math.round(bytes / 1e6))} MB`;

export function estimateRun(scenario: Scenario): RunEstimate {
  const mechanisms = scenario.mechanisms.map((id) => estimateMechanism(scenario, id));
  const bytes = BASE_BYTES + mechanisms.reduce((sum, m) => sum + m.bytes, 0);
  const seconds = mechanisms.reduce((sum, m) => sum + m.steps, 0) * SECONDS_PER_STEP;
  const verdict = bytes > REFUSE_BYTES ? 'refuse' : bytes > WARN_BYTES || seconds > WARN_SECONDS ? 'warn' : 'ok';
  const advice: string[] = [];
  const overloaded = mechanisms.filter((m) => m.load > 1).sort((a, b) => b.load - a.load);
  if (overloaded.length > 0) {
    const worst = overloaded[0];
    advice.push(
      `the server is overloaded: ${worst.id} asks ${worst.load.toFixed(1)}× the work its ${String(scenario.server.workers)} workers can do, so jobs queue up without end; add server.workers, lower events.ratePerSec or the service times`,
    );
  }
  if (verdict !== 'ok') advice.push('reduce clients, events.ratePerSec or durationSec', 'or turn off mechanisms you do not need');
  return { mechanisms, bytes, seconds, verdict, advice };
}

/** One sentence for the page: the estimate and what to reduce. */
export function describeEstimate(estimate: RunEstimate): string {
  const figures = `about ${MB(estimate.bytes)} of memory and ${String(Math.ceil(estimate.seconds))} s of work`;
  const advice = estimate.advice.length > 0 ? ` To make it lighter: ${estimate.advice.join('; ')}.` : '';
  if (estimate.verdict === 'refuse') {
    return `This run would need ${figures}, more than a browser tab can hold (at most ${MB(REFUSE_BYTES)} for a run).${advice}`;
  }
  return `This run is heavy: ${figures} (the lab runs at once up to ${MB(WARN_BYTES)} and ${String(WARN_SECONDS)} s).${advice}`;
}
