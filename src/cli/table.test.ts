import { describe, expect, it } from 'vitest';
import type { MechanismMetrics, MetricSeries } from '../sim/metrics/types.ts';
import { DEFAULT_SCENARIO } from '../sim/scenario/defaults.ts';
import { formatNotes, formatNumber, formatSummary, formatTable } from './table.ts';

const emptySeries: MetricSeries = {
  requests: [],
  responses: [],
  emptyResponses: [],
  eventsCreated: [],
  eventsDelivered: [],
  eventsLost: [],
  duplicates: [],
  eventsOutOfOrder: [],
  latencyMeanMs: [],
  bytesUp: [],
  bytesDown: [],
  bytesOverhead: [],
  bytesPayload: [],
  openConnections: [],
  peakOpenConnections: [],
  serverUtilization: [],
  memoryKb: [],
  bytesWire: [],
  connectionAttempts: [],
  overloadRejections: [],
};

const polling: MechanismMetrics = {
  requests: 600,
  requestsPerSec: 5,
  responses: 600,
  emptyResponses: 540,
  emptyRatio: 0.9,
  events: { created: 60, delivered: 58, lost: 0, duplicates: 0, pending: 2, outOfOrder: 0 },
  latencyMs: { mean: 1104.25, p50: 1050, p95: 1980.5, p99: 2040, max: 2101 },
  bytes: { up: 420000, down: 162000, overhead: 570000, payload: 12000, wire: 640000 },
  peakOpenConnections: 10,
  connectionAttempts: 10, connectionFailures: 0, errorResponses: 0, sseClosedClients: 0,
    overload: { overloaded: false, refused: 0, peakQueued: 0, queueLimit: 1024 },
  serverUtilization: 0.000625,
  peakMemoryKb: 640,
  steady: null,
  series: emptySeries,
};

const webhook: MechanismMetrics = {
  requests: 0,
  requestsPerSec: 0,
  responses: 0,
  emptyResponses: 0,
  emptyRatio: null,
  events: { created: 0, delivered: 0, lost: 0, duplicates: 0, pending: 0, outOfOrder: 0 },
  latencyMs: { mean: null, p50: null, p95: null, p99: null, max: null },
  bytes: { up: 0, down: 0, overhead: 0, payload: 0, wire: 0 },
  peakOpenConnections: 0,
  connectionAttempts: 0, connectionFailures: 0, errorResponses: 0, sseClosedClients: 0,
    overload: { overloaded: false, refused: 0, peakQueued: 0, queueLimit: 1024 },
  serverUtilization: null,
  peakMemoryKb: 0,
  steady: null,
  series: emptySeries,
};

describe('formatTable', () => {
  const lines = formatTable({ webhook, polling }).split('\n');

  it('has one column per mechanism that ran, in the canonical order', () => {
    expect(lines[0].trim().split(/\s+/)).toEqual(['polling', 'webhook']);
  });

  it('has one row per metric, in the order of DESIGN.md §6', () => {
    expect(lines.slice(1).map((line) => line.split(/\s{2,}/)[0])).toEqual([
      'requests',
      'requests/s',
      'responses',
      'empty responses',
      'empty ratio',
      'events created',
      'events delivered',
      'events lost',
      'events duplicates',
      'events pending',
      'events out of order',
      'latency mean ms',
      'latency p50 ms',
      'latency p95 ms',
      'latency p99 ms',
      'latency max ms',
      'bytes up',
      'bytes down',
      'bytes overhead',
      'bytes payload',
      'bytes on the wire',
      'peak open connections',
      'connection attempts',
      'connection failures',
      'error responses',
      'SSE clients closed',
      'refused, queue full',
      'peak queued requests',
      'server utilization %',
      'peak memory KB',
      'steady from s',
      'steady requests/s',
      'steady empty ratio',
      'steady events created',
      'steady events delivered',
      'steady events lost',
      'steady events pending',
      'steady events out of order',
      'steady latency mean ms',
      'steady latency p95 ms',
      'steady bytes overhead',
      'steady peak open connections',
      'steady server utilization %',
    ]);
  });

  it('right-aligns every column so that all lines have the same width', () => {
    expect(new Set(lines.map((line) => line.length)).size).toBe(1);
    expect(lines[0]).toBe('                              polling  webhook');
  });

  it('shows a figure that does not exist as a dash, never as 0 or NaN', () => {
    const row = (label: string) => lines.find((line) => line.startsWith(`${label} `));
    expect(row('empty ratio')).toBe('empty ratio                      0.90        —');
    expect(row('latency p95 ms')).toBe('latency p95 ms                1,980.5        —');
    expect(row('server utilization %')).toBe('server utilization %              0.1        —');
    expect(row('steady requests/s')).toBe('steady requests/s                   —        —');
    expect(lines.join('\n')).not.toMatch(/NaN|Infinity|null/);
  });

  it('groups thousands and keeps a real zero as 0', () => {
    const row = (label: string) => lines.find((line) => line.startsWith(`${label} `));
    expect(row('bytes up')).toBe('bytes up                      420,000        0');
    expect(row('requests/s')).toBe('requests/s                       5.00     0.00');
  });
});

describe('formatNotes', () => {
  it('says which mechanisms ended with unresolved events, and that the figures exclude them', () => {
    expect(formatNotes({ webhook, polling })).toBe(
      'Note: polling: 2 events were still unresolved at the end of the run; the figures exclude them.',
    );
    expect(formatNotes({ webhook })).toBe('');
  });

  it('says which mechanisms had an overloaded server, with the refusals and the queue bound', () => {
    const overloaded = { ...webhook, overload: { overloaded: true, refused: 1234, peakQueued: 1000, queueLimit: 1000 } };
    expect(formatNotes({ webhook: overloaded })).toBe('Note: webhook: server overloaded, 1,234 requests refused with a 503 (queue full at 1,000).');
  });
});

describe('formatNumber', () => {
  it('groups thousands with commas regardless of locale', () => {
    expect(formatNumber(1234567)).toBe('1,234,567');
    expect(formatNumber(1234.567, 2)).toBe('1,234.57');
    expect(formatNumber(-1234)).toBe('-1,234');
    expect(formatNumber(999)).toBe('999');
  });
});

describe('formatSummary', () => {
  it('names the scenario, its clients, duration and seed', () => {
    expect(formatSummary(DEFAULT_SCENARIO)).toBe('Scenario "Default": 10 clients, 120 s, seed 1');
    expect(formatSummary({ ...DEFAULT_SCENARIO, clients: 1, name: 'One' })).toBe('Scenario "One": 1 client, 120 s, seed 1');
  });
});
