import { describe, expect, it } from 'vitest';
import { createSimulation, runScenario } from './engine.ts';
import type { MechanismMetrics } from './metrics/types.ts';
import { MECHANISM_IDS } from './scenario/types.ts';
import { once, scenarioOf, sum } from './testing/helpers.ts';

// The drain (issue 8, item 2): after durationSec no event is created, but the run goes on until
// every event is delivered or given up on (or drainSec has passed), so `pending` no longer hides
// what a late outage did. Rates keep durationSec as their denominator.

function webhookOf(input: unknown): MechanismMetrics {
  const metrics = runScenario(scenarioOf({ mechanisms: ['webhook'], ...(input as object) })).webhook;
  if (!metrics) throw new Error('webhook did not run');
  return metrics;
}

describe('the drain', () => {
  // The default scenario (10 receivers, 0.5 events/s each, 120 s) with the receiver down for the
  // last 60 s: the events of the outage are still being retried when the run reaches its end.
  const lastMinute = { webhook: { outages: [{ startSec: 60, durationSec: 60 }] } };
  const cut = once(() => webhookOf({ ...lastMinute, drainSec: 0 }));
  const drained = once(() => webhookOf(lastMinute));

  it('without it, a late outage shows as pending events and a flattering latency', () => {
    expect(cut().events.lost).toBe(0);
    const createdInOutage = sum(cut().series.eventsCreated.slice(60, 120));
    expect(cut().events.pending).toBeGreaterThan(0.9 * createdInOutage);
    expect(cut().latencyMs.max!).toBeLessThan(60_000);
  });

  it('resolves every event of the default retry schedule, each delivered once the receiver is back', () => {
    const m = drained();
    expect(m.events.pending).toBe(0);
    expect(m.events.lost).toBe(0);
    expect(m.events.delivered).toBe(m.events.created);
    expect(m.events.created).toBe(cut().events.created);
    // An event created as the outage began waits for the first retry after it: 63 s of backoff.
    expect(m.latencyMs.max!).toBeGreaterThan(60_000);
    expect(m.latencyMs.mean!).toBeGreaterThan(10 * cut().latencyMs.mean!);
  });

  it('counts as lost, not pending, the events whose every retry falls in an outage that outlasts the run', () => {
    const m = webhookOf({ webhook: { outages: [{ startSec: 60, durationSec: 600 }] } });
    expect(m.events.pending).toBe(0);
    // Eight attempts over 1 + 2 + … + 64 = 127 s all meet the 503: every event whose first attempt
    // reached the receiver after 60 s is dead-lettered (those within d of 60 s may go either way).
    expect(m.events.lost).toBeGreaterThanOrEqual(sum(m.series.eventsCreated.slice(61, 120)));
    expect(m.events.lost).toBeLessThanOrEqual(sum(m.series.eventsCreated.slice(59, 120)));
    expect(m.events.delivered + m.events.lost).toBe(m.events.created);
  });

  it('keeps durationSec as the denominator of rates, and counts no activity after it', () => {
    const m = drained();
    expect(m.requestsPerSec).toBe(m.requests / 120);
    expect(sum(m.series.requests)).toBe(m.requests);
    expect(sum(m.series.requests.slice(120))).toBe(0);
    expect(sum(m.series.eventsDelivered.slice(120))).toBeGreaterThan(0);
  });

  it('stops as soon as nothing is unresolved, and at once when nothing is left at the end', () => {
    const simulation = createSimulation(scenarioOf({ ...lastMinute, mechanisms: ['webhook'] }));
    simulation.runToEnd();
    expect(simulation.isDone()).toBe(true);
    // The last retry of the last outage event: less than 127 s of backoff after the end.
    expect(simulation.endMs()).toBeGreaterThan(120_000);
    expect(simulation.endMs()).toBeLessThan(120_000 + 130_000);
    const quiet = createSimulation(scenarioOf({ mechanisms: ['sse'], events: { ratePerSec: 0 } }));
    quiet.runToEnd();
    expect(quiet.endMs()).toBe(120_000);
  });

  it('gives up at drainSec, leaving what is still unresolved as pending', () => {
    const simulation = createSimulation(scenarioOf({ mechanisms: ['webhook'], drainSec: 10, webhook: { outages: [{ startSec: 60, durationSec: 600 }] } }));
    simulation.runToEnd();
    expect(simulation.endMs()).toBe(130_000);
    expect(simulation.totals('webhook').events.pending).toBeGreaterThan(0);
  });

  it('creates no event and sends no client message after durationSec', () => {
    const results = runScenario(scenarioOf({ clientMessages: { ratePerSec: 1 }, events: { ratePerSec: 2 }, durationSec: 30 }));
    for (const id of MECHANISM_IDS) {
      const m = results[id]!;
      expect(sum(m.series.eventsCreated.slice(30))).toBe(0);
      expect(sum(m.series.bytesUp.slice(30))).toBe(0);
      expect(m.events.pending).toBe(0);
    }
  });

  it('lets polling deliver the events of its last interval with one more poll', () => {
    const scenario = scenarioOf({ mechanisms: ['polling'], polling: { intervalMs: 10_000 }, drainSec: 0 });
    const cutPolling = runScenario(scenario).polling!;
    expect(cutPolling.events.pending).toBeGreaterThan(0);
    const drainedPolling = runScenario({ ...scenario, drainSec: 300 }).polling!;
    expect(drainedPolling.events.pending).toBe(0);
    expect(drainedPolling.events.delivered).toBe(cutPolling.events.created);
    expect(drainedPolling.requests).toBe(cutPolling.requests);
  });
});
