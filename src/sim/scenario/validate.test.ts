import fc from 'fast-check';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import { DEFAULT_SCENARIO } from './defaults.ts';
import { scenarioSchema } from './schema.ts';
import type { Scenario } from './types.ts';
import { formatErrors, formatPath, parseScenario, parseScenarioJson } from './validate.ts';

function errorsOf(input: unknown): string[] {
  const result = parseScenario(input);
  if (result.ok) throw new Error('expected the scenario to be rejected');
  return result.errors;
}

function scenarioOf(input: unknown): Scenario {
  const result = parseScenario(input);
  if (!result.ok) throw new Error(`expected a valid scenario, got:\n${result.errors.join('\n')}`);
  return result.scenario;
}

describe('valid scenarios', () => {
  it('produces exactly the Scenario type', () => {
    expectTypeOf<z.output<typeof scenarioSchema>>().toEqualTypeOf<Scenario>();
  });

  it('turns { version: 1 } into exactly the default scenario', () => {
    expect(scenarioOf({ version: 1 })).toStrictEqual(DEFAULT_SCENARIO);
  });

  it('treats an omitted version as version 1', () => {
    expect(scenarioOf({})).toStrictEqual(DEFAULT_SCENARIO);
  });

  it('returns an equal object when given the default scenario itself', () => {
    expect(scenarioOf(DEFAULT_SCENARIO)).toStrictEqual(DEFAULT_SCENARIO);
  });

  it('parses its own output to the same scenario', () => {
    const scenario = scenarioOf({ clients: 3, network: { tls: 'none' }, webhook: { outages: [{ startSec: 5, durationSec: 2 }] } });
    expect(scenarioOf(JSON.parse(JSON.stringify(scenario)))).toStrictEqual(scenario);
  });

  it('merges a partial nested object with the defaults of its siblings', () => {
    const scenario = scenarioOf({ network: { latencyMs: 80 }, websocket: { reconnect: { maxMs: 5000 } } });
    expect(scenario.network).toStrictEqual({ ...DEFAULT_SCENARIO.network, latencyMs: 80 });
    expect(scenario.websocket).toStrictEqual({
      ...DEFAULT_SCENARIO.websocket,
      reconnect: { ...DEFAULT_SCENARIO.websocket.reconnect, maxMs: 5000 },
    });
    expect(scenario.server).toStrictEqual(DEFAULT_SCENARIO.server);
  });

  it('lists mechanisms in the canonical order whatever order the input used', () => {
    expect(scenarioOf({ mechanisms: ['webhook', 'polling', 'sse'] }).mechanisms).toEqual(['polling', 'sse', 'webhook']);
  });

  it('keeps outages and restarts in the given order', () => {
    const scenario = scenarioOf({
      webhook: { outages: [{ startSec: 60, durationSec: 30 }, { startSec: 10, durationSec: 1 }] },
      faults: { serverRestarts: [{ atSec: 0, downSec: 5 }] },
    });
    expect(scenario.webhook.outages).toEqual([{ startSec: 60, durationSec: 30 }, { startSec: 10, durationSec: 1 }]);
    expect(scenario.faults.serverRestarts).toEqual([{ atSec: 0, downSec: 5 }]);
  });

  it('accepts the inclusive ends of every range', () => {
    const scenario = scenarioOf({
      seed: 2 ** 32 - 1,
      durationSec: 86400,
      clients: 10000,
      network: { lossRate: 0.5, bandwidthKbps: 0 },
      events: { ratePerSec: 0 },
      sse: { heartbeatSec: 0 },
      websocket: { reconnect: { baseMs: 500, maxMs: 500 } },
    });
    expect(scenario.seed).toBe(4294967295);
    expect(scenario.clients).toBe(10000);
  });

  it('does not share default arrays between parsed scenarios', () => {
    const first = scenarioOf({});
    first.mechanisms.pop();
    first.webhook.outages.push({ startSec: 1, durationSec: 1 });
    expect(scenarioOf({})).toStrictEqual(DEFAULT_SCENARIO);
  });
});

