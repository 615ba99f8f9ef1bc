/**
 * Which rows hold the best value of a column: the lowest (or highest when `higherIsBetter`),
 * ties all marked, nulls never. Nothing is marked when fewer than two rows have a value.
 */
export function bestRows(values: readonly (number | null)[], higherIsBetter = false): boolean[] {
  const present = values.filter((v): v is number => v !== null && Number.isFinite(v));
  if (present.length < 2) return values.map(() => false);
  const best = higherIsBetter ? Math.max(...present) : Math.min(...present);
  if (present.every((v) => v === best)) return values.map(() => false);
  return values.map((v) => v !== null && v === best);
}
