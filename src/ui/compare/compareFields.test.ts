import { describe, expect, it } from 'vitest';
import { DEFAULT_SCENARIO } from '../../sim/scenario/defaults.ts';
import { parseScenario } from '../../sim/scenario/validate.ts';
import { getField, withField } from '../../state/scenarioPath.ts';
import { buildVariant } from '../../state/compareVariant.ts';
import { COMPARE_FIELDS, allowedText, changesText, fieldByPath, readFieldInput, runBLabel } from './compareFields.ts';

describe('the fields "Compare with…" offers', () => {
  it('are all fields of the scenario, of the kind the picker edits them as', () => {
    for (const field of COMPARE_FIELDS) {
      const value = getField(DEFAULT_SCENARIO, field.path);
      expect(typeof value, field.path).toBe(field.kind === 'enum' ? 'string' : field.kind);
    }
  });

  it('offer only choices the schema accepts', () => {
    for (const field of COMPARE_FIELDS.filter((f) => f.kind === 'enum')) {
      for (const option of field.options ?? []) expect(parseScenario(withField(DEFAULT_SCENARIO, field.path, option)).ok, `${field.path} ${option}`).toBe(true);
    }
  });

  it('read what a field allows from the schema’s own message', () => {
    expect(allowedText('polling.intervalMs')).toBe('must be a number from 10 to 3600000');
    expect(allowedText('clients')).toBe('must be an integer from 1 to 10000');
    expect(allowedText('sse.heartbeatSec')).toBe('must be 0 (off) or a number from 0.1 to 3600');
    expect(allowedText('http.version')).toBe('must be one of "1.1", "2"');
  });

  it('turn typed text into a value, leaving what is not a number for the schema to name', () => {
    const interval = fieldByPath('polling.intervalMs');
    const keepAlive = fieldByPath('network.keepAlive');
    if (!interval || !keepAlive) throw new Error('missing field');
    expect(readFieldInput(interval, ' 10,000 ')).toBe(10_000);
    expect(readFieldInput(interval, 'ten')).toBe('ten');
    expect(readFieldInput(keepAlive, 'false')).toBe(false);
  });

  it('name run B by its changes and say what changed', () => {
    const b = buildVariant(DEFAULT_SCENARIO, { polling: { intervalMs: 10_000 }, http: { version: '2' } });
    if (!b.ok) throw new Error(b.errors.join('\n'));
    expect(runBLabel(b.changes, b.scenario)).toBe('B: interval 10 s, HTTP 2');
    expect(changesText(b.changes, DEFAULT_SCENARIO, b.scenario)).toBe('Polling interval 10 s instead of 2 s and HTTP version 2 instead of 1.1');
    expect(runBLabel({}, b.scenario)).toBe('B: same as A');
  });
});
