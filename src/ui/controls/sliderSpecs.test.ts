import { describe, expect, it } from 'vitest';
import { DEFAULT_SCENARIO } from '../../sim/scenario/defaults.ts';
import { getField } from '../../state/scenarioPath.ts';
import { parseScenario } from '../../sim/scenario/validate.ts';
import { withField } from '../../state/scenarioPath.ts';
import { ALL_SLIDERS, formatValue, fromPosition, LOG_STEPS, toPosition } from './sliderSpecs.ts';

const spec = (name: string) => {
  const found = ALL_SLIDERS.find((s) => s.name === name);
  if (!found) throw new Error(name);
  return found;
};

describe('the scenario sliders', () => {
  it('have the names the issue asks for', () => {
    const names = ALL_SLIDERS.map((s) => s.name);
    for (const name of ['Clients', 'Event rate', 'Payload size', 'Latency', 'Jitter', 'Packet loss', 'Polling interval',
      'Long-poll timeout', 'SSE retry', 'WebSocket heartbeat', 'Webhook retry base', 'Webhook attempts', 'Proxy idle timeout']) {
      expect(names).toContain(name);
    }
  });

  it('edit fields that exist, and every value in their range is a valid scenario', () => {
    for (const s of ALL_SLIDERS) {
      expect(typeof getField(DEFAULT_SCENARIO, s.path), s.path).toBe('number');
      for (const value of [s.min, s.max]) {
        const parsed = parseScenario(withField(DEFAULT_SCENARIO, s.path, value));
        expect(parsed.ok, `${s.name} = ${String(value)}`).toBe(true);
      }
    }
  });

  it('put the ends of a log slider at its min and max', () => {
    const clients = spec('Clients');
    expect(toPosition(clients, 1)).toBe(0);
    expect(toPosition(clients, 10_000)).toBe(LOG_STEPS);
    expect(fromPosition(clients, 0)).toBe(1);
    expect(fromPosition(clients, LOG_STEPS)).toBe(10_000);
  });

  it('commit clean two-digit values from a log slider', () => {
    const interval = spec('Polling interval');
    const value = fromPosition(interval, 617);
    expect(String(value / 1000)).toMatch(/^\d(\.\d)?$|^\d\d$/);
    expect(fromPosition(interval, toPosition(interval, 2000))).toBe(2000);
    expect(fromPosition(spec('Event rate'), toPosition(spec('Event rate'), 0.5))).toBe(0.5);
  });

  it('show percentages and seconds in display units, and store field units', () => {
    const loss = spec('Packet loss');
    expect(toPosition(loss, 0.05)).toBeCloseTo(5, 10);
    expect(fromPosition(loss, 5)).toBe(0.05);
    expect(formatValue(loss, 0.05)).toBe('5 %');
    expect(formatValue(spec('Polling interval'), 2000)).toBe('2 s');
    expect(formatValue(spec('Clients'), 10_000)).toBe('10,000');
  });
});
