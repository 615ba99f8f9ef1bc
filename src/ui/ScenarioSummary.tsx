import type { Scenario } from '../sim/scenario/types.ts';
import { formatDurationMs, formatInteger, formatMs, formatRate } from './format.ts';

const PROCESS_LABELS: Record<Scenario['events']['process'], string> = {
  poisson: 'Poisson arrivals',
  periodic: 'periodic',
  bursty: 'in bursts',
};

const AUDIENCE_LABELS: Record<Scenario['events']['audience'], string> = {
  perClient: 'per client',
  broadcast: 'broadcast to all clients',
};

const SCHEDULE_LABELS: Record<Scenario['polling']['schedule'], string> = {
  fixedDelay: 'after each response',
  fixedRate: 'at a fixed rate',
};

/** The settings that decide the scoreboard's numbers, in words. */
export function ScenarioSummary({ scenario }: { scenario: Scenario }) {
  const { events, polling } = scenario;
  const items: [term: string, description: string][] = [
    ['Clients', formatInteger(scenario.clients)],
    ['Simulated time', formatDurationMs(scenario.durationSec * 1000)],
    ['One-way network latency', formatMs(scenario.network.latencyMs)],
    [
      'Events',
      `${formatRate(events.ratePerSec)} per second ${AUDIENCE_LABELS[events.audience]}, ${PROCESS_LABELS[events.process]}`,
    ],
    ['Polling interval', `${formatDurationMs(polling.intervalMs)}, ${SCHEDULE_LABELS[polling.schedule]}`],
  ];
  return (
    <dl className="scenario-summary">
      {items.map(([term, description]) => (
        <div key={term}>
          <dt>{term}</dt>
          <dd>{description}</dd>
        </div>
      ))}
    </dl>
  );
}
