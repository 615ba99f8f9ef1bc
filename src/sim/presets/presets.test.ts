import { describe, expect, it } from 'vitest';
import { runScenario, type Results } from '../engine.ts';
import type { MechanismMetrics } from '../metrics/types.ts';
import type { ScenarioInput } from '../scenario/schema.ts';
import type { MechanismId, Scenario } from '../scenario/types.ts';
import { parseScenario } from '../scenario/validate.ts';
import { PRESETS, presetById } from './presets.ts';
import { sum } from '../testing/helpers.ts';

// Every preset must make its lesson visible in the numbers (issue 4: "its what-to-notice is
// visibly true"). Where a lesson is about a cause, the test also runs the preset with the cause
// removed and checks that the effect goes away.

function scenarioOf(id: string, change: ScenarioInput = {}): Scenario {
  const preset = presetById(id);
  if (!preset) throw new Error(`no preset ${id}`);
  const base: Record<string, unknown> = { ...preset.scenario };
  for (const [key, value] of Object.entries(change)) {
    const old = base[key];
    const nested = typeof value === 'object' && !Array.isArray(value) && typeof old === 'object' && !Array.isArray(old);
    base[key] = nested ? { ...old, ...value } : value;
  }
  const result = parseScenario(base);
  if (!result.ok) throw new Error(`invalid scenario:\n${result.errors.join('\n')}`);
  return result.scenario;
}

function run(id: string, change: ScenarioInput = {}): Results {
  return runScenario(scenarioOf(id, change));
}

function metricsOf(results: Results, id: MechanismId): MechanismMetrics {
  const metrics = results[id];
  if (!metrics) throw new Error(`no results for ${id}`);
  return metrics;
}

const overheadPerEvent = (m: MechanismMetrics) => m.bytes.overhead / m.events.delivered;
const eventsPerResponse = (m: MechanismMetrics) => m.events.delivered / m.responses;

