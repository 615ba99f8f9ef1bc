import type { MechanismId, Scenario } from './scenario/types.ts';
import type { MechanismMetrics, MechanismTotals } from './metrics/types.ts';
import type { TraceMessage } from './trace/types.ts';
import { World } from './world.ts';
import { MECHANISMS } from './mechanisms/registry.ts';

// The one entry point used by the CLI, the browser and the tests (DESIGN.md §3). Each selected
// mechanism runs in its own world on the same seeded event stream; advanceTo moves them all to
// the same simulated time, for live playback, and runToEnd finishes the batch.

export type Results = Partial<Record<MechanismId, MechanismMetrics>>;

export interface SimulationOptions {
  /** How many clients (from index 0) keep a message trace for the lanes. Metrics cover all. */
  traceClients?: number;
}

export interface Simulation {
  readonly scenario: Scenario;
  /** Current simulated time in ms (the same for every mechanism). */
  nowMs(): number;
  endMs(): number;
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
  /** True when the mechanism's trace reached its cap and later messages were not kept. */
  traceTruncated(id: MechanismId): boolean;
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
  const worlds = new Map<MechanismId, World>();
  for (const id of scenario.mechanisms) {
    const world = new World(scenario, id, traceClients);
    world.start(MECHANISMS[id].create(world));
    worlds.set(id, world);
  }
  const endMs = scenario.durationSec * 1000;
  let now = 0;
  const worldOf = (id: MechanismId): World => {
    const world = worlds.get(id);
    if (!world) throw new Error(`mechanism ${id} is not part of this scenario`);
    return world;
  };

  const advanceTo = (tMs: number): void => {
    const target = Math.min(Math.max(tMs, now), endMs);
    for (const world of worlds.values()) world.advanceTo(target);
    now = target;
  };

  return {
    scenario,
    nowMs: () => now,
    endMs: () => endMs,
    advanceTo,
    runToEnd: () => advanceTo(endMs),
    isDone: () => now >= endMs,
    results: () => {
      const results: Results = {};
      for (const [id, world] of worlds) {
        world.mechanism.settle(now);
        results[id] = world.metrics.summary(now);
      }
      return results;
    },
    totals: (id) => {
      const world = worldOf(id);
      world.mechanism.settle(now);
      return world.metrics.totals(now);
    },
    latencyCdf: (id, maxPoints) => worldOf(id).metrics.latency.cdf(maxPoints),
    trace: (id) => worlds.get(id)?.trace.messages ?? [],
    traceTruncated: (id) => worlds.get(id)?.trace.truncated ?? false,
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