describe('error messages', () => {
  it('names the field and states the integer range', () => {
    expect(errorsOf({ clients: 0 })).toEqual(['clients: must be an integer from 1 to 10000 (got 0)']);
  });

  it('rejects an out-of-range value instead of clamping it', () => {
    expect(errorsOf({ clients: 20000 })).toEqual(['clients: must be an integer from 1 to 10000 (got 20000)']);
  });

  it('rejects a fraction where an integer is required', () => {
    expect(errorsOf({ server: { workers: 2.5 } })).toEqual(['server.workers: must be an integer from 1 to 1024 (got 2.5)']);
  });

  it('names a nested field by its dotted path', () => {
    expect(errorsOf({ network: { latencyMs: -1 } })).toEqual(['network.latencyMs: must be a number from 0 to 10000 (got -1)']);
  });

  it('refuses a run shorter than one second, the length of one snapshot', () => {
    expect(errorsOf({ durationSec: 0 })).toEqual(['durationSec: must be a number from 1 to 86400 (got 0)']);
    expect(errorsOf({ durationSec: 1e-98 })).toEqual(['durationSec: must be a number from 1 to 86400 (got 1e-98)']);
  });

  it('allows 0 for a heartbeat or proxy timeout that is off, and refuses one too short to be real', () => {
    expect(parseScenario({ sse: { heartbeatSec: 0 }, websocket: { heartbeatSec: 0 }, proxy: { idleTimeoutSec: 0 } }).ok).toBe(true);
    expect(errorsOf({ sse: { heartbeatSec: 5e-324 }, websocket: { heartbeatSec: 1e-6 }, proxy: { idleTimeoutSec: 0.05 } })).toEqual([
      'proxy.idleTimeoutSec: must be 0 (off) or a number from 0.1 to 3600 (got 0.05)',
      'sse.heartbeatSec: must be 0 (off) or a number from 0.1 to 3600 (got 5e-324)',
      'websocket.heartbeatSec: must be 0 (off) or a number from 0.1 to 3600 (got 0.000001)',
    ]);
    expect(parseScenario({ sse: { heartbeatSec: 0.1 }, proxy: { idleTimeoutSec: 0.1 } }).ok).toBe(true);
  });

  it('gives every other positive duration a floor: windows 0.1 s, timers 10 ms', () => {
    expect(
      errorsOf({
        network: { keepAliveIdleSec: 0.01, rtoMs: 1 },
        websocket: { reconnect: { baseMs: 1, maxMs: 1 } },
        webhook: { timeoutMs: 1, retry: { baseMs: 1 }, outages: [{ startSec: 1, durationSec: 1e-9 }] },
        faults: { serverRestarts: [{ atSec: 1, downSec: 0.05 }] },
      }),
    ).toEqual([
      'network.rtoMs: must be a number from 10 to 60000 (got 1)',
      'network.keepAliveIdleSec: must be a number from 0.1 to 3600 (got 0.01)',
      'websocket.reconnect.baseMs: must be a number from 10 to 3600000 (got 1)',
      'websocket.reconnect.maxMs: must be a number from 10 to 3600000 (got 1)',
      'webhook.timeoutMs: must be a number from 10 to 3600000 (got 1)',
      'webhook.retry.baseMs: must be a number from 10 to 3600000 (got 1)',
      'webhook.outages[0].durationSec: must be a number of at least 0.1 (got 1e-9)',
      'faults.serverRestarts[0].downSec: must be a number of at least 0.1 (got 0.05)',
    ]);
  });

  it('rejects a value of the wrong type with the same wording as a range error', () => {
    expect(errorsOf({ network: { lossRate: '0.1' } })).toEqual(['network.lossRate: must be a number from 0 to 0.5 (got "0.1")']);
  });

  it('rejects numbers that are not finite', () => {
    expect(errorsOf({ events: { ratePerSec: Infinity } })).toEqual(['events.ratePerSec: must be a number from 0 to 1000 (got Infinity)']);
    expect(errorsOf({ network: { jitterMs: NaN } })).toEqual(['network.jitterMs: must be a number from 0 to 10000 (got NaN)']);
  });

  it('lists the allowed values of an enumeration', () => {
    expect(errorsOf({ network: { tls: '1.1' } })).toEqual(['network.tls: must be one of "none", "1.2", "1.3" (got "1.1")']);
  });

  it('rejects a boolean given as a string', () => {
    expect(errorsOf({ proxy: { blocksWebSocket: 'yes' } })).toEqual(['proxy.blocksWebSocket: must be true or false (got "yes")']);
  });

  it('supports only version 1', () => {
    expect(errorsOf({ version: 2 })).toEqual(['version: only version 1 is supported (got 2)']);
  });

  it('limits the length of the name', () => {
    expect(errorsOf({ name: 'x'.repeat(121) })).toEqual(['name: must be a string of at most 120 characters (got 121)']);
  });

  it('names an unknown top-level key and lists the allowed ones', () => {
    expect(errorsOf({ colour: 'red' })).toEqual([
      'colour: unknown key (allowed: version, name, seed, durationSec, warmupSec, drainSec, clients, clientStartSpreadSec, mechanisms, network, http, server, ' +
        'proxy, events, clientMessages, polling, longPolling, sse, websocket, webhook, faults)',
    ]);
  });

  it('names unknown keys at every nesting level', () => {
    expect(errorsOf({ websocket: { reconnect: { retries: 3 } } })).toEqual([
      'websocket.reconnect.retries: unknown key (allowed: baseMs, factor, maxMs, jitter)',
    ]);
    expect(errorsOf({ webhook: { outages: [{ startSec: 1, durationSec: 1, reason: 'x' }] } })).toEqual([
      'webhook.outages[0].reason: unknown key (allowed: startSec, durationSec)',
    ]);
  });

  it('reports one line per unknown key', () => {
    expect(errorsOf({ http: { a: 1, b: 2 } })).toHaveLength(2);
  });

  it('names an unknown mechanism by its index', () => {
    expect(errorsOf({ mechanisms: ['polling', 'sse', 'grpc'] })).toEqual([
      'mechanisms[2]: must be one of "polling", "longPolling", "sse", "websocket", "webhook" (got "grpc")',
    ]);
  });

  it('rejects a mechanism listed twice', () => {
    expect(errorsOf({ mechanisms: ['sse', 'polling', 'sse'] })).toEqual(['mechanisms[2]: "sse" is listed twice']);
  });

  it('rejects an empty list of mechanisms', () => {
    expect(errorsOf({ mechanisms: [] })).toEqual([
      'mechanisms: must name at least one of "polling", "longPolling", "sse", "websocket", "webhook"',
    ]);
  });

  it('rejects a reconnect maximum below its base', () => {
    expect(errorsOf({ websocket: { reconnect: { baseMs: 2000, maxMs: 1000 } } })).toEqual([
      'websocket.reconnect.maxMs: must be at least baseMs (2000) (got 1000)',
    ]);
  });

  it('accepts a warm-up up to the whole run, or "auto"', () => {
    expect(scenarioOf({ durationSec: 60, warmupSec: 60 }).warmupSec).toBe(60);
    expect(scenarioOf({ durationSec: 60, warmupSec: 0 }).warmupSec).toBe(0);
    expect(scenarioOf({ durationSec: 5 }).warmupSec).toBe('auto');
  });

  it('rejects a warm-up longer than the run', () => {
    expect(errorsOf({ durationSec: 60, warmupSec: 61 })).toEqual(['warmupSec: must be at most durationSec (60) (got 61)']);
  });

  it('rejects a warm-up that is neither "auto" nor a number in range', () => {
    expect(errorsOf({ warmupSec: 'soon' })).toEqual(['warmupSec: must be "auto" or a number from 0 to 86400 (got "soon")']);
    expect(errorsOf({ warmupSec: -1 })).toEqual(['warmupSec: must be "auto" or a number from 0 to 86400 (got -1)']);
  });

  it('bounds the drain and the start-up spread', () => {
    expect(errorsOf({ drainSec: 86401 })).toEqual(['drainSec: must be a number from 0 to 86400 (got 86401)']);
    expect(errorsOf({ clientStartSpreadSec: -1 })).toEqual(['clientStartSpreadSec: must be a number from 0 to 3600 (got -1)']);
    expect(scenarioOf({ drainSec: 0, clientStartSpreadSec: 0 })).toMatchObject({ drainSec: 0, clientStartSpreadSec: 0 });
  });

  it('rejects an outage that starts at or after the end of the run', () => {
    expect(errorsOf({ durationSec: 60, webhook: { outages: [{ startSec: 60, durationSec: 10 }] } })).toEqual([
      'webhook.outages[0].startSec: must be less than durationSec (60) (got 60)',
    ]);
  });

  it('rejects a server restart after the end of the run', () => {
    expect(errorsOf({ faults: { serverRestarts: [{ atSec: 10, downSec: 1 }, { atSec: 500, downSec: 1 }] } })).toEqual([
      'faults.serverRestarts[1].atSec: must be less than durationSec (120) (got 500)',
    ]);
  });

  it('requires both fields of an outage', () => {
    expect(errorsOf({ webhook: { outages: [{ startSec: 1 }] } })).toEqual([
      'webhook.outages[0].durationSec: must be a number of at least 0.1 (missing)',
    ]);
  });

  it('limits outages to 100', () => {
    const outages = Array.from({ length: 101 }, () => ({ startSec: 1, durationSec: 1 }));
    expect(errorsOf({ webhook: { outages } })).toEqual(['webhook.outages: must be a list of at most 100 items (got 101)']);
  });

  it('rejects input that is not an object', () => {
    expect(errorsOf([1])).toEqual(['scenario: must be an object (got a list)']);
    expect(errorsOf({ network: null })).toEqual(['network: must be an object (got null)']);
  });

  it('reports every problem in one pass, cross-field checks included', () => {
    expect(
      errorsOf({ clients: 0, network: { tls: 'ssl' }, websocket: { reconnect: { maxMs: 10 } }, extra: true }),
    ).toEqual([
      'clients: must be an integer from 1 to 10000 (got 0)',
      'network.tls: must be one of "none", "1.2", "1.3" (got "ssl")',
      expect.stringMatching(/^extra: unknown key/),
      'websocket.reconnect.maxMs: must be at least baseMs (1000) (got 10)',
    ]);
  });

  it('skips a cross-field check whose own fields are invalid', () => {
    expect(errorsOf({ durationSec: -5, webhook: { outages: [{ startSec: 10, durationSec: 1 }] } })).toEqual([
      'durationSec: must be a number from 1 to 86400 (got -5)',
    ]);
    expect(errorsOf({ websocket: 'fast' })).toEqual(['websocket: must be an object (got "fast")']);
  });
});

