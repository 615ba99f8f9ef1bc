import { describe, expect, it } from 'vitest';
import type { MechanismTotals } from '../sim/metrics/types.ts';
import type { MechanismId } from '../sim/scenario/types.ts';
import { DEFAULT_SCENARIO } from '../sim/scenario/defaults.ts';
import { parseScenario } from '../sim/scenario/validate.ts';
import { presetById } from '../sim/presets/presets.ts';
import { runScenario } from '../sim/engine.ts';
import { FEATURES, flagFor, usualTable, USUAL_WORDS, type TableContext } from './usualTable.ts';

// The flag rules of "The usual table": each one fires exactly when the measurement contradicts the
// usual word, on hand-made totals; then on the engine's figures for presets whose lesson is that
// contradiction.

type Changes = Partial<Omit<MechanismTotals, 'bytes' | 'steady'>> & { lost?: number; delivered?: number; bytes?: number };

function totals(changes: Changes): MechanismTotals {
  const { lost = 0, delivered = 100, bytes = 10_000, ...rest } = changes;
  return {
    requests: 10,
    requestsPerSec: 1,
    responses: 10,
    emptyResponses: 0,
    emptyRatio: 0,
    events: { created: delivered + lost, delivered, lost, duplicates: 0, pending: 0, outOfOrder: 0 },
    latencyMs: { mean: 50, p50: 50, p95: 50, p99: 50, max: 50 },
    bytes: { up: bytes / 2, down: bytes / 2, overhead: bytes / 2, payload: bytes / 2, wire: bytes },
    peakOpenConnections: 10,
    serverUtilization: 0.01,
    peakMemoryKb: 640,
    connectionAttempts: 10,
    connectionFailures: 0,
    errorResponses: 0,
    sseClosedClients: 0,
    overload: { overloaded: false, refused: 0, peakQueued: 0, queueLimit: 1024 },
    steady: null,
    ...rest,
  };
}

const ctx = (t: Partial<Record<MechanismId, MechanismTotals>>): TableContext => ({ scenario: { ...DEFAULT_SCENARIO, clients: 10 }, totals: t });
const latency = (mean: number) => ({ mean, p50: mean, p95: mean, p99: mean, max: mean });

