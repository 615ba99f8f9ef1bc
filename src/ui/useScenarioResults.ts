import { useEffect, useState } from 'react';
import { runScenario, type Results } from '../sim/engine.ts';
import type { Scenario } from '../sim/scenario/types.ts';

export type ScenarioRun =
  | { status: 'running' }
  | { status: 'done'; results: Results; wallMs: number }
  | { status: 'failed'; message: string };

interface Outcome {
  scenario: Scenario;
  run: ScenarioRun;
}

const RUNNING: ScenarioRun = { status: 'running' };

/**
 * Runs the scenario to the end with the real engine, after the page has painted, so the first
 * frame already shows the layout and a "running" notice instead of a blank, frozen page.
 */
export function useScenarioResults(scenario: Scenario): ScenarioRun {
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    // requestAnimationFrame fires before the next paint; the timeout after it lands after that paint.
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => {
        const startMs = performance.now();
        try {
          const results = runScenario(scenario);
          setOutcome({ scenario, run: { status: 'done', results, wallMs: performance.now() - startMs } });
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          setOutcome({ scenario, run: { status: 'failed', message } });
        }
      }, 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [scenario]);

  // Results of an earlier scenario are stale: report "running" until this one's arrive.
  return outcome?.scenario === scenario ? outcome.run : RUNNING;
}
