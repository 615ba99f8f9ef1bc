import type { core } from 'zod/mini';
import { scenarioSchema } from './schema.ts';
import type { Scenario } from './types.ts';

// One entry point for every source of scenarios (presets, imported files, share links, the CLI).
// Each error is one line, "<dotted path>: <what is allowed> (got <what was given>)".

export type ParseResult = { ok: true; scenario: Scenario } | { ok: false; errors: string[] };

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** `network.latencyMs`, `mechanisms[2]`, `webhook.outages[0].startSec`; the root is `scenario`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let text = '';
  for (const key of path) {
    if (typeof key === 'number') text += `[${key}]`;
    else if (typeof key === 'string' && IDENTIFIER.test(key)) text += text ? `.${key}` : key;
    else text += `[${JSON.stringify(String(key))}]`;
  }
  return text || 'scenario';
}

function describeIssue(issue: core.$ZodIssue): string[] {
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => `${formatPath([...issue.path, key])}: ${issue.message}`);
  }
  return [`${formatPath(issue.path)}: ${issue.message}`];
}

export function parseScenario(input: unknown): ParseResult {
  const result = scenarioSchema.safeParse(input);
  if (result.success) return { ok: true, scenario: result.data };
  return { ok: false, errors: [...new Set(result.error.issues.flatMap(describeIssue))] };
}

/** V8 reports "at position N"; people look for a line and column. */
function withLineAndColumn(message: string, text: string): string {
  const match = /at position (\d+)/.exec(message);
  if (!match || /\bline\b/.test(message)) return message;
  const before = text.slice(0, Number(match[1]));
  const line = before.split('\n').length;
  const column = before.length - before.lastIndexOf('\n');
  return `${message} (line ${line}, column ${column})`;
}

export function parseScenarioJson(text: string): ParseResult {
  const source = text.replace(/^\uFEFF/, '');
  let input: unknown;
  try {
    input = JSON.parse(source);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, errors: [`invalid JSON: ${withLineAndColumn(message, source)}`] };
  }
  return parseScenario(input);
}

/** One error per line, each prefixed with `source` (a file name, say) when given. */
export function formatErrors(errors: readonly string[], source?: string): string {
  return errors.map((error) => (source ? `${source}: ${error}` : error)).join('\n');
}
