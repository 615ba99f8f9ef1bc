import { describe, expect, it } from 'vitest';
import { DEFAULT_SCENARIO } from '../sim/scenario/defaults.ts';
import { createSimulation, runScenario } from '../sim/engine.ts';
import { runWithProgress } from './progress.ts';

describe('progress of a long CLI run', () => {
  it('says nothing for the first 2 s, then a line every 2 s, and gives the same results as one run', () => {
    const scenario = { ...DEFAULT_SCENARIO, durationSec: 60 };
    const simulation = createSimulation(scenario, { traceClients: 0 });
    let clock = 0;
    const lines: string[] = [];
    // Each step of the run "takes" 100 ms of wall time.
    runWithProgress(simulation, (line) => lines.push(line), () => (clock += 100));
    expect(lines.length).toBeGreaterThan(5);
    expect(lines[0]).toMatch(/^sim: \d+ s of 60 s simulated \(\d+ %\)\n$/);
    expect(JSON.stringify(simulation.results())).toBe(JSON.stringify(runScenario(scenario)));
  });
});
