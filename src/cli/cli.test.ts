import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseScenarioFileBytes } from '../ui/export/scenarioFile.ts';
import { MAX_INPUT_BYTES } from './readInput.ts';

// The CLI as a shell user meets it (issue 10, item 7), and the browser's import reading the same
// bytes: both accept or both refuse.

const dir = mkdtempSync(join(tmpdir(), 'sim-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const tsx = join(process.cwd(), 'node_modules', '.bin', 'tsx');

function file(name: string, bytes: Uint8Array | string): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

const sim = (args: string[]) => spawnSync(tsx, ['src/cli/sim.ts', ...args], { encoding: 'utf8', timeout: 60_000 });
const utf16le = (text: string) => new Uint8Array([0xff, 0xfe, ...Buffer.from(text, 'utf16le')]);
const small = '{"version":1,"durationSec":5,"clients":2,"mechanisms":["sse"]}';

describe('the CLI', { timeout: 60_000 }, () => {
  it('stops quietly when the reader closes the pipe early (| head): no stack trace, no message', () => {
    // About 4 MB of JSON (an hour of per-second series): far more than a pipe holds.
    const path = file('long.json', '{"version":1,"durationSec":3600,"clients":2}');
    const run = spawnSync('sh', ['-c', `"${tsx}" src/cli/sim.ts "${path}" --json | head -c 20`], { encoding: 'utf8', timeout: 60_000 });
    expect(run.stdout).toBe('{\n  "scenario": {\n  ');
    expect(run.stderr).toBe('');
  });

  it('refuses a file over the size limit without reading it all, and /dev/zero', () => {
    const big = file('big.json', new Uint8Array(MAX_INPUT_BYTES + 1).fill(0x20));
    const refused = sim([big]);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toBe(`sim: ${big}: too large to be a scenario file (262,145 bytes; at most 262,144 bytes)\n`);
    const zero = sim(['/dev/zero']);
    expect(zero.status).toBe(2);
    expect(zero.stderr).toBe('sim: /dev/zero: too large to be a scenario file (more than 262,144 bytes)\n');
  });

  it('reads UTF-16 with a byte-order mark, as the lab does', () => {
    const bytes = utf16le(small);
    const run = sim([file('utf16.json', bytes), '--json']);
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout).scenario.clients).toBe(2);
    expect(parseScenarioFileBytes(bytes, 'utf16.json').ok).toBe(true);
  });

  it('refuses bytes that are not UTF-8, with the same words as the lab', () => {
    const bytes = new Uint8Array([...Buffer.from('{"version":1,"name":"'), 0xc3, 0x28, ...Buffer.from('"}')]);
    const run = sim([file('latin.json', bytes)]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/: is not UTF-8 text \(or UTF-16 with a byte-order mark\); save it as UTF-8\n$/);
    expect(parseScenarioFileBytes(bytes, 'latin.json')).toEqual({
      ok: false,
      message: 'latin.json: is not UTF-8 text (or UTF-16 with a byte-order mark); save it as UTF-8.',
    });
  });

  it('keeps standard output for the JSON document: a short run prints no progress anywhere', () => {
    const run = sim([file('quick.json', small), '--json']);
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
    expect(() => JSON.parse(run.stdout) as unknown).not.toThrow();
  });
});