describe('the usual table’s flag rules', () => {
  it('persistent connections are flagged once each client reconnected at least once', () => {
    expect(flagFor('connection', 'websocket', ctx({ websocket: totals({ requests: 19 }) }))).toBeNull();
    expect(flagFor('connection', 'websocket', ctx({ websocket: totals({ requests: 20 }) }))).toMatch(/reconnected 1 times/);
    expect(flagFor('connection', 'polling', ctx({ polling: totals({ requests: 500 }) }))).toBeNull();
  });

  it('SSE’s own message POSTs are not counted as reconnections', () => {
    const c = ctx({ sse: totals({ requests: 10 + 10 * 120 }) });
    c.scenario = { ...c.scenario, clientMessages: { ratePerSec: 1, payloadBytes: 100 } };
    expect(flagFor('connection', 'sse', c)).toBeNull();
  });

  it('polling’s “High” latency is flagged within three network delays', () => {
    expect(flagFor('latency', 'polling', ctx({ polling: totals({ latencyMs: latency(150) }) }))).toMatch(/not slow/);
    expect(flagFor('latency', 'polling', ctx({ polling: totals({ latencyMs: latency(151) }) }))).toBeNull();
  });

  it('long polling’s “Lower” latency is flagged when it is no faster than polling', () => {
    const c = ctx({ polling: totals({ latencyMs: latency(400) }), longPolling: totals({ latencyMs: latency(400) }) });
    expect(flagFor('latency', 'longPolling', c)).toMatch(/no faster than polling/);
    c.totals.longPolling = totals({ latencyMs: latency(399) });
    expect(flagFor('latency', 'longPolling', c)).toBeNull();
  });

  it('push’s “Very low” latency is flagged beyond three network delays', () => {
    expect(flagFor('latency', 'sse', ctx({ sse: totals({ latencyMs: latency(151) }) }))).toMatch(/over three network delays/);
    expect(flagFor('latency', 'websocket', ctx({ websocket: totals({ latencyMs: latency(150) }) }))).toBeNull();
  });

  it('polling’s “Inefficient” bandwidth is flagged within 1.5× of push bytes per event', () => {
    const c = ctx({ polling: totals({ bytes: 15_000 }), websocket: totals({ bytes: 10_000 }) });
    expect(flagFor('bandwidth', 'polling', c)).toMatch(/within 1\.5× of push/);
    c.totals.polling = totals({ bytes: 15_100 });
    expect(flagFor('bandwidth', 'polling', c)).toBeNull();
  });

  it('long polling’s “More efficient” is flagged when it spends at least polling’s bytes per event', () => {
    expect(flagFor('bandwidth', 'longPolling', ctx({ polling: totals({}), longPolling: totals({}) }))).toMatch(/saved nothing/);
    expect(flagFor('bandwidth', 'longPolling', ctx({ polling: totals({}), longPolling: totals({ bytes: 9_999 }) }))).toBeNull();
  });

  it('WebSockets’ “Most efficient” is flagged when another mechanism spent fewer bytes per event', () => {
    expect(flagFor('bandwidth', 'websocket', ctx({ webhook: totals({ bytes: 9_000 }), websocket: totals({}) }))).toMatch(/^Webhooks used fewer bytes/);
    expect(flagFor('bandwidth', 'websocket', ctx({ webhook: totals({ bytes: 10_000 }), websocket: totals({}) }))).toBeNull();
  });

  it('polling’s “High” server load is flagged when push kept the server 1.5× busier', () => {
    expect(flagFor('serverLoad', 'polling', ctx({ polling: totals({ serverUtilization: 0.02 }), sse: totals({ serverUtilization: 0.03 }) }))).toMatch(/less busy than push/);
    expect(flagFor('serverLoad', 'polling', ctx({ polling: totals({ serverUtilization: 0.021 }), sse: totals({ serverUtilization: 0.03 }) }))).toBeNull();
  });

  it('push’s “Low” server load is flagged for holding twice polling’s memory in idle connections', () => {
    const c = ctx({ polling: totals({ peakMemoryKb: 100 }), websocket: totals({ peakMemoryKb: 200, serverUtilization: 0 }) });
    expect(flagFor('serverLoad', 'websocket', c)).toMatch(/memory for every idle client/);
    c.totals.websocket = totals({ peakMemoryKb: 199, serverUtilization: 0 });
    expect(flagFor('serverLoad', 'websocket', c)).toBeNull();
  });

  it('a “Low” or “Moderate-High” load is flagged when it is over 1.5× polling’s', () => {
    const c = ctx({ polling: totals({ serverUtilization: 0.01, peakMemoryKb: 640 }), longPolling: totals({ serverUtilization: 0.016 }) });
    expect(flagFor('serverLoad', 'longPolling', c)).toMatch(/over 1\.5× polling’s .*: every answer is a full request/);
    c.totals.longPolling = totals({ serverUtilization: 0.015 });
    expect(flagFor('serverLoad', 'longPolling', c)).toBeNull();
  });

  it('a “High” reliability is flagged by any lost event; long polling’s “Moderate” by losing nothing', () => {
    expect(flagFor('reliability', 'websocket', ctx({ websocket: totals({ lost: 1 }) }))).toMatch(/^1 events were lost/);
    expect(flagFor('reliability', 'polling', ctx({ polling: totals({}) }))).toBeNull();
    expect(flagFor('reliability', 'longPolling', ctx({ longPolling: totals({}) }))).toMatch(/Nothing was lost/);
    expect(flagFor('reliability', 'longPolling', ctx({ longPolling: totals({ lost: 2 }) }))).toBeNull();
    expect(flagFor('reliability', 'webhook', ctx({ webhook: totals({ lost: 50 }) }))).toBeNull();
  });

  it('communication and complexity are words only: never flagged', () => {
    for (const id of ['polling', 'longPolling', 'sse', 'websocket', 'webhook'] as const) {
      expect(flagFor('communication', id, ctx({ [id]: totals({ lost: 9, requests: 999 }) }))).toBeNull();
      expect(flagFor('complexity', id, ctx({ [id]: totals({}) }))).toBeNull();
    }
  });
});

describe('the usual table on the engine’s figures', () => {
  const run = (presetId: string) => {
    const parsed = parseScenario(presetById(presetId)!.scenario);
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
    return usualTable({ scenario: parsed.scenario, totals: runScenario(parsed.scenario) });
  };

  it('holds the seed’s seven rows for every mechanism of the run, each word beside a measured figure', () => {
    const table = run('proxy-blocks-websocket');
    expect(table.mechanisms).toEqual(['longPolling', 'sse', 'websocket']);
    for (const feature of FEATURES) {
      for (const id of table.mechanisms) {
        expect(table.cells[feature][id]?.word).toBe(USUAL_WORDS[feature][id]);
        expect(table.cells[feature][id]?.measured).not.toBe('');
      }
    }
  });

  it('a stock ticker flags polling’s “Inefficient” bandwidth: busy polls carry news', () => {
    expect(run('stock-ticker').cells.bandwidth.polling?.flag).toMatch(/within 1\.5× of push/);
  });

  it('a proxy that cuts idle connections flags “Persistent” and WebSockets’ “High” reliability', () => {
    const table = run('idle-proxy-cuts');
    expect(table.cells.connection.sse?.flag).toMatch(/reconnected/);
    expect(table.cells.connection.websocket?.flag).toMatch(/reconnected/);
    expect(table.cells.reliability.websocket?.flag).toMatch(/events were lost/);
    expect(table.cells.reliability.sse?.flag).toBeNull();
  });
});
