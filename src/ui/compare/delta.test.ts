import { describe, expect, it } from 'vitest';
import { recordRun } from '../../sim/recording.ts';
import { parseScenario } from '../../sim/scenario/validate.ts';
import type { Scenario } from '../../sim/scenario/types.ts';
import { buildVariant } from '../../state/compareVariant.ts';
import { formatBytes, formatPercent, formatRate } from '../format.ts';
import { COMPARE_COLUMNS, absText, compareRows, delta, effectText, focusMechanism, relText } from './delta.ts';

// The deltas of "Compare with…" from two real engine runs: B − A of the engine's own figures, the
// direction that is better, and a figure that was 0 in A.

function scenarioOf(input: unknown): Scenario {
  const parsed = parseScenario(input);
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  return parsed.scenario;
}
function variantOf(a: Scenario, changes: unknown): Scenario {
  const built = buildVariant(a, changes);
  if (!built.ok) throw new Error(built.errors.join('\n'));
  return built.scenario;
}
const column = (key: string) => COMPARE_COLUMNS.findIndex((c) => c.key === key);

const A = scenarioOf({ durationSec: 60, clients: 4, mechanisms: ['polling', 'sse'] });
const B = variantOf(A, { polling: { intervalMs: 10_000 } });
const runA = recordRun(A, 5);
const runB = recordRun(B, 5);

describe('the deltas of two runs', () => {
  const rows = compareRows(runA, runB, 'steady');
  const polling = rows.find((r) => r.id === 'polling');
  if (!polling) throw new Error('no polling row');

  it('are B − A of the engine’s steady-state figures, per client per minute for requests', () => {
    const steadyA = runA.mechanisms.polling?.final.steady;
    const steadyB = runB.mechanisms.polling?.final.steady;
    if (!steadyA || !steadyB) throw new Error('no steady state');
    const requests = polling.deltas[column('requestsPerClientMin')];
    expect(requests.a).toBe((steadyA.requestsPerSec * 60) / 4);
    expect(requests.b).toBe((steadyB.requestsPerSec * 60) / 4);
    expect(requests.abs).toBe((requests.b ?? 0) - (requests.a ?? 0));
    expect(requests.rel).toBe((requests.abs ?? 0) / (requests.a ?? 1));
    const latency = polling.deltas[column('meanLatency')];
    expect(latency.a).toBe(steadyA.latencyMs.mean);
    expect(latency.b).toBe(steadyB.latencyMs.mean);
  });

  it('say a longer interval means fewer requests (better) and later news (worse)', () => {
    const requests = polling.deltas[column('requestsPerClientMin')];
    // About 30 polls a minute against 6: four fifths fewer.
    expect(requests.rel).toBeGreaterThan(-0.85);
    expect(requests.rel).toBeLessThan(-0.75);
    expect(requests.direction).toBe('better');
    expect(relText(requests)).toMatch(/^−[78]\d\u00a0%$/);
    const latency = polling.deltas[column('meanLatency')];
    expect(latency.direction).toBe('worse');
    expect(absText(latency, COMPARE_COLUMNS[column('meanLatency')].format)).toMatch(/^\+/);
  });

  it('leave a mechanism the change does not touch unchanged: SSE’s figures are the same', () => {
    const sse = rows.find((r) => r.id === 'sse');
    expect(sse?.deltas[column('p95Latency')].direction).toBe('same');
    expect(sse?.deltas[column('p95Latency')].abs).toBe(0);
  });

  it('speak of the changed mechanism in the one-line summary', () => {
    expect(focusMechanism(rows, ['polling.intervalMs'])).toBe('polling');
    expect(effectText(polling)).toMatch(/^Polling: requests −[78]\d\u00a0%, mean latency \+\d(\.\d+)?\u00a0s$/);
  });

  it('read a figure that was 0 in A as "from 0", with no relative change, and more lost events as worse', () => {
    const hooks = scenarioOf({ durationSec: 30, clients: 3, mechanisms: ['webhook'], webhook: { retry: { maxAttempts: 1 } } });
    const outage = variantOf(hooks, { webhook: { outages: [{ startSec: 5, durationSec: 10 }] } });
    const [row] = compareRows(recordRun(hooks, 5), recordRun(outage, 5), 'whole');
    const lost = row.deltas[column('lost')];
    expect(lost.a).toBe(0);
    expect(lost.b).toBeGreaterThan(0);
    expect(lost).toEqual({ a: 0, b: lost.b, abs: lost.b, rel: null, direction: 'worse' });
    expect(relText(lost)).toBe('from 0');
  });
});

describe('one delta', () => {
  it('is "same" when the figures print alike, and has no direction when either is missing', () => {
    expect(delta(30, 30.0001, 'lower', formatRate).direction).toBe('same');
    expect(delta(0, 0, 'lower', formatRate)).toEqual({ a: 0, b: 0, abs: 0, rel: null, direction: 'same' });
    expect(delta(null, 4, 'lower', formatRate)).toEqual({ a: null, b: 4, abs: null, rel: null, direction: null });
  });

  it('is better upwards for a figure where higher is better, and only "changed" where it depends', () => {
    expect(delta(2, 3, 'higher', formatRate).direction).toBe('better');
    expect(delta(2, 3, null, formatRate).direction).toBe('changed');
    expect(relText(delta(200, 209, 'lower', formatRate))).toBe('+4.5\u00a0%');
    expect(absText(delta(30, 6, 'lower', formatRate), formatRate)).toBe('−24');
  });

  it('is "same" when the difference prints as 0, and a change of a share is in points, not per cent', () => {
    expect(delta(222.3, 222.6, 'lower', formatBytes).direction).toBe('same');
    const empty = COMPARE_COLUMNS[column('emptyRatio')];
    expect(absText(delta(0.333, 0, 'lower', formatPercent), empty.formatDifference ?? formatPercent)).toBe('−33.3\u00a0points');
  });
});
