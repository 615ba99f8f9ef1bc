import { loadavg } from 'node:os';
import { parseScenario } from '../sim/scenario/validate.ts';
import { createSimulation } from '../sim/engine.ts';
import { MECHANISM_IDS, type MechanismId } from '../sim/scenario/types.ts';
import { bareHeapEventsPerSec } from './bareHeap.ts';

// `npm run bench`, engine part: the engine's throughput beside a bare binary-heap loop measured in
// the same process, and the wall time of the workload (10,000 clients × all five mechanisms
// × 10 simulated minutes, default scenario otherwise). The machines are shared and noisy, so
// compare the ratio within one run rather than absolute figures across runs.
// Options: --runs N (engine runs, median reported; default 1), --clients N, --duration SEC;
// --quick: 2,000 clients × 120 s and a shorter bare loop, the same steps (CI runs it; no goals).

function option(argv: string[], name: string, fallback: number): number {
  const i = argv.indexOf(name);
  if (i < 0) return fallback;
  const value = Number(argv[i + 1]);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} needs a positive number`);
  return value;
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (x: number, digits = 2): string => x.toFixed(digits);

interface EngineRun {
  wallSec: number;
  events: number;
  rssMb: number;
  /** Mean events waiting in one mechanism's queue (sampled by the engine). */
  meanPending: number;
}

function runEngine(clients: number, durationSec: number, mechanisms: MechanismId[]): EngineRun {
  const parsed = parseScenario({ version: 1, clients, durationSec, mechanisms });
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  const start = performance.now();
  const simulation = createSimulation(parsed.scenario, { traceClients: 0 });
  simulation.runToEnd();
  simulation.results();
  const wallSec = (performance.now() - start) / 1000;
  return {
    wallSec,
    events: simulation.eventsProcessed(),
    rssMb: process.memoryUsage().rss / 1e6,
    meanPending: simulation.meanQueueLength(),
  };
}

export function runEngineBench(argv: string[]): void {
  const quick = argv.includes('--quick');
  const runs = option(argv, '--runs', 1);
  const clients = option(argv, '--clients', quick ? 2000 : 10_000);
  const durationSec = option(argv, '--duration', quick ? 120 : 600);
  const bareEvents = quick ? 1_000_000 : 10_000_000;
  const goal = (text: string): string => (quick ? '' : `   (goal ${text})`);
  console.log(`Push/Pull Lab engine benchmark — Node ${process.version}, ${String(clients)} clients × ${String(durationSec)} s` +
    (quick ? ' (quick mode: small workload, no goals)' : ''));
  // Other processes on a shared machine move every figure below (the ratio too): say how busy it was.
  const load = (): string => loadavg().map((x) => fmt(x)).join(', ');
  console.log(`load average at the start: ${load()}`);

  const all: EngineRun[] = [];
  const bareRates: number[] = [];
  // The bare loop holds as many pending events as one mechanism's queue did on average (the
  // mechanisms run one after another), and runs between engine runs to share their conditions.
  for (let r = 0; r < runs; r++) {
    all.push(runEngine(clients, durationSec, [...MECHANISM_IDS]));
    bareRates.push(bareHeapEventsPerSec(Math.max(1, Math.round(all[r].meanPending)), bareEvents, r + 1));
  }
  const pending = Math.round(all[0].meanPending);
  const wall = median(all.map((r) => r.wallSec));
  const events = all[0].events;
  const engineRate = events / wall;
  const bareRate = median(bareRates);
  const workload = `${clients.toLocaleString('en-US')} clients × 5 × ${String(durationSec)} s`;

  console.log('');
  console.log(`bare binary heap (hold model, ${String(pending)} pending): ${fmt(bareRate / 1e6)} M events/s (median of ${String(bareRates.length)})`);
  console.log(`engine, all five mechanisms:                 ${fmt(engineRate / 1e6)} M events/s (${fmt(events / 1e6, 1)} M events)`);
  console.log(`engine / bare heap:                          ${fmt((100 * engineRate) / bareRate, 0)} %${goal('≥ 50 %')}`);
  console.log(`wall time, ${workload}:`.padEnd(45) + `${fmt(wall)} s (median of ${String(runs)})${goal('≤ 15 s for 10,000 clients × 5 × 600 s')}`);
  console.log(`peak resident memory:                        ${fmt(Math.max(...all.map((r) => r.rssMb)), 0)} MB`);
  console.log(`load average after the engine runs:          ${load()}`);

  console.log('');
  console.log('per mechanism (one run each):');
  for (const id of MECHANISM_IDS) {
    const r = runEngine(clients, durationSec, [id]);
    console.log(`  ${id.padEnd(12)} ${fmt(r.wallSec).padStart(6)} s  ${fmt(r.events / 1e6, 1).padStart(5)} M events  ${fmt(r.events / r.wallSec / 1e6).padStart(5)} M events/s`);
  }
}
