import type { Simulation } from '../sim/engine.ts';

// Progress of a long CLI run, on standard error only (issue 10, item 7): nothing for runs that
// finish within QUIET_MS, then one line at most every EVERY_MS. Advancing in steps gives the same
// results as one runToEnd: the events are processed in the same order either way.

const QUIET_MS = 2000;
const EVERY_MS = 2000;
const STEPS = 200;

export function runWithProgress(simulation: Simulation, write: (line: string) => void, now: () => number = () => performance.now()): void {
  const endMs = simulation.endMs();
  const started = now();
  let lastReport = started;
  const stepMs = Math.max(1, endMs / STEPS);
  for (let t = stepMs; ; t += stepMs) {
    const at = Math.min(t, endMs);
    simulation.advanceTo(at);
    // A drain that resolved everything ends the run before its latest possible end.
    if (at >= endMs || simulation.isDone()) break;
    const time = now();
    if (time - started >= QUIET_MS && time - lastReport >= EVERY_MS) {
      lastReport = time;
      write(`sim: ${String(Math.round(at / 1000))} s of ${String(Math.round(endMs / 1000))} s simulated (${String(Math.floor((100 * at) / endMs))} %)\n`);
    }
  }
}
