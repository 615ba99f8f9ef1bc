import { describe, expect, it } from 'vitest';
import { DEFAULT_SCENARIO } from '../../sim/scenario/defaults.ts';
import type { Scenario } from '../../sim/scenario/types.ts';
import { describeAt, formatShare, listInWords } from './describe.ts';
import { theoryReferences, theoryValue } from './theory.ts';

const scenario = (edit: (s: Scenario) => Scenario) => edit(structuredClone(DEFAULT_SCENARIO));

describe('theoryReferences', () => {
  it('gives polling e^(−λC) with C = T + 2d + service under fixed-delay polling', () => {
    const refs = theoryReferences(DEFAULT_SCENARIO, ['polling', 'sse'], (t) => t.emptyRatio);
    expect(refs).toHaveLength(1);
    const { intervalMs } = DEFAULT_SCENARIO.polling;
    const cycleMs = intervalMs + 2 * DEFAULT_SCENARIO.network.latencyMs + DEFAULT_SCENARIO.server.serviceMs;
    expect(theoryValue(refs, 'polling')).toBeCloseTo(Math.exp((-DEFAULT_SCENARIO.events.ratePerSec / 1000) * cycleMs));
    expect(theoryValue(refs, 'sse')).toBeNull();
  });

  it('gives T/2 + d as polling mean latency at a fixed rate', () => {
    const fixedRate = scenario((s) => ({ ...s, polling: { intervalMs: 1000, schedule: 'fixedRate' } }));
    const refs = theoryReferences(fixedRate, ['polling', 'longPolling'], (t) => t.meanLatencyMs);
    expect(theoryValue(refs, 'polling')).toBe(500 + fixedRate.network.latencyMs);
    expect(theoryValue(refs, 'longPolling')).toBeGreaterThan(fixedRate.network.latencyMs);
  });

  it('carries the reason instead of a value when the assumptions do not hold', () => {
    const jittery = scenario((s) => ({ ...s, network: { ...s.network, jitterMs: 20 } }));
    const [ref] = theoryReferences(jittery, ['polling'], (t) => t.emptyRatio);
    expect(ref).toEqual({ id: 'polling', ok: false, reason: expect.stringContaining('jitter') });
    expect(theoryValue([ref], 'polling')).toBeNull();
  });
});

describe('chart descriptions', () => {
  it('state each value at the playhead in words', () => {
    const values = [
      { label: 'Polling', text: '4.8' },
      { label: 'Long polling', text: '5' },
    ];
    expect(describeAt('Requests per second', 42, values)).toBe('Requests per second at 42 s: Polling 4.8, Long polling 5.');
  });

  it('say there is nothing to read before the first second is over', () => {
    expect(describeAt('Server load', null, [])).toBe('Server load: no data yet, the first simulated second is not over.');
  });

  it('list names as a sentence does', () => {
    expect(listInWords(['SSE'])).toBe('SSE');
    expect(listInWords(['SSE', 'WebSockets', 'Webhooks'])).toBe('SSE, WebSockets and Webhooks');
  });
});

describe('formatShare', () => {
  it('says a vanishing share is below 0.1 % instead of printing its digits', () => {
    expect(formatShare(2.9e-7)).toBe('<\u00a00.1\u00a0%');
    expect(formatShare(0)).toBe('0\u00a0%');
    expect(formatShare(0.3498)).toBe('35\u00a0%');
    expect(formatShare(null)).toBe('—');
  });
});
