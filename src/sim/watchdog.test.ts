import { describe, expect, it } from 'vitest';
import { DEFAULT_SCENARIO } from './scenario/defaults.ts';
import type { Scenario } from './scenario/types.ts';
import { createSimulation } from './engine.ts';
import { SimulationStalledError } from './watchdog.ts';

// The schema refuses timers this short; the engine is also called with scenarios built in code
// (tests, the benchmark), and must never spin forever on one.
const unchecked = (patch: (s: Scenario) => void): Scenario => {
  const scenario = structuredClone(DEFAULT_SCENARIO);
  patch(scenario);
  return scenario;
};

// The watchdog waits for millions of events at one instant before it bites (watchdog.ts): a second
// or two each alone, several on a loaded machine.
const STALL_TEST_MS = 30_000;

describe('the engine watchdog', () => {
  it('stops a run whose heartbeat keeps simulated time at one instant, naming the field', () => {
    const scenario = unchecked((s) => {
      s.mechanisms = ['sse'];
      s.clients = 10;
      s.durationSec = 20;
      s.sse.heartbeatSec = 5e-324;
    });
    const simulation = createSimulation(scenario);
    let thrown: unknown = null;
    try {
      simulation.runToEnd();
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(SimulationStalledError);
    expect((thrown as SimulationStalledError).fields[0]).toBe('sse.heartbeatSec');
    expect((thrown as Error).message).toMatch(/^simulated time stopped advancing at \d+\.\d{3} s in sse: [\d,]+ events happened at that instant\. A timer is too short to simulate; check sse\.heartbeatSec and sse\.retryMs\.$/);
  }, STALL_TEST_MS);

  it('names the WebSocket heartbeat for a WebSocket run', () => {
    const scenario = unchecked((s) => {
      s.mechanisms = ['websocket'];
      s.clients = 3;
      s.websocket.heartbeatSec = 1e-300;
    });
    expect(() => createSimulation(scenario).runToEnd()).toThrow(/check websocket\.heartbeatSec/);
  }, STALL_TEST_MS);

  it('lets a busy but moving run finish: a burst broadcast to many clients at one instant', () => {
    const scenario = unchecked((s) => {
      s.clients = 2000;
      s.durationSec = 5;
      s.mechanisms = ['websocket', 'sse'];
      s.network.jitterMs = 0;
      s.events = { ...s.events, process: 'bursty', burstSize: 200, ratePerSec: 400, audience: 'broadcast' };
    });
    const simulation = createSimulation(scenario);
    simulation.runToEnd();
    expect(simulation.results().sse?.events.delivered).toBeGreaterThan(100_000);
  }, STALL_TEST_MS);
});
