// Deep diffs of scenarios: what a share link carries (the fields that differ from the defaults) and
// what a comparison's run B carries (the fields that differ from run A). Objects are compared key
// by key at any depth; lists are compared and replaced whole, as in scenario files.

type Json = Record<string, unknown>;

export const isObject = (value: unknown): value is Json => value !== null && typeof value === 'object' && !Array.isArray(value);

/** `value` without what equals `base`; undefined when nothing differs. */
export function diffValue(value: unknown, base: unknown): unknown {
  if (isObject(value) && isObject(base)) {
    const changed: Json = {};
    for (const [key, child] of Object.entries(value)) {
      const childDiff = diffValue(child, base[key]);
      if (childDiff !== undefined) changed[key] = childDiff;
    }
    return Object.keys(changed).length > 0 ? changed : undefined;
  }
  return JSON.stringify(value) === JSON.stringify(base) ? undefined : value;
}

/** `base` with `patch` laid over it (objects merged key by key, anything else replaced); no validation. */
export function mergeValue(base: unknown, patch: unknown): unknown {
  if (patch === undefined) return base;
  if (!isObject(base) || !isObject(patch)) return structuredClone(patch);
  const merged: Json = { ...base };
  for (const [key, child] of Object.entries(patch)) merged[key] = mergeValue(base[key], child);
  return merged;
}

/** The dotted paths of every changed leaf of a patch ("polling.intervalMs"), in the patch's order. */
export function patchPaths(patch: unknown, prefix = ''): string[] {
  if (!isObject(patch)) return prefix === '' ? [] : [prefix];
  return Object.entries(patch).flatMap(([key, child]) => patchPaths(child, prefix === '' ? key : `${prefix}.${key}`));
}
