import type { Scenario } from '../sim/scenario/types.ts';

// Reading and writing one scenario field by its dotted path ("network.latencyMs"), the names the
// validation messages use, so an error can be shown next to the control that caused it.

export function getField(scenario: Scenario, path: string): unknown {
  let value: unknown = scenario;
  for (const key of path.split('.')) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

/** A copy of `scenario` with the field at `path` set to `value` (objects on the path are copied). */
export function withField(scenario: Scenario, path: string, value: unknown): unknown {
  const keys = path.split('.');
  const set = (node: unknown, depth: number): unknown => {
    if (depth === keys.length) return value;
    const source = node !== null && typeof node === 'object' ? (node as Record<string, unknown>) : {};
    return { ...source, [keys[depth]]: set(source[keys[depth]], depth + 1) };
  };
  return set(scenario, 0);
}
