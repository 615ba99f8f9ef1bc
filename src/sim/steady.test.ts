import { describe, expect, it } from 'vitest';
import { createSimulation, runScenario } from './engine.ts';
import type { MechanismMetrics, SteadyTotals } from './metrics/types.ts';
import type { MechanismId } from './scenario/types.ts';
import { warmupSecOf } from './scenario/warmup.ts';
import { expectOutside, expectWithin, once, scenarioOf } from './testing/helpers.ts';

// The steady-state window (issue 8, item 1) against closed forms: after start-up, polling sends
// N/T requests a second and finds nothing in e^(−λT) of its polls, long polling asks N/E[C] times a
// second, and held streams make no request at all — while the whole-run figures still average the
// start-up in.

function run(input: unknown, id: MechanismId): MechanismMetrics {
  const metrics = runScenario(scenarioOf(input))[id];
  if (!metrics) throw new Error(`${id} did not run`);
  return metrics;
}

function steadyOf(m: MechanismMetrics): SteadyTotals {
  if (!m.steady) throw new Error('no steady-state window');
  return m.steady;
}

const D_MS = 50;

describe('the steady-state window', () => {
  it('covers [warm-up, durationSec) and is empty (null) before the warm-up has passed', () => {
    const scenario = scenarioOf({ durationSec: 60, warmupSec: 20, mechanisms: ['sse'] });
    const simulation = createSimulation(scenario);
    simulation.advanceTo(20_000);
    expect(simulation.totals('sse').steady).toBeNull();
    simulation.advanceTo(30_000);
    expect(simulation.totals('sse').steady).toMatchObject({ fromSec: 20, toSec: 30 });
    simulation.runToEnd();
    expect(simulation.totals('sse').steady).toMatchObject({ fromSec: 20, toSec: 60 });
  });

  it('starts by default once every client has connected and had an answer, never later than ¾ of the run', () => {
    // max(spread 2 s, T = 2 s) + 4 round trips of 100 ms + 10 clients × 1 ms / 8 workers → 3 s.
    expect(warmupSecOf(scenarioOf({}))).toBe(3);
    // The pollers' phase spans T = 30 s: the window waits for it.
    expect(warmupSecOf(scenarioOf({ polling: { intervalMs: 30_000 } }))).toBe(31);
    expect(warmupSecOf(scenarioOf({ durationSec: 8, polling: { intervalMs: 30_000 } }))).toBe(6);
    expect(warmupSecOf(scenarioOf({ warmupSec: 12 }))).toBe(12);
  });

  describe('polling on a fixed rate', () => {
    const T_MS = 2000;
    const RATE = 0.5;
    const CLIENTS = 400;
    const polling = once(() =>
      run(
        {
          mechanisms: ['polling'],
          clients: CLIENTS,
          durationSec: 600,
          network: { latencyMs: D_MS },
          events: { ratePerSec: RATE },
          polling: { intervalMs: T_MS, schedule: 'fixedRate' },
        },
        'polling',
      ),
    );

    it('sends N/T requests per second', () => {
      const steady = steadyOf(polling());
      // Random phases leave at most one poll per client more or less in the window.
      expectWithin(steady.requestsPerSec, CLIENTS / (T_MS / 1000), 0.002);
      expectOutside(steady.requestsPerSec, CLIENTS / (T_MS / 1000 + (2 * D_MS) / 1000), 0.02);
    });

    it('finds nothing new in a fraction e^(−λT) of its polls', () => {
      expectWithin(steadyOf(polling()).emptyRatio, Math.exp(-RATE * (T_MS / 1000)), 0.01);
      expectOutside(steadyOf(polling()).emptyRatio, Math.exp(-RATE * (T_MS / 2000)), 0.1);
    });

    it('leaves the first polls, which pay the TLS handshake, out of the overhead per poll', () => {
      const m = polling();
      const steady = steadyOf(m);
      expect(steady.bytes.overhead / steady.requests).toBeLessThan(m.bytes.overhead / m.requests);
    });
  });

  describe('long polling', () => {
    const CLIENTS = 300;
    const HOLD_MS = 20_000;

    it('asks N/(H + 2d) times a second when nothing happens, once the clients are spread over one hold', () => {
      const idle = run(
        {
          mechanisms: ['longPolling'],
          clients: CLIENTS,
          durationSec: 300,
          clientStartSpreadSec: HOLD_MS / 1000,
          network: { latencyMs: D_MS, tls: 'none' },
          server: { serviceMs: 0, pushServiceMs: 0 },
          events: { ratePerSec: 0 },
          longPolling: { timeoutMs: HOLD_MS },
        },
        'longPolling',
      );
      const cycleMs = HOLD_MS + 2 * D_MS;
      expectWithin(steadyOf(idle).requestsPerSec, CLIENTS / (cycleMs / 1000), 0.02);
      expect(steadyOf(idle).emptyRatio).toBe(1);
    });

    it('asks N/E[C] times a second with E[C] = B + e^(−λB)(1 − e^(−λH))/λ under a stream of events', () => {
      const d = 100;
      const rate = 2;
      const hold = 1000;
      const busy = run(
        {
          mechanisms: ['longPolling'],
          clients: CLIENTS,
          durationSec: 300,
          network: { latencyMs: d, tls: 'none' },
          server: { serviceMs: 0, pushServiceMs: 0 },
          events: { ratePerSec: rate },
          longPolling: { timeoutMs: hold },
        },
        'longPolling',
      );
      const lambda = rate / 1000;
      const blind = 2 * d;
      const meanCycleMs = blind + (Math.exp(-lambda * blind) * (1 - Math.exp(-lambda * hold))) / lambda;
      expectWithin(steadyOf(busy).requestsPerSec, CLIENTS / (meanCycleMs / 1000), 0.01);
      expectOutside(steadyOf(busy).requestsPerSec, CLIENTS / ((blind + hold) / 1000), 0.1);
    });
  });

  describe.each(['sse', 'websocket'] as const)('%s', (id) => {
    const CLIENTS = 500;
    const DURATION_SEC = 60;
    const m = once(() =>
      run({ mechanisms: [id], clients: CLIENTS, durationSec: DURATION_SEC, clientStartSpreadSec: 10, events: { ratePerSec: 0.2 } }, id),
    );

    it('makes no request at all after start-up, while the whole run averages the connection storm in', () => {
      expect(m().requestsPerSec).toBe(CLIENTS / DURATION_SEC);
      expect(steadyOf(m()).requests).toBe(0);
      expect(steadyOf(m()).requestsPerSec).toBe(0);
      expect(steadyOf(m()).peakOpenConnections).toBe(CLIENTS);
    });

    it('delivers every event of the window one transit after its creation', () => {
      const steady = steadyOf(m());
      expect(steady.events.delivered).toBe(steady.events.created);
      expectWithin(steady.latencyMs.mean, D_MS + 0.1, 0.002);
      // The whole run counts the events that waited for their client's first connection.
      expect(m().latencyMs.mean!).toBeGreaterThan(2 * steady.latencyMs.mean!);
    });
  });

  it('keeps a synchronised start-up storm when the spread is 0: every client connects in the first second', () => {
    const storm = run({ mechanisms: ['websocket'], clients: 200, durationSec: 30, clientStartSpreadSec: 0 }, 'websocket');
    expect(storm.series.requests[0]).toBe(200);
    const spread = run({ mechanisms: ['websocket'], clients: 200, durationSec: 30, clientStartSpreadSec: 10 }, 'websocket');
    expect(Math.max(...spread.series.requests)).toBeLessThan(40);
  });
});
