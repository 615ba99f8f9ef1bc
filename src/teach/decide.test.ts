import { describe, expect, it } from 'vitest';
import { recommend } from './decide.ts';
import { DEFAULT_REQUIREMENTS, pollingIntervalFor, scenarioFor, type Requirements } from './requirements.ts';
import { estimate } from './estimates.ts';
import { runScenario } from '../sim/engine.ts';
import { formatRate } from '../ui/format.ts';

// One test per decision rule (in the order they are tried), the notes added after, and the
// figures the reasons quote checked against closed forms and the engine.

const req = (changes: Partial<Requirements>): Requirements => ({ ...DEFAULT_REQUIREMENTS, ...changes });
const text = (r: { reasons: string[]; notes: string[] }) => [...r.reasons, ...r.notes].join('\n').replaceAll('\u00a0', ' ');

describe('which mechanism: the rules', () => {
  it('another organisation’s server gets webhooks, with a reconciliation poll as the fallback', () => {
    const r = recommend(req({ receiver: 'server', clients: 50, updatesPerSec: 0.1 }));
    expect([r.rule, r.mechanism, r.fallback]).toEqual(['serverReceiver', 'webhook', 'polling']);
    expect(text(r)).toContain('Webhooks send one request per event: 5 requests/s for your 50 receivers');
    expect(text(r)).toMatch(/deduplicate by event id/);
  });

  it('a receiving server wins over every other requirement, serverless and both directions included', () => {
    expect(recommend(req({ receiver: 'server', serverless: true, direction: 'both' })).mechanism).toBe('webhook');
  });

  it('a harmless loss drops the reconciliation warning for webhooks', () => {
    expect(text(recommend(req({ receiver: 'server', lossCost: 'harmless' })))).not.toMatch(/deduplicate/);
  });

  it('serverless with a delay polling can meet recommends polling, long polling as the fallback', () => {
    const r = recommend(req({ serverless: true, acceptableDelayMs: 5000 }));
    expect([r.rule, r.mechanism, r.fallback]).toEqual(['serverless', 'polling', 'longPolling']);
    expect(pollingIntervalFor(5000)).toBe(9799);
    expect(text(r)).toContain('Polling every 9.8 s meets your delay of 5 s: 101 requests/s');
  });

  it('serverless with a tight delay recommends long polling with holds under the function’s limit', () => {
    const r = recommend(req({ serverless: true, acceptableDelayMs: 100 }));
    expect([r.rule, r.mechanism, r.fallback]).toEqual(['serverless', 'longPolling', 'polling']);
    expect(r.scenario.longPolling.timeoutMs).toBe(20_000);
  });

  it('both directions recommends WebSockets with SSE + POSTs as the fallback, quoting the upstream bytes', () => {
    const r = recommend(req({ direction: 'both', clients: 100, clientMessagesPerSec: 1 }));
    expect([r.rule, r.mechanism, r.fallback]).toEqual(['bothWays', 'websocket', 'sse']);
    // 100 clients × 1 message/s × (100 B + 6 B frame) against × (700 B head + 100 B).
    expect(text(r)).toContain('cost 10.6 kB/s as WebSocket frames against 80 kB/s as HTTP POSTs');
  });

  it('both directions behind a proxy that blocks WebSockets recommends SSE + POSTs, long polling as the fallback', () => {
    const r = recommend(req({ direction: 'both', proxyBlocksWebSocket: true }));
    expect([r.rule, r.mechanism, r.fallback]).toEqual(['bothWays', 'sse', 'longPolling']);
  });

  it('a delay of a minute or more recommends plain polling, SSE as the fallback', () => {
    const r = recommend(req({ acceptableDelayMs: 60_000, clients: 1000 }));
    expect([r.rule, r.mechanism, r.fallback]).toEqual(['relaxedDelay', 'polling', 'sse']);
    // 1,000 clients / (T + 2d + service), T = 2 × 60 s − 4d − service (plus a reconnect per poll
    // where the engine's polling theory counts one).
    const rate = estimate('polling', scenarioFor(req({ acceptableDelayMs: 60_000, clients: 1000 }), ['polling'])).requestsPerSec;
    expect(rate).toBeCloseTo(1000 / 120, 1);
    expect(text(r)).toContain(`polling every 120 s meets that with ${formatRate(rate)} requests/s`);
    expect(text(r)).toContain('about 62.5 MB of server memory');
  });

  it('a tight delay one way recommends SSE with long polling as the fallback', () => {
    const r = recommend(req({ acceptableDelayMs: 500, updatesPerSec: 0.2 }));
    expect([r.rule, r.mechanism, r.fallback]).toEqual(['pushStream', 'sse', 'longPolling']);
  });

  it('a busy stream makes WebSockets the fallback instead of long polling, or polling when upgrades are blocked', () => {
    const busy = recommend(req({ acceptableDelayMs: 200, updatesPerSec: 20 }));
    expect([busy.mechanism, busy.fallback]).toEqual(['sse', 'websocket']);
    expect(text(busy)).toMatch(/Long polling degrades at 20 updates\/s/);
    expect(recommend(req({ acceptableDelayMs: 200, updatesPerSec: 20, proxyBlocksWebSocket: true })).fallback).toBe('polling');
  });
});

describe('which mechanism: the notes', () => {
  it('a proxy idle timeout asks for heartbeats under it on a persistent mechanism', () => {
    expect(text(recommend(req({ proxyIdleTimeoutSec: 20 })))).toContain('every 10 s');
    expect(text(recommend(req({ proxyIdleTimeoutSec: 20, acceptableDelayMs: 60_000 })))).not.toContain('heartbeats');
  });

  it('SSE over HTTP/1.1 warns of the six-connection limit', () => {
    expect(text(recommend(req({ http2: false })))).toMatch(/six connections per site/);
    expect(text(recommend(req({ http2: true })))).not.toMatch(/six connections/);
  });

  it('an unacceptable loss asks for replay on WebSockets and for re-creating the EventSource on SSE', () => {
    expect(text(recommend(req({ direction: 'both', lossCost: 'unacceptable' })))).toMatch(/replay from the last id/);
    expect(text(recommend(req({ lossCost: 'unacceptable' })))).toMatch(/re-create it in code/);
  });
});

describe('which mechanism: the figures', () => {
  it('the polling interval meets the acceptable mean delay: (T + 2d + 1 ms)/2 + d', () => {
    const t = pollingIntervalFor(2000);
    expect((t + 100 + 1) / 2 + 50).toBeCloseTo(2000, 0);
    expect(pollingIntervalFor(10)).toBe(100);
  });

  it('"Show me" runs the user’s figures with both candidates, and the engine agrees with the estimate', () => {
    const r = recommend(req({ clients: 200, updatesPerSec: 0.5, acceptableDelayMs: 3000 }));
    expect(r.scenario.mechanisms).toEqual(['longPolling', 'sse']);
    expect(r.scenario.clients).toBe(200);
    expect(r.scenario.events.ratePerSec).toBe(0.5);
    const polling = scenarioFor(req({ clients: 200, updatesPerSec: 0.5, acceptableDelayMs: 3000 }), ['polling']);
    const measured = runScenario(polling).polling!;
    const estimated = estimate('polling', polling);
    expect(Math.abs(measured.requestsPerSec - estimated.requestsPerSec) / estimated.requestsPerSec).toBeLessThan(0.05);
    expect(Math.abs(measured.latencyMs.mean! - 3000) / 3000).toBeLessThan(0.08);
  });
});
