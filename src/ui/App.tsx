import { DEFAULT_SCENARIO } from '../sim/scenario/defaults.ts';
import { formatDurationMs, formatInteger, formatMs } from './format.ts';
import { ScenarioSummary } from './ScenarioSummary.tsx';
import { Scoreboard } from './Scoreboard.tsx';
import { useScenarioResults } from './useScenarioResults.ts';

export function App() {
  const scenario = DEFAULT_SCENARIO;
  const run = useScenarioResults(scenario);
  return (
    <>
      <header className="page-header">
        <h1>Push/Pull Lab</h1>
        <p>
          Five ways for a server to get news to its clients (polling, long polling, Server-Sent Events,
          WebSockets and webhooks) simulated side by side on the same stream of events, right here in your
          browser.
        </p>
      </header>
      <main>
        <section aria-labelledby="scenario-heading">
          <h2 id="scenario-heading">Scenario: {scenario.name}</h2>
          <ScenarioSummary scenario={scenario} />
        </section>
        <section aria-labelledby="results-heading">
          <h2 id="results-heading">Results</h2>
          {/* Always in the page, so screen readers hear the run start and finish. */}
          <p role="status" className="run-status">
            {run.status === 'running' && 'Running the simulation…'}
            {run.status === 'done' &&
              `Simulated ${formatDurationMs(scenario.durationSec * 1000)} of ${formatInteger(scenario.clients)} clients in ${formatMs(run.wallMs)} of your browser’s time (seed ${String(scenario.seed)}).`}
          </p>
          {run.status === 'failed' && (
            <p role="alert" className="run-error">
              The simulation failed: {run.message}
            </p>
          )}
          {run.status === 'done' && <Scoreboard mechanisms={scenario.mechanisms} results={run.results} />}
        </section>
      </main>
    </>
  );
}