describe('arbitrary input', () => {
  const withLists = {
    ...DEFAULT_SCENARIO,
    webhook: { ...DEFAULT_SCENARIO.webhook, outages: [{ startSec: 1, durationSec: 1 }] },
    faults: { serverRestarts: [{ atSec: 1, downSec: 1 }] },
  };

  function pathsOf(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
    if (typeof value !== 'object' || value === null) return [];
    return Object.entries(value).flatMap(([key, child]) => {
      const path = [...prefix, Array.isArray(value) ? Number(key) : key];
      return [path, ...pathsOf(child, path)];
    });
  }

  function replaced(path: (string | number)[], replacement: unknown): unknown {
    const input = structuredClone(withLists) as unknown as Record<string | number, unknown>;
    const parent = path.slice(0, -1).reduce((node, key) => node[key] as Record<string | number, unknown>, input);
    parent[path[path.length - 1]] = replacement;
    return input;
  }

  it('never throws and always answers in its own words, whatever value sits at any path', () => {
    fc.assert(
      fc.property(fc.constantFrom(...pathsOf(withLists)), fc.anything(), (path, replacement) => {
        const result = parseScenario(replaced(path, replacement));
        if (!result.ok) {
          expect(result.errors.length).toBeGreaterThan(0);
          for (const error of result.errors) expect(error).toMatch(/^.+: (must|unknown key|only version|"\w+" is listed twice)/);
        }
      }),
      { numRuns: 2000 },
    );
  });
});

