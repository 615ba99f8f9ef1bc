import type { Scenario } from '../sim/scenario/types.ts';
import { parseScenario } from '../sim/scenario/validate.ts';
import { withInput } from '../sim/scenario/fields.ts';
import { diffValue, isObject, mergeValue } from './scenarioDiff.ts';
import type { ScenarioPatch } from './shareState.ts';

// Run B of a comparison (issue 13, item 4): the scenario on screen (run A) with some fields
// changed. B keeps A's seed, so both runs see the very same stream of events and every difference
// comes from the changed fields. The changes are validated as a whole scenario (the schema's own
// field-named messages) and kept as the small diff from A that a share link carries.

export type VariantResult =
  | { ok: true; scenario: Scenario; changes: ScenarioPatch }
  | { ok: false; errors: string[] };

/** What a link or the picker may not change: the seed makes the two event streams identical. */
const FIXED = ['seed', 'version'] as const;

/**
 * Run B: `base` with `changes` laid over it, validated. `changes` comes back normalised (only what
 * really differs from `base`, lists as the schema orders them); it may be empty when every change
 * equals A's value — callers that need a difference say so (see requireDifference).
 */
export function buildVariant(base: Scenario, changes: unknown): VariantResult {
  if (!isObject(changes)) return { ok: false, errors: [`compare: ${withInput('must be an object of the fields run B changes', changes)}`] };
  const errors = FIXED.filter((key) => key in changes).map((key) => `compare.${key}: run B keeps run A's ${key}, so both runs see the same events`);
  if (errors.length > 0) return { ok: false, errors };
  const parsed = parseScenario(mergeValue(base, changes));
  if (!parsed.ok) return { ok: false, errors: parsed.errors };
  return { ok: true, scenario: parsed.scenario, changes: (diffValue(parsed.scenario, base) ?? {}) };
}

/** A variant that differs from A in at least one field, or why not. */
export function requireDifference(result: VariantResult): VariantResult {
  if (!result.ok || Object.keys(result.changes).length > 0) return result;
  return { ok: false, errors: ['compare: run B must change at least one field (every value given equals run A’s)'] };
}
