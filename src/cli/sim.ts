import { resolve } from 'node:path';
import type { Results } from '../sim/engine.ts';
import type { Scenario } from '../sim/scenario/types.ts';
import { decodeScenarioBytes } from '../sim/scenario/decodeText.ts';
import { formatErrors, parseScenarioJson } from '../sim/scenario/validate.ts';
import { formatNotes, formatSummary, formatTable } from './table.ts';
import { MAX_INPUT_BYTES, readInput } from './readInput.ts';
import { runWithProgress } from './progress.ts';
import { describeRunError } from '../state/runFailure.ts';

// The headless runner (DESIGN.md §6): `npm run -s sim -- FILE.json [--json]`.
// Exit codes: 0 success, 1 unexpected failure, 2 bad usage, unreadable file or invalid scenario.

const USAGE = `Usage: npm run -s sim -- FILE.json [--json | --narrate]

Runs the scenario in FILE.json (format: DESIGN.md §4) for every mechanism it lists and prints
the metrics of each. Omitted fields take their defaults, so { "version": 1 } is a valid file.
FILE may be "-" for standard input. The file must be UTF-8 (or UTF-16 with a byte-order mark)
and at most ${String(MAX_INPUT_BYTES / 1024)} kB, as for the lab's import. Runs longer than a few seconds report their
progress on standard error (never on standard output).

Options:
  --json     print one JSON document { "scenario": {...}, "results": {...} } instead of a table
  --narrate  print a step-by-step transcript of the first five clients' messages instead
  --help     print this help

Exit codes: 0 success, 1 unexpected failure, 2 bad usage or invalid scenario.`;

const EXIT_FAILURE = 1;
const EXIT_INVALID = 2;

type Command = { kind: 'help' } | { kind: 'run'; file: string; json: boolean; narrate: boolean };

/** A problem with what the user gave us: reported in one line, exit code 2. */
class InputError extends Error {}

function parseArgs(args: readonly string[]): Command {
  let file: string | undefined;
  let json = false;
  let narrate = false;
  let optionsEnded = false;
  for (const arg of args) {
    if (!optionsEnded && (arg === '--help' || arg === '-h')) return { kind: 'help' };
    if (!optionsEnded && arg === '--json') json = true;
    else if (!optionsEnded && arg === '--narrate') narrate = true;
    else if (!optionsEnded && arg === '--') optionsEnded = true;
    else if (!optionsEnded && arg.startsWith('-') && arg !== '-') {
      throw new InputError(`unknown option ${arg} (run with --help for usage)`);
    } else if (file === undefined) file = arg;
    else throw new InputError(`expected one scenario file, got ${file} and ${arg}`);
  }
  if (file === undefined) throw new InputError('missing scenario file (run with --help for usage)');
  return { kind: 'run', file, json, narrate };
}

function readScenarioFile(file: string): string {
  // `npm run` switches to the package root; INIT_CWD is where the user typed the command.
  const read = readInput(file === '-' ? '-' : resolve(process.env.INIT_CWD ?? process.cwd(), file));
  if (!read.ok) throw new InputError(`${file}: ${read.error}`);
  const decoded = decodeScenarioBytes(read.bytes);
  if (!decoded.ok) throw new InputError(`${file}: ${decoded.error}`);
  return decoded.text;
}

/** Mechanisms in the scenario's (canonical) order, so the JSON reads the same every run. */
function orderResults(scenario: Scenario, results: Results): Results {
  const ordered: Results = {};
  for (const id of scenario.mechanisms) {
    const metrics = results[id];
    if (metrics) ordered[id] = metrics;
  }
  return ordered;
}

async function main(args: readonly string[]): Promise<number> {
  const command = parseArgs(args);
  if (command.kind === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const parsed = parseScenarioJson(readScenarioFile(command.file));
  if (!parsed.ok) {
    process.stderr.write(`${formatErrors(parsed.errors, command.file)}\n`);
    return EXIT_INVALID;
  }
  const { scenario } = parsed;
  if (command.narrate) {
    const [{ recordRun }, { narrate, formatTranscript }] = await Promise.all([import('../sim/recording.ts'), import('../teach/narrate.ts')]);
    process.stdout.write(`${formatTranscript(narrate(recordRun(scenario, 5)))}\n`);
    return 0;
  }
  // Loaded only once the scenario is known to be valid: validation never depends on the engine.
  const { createSimulation } = await import('../sim/engine.ts');
  const simulation = createSimulation(scenario, { traceClients: 0 });
  runWithProgress(simulation, (line) => process.stderr.write(line));
  const results = orderResults(scenario, simulation.results());
  const output = command.json
    ? JSON.stringify({ scenario, results }, null, 2)
    : [formatSummary(scenario), '', formatTable(results), formatNotes(results)].filter((part, i) => i < 3 || part !== '').join('\n');
  process.stdout.write(`${output}\n`);
  return 0;
}

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0];
}

// A reader that stops early (`| head`) closes the pipe: that is not an error, so stop quietly.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

// exitCode rather than process.exit(), so a large JSON document piped to another program is flushed.
main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof InputError) {
      process.stderr.write(`sim: ${error.message}\n`);
      process.exitCode = EXIT_INVALID;
      return;
    }
    // Out of memory and the watchdog in plain words (the same sentences as the lab's).
    const failure = describeRunError(error);
    process.stderr.write(`sim: ${failure.kind === 'failed' ? firstLine(error) : failure.message}\n`);
    if (process.env.DEBUG && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
    process.exitCode = EXIT_FAILURE;
  },
);
