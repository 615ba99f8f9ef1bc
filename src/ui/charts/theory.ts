import type { MechanismId, Scenario } from '../../sim/scenario/types.ts';
import { longPollingTheory, pollingTheory, type Theory, type TheoryResult } from '../../sim/theory.ts';

// The closed forms the charts draw as dashed references (DESIGN.md §8). Only polling and long
// polling have one; when its assumptions do not hold, the engine says why and the chart shows that
// reason instead of a line.

export type TheoryReference =
  | { id: MechanismId; ok: true; value: number; formula: string }
  | { id: MechanismId; ok: false; reason: string };

const THEORIES: Partial<Record<MechanismId, (scenario: Scenario) => TheoryResult>> = {
  polling: pollingTheory,
  longPolling: longPollingTheory,
};

/** One reference per mechanism of `ids` that has a closed form, with `pick` choosing the figure. */
export function theoryReferences(
  scenario: Scenario,
  ids: readonly MechanismId[],
  pick: (theory: Theory) => number,
): TheoryReference[] {
  return ids.flatMap((id): TheoryReference[] => {
    const theory = THEORIES[id];
    if (!theory) return [];
    const result = theory(scenario);
    return [
      result.ok
        ? { id, ok: true, value: pick(result.value), formula: result.formula }
        : { id, ok: false, reason: result.reason },
    ];
  });
}

/** The theoretical figure of a mechanism, or null when there is none. */
export function theoryValue(references: readonly TheoryReference[], id: MechanismId): number | null {
  const reference = references.find((r) => r.id === id);
  return reference?.ok ? reference.value : null;
}
