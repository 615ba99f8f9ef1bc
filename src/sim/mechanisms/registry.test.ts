import { describe, expect, it } from 'vitest';
import { createSimulation } from '../engine.ts';
import { parseScenario } from '../scenario/validate.ts';
import { MECHANISM_IDS } from '../scenario/types.ts';
import type { MechanismModule, MechanismRegistry } from './mechanism.ts';
import { MECHANISMS } from './registry.ts';

const scenario = (() => {
  const parsed = parseScenario({ version: 1, durationSec: 10, clients: 3, mechanisms: ['polling', 'sse'] });
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  return parsed.scenario;
})();

describe('the mechanism registry', () => {
  it('gives every mechanism its own random-stream salt, the numbers the results were first made with', () => {
    // Changing a salt changes that mechanism's network and backoff draws, hence its results.
    expect(Object.fromEntries(MECHANISM_IDS.map((id) => [id, MECHANISMS[id].salt]))).toEqual({
      polling: 1,
      longPolling: 2,
      sse: 3,
      websocket: 4,
      webhook: 5,
    });
  });

  it('is the one createSimulation was given, leaving the shared one untouched', () => {
    const created: string[] = [];
    const counted = (module: MechanismModule): MechanismModule => ({
      ...module,
      create: (world) => {
        created.push(module.id);
        return module.create(world);
      },
    });
    const registry = Object.fromEntries(MECHANISM_IDS.map((id) => [id, counted(MECHANISMS[id])])) as MechanismRegistry;
    const swapped = createSimulation(scenario, { mechanisms: registry });
    swapped.runToEnd();
    expect(created).toEqual(['polling', 'sse']);
    const plain = createSimulation(scenario);
    plain.runToEnd();
    expect(created).toHaveLength(2);
    expect(JSON.stringify(swapped.results())).toBe(JSON.stringify(plain.results()));
  });
});