describe('the preset library', () => {
  it.each(PRESETS.map((preset) => [preset.id, preset] as const))('parses %s without errors', (_, preset) => {
    const result = parseScenario(preset.scenario);
    expect(result.ok ? [] : result.errors).toEqual([]);
  });

  it('gives every preset a unique kebab-case id', () => {
    const ids = PRESETS.map((preset) => preset.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it('gives every preset a title, a what-to-notice paragraph and a §8 claim', () => {
    for (const preset of PRESETS) {
      expect(preset.title.trim()).not.toBe('');
      expect(preset.whatToNotice.trim().length).toBeGreaterThan(100);
      expect(preset.claim).toMatch(/^§8\.[1-6] \S/);
    }
  });

  it('finds a preset by its id and nothing for an unknown id', () => {
    expect(presetById('chat-room')?.title).toBe('Chat room');
    expect(presetById('no-such-preset')).toBeUndefined();
  });

  it('keeps every preset small enough for a browser: at most 200 clients and 180 s, or a short run', () => {
    for (const preset of PRESETS) {
      const scenario = scenarioOf(preset.id);
      expect(scenario.durationSec).toBeLessThanOrEqual(180);
      // Ten thousand clients only where the lesson is about a fleet that size, in a short run.
      if (scenario.clients > 200) expect(scenario.clients * scenario.durationSec).toBeLessThanOrEqual(10_000 * 90);
    }
  });
});

describe('each preset shows its lesson', () => {
  it('first look: most polls are empty and polled events wait about a second, push carries each in about d', () => {
    const results = run('first-look');
    const polling = metricsOf(results, 'polling');
    expect(polling.emptyRatio).toBeGreaterThan(0.7);
    // An event waits on average about half the 2 s interval, plus the 100 ms trip back.
    expect(polling.latencyMs.mean).toBeGreaterThan(800);
    expect(polling.latencyMs.mean).toBeLessThan(1400);
    for (const id of ['sse', 'websocket'] as const) {
      const push = metricsOf(results, id);
      expect(push.emptyResponses).toBe(0);
      expect(push.latencyMs.p95).toBeLessThan(110);
      expect(polling.requests).toBeGreaterThan(20 * push.requests);
    }
    // The lesson is there in the first 15 simulated seconds, which the opening plays (at 0.5×) in 30 s.
    const firstHalfMinute = polling.series.emptyResponses.slice(0, 15);
    const answers = polling.series.responses.slice(0, 15);
    expect(sum(firstHalfMinute) / sum(answers)).toBeGreaterThan(0.6);
  });

  it('chat room: a WebSocket sends chat lines upstream without HTTP headers and receives in about d', () => {
    const results = run('chat-room');
    const [polling, sse, websocket] = (['polling', 'sse', 'websocket'] as const).map((id) => metricsOf(results, id));
    const d = scenarioOf('chat-room').network.latencyMs;
    expect(sse.requests).toBeGreaterThan(sse.peakOpenConnections);
    expect(websocket.bytes.up).toBeLessThan(sse.bytes.up / 2);
    expect(websocket.bytes.overhead).toBeLessThan(sse.bytes.overhead / 2);
    // In the steady state: lines sent before a client had connected waited for it.
    expect(websocket.steady!.latencyMs.mean!).toBeLessThan(1.1 * d);
    expect(polling.steady!.latencyMs.mean!).toBeGreaterThan(10 * websocket.steady!.latencyMs.mean!);
  });

  it('stock ticker: polling is never empty, long polling batches and pays more headers than polling', () => {
    const results = run('stock-ticker');
    const [polling, longPolling, websocket] = (['polling', 'longPolling', 'websocket'] as const).map((id) =>
      metricsOf(results, id),
    );
    expect(polling.emptyRatio!).toBeLessThan(0.01);
    expect(eventsPerResponse(longPolling)).toBeGreaterThan(1);
    expect(longPolling.bytes.overhead).toBeGreaterThan(polling.bytes.overhead);
    expect(overheadPerEvent(websocket)).toBeLessThan(overheadPerEvent(polling) / 4);
    expect(overheadPerEvent(websocket)).toBeLessThan(overheadPerEvent(longPolling) / 20);
  });

  it('idle notifications: polls are almost all empty while webhooks send one request per event', () => {
    const scenario = scenarioOf('idle-notifications');
    const results = runScenario(scenario);
    const [polling, sse, webhook] = (['polling', 'sse', 'webhook'] as const).map((id) => metricsOf(results, id));
    const intervalSec = scenario.polling.intervalMs / 1000;
    expect(polling.emptyRatio!).toBeCloseTo(Math.exp(-scenario.events.ratePerSec * intervalSec), 2);
    expect(polling.requestsPerSec).toBeGreaterThan(0.9 * (scenario.clients / intervalSec));
    expect(sse.requests).toBe(scenario.clients);
    expect(polling.requests).toBeGreaterThan(50 * sse.requests);
    expect(webhook.requests).toBe(webhook.events.created);
    expect(webhook.events.delivered).toBe(webhook.events.created);
  });

  it('payment webhook outage: retries cover the outage, so nothing is lost but some events are a minute late', () => {
    const scenario = scenarioOf('payment-webhook-outage');
    const webhook = metricsOf(runScenario(scenario), 'webhook');
    const outageMs = scenario.webhook.outages[0].durationSec * 1000;
    expect(webhook.events.lost).toBe(0);
    // The drain lets the last retries finish: every event is delivered.
    expect(webhook.events.pending).toBe(0);
    expect(webhook.events.delivered).toBe(webhook.events.created);
    expect(webhook.latencyMs.max!).toBeGreaterThanOrEqual(outageMs);
    expect(webhook.requests).toBeGreaterThan(2 * webhook.events.created);
    // Retried events arrive after newer ones that went through at once: about a third out of order.
    expect(webhook.events.outOfOrder).toBeGreaterThan(0.25 * webhook.events.delivered);
    const noOutage = metricsOf(run('payment-webhook-outage', { webhook: { outages: [] } }), 'webhook');
    expect(noOutage.events.outOfOrder).toBeLessThan(0.01 * noOutage.events.delivered);
  });

  it('webhook timeouts: answers that miss the timeout are retried and processed twice', () => {
    const webhook = metricsOf(run('webhook-timeout-duplicates'), 'webhook');
    expect(webhook.events.lost).toBe(0);
    expect(webhook.events.duplicates).toBeGreaterThan(0.3 * webhook.events.created);
    expect(webhook.responses).toBeLessThan(webhook.requests);
  });

  it('reconciliation: an outage longer than the retries dead-letters webhooks while polling delivers everything', () => {
    const scenario = scenarioOf('webhook-reconciliation-polling');
    const results = runScenario(scenario);
    const [polling, webhook] = (['polling', 'webhook'] as const).map((id) => metricsOf(results, id));
    expect(webhook.events.lost).toBeGreaterThan(0.2 * webhook.events.created);
    expect(polling.events.lost).toBe(0);
    // The drain gives the last events one more poll: none is left waiting.
    expect(polling.events.pending).toBe(0);
    expect(polling.events.delivered).toBe(polling.events.created);
  });

  it('idle proxy: cut streams reconnect again and again, SSE resumes, and the cuts stop with heartbeats', () => {
    const scenario = scenarioOf('idle-proxy-cuts');
    const results = runScenario(scenario);
    const [longPolling, sse, websocket] = (['longPolling', 'sse', 'websocket'] as const).map((id) =>
      metricsOf(results, id),
    );
    const { clients, durationSec } = scenario;
    expect(sse.requests).toBeGreaterThan(3 * clients);
    expect(websocket.requests).toBeGreaterThan(3 * clients);
    expect(sse.events.lost).toBe(0);
    expect(websocket.events.lost).toBeGreaterThan(0);
    // Every 30 s long poll is cut at 20 s: none is answered empty, and the unanswered ones pile up.
    expect(longPolling.emptyResponses).toBe(0);
    expect(longPolling.requests - longPolling.responses).toBeGreaterThan((clients * durationSec) / 30);

    const fixed = run('idle-proxy-cuts', {
      sse: { heartbeatSec: 10 },
      websocket: { heartbeatSec: 10 },
      longPolling: { timeoutMs: 15000 },
    });
    expect(metricsOf(fixed, 'sse').requests).toBe(clients);
    expect(metricsOf(fixed, 'websocket').requests).toBe(clients);
    expect(metricsOf(fixed, 'websocket').events.lost).toBe(0);
    expect(metricsOf(fixed, 'longPolling').emptyResponses).toBeGreaterThan(0);
  });

  it('reconnect storm: under contention, full jitter reconnects everyone with fewer attempts and fewer losses', () => {
    const restartSec = scenarioOf('reconnect-storm-jitter').faults.serverRestarts[0].atSec;
    const { clients, server } = scenarioOf('reconnect-storm-no-jitter');
    const spread = metricsOf(run('reconnect-storm-jitter'), 'websocket');
    const herd = metricsOf(run('reconnect-storm-no-jitter'), 'websocket');
    // Both reconnect every client, once.
    expect(sum(herd.series.requests.slice(restartSec))).toBe(clients);
    expect(sum(spread.series.requests.slice(restartSec))).toBe(clients);
    // The herd's SYNs arrive together: only the accept queue's worth get in per wave.
    expect(Math.max(...herd.series.connectionAttempts.slice(restartSec))).toBe(clients);
    expect(Math.max(...herd.series.requests.slice(restartSec))).toBe(server.acceptBacklog);
    expect(spread.connectionAttempts).toBeLessThan(0.95 * herd.connectionAttempts);
    expect(spread.events.lost).toBeLessThan(0.8 * herd.events.lost);
    // Without contention (a queue that holds the whole herd) the lesson flips: jitter's extra
    // refused attempts while the server is down are all that is left.
    const roomy = { server: { acceptBacklog: clients } };
    const spreadRoomy = metricsOf(run('reconnect-storm-jitter', roomy), 'websocket');
    const herdRoomy = metricsOf(run('reconnect-storm-no-jitter', roomy), 'websocket');
    expect(spreadRoomy.connectionAttempts).toBeGreaterThan(herdRoomy.connectionAttempts);
  }, 60_000);

  it('restart behind a load balancer: every EventSource closes for good after the 502, unless the app re-creates it', () => {
    const scenario = scenarioOf('restart-behind-load-balancer');
    const results = runScenario(scenario);
    const [longPolling, sse, websocket] = (['longPolling', 'sse', 'websocket'] as const).map((id) => metricsOf(results, id));
    const { atSec } = scenario.faults.serverRestarts[0];
    expect(sse.sseClosedClients).toBe(scenario.clients);
    expect(sse.errorResponses).toBe(scenario.clients);
    // Everything created after the restart is lost to SSE; long polling and WebSockets come back.
    expect(sse.events.lost).toBeGreaterThanOrEqual(sum(sse.series.eventsCreated.slice(atSec + 1)));
    expect(sse.events.delivered).toBeLessThan(sum(sse.series.eventsCreated.slice(0, atSec + 1)));
    expect(longPolling.errorResponses).toBeGreaterThan(0);
    expect(longPolling.events.lost).toBe(0);
    expect(websocket.errorResponses).toBeGreaterThan(0);
    expect(websocket.series.openConnections.at(-1)).toBe(scenario.clients);

    const reopened = metricsOf(run('restart-behind-load-balancer', { sse: { reconnectOnError: true } }), 'sse');
    expect(reopened.sseClosedClients).toBe(0);
    expect(reopened.events.lost).toBe(0);
    const direct = metricsOf(
      run('restart-behind-load-balancer', { faults: { serverRestarts: [{ atSec, downSec: 10, via: 'direct' }] } }),
      'sse',
    );
    expect(direct.sseClosedClients).toBe(0);
    expect(direct.events.lost).toBe(0);
  });

  it('HTTP/2 narrows the gap: polling bytes per event fall to about the WebSocket\'s, requests and latency stay', () => {
    const h2 = run('http2-narrows-the-gap');
    const h1 = run('http2-narrows-the-gap', { http: { version: '1.1' } });
    const bytesPerEvent = (m: MechanismMetrics) => (m.bytes.up + m.bytes.down) / m.events.delivered;
    const ratio = (results: Results) => bytesPerEvent(metricsOf(results, 'polling')) / bytesPerEvent(metricsOf(results, 'websocket'));
    expect(ratio(h1)).toBeGreaterThan(3.5);
    expect(ratio(h2)).toBeLessThan(1.3);
    // WebSockets keep their HTTP/1.1 connection: identical under both versions.
    expect(metricsOf(h2, 'websocket').bytes).toEqual(metricsOf(h1, 'websocket').bytes);
    const [p1, p2] = [metricsOf(h1, 'polling'), metricsOf(h2, 'polling')];
    expect(Math.abs(p2.requests - p1.requests)).toBeLessThanOrEqual(0.01 * p1.requests);
    expect(Math.abs(p2.latencyMs.mean! - p1.latencyMs.mean!)).toBeLessThan(0.02 * p1.latencyMs.mean!);
    expect(p2.emptyRatio).toBeCloseTo(p1.emptyRatio!, 2);
  });

  it('blocked WebSockets: the fallback to long polling still delivers everything, at long-polling cost', () => {
    const scenario = scenarioOf('proxy-blocks-websocket');
    const results = runScenario(scenario);
    const [longPolling, sse, websocket] = (['longPolling', 'sse', 'websocket'] as const).map((id) =>
      metricsOf(results, id),
    );
    expect(websocket.events.lost).toBe(0);
    expect(websocket.events.delivered).toBeGreaterThanOrEqual(0.99 * websocket.events.created);
    expect(websocket.requests).toBeGreaterThan(scenario.clients + 0.5 * websocket.events.created);
    // One refused upgrade per client, then the same long polls as the long-polling column.
    expect(Math.abs(websocket.requests - scenario.clients - longPolling.requests)).toBeLessThanOrEqual(3);
    expect(websocket.latencyMs.mean!).toBeLessThan(1.2 * longPolling.latencyMs.mean!);
    expect(sse.requests).toBe(scenario.clients);
  });

  it('10,000 idle connections: every push connection costs memory while polling pays in requests', () => {
    const scenario = scenarioOf('ten-thousand-idle-connections');
    const results = runScenario(scenario);
    const { clients } = scenario;
    const perClientKb = scenario.server.memoryPerConnectionKb;
    for (const id of ['longPolling', 'sse', 'websocket'] as const) {
      expect(metricsOf(results, id).peakMemoryKb).toBe(clients * perClientKb);
    }
    const polling = metricsOf(results, 'polling');
    expect(polling.peakMemoryKb).toBeLessThan((clients * perClientKb) / 3);
    expect(polling.requestsPerSec).toBeGreaterThan(0.95 * (clients / (scenario.polling.intervalMs / 1000)));
    expect(polling.requestsPerSec).toBeLessThan(1.05 * (clients / (scenario.polling.intervalMs / 1000)));
    expect(polling.emptyRatio!).toBeGreaterThan(0.95);
    // After start-up, held streams cost no requests at all, and long polls one per hold.
    for (const id of ['sse', 'websocket'] as const) {
      const m = metricsOf(results, id);
      expect(m.requestsPerSec).toBeGreaterThan(0.25 * polling.requestsPerSec);
      expect(m.steady!.requestsPerSec).toBeLessThan(0.01 * polling.steady!.requestsPerSec);
    }
    const holdSec = scenario.longPolling.timeoutMs / 1000;
    expect(metricsOf(results, 'longPolling').steady!.requestsPerSec).toBeGreaterThan(0.9 * (clients / holdSec));
    expect(metricsOf(results, 'longPolling').steady!.requestsPerSec).toBeLessThan(1.1 * (clients / holdSec));
  });

  it('high-frequency updates: each long-polling client asks about once per round trip, with batching', () => {
    const scenario = scenarioOf('high-frequency-long-polling');
    const results = runScenario(scenario);
    const longPolling = metricsOf(results, 'longPolling');
    const d = scenario.network.latencyMs;
    const lambdaPerMs = scenario.events.ratePerSec / 1000;
    // A poll arrives 2d after the last answer; if nothing came meanwhile (probability e^(−2λd)) it
    // waits 1/λ more. The answer costs one serviceMs.
    const cycleMs = 2 * d + scenario.server.serviceMs + Math.exp(-2 * lambdaPerMs * d) / lambdaPerMs;
    const perClientPerSec = longPolling.requestsPerSec / scenario.clients;
    expect(perClientPerSec).toBeGreaterThan(0.97 * (1000 / cycleMs));
    expect(perClientPerSec).toBeLessThan(1.03 * (1000 / cycleMs));
    expect(perClientPerSec).toBeLessThan(1000 / (2 * d));
    expect(eventsPerResponse(longPolling)).toBeGreaterThan(1.5);
    expect(longPolling.latencyMs.mean!).toBeGreaterThan(1.8 * d);
    for (const id of ['sse', 'websocket'] as const) {
      expect(metricsOf(results, id).requests).toBe(scenario.clients);
      expect(metricsOf(results, id).steady!.latencyMs.mean!).toBeLessThan(1.1 * d);
    }
  });

  it('slow mobile network: loss adds retransmission timeouts on top of delay and jitter', () => {
    const scenario = scenarioOf('slow-mobile-network');
    const lossy = metricsOf(runScenario(scenario), 'sse');
    const lossless = metricsOf(run('slow-mobile-network', { network: { lossRate: 0 } }), 'sse');
    const { latencyMs, jitterMs, lossRate, rtoMs } = scenario.network;
    // Each lost segment costs a timeout of RTT + rtoMs (RTT ≥ 2d).
    const lossCostMs = lossRate * (2 * latencyMs + rtoMs);
    expect(lossless.latencyMs.mean!).toBeGreaterThanOrEqual(latencyMs + jitterMs / 2 - 10);
    expect(lossy.latencyMs.mean!).toBeGreaterThanOrEqual(lossless.latencyMs.mean! + lossCostMs);
    expect(lossy.latencyMs.p95!).toBeGreaterThanOrEqual(lossless.latencyMs.p95! + rtoMs);
    expect(lossy.latencyMs.p99!).toBeGreaterThan(3 * lossy.latencyMs.mean!);
  });
});
