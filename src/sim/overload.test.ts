import { describe, expect, it } from 'vitest';
import { runScenario } from './engine.ts';
import type { MechanismMetrics } from './metrics/types.ts';
import type { MechanismId } from './scenario/types.ts';
import { DEFAULT_SCENARIO } from './scenario/defaults.ts';
import { parseScenario } from './scenario/validate.ts';
import { expectOutside, once, scenarioOf, sum } from './testing/helpers.ts';

// The server's bounded request queue (server.maxQueuedRequests, issue 10 item 3). Fixed-rate
// polling makes a deterministic arrival stream the server cannot slow down, so an overload has a
// closed form: requests arrive at λ = clients / T, workers finish μ = workers / serviceMs; once the
// queue holds L requests every arrival beyond service is refused, (λ − μ)·t − L by time t.

/** The metrics without the queue's own summary (whose queueLimit differs by construction). */
function withoutOverload(m: MechanismMetrics): unknown {
  return { ...m, overload: null, steady: m.steady && { ...m.steady, overload: null } };
}

function run(input: object, id: MechanismId): MechanismMetrics {
  const metrics = runScenario(scenarioOf({ mechanisms: [id], ...input }))[id];
  if (!metrics) throw new Error(`${id} did not run`);
  return metrics;
}

/** λ = clients/s of fixed-rate polls against μ = workers / serviceMs; no events, no TLS, no drain. */
function overloadScenario(clients: number, workers: number, serviceMs: number, limit: number, durationSec: number) {
  return {
    clients,
    durationSec,
    drainSec: 0,
    network: { latencyMs: 10, tls: 'none' },
    server: { workers, serviceMs, maxQueuedRequests: limit },
    events: { ratePerSec: 0 },
    polling: { intervalMs: 1000, schedule: 'fixedRate' },
  };
}

describe('an overloaded server with a bounded request queue', () => {
  const T_SEC = 20;
  const LIMIT = 500;
  const LAMBDA = 200; // 200 clients polling once a second
  const MU = 100; // one worker, 10 ms a request
  const polling = once(() => run(overloadScenario(LAMBDA, 1, 10, LIMIT, T_SEC), 'polling'));

  it('refuses (λ − μ)·T − L requests once the queue is full, within one request', () => {
    const { refused } = polling().overload;
    const expected = (LAMBDA - MU) * T_SEC - LIMIT; // 1,500
    expect(Math.abs(refused - expected)).toBeLessThanOrEqual(1);
    // Refusing every arrival while full (λ·t − L) would be far off.
    expectOutside(refused, LAMBDA * T_SEC - LIMIT, 0.5);
  });

  it('starts refusing when L/(λ − μ) seconds have filled the queue, then refuses λ − μ every second', () => {
    const series = polling().series.overloadRejections;
    const fullAtSec = LIMIT / (LAMBDA - MU); // 5 s
    expect(sum(series.slice(0, fullAtSec - 1))).toBe(0);
    for (let s = fullAtSec + 1; s < T_SEC; s++) expect(Math.abs(series[s] - (LAMBDA - MU)), `second ${s}`).toBeLessThanOrEqual(1);
  });

  it('never lets more than L requests wait, reports the server overloaded and answers each refusal with a 503', () => {
    const m = polling();
    expect(m.overload).toEqual({ overloaded: true, refused: m.overload.refused, peakQueued: LIMIT, queueLimit: LIMIT });
    // Every refused poll is answered (the answers of the last few land after the end of the run).
    expect(m.errorResponses).toBeLessThanOrEqual(m.overload.refused);
    expect(m.errorResponses).toBeGreaterThanOrEqual(m.overload.refused - 1);
    expect(m.requests).toBe(LAMBDA * T_SEC);
  });

  it('follows the same closed form with several workers', () => {
    // 4 workers × 50 requests/s = 200/s against 300 polls/s, a queue of 100, over 30 s.
    const m = run(overloadScenario(300, 4, 20, 100, 30), 'polling');
    expect(Math.abs(m.overload.refused - ((300 - 200) * 30 - 100))).toBeLessThanOrEqual(4);
    expect(m.overload.peakQueued).toBe(100);
  });

  it('refuses nothing below capacity, and the bound then changes no figure at all', () => {
    const below = overloadScenario(50, 1, 10, LIMIT, T_SEC);
    const bounded = run(below, 'polling');
    expect(bounded.overload.overloaded).toBe(false);
    expect(bounded.overload.refused).toBe(0);
    expect(sum(bounded.series.overloadRejections)).toBe(0);
    const roomy = run({ ...below, server: { ...below.server, maxQueuedRequests: 1_000_000 } }, 'polling');
    expect(withoutOverload(bounded)).toEqual(withoutOverload(roomy));
  });

  it('leaves every mechanism of the default scenario unrefused and unchanged by the bound', () => {
    const results = runScenario(DEFAULT_SCENARIO);
    const roomy = runScenario({ ...DEFAULT_SCENARIO, server: { ...DEFAULT_SCENARIO.server, maxQueuedRequests: 1_000_000 } });
    for (const id of DEFAULT_SCENARIO.mechanisms) {
      const m = results[id]!;
      expect(m.overload, id).toMatchObject({ overloaded: false, refused: 0, queueLimit: 1024 });
      expect(JSON.stringify(withoutOverload(m)), id).toBe(JSON.stringify(withoutOverload(roomy[id]!)));
    }
  });
});

