import type { MechanismId, Scenario } from './scenario/types.ts';
import type { MechanismMetrics, MechanismTotals } from './metrics/types.ts';
import type { TraceMessage, TraceSpan } from './trace/types.ts';
import { World } from './world.ts';
import { MECHANISMS } from './mechanisms/registry.ts';
import type { MechanismRegistry } from './mechanisms/mechanism.ts';

// The one entry point used by the CLI, the browser and the tests (DESIGN.md §3). Each selected
// mechanism runs in its own world on the same seeded event stream; advanceTo moves them all to
// the same simulated time, for live playback, and runToEnd finishes the batch. After durationSec
// comes the drain: no new events, in-flight work finishes, and each world stops as soon as none
// of its events is unresolved (or drainSec has passed).

export type Results = Partial<Record<MechanismId, MechanismMetrics>>;

export interface SimulationOptions {
  /** How many clients (from index 0) keep a message trace for the lanes. Metrics cover all. */
  traceClients?: number;
  /** The mechanism modules to run, by id; the real ones (registry.ts) unless a test swaps one. */
  mechanisms?: MechanismRegistry;
  /** Called at every first delivery of an event: a full delivery log, for independent checks. */
  onDelivery?: (id: MechanismId, recipient: number, createdMs: number, arrivedMs: number) => void;
}

export interface Simulation {
  readonly scenario: Scenario;
  /** Current simulated time in ms (the same for every mechanism). */
  nowMs(): number;
  /** durationSec in ms: events are created before it, and the figures count activity up to it. */
  durationMs(): number;
  /**
   * The end of the run, drain included: durationMs + drainSec until every mechanism's drain has
   * finished, then the moment the last one did.
   */
  endMs(): number;
  /**
   * When one mechanism's run ended: the moment its drain found nothing unresolved (durationMs if
   * nothing was), or the run's end. Other mechanisms may still be draining after it.
   */
  mechanismEndMs(id: MechanismId): number;
  /** Process every scheduled event with time ≤ tMs (clamped to the end of the run). */
  advanceTo(tMs: number): void;
  runToEnd(): void;
  isDone(): boolean;
  /** Metrics so far; after runToEnd() they are final. */
  results(): Results;
  /** Totals so far of one mechanism, without series (cheap enough to call every second). */
  totals(id: MechanismId): MechanismTotals;
  /** Cumulative latency distribution so far of one mechanism, at most ~maxPoints points. */
  latencyCdf(id: MechanismId, maxPoints: number): { latencyMs: number; fraction: number }[];
  trace(id: MechanismId): readonly TraceMessage[];
  /** Spans the engine decided for the traced clients (and server-wide ones), in decision order. */
  spans(id: MechanismId): readonly TraceSpan[];
  /** Whether the trace's caps cut off messages or spans of this mechanism. */
  traceTruncated(id: MechanismId): { messages: boolean; spans: boolean };
  /** Scheduler events processed so far, all mechanisms together (for the benchmark). */
  eventsProcessed(): number;
  /** Scheduler events waiting, all mechanisms together. */
  eventsPending(): number;
  /** Mean length of one mechanism's queue over the run so far (sampled), for the benchmark. */
  meanQueueLength(): number;
}

const DEFAULT_TRACE_CLIENTS = 8;

export function createSimulation(scenario: Scenario, options: SimulationOptions = {}): Simulation {
  const traceClients = options.traceClients ?? DEFAULT_TRACE_CLIENTS;
  const registry = options.mechanisms ?? MECHANISMS;
  const worlds = new Map<MechanismId, World>();
  for (const id of scenario.mechanisms) {
    const module = registry[id];
    const world = new World(scenario, id, traceClients, module.salt);
    const onDelivery = options.onDelivery;
    if (onDelivery) world.onDelivery = (recipient, createdMs, arrivedMs) => onDelivery(id, recipient, createdMs, arrivedMs);
    world.start(module.create(world));
    worlds.set(id, world);
  }
  const durationMs = scenario.durationSec * 1000;
  const latestEndMs = durationMs + scenario.drainSec * 1000;
  let now = 0;
  const isDone = (): boolean => {
    for (const world of worlds.values()) if (!world.finished) return false;
    return true;
  };
  const endMs = (): number => {
    if (!isDone()) return latestEndMs;
    let end = 0;
    for (const world of worlds.values()) end = Math.max(end, world.finishedAtMs);
    return end;
  };
  const worldOf = (id: MechanismId): World => {
    const world = worlds.get(id);
    if (!world) throw new Error(`mechanism ${id} is not part of this scenario`);
    return world;
  };

  const advanceTo = (tMs: number): void => {
    const target = Math.min(Math.max(tMs, now), endMs());
    for (const world of worlds.values()) world.advanceTo(target);
    now = Math.min(target, endMs());
  };

  return {
    scenario,
    nowMs: () => now,
    durationMs: () => durationMs,
    endMs,
    mechanismEndMs: (id) => Math.min(worldOf(id).finishedAtMs, endMs()),
    advanceTo,
    runToEnd: () => advanceTo(latestEndMs),
    isDone,
    results: () => {
      const results: Results = {};
      for (const [id, world] of worlds) {
        const at = Math.min(now, world.finishedAtMs);
        world.mechanism.settle(at);
        results[id] = world.metrics.summary(at);
      }
      return results;
    },
    totals: (id) => {
      const world = worldOf(id);
      const at = Math.min(now, world.finishedAtMs);
      world.mechanism.settle(at);
      return world.metrics.totals(at);
    },
    latencyCdf: (id, maxPoints) => worldOf(id).metrics.all.latency.cdf(maxPoints),
    trace: (id) => worlds.get(id)?.trace.messages ?? [],
    spans: (id) => worlds.get(id)?.trace.spans ?? [],
    traceTruncated: (id) => {
      const trace = worlds.get(id)?.trace;
      return { messages: trace?.truncated ?? false, spans: trace?.spansTruncated ?? false };
    },
    eventsProcessed: () => {
      let total = 0;
      for (const world of worlds.values()) total += world.processed;
      return total;
    },
    eventsPending: () => {
      let total = 0;
      for (const world of worlds.values()) total += world.sched.size;
      return total;
    },
    meanQueueLength: () => {
      let sum = 0;
      let samples = 0;
      for (const world of worlds.values()) {
        sum += world.pendingSampleSum;
        samples += world.pendingSamples;
      }
      return samples > 0 ? sum / samples : 0;
    },
  };
}

/** Run a whole scenario and return the final metrics of each selected mechanism. */
export function runScenario(scenario: Scenario): Results {
  const simulation = createSimulation(scenario, { traceClients: 0 });
  simulation.runToEnd();
  return simulation.results();
}
