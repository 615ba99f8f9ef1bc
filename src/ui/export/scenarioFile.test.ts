import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { PRESETS } from '../../sim/presets/presets.ts';
import { DEFAULT_SCENARIO } from '../../sim/scenario/defaults.ts';
import { MECHANISM_IDS } from '../../sim/scenario/types.ts';
import { parseScenario } from '../../sim/scenario/validate.ts';
import { MAX_SCENARIO_FILE_BYTES, fileSizeProblem, parseScenarioFile, scenarioToFileText } from './scenarioFile.ts';

function failure(text: string, fileName?: string): string {
  const result = parseScenarioFile(text, fileName);
  if (result.ok) throw new Error('expected the file to be refused');
  return result.message;
}

describe('reading a scenario file', () => {
  it('accepts a partial scenario and fills in the defaults', () => {
    const result = parseScenarioFile('{ "version": 1, "clients": 42 }');
    expect(result).toEqual({ ok: true, scenario: { ...DEFAULT_SCENARIO, clients: 42 } });
  });

  it('accepts a file that starts with a byte-order mark', () => {
    expect(parseScenarioFile('\uFEFF{"version":1}').ok).toBe(true);
  });

  it('names each bad field, prefixed with the file name', () => {
    const message = failure('{ "version": 1, "clients": 0, "network": { "lossRate": 2 } }', 'mine.json');
    const lines = message.split('\n');
    expect(lines).toHaveLength(2);
    expect(lines.every((line) => line.startsWith('mine.json: '))).toBe(true);
    expect(message).toMatch(/clients: .*\(got 0\)/);
    expect(message).toMatch(/network\.lossRate: /);
  });

  it('names an unknown key rather than dropping it', () => {
    expect(failure('{ "version": 1, "clinets": 5 }')).toMatch(/^clinets: /);
  });

  it('gives the line and column of a JSON syntax error', () => {
    expect(failure('{\n  "clients": 5,\n}', 'broken.json')).toMatch(/^broken\.json: invalid JSON: .*line 3, column 1/);
  });

  it('refuses an empty file with a message that says so', () => {
    expect(failure('  \n', 'empty.json')).toBe('empty.json: is empty; a scenario file holds a JSON object.');
  });

  it('refuses a file over 256 kB before parsing it, saying how large it is', () => {
    const big = `{"name":"${'x'.repeat(MAX_SCENARIO_FILE_BYTES)}"}`;
    // Just over the limit, both round to 256 kB: then the sizes are given in bytes.
    expect(failure(big, 'huge.json')).toBe('huge.json: too large to be a scenario file (262,155 bytes; at most 262,144 bytes).');
    expect(fileSizeProblem(MAX_SCENARIO_FILE_BYTES)).toBeNull();
    expect(fileSizeProblem(5 * 1024 * 1024, 'video.mp4')).toBe('video.mp4: too large to be a scenario file (5120 kB; at most 256 kB).');
  });

  it('counts the size in UTF-8 bytes, not characters', () => {
    const text = `{"name":"${'é'.repeat(MAX_SCENARIO_FILE_BYTES / 2)}"}`;
    expect(text.length).toBeLessThan(MAX_SCENARIO_FILE_BYTES);
    expect(failure(text)).toMatch(/^The file: too large/);
  });

  it('never throws on any text, and always yields a scenario or a non-empty message', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.json(), fc.jsonValue().map((v) => JSON.stringify(v))), (text) => {
        const result = parseScenarioFile(text, 'fuzz.json');
        if (result.ok) expect(parseScenario(result.scenario).ok).toBe(true);
        else expect(result.message.trim()).not.toBe('');
      }),
      { numRuns: 500 },
    );
  });

  it('never throws on objects that look like scenarios with wrong values', () => {
    const nearScenario = fc.record(
      {
        version: fc.oneof(fc.constant(1), fc.jsonValue()),
        clients: fc.oneof(fc.integer({ min: -5, max: 20_000 }), fc.jsonValue()),
        mechanisms: fc.oneof(fc.subarray([...MECHANISM_IDS]), fc.array(fc.string())),
        network: fc.oneof(fc.record({ latencyMs: fc.double(), lossRate: fc.double() }, { requiredKeys: [] }), fc.jsonValue()),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(nearScenario, (value) => {
        const result = parseScenarioFile(JSON.stringify(value));
        expect(result.ok || result.message.length > 0).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe('writing a scenario file', () => {
  it('is pretty JSON with a final newline', () => {
    const text = scenarioToFileText(DEFAULT_SCENARIO);
    expect(text.startsWith('{\n  "version": 1,\n  "name": "Default",')).toBe(true);
    expect(text.endsWith('}\n')).toBe(true);
  });

  it('reads back as the same scenario for every preset', () => {
    for (const preset of PRESETS) {
      const parsed = parseScenario(preset.scenario);
      if (!parsed.ok) throw new Error(preset.id);
      expect(parseScenarioFile(scenarioToFileText(parsed.scenario))).toEqual({ ok: true, scenario: parsed.scenario });
    }
  });

  it('reads back as the same scenario for any valid scenario', () => {
    const input = fc.record(
      {
        name: fc.string({ maxLength: 120 }),
        seed: fc.integer({ min: 0, max: 2 ** 32 - 1 }),
        durationSec: fc.double({ min: 1, max: 86_400, noNaN: true }),
        clients: fc.integer({ min: 1, max: 10_000 }),
        mechanisms: fc.subarray([...MECHANISM_IDS], { minLength: 1 }),
        network: fc.record(
          { latencyMs: fc.double({ min: 0, max: 10_000, noNaN: true }), lossRate: fc.double({ min: 0, max: 0.5, noNaN: true }), keepAlive: fc.boolean() },
          { requiredKeys: [] },
        ),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(input, (value) => {
        const parsed = parseScenario({ version: 1, ...value });
        if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
        expect(parseScenarioFile(scenarioToFileText(parsed.scenario))).toEqual({ ok: true, scenario: parsed.scenario });
      }),
      { numRuns: 300 },
    );
  });
});