describe('each mechanism answers a 503 as it answers any error', () => {
  // One slow worker, no room to wait and everyone at once: most first requests are refused.
  const crowd = { clients: 50, durationSec: 30, clientStartSpreadSec: 0, network: { latencyMs: 10, tls: 'none' }, server: { workers: 1, serviceMs: 20, maxQueuedRequests: 0 }, events: { ratePerSec: 0.5 } };

  for (const id of ['polling', 'longPolling', 'websocket'] as const) {
    it(`${id} asks again after a refusal and delivers every event in the end`, () => {
      const m = run(crowd, id);
      expect(m.overload.refused).toBeGreaterThan(0);
      // Each refusal is a 503 answer; one sent just before the end may arrive after it (uncounted).
      expect(m.errorResponses).toBeLessThanOrEqual(m.overload.refused);
      expect(m.errorResponses).toBeGreaterThanOrEqual(m.overload.refused - crowd.clients);
      expect(m.events).toMatchObject({ lost: 0, pending: 0, delivered: m.events.created });
    });
  }

  it('an EventSource refused with a 503 closes for good, and its events are lost (WHATWG HTML §9.2.3)', () => {
    const m = run(crowd, 'sse');
    expect(m.overload.refused).toBeGreaterThan(0);
    expect(m.sseClosedClients).toBe(m.overload.refused);
    expect(m.events.lost).toBe(m.events.created - m.events.delivered);
  });

  it('an EventSource that the application re-creates after a 503 gets every event', () => {
    const m = run({ ...crowd, sse: { reconnectOnError: true } }, 'sse');
    expect(m.overload.refused).toBeGreaterThan(0);
    expect(m.sseClosedClients).toBe(0);
    expect(m.events).toMatchObject({ lost: 0, pending: 0 });
  });

  it('a webhook provider with a full queue retries the refused attempt, then dead-letters it', () => {
    // 200 events/s against 50 signatures/s: most attempts are refused, each counts as an attempt.
    const input = { clients: 1, durationSec: 10, events: { ratePerSec: 200 }, server: { workers: 1, serviceMs: 20, maxQueuedRequests: 10 } };
    const once = run({ ...input, webhook: { retry: { maxAttempts: 1 } } }, 'webhook');
    const twice = run({ ...input, webhook: { retry: { maxAttempts: 2 } } }, 'webhook');
    for (const m of [once, twice]) {
      expect(m.overload.overloaded).toBe(true);
      expect(m.overload.peakQueued).toBe(10);
      expect(m.events.delivered + m.events.lost + m.events.pending).toBe(m.events.created);
      expect(m.events.lost).toBeGreaterThan(0);
    }
    // With one attempt, a refused event is dead-lettered at once: one refusal per loss.
    expect(once.overload.refused).toBe(once.events.lost);
    expect(twice.events.delivered).toBeGreaterThan(once.events.delivered);
  });

  it('refuses client messages (POSTs) too, and the poller still delivers every event', () => {
    const quiet = run(crowd, 'polling');
    const chatty = run({ ...crowd, clientMessages: { ratePerSec: 5 } }, 'polling');
    // 50 clients × 5 messages/s compete with the polls for the one worker.
    expect(chatty.overload.refused).toBeGreaterThan(quiet.overload.refused + 1000);
    expect(chatty.events).toMatchObject({ lost: 0, pending: 0 });
  });
});

describe('server.maxQueuedRequests in a scenario', () => {
  it('defaults to Envoy\'s max_pending_requests, 1,024', () => {
    expect(scenarioOf({}).server.maxQueuedRequests).toBe(1024);
  });

  it('is an integer from 0 to 1,000,000, named in the error otherwise', () => {
    for (const bad of [-1, 2.5, 1_000_001, 'many']) {
      const result = parseScenario({ server: { maxQueuedRequests: bad } });
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.errors[0]).toMatch(/^server\.maxQueuedRequests: must be an integer from 0 to 1000000 \(got /);
    }
    expect(parseScenario({ server: { maxQueuedRequests: 0 } }).ok).toBe(true);
  });
});