describe('JSON text', () => {
  it('parses a JSON document into a scenario', () => {
    const result = parseScenarioJson('{ "version": 1, "clients": 3 }');
    expect(result).toEqual({ ok: true, scenario: { ...DEFAULT_SCENARIO, clients: 3 } });
  });

  it('reports malformed JSON with the parser position', () => {
    const result = parseScenarioJson('{\n  "clients": 3,\n}');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatch(/^invalid JSON: .*position 18 \(line 3, column 1\)$/);
  });

  it('reports an empty file as malformed JSON', () => {
    expect(parseScenarioJson('')).toEqual({ ok: false, errors: [expect.stringContaining('JSON')] });
  });

  it('validates the parsed document like any other input', () => {
    expect(parseScenarioJson('{ "clients": 0 }')).toEqual({
      ok: false,
      errors: ['clients: must be an integer from 1 to 10000 (got 0)'],
    });
  });
});

describe('formatting', () => {
  it('writes array indices in brackets and quotes keys that are not identifiers', () => {
    expect(formatPath(['webhook', 'outages', 0, 'startSec'])).toBe('webhook.outages[0].startSec');
    expect(formatPath(['my key'])).toBe('["my key"]');
    expect(formatPath([])).toBe('scenario');
  });

  it('puts one error per line, prefixed by the source when given', () => {
    expect(formatErrors(['a: x', 'b: y'], 'bad.json')).toBe('bad.json: a: x\nbad.json: b: y');
    expect(formatErrors(['a: x'])).toBe('a: x');
  });
});
