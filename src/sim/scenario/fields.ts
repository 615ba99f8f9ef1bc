import * as z from 'zod/mini';

// Field builders for the scenario schema. Each carries its own message, written to name the allowed
// range or values and the offending input, so no error ever falls back to zod's default wording.
// Messages here omit the field; validate.ts prefixes the dotted path.
// zod/mini (a third of classic zod's size, for the page's first load) has functions instead of
// methods; `defaults` gives each field back `.default()` and `.prefault()` so the schema reads the same.

type Field = z.ZodMiniType;

export type WithDefaults<T extends Field> = T & {
  /** The value when the key is missing (a function: a fresh value each time). */
  default: (value: z.core.util.NoUndefined<z.output<T>> | (() => z.core.util.NoUndefined<z.output<T>>)) => z.ZodMiniDefault<T>;
  /** The input parsed when the key is missing (`{}`: an object of defaults). */
  prefault: (value: z.input<T>) => z.ZodMiniPrefault<T>;
};

export function defaults<T extends Field>(schema: T): WithDefaults<T> {
  return Object.assign(schema, {
    default: (value: z.core.util.NoUndefined<z.output<T>> | (() => z.core.util.NoUndefined<z.output<T>>)) => z._default(schema, value),
    prefault: (value: z.input<T>) => z.prefault(schema, value),
  });
}

export interface NumberRange {
  min: number;
  /** Omitted: no upper bound (the value must still be finite). */
  max?: number;
  /** The minimum itself is not allowed ("above 0"). */
  minExclusive?: boolean;
  integer?: boolean;
  /** 0 is also allowed and means "off" (a heartbeat or timeout that is not used). */
  zeroIsOff?: boolean;
}

interface IssueInput {
  input?: unknown;
}

const MAX_SHOWN_CHARS = 40;

/** A short rendering of what the user supplied, for "(got …)". */
export function describeInput(input: unknown): string {
  if (typeof input === 'string') {
    const quoted = JSON.stringify(input);
    return quoted.length > MAX_SHOWN_CHARS ? `${quoted.slice(0, MAX_SHOWN_CHARS - 2)}…"` : quoted;
  }
  if (typeof input === 'number' || typeof input === 'boolean' || input === null) return String(input);
  if (Array.isArray(input)) return 'a list';
  if (typeof input === 'object') return 'an object';
  return `a ${typeof input}`;
}

export function withInput(expected: string, input: unknown): string {
  return input === undefined ? `${expected} (missing)` : `${expected} (got ${describeInput(input)})`;
}

export function describeRange({ min, max, minExclusive, integer, zeroIsOff }: NumberRange): string {
  const kind = integer ? 'an integer' : 'a number';
  const off = zeroIsOff ? '0 (off) or ' : '';
  if (max === undefined) return off + (minExclusive ? `${kind} above ${min}` : `${kind} of at least ${min}`);
  return off + (minExclusive ? `${kind} above ${min} and at most ${max}` : `${kind} from ${min} to ${max}`);
}

function inRange(value: number, { min, max, minExclusive, integer, zeroIsOff }: NumberRange): boolean {
  if (zeroIsOff && value === 0) return true;
  if (integer && !Number.isInteger(value)) return false;
  if (minExclusive ? value <= min : value < min) return false;
  return max === undefined || value <= max;
}

/** A finite number within `range`; the type error and the range error read the same. */
export function numberField(range: NumberRange) {
  const error = (issue: IssueInput) => withInput(`must be ${describeRange(range)}`, issue.input);
  return defaults(z.number({ error }).check(z.refine((value: number) => inRange(value, range), { error })));
}

export function enumField<const T extends readonly [string, ...string[]]>(values: T) {
  const allowed = values.map((value) => JSON.stringify(value)).join(', ');
  return defaults(z.enum(values, { error: (issue: IssueInput) => withInput(`must be one of ${allowed}`, issue.input) }));
}

export function booleanField() {
  return defaults(z.boolean({ error: (issue: IssueInput) => withInput('must be true or false', issue.input) }));
}

export function stringField(maxChars: number) {
  const expected = `must be a string of at most ${maxChars} characters`;
  return defaults(
    z
      .string({ error: (issue: IssueInput) => withInput(expected, issue.input) })
      .check(z.maxLength(maxChars, { error: (issue: IssueInput) => `${expected} (got ${(issue.input as string).length})` })),
  );
}

/** A literal number, for `version`. */
export function literalField<const T extends number>(value: T, expected: string) {
  return defaults(z.literal(value, { error: (issue: IssueInput) => withInput(expected, issue.input) }));
}

/** An object that rejects unknown keys; one "unknown key" issue lists every allowed key. */
export function objectField<Shape extends z.core.$ZodLooseShape>(shape: Shape) {
  const allowed = Object.keys(shape).join(', ');
  return defaults(
    z.strictObject(shape, {
      error: (issue) =>
        issue.code === 'unrecognized_keys'
          ? `unknown key (allowed: ${allowed})`
          : withInput('must be an object', issue.input),
    }),
  );
}

export function listField<Item extends Field>(item: Item, maxItems: number) {
  const expected = `must be a list of at most ${maxItems} items`;
  return defaults(
    z
      .array(item, { error: (issue: IssueInput) => withInput(expected, issue.input) })
      .check(z.maxLength(maxItems, { error: (issue: IssueInput) => `${expected} (got ${(issue.input as unknown[]).length})` })),
  );
}
