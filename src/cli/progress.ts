import type { Simulation } from '../sim/engine.ts';

// Progress of a long CLI run, on standard error only (issue 10, item 7): nothing for runs that
// finish within QUIET_MS, then one line at most every EVERY_MS. Advancing in steps gives the same
// results as one runToEnd: the events are processed in the same order either way.

const QUIET_MS = 2000;
const EVERY_MS = 2000;
const STEPS = 200;

export function runWithProgress(simulation: Simulation, write: (line: string) => void, now: () => number = () => performance.now()): void {
  // The latest possible end includes the whole drain; most runs resolve everything much sooner,
  // so the steps and the percentage follow the run's own duration, and the drain is said as such.
  const durationMs = simulation.durationMs();
  const endMs = simulation.endMs();
  const started = now();
  let lastReport = started;
  const stepMs = Math.max(1, durationMs / STEPS);
  const durationText = String(Math.round(durationMs / 1000));
  for (let t = stepMs; ; t += stepMs) {
    const at = Math.min(t, endMs);
    simulation.advanceTo(at);
    if (at >= endMs || simulation.isDone()) break;
    const time = now();
    if (time - started >= QUIET_MS && time - lastReport >= EVERY_MS) {
      lastReport = time;
      const seconds = String(Math.round(at / 1000));
      write(
        at <= durationMs
          ? `sim: ${seconds} s of ${durationText} s simulated (${String(Math.floor((100 * at) / durationMs))} %)\n`
          : `sim: draining unfinished events, ${seconds} s simulated (the run was ${durationText} s)\n`,
      );
    }
  }
}
