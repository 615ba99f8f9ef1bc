import { describe, expect, it } from 'vitest';
import { DEFAULT_SCENARIO } from '../sim/scenario/defaults.ts';
import { parseScenario } from '../sim/scenario/validate.ts';
import { buildVariant, requireDifference } from './compareVariant.ts';

const A = (() => {
  const parsed = parseScenario({ durationSec: 30, clients: 4, polling: { intervalMs: 2000 } });
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  return parsed.scenario;
})();

describe('run B of a comparison', () => {
  it('is run A with the changed fields, the same seed, and keeps only what really changed', () => {
    const result = buildVariant(A, { polling: { intervalMs: 10_000 }, clients: 4 });
    if (!result.ok) throw new Error(result.errors.join('\n'));
    expect(result.scenario.polling.intervalMs).toBe(10_000);
    expect(result.scenario.seed).toBe(A.seed);
    expect(result.scenario.clients).toBe(4);
    expect(result.changes).toEqual({ polling: { intervalMs: 10_000 } });
  });

  it('names the field of a bad value with the schema’s own message', () => {
    expect(buildVariant(A, { polling: { intervalMs: 5 } })).toEqual({
      ok: false,
      errors: ['polling.intervalMs: must be a number from 10 to 3600000 (got 5)'],
    });
    expect(buildVariant(A, { http: { version: '3' } })).toEqual({ ok: false, errors: ['http.version: must be one of "1.1", "2" (got "3")'] });
    expect(buildVariant(A, { network: { keepAlive: 'yes' } })).toEqual({ ok: false, errors: ['network.keepAlive: must be true or false (got "yes")'] });
  });

  it('checks the changes against A’s other fields (a warm-up longer than A’s run)', () => {
    expect(buildVariant(A, { warmupSec: 40 })).toEqual({ ok: false, errors: ['warmupSec: must be at most durationSec (30) (got 40)'] });
  });

  it('refuses a change of the seed, which would give B different events', () => {
    expect(buildVariant(A, { seed: 7 })).toEqual({ ok: false, errors: ['compare.seed: run B keeps run A\'s seed, so both runs see the same events'] });
  });

  it('refuses anything but an object, and an unknown field by name', () => {
    expect(buildVariant(A, 'interval=10s')).toEqual({ ok: false, errors: ['compare: must be an object of the fields run B changes (got "interval=10s")'] });
    const unknown = buildVariant(A, { polling: { every: 3 } });
    expect(unknown.ok).toBe(false);
    expect(!unknown.ok && unknown.errors[0]).toMatch(/^polling\.every: unknown key/);
  });

  it('needs at least one real difference to start a comparison', () => {
    expect(requireDifference(buildVariant(A, { polling: { intervalMs: 2000 } }))).toEqual({
      ok: false,
      errors: ['compare: run B must change at least one field (every value given equals run A’s)'],
    });
    expect(requireDifference(buildVariant(DEFAULT_SCENARIO, { clients: 11 })).ok).toBe(true);
  });
});
