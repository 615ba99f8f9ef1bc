import fc from 'fast-check';
import { MECHANISM_IDS, type Scenario } from '../scenario/types.ts';
import { parseScenario } from '../scenario/validate.ts';

// Random valid scenarios of modest size for the engine's property tests (properties.test.ts):
// every mechanism, faults, proxies, HTTP versions and small queues, each a few seconds to run.

const jitter = fc.constantFrom('none', 'full', 'equal');

/** Windows as (start as a fraction of the run, length), placed once the duration is known. */
const windows = fc.array(fc.record({ at: fc.double({ min: 0, max: 0.99, noNaN: true }), lengthSec: fc.double({ min: 0.1, max: 20, noNaN: true }) }), {
  maxLength: 2,
});

const partialScenario = fc
  .record(
    {
      seed: fc.integer({ min: 0, max: 2 ** 32 - 1 }),
      durationSec: fc.oneof(fc.integer({ min: 5, max: 60 }), fc.double({ min: 5, max: 60, noNaN: true })),
      clients: fc.integer({ min: 1, max: 30 }),
      mechanisms: fc.subarray([...MECHANISM_IDS], { minLength: 1 }),
      network: fc.record(
        {
          latencyMs: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 300 }), fc.double({ min: 0, max: 300, noNaN: true })),
          jitterMs: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 100, noNaN: true })),
          lossRate: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 0.2, noNaN: true })),
          bandwidthKbps: fc.oneof(fc.constant(0), fc.integer({ min: 50, max: 100_000 })),
          keepAlive: fc.boolean(),
          keepAliveIdleSec: fc.double({ min: 0.5, max: 120, noNaN: true }),
          tls: fc.constantFrom('none', '1.2', '1.3'),
        },
        { requiredKeys: [] },
      ),
      http: fc.record({ requestHeaderBytes: fc.integer({ min: 0, max: 2000 }), responseHeaderBytes: fc.integer({ min: 0, max: 2000 }) }, { requiredKeys: [] }),
      server: fc.record(
        {
          workers: fc.oneof(fc.constant(1), fc.integer({ min: 1, max: 8 })),
          // Up to overload: 30 clients polling every 50 ms need 600 requests/s.
          serviceMs: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 20, noNaN: true }), fc.double({ min: 20, max: 60, noNaN: true })),
          pushServiceMs: fc.double({ min: 0, max: 5, noNaN: true }),
          maxConnections: fc.oneof(fc.integer({ min: 1, max: 30 }), fc.constant(100_000)),
          memoryPerConnectionKb: fc.integer({ min: 0, max: 256 }),
          // Small request queues make the overloaded runs refuse work (503s) too.
          maxQueuedRequests: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 20 }), fc.constant(1024)),
        },
        { requiredKeys: [] },
      ),
      proxy: fc.record({ idleTimeoutSec: fc.oneof(fc.constant(0), fc.double({ min: 0.5, max: 20, noNaN: true })), blocksWebSocket: fc.boolean() }, { requiredKeys: [] }),
      events: fc.record(
        {
          process: fc.constantFrom('poisson', 'periodic', 'bursty'),
          ratePerSec: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 5, noNaN: true })),
          audience: fc.constantFrom('perClient', 'broadcast'),
          payloadBytes: fc.integer({ min: 0, max: 5000 }),
          burstSize: fc.integer({ min: 1, max: 10 }),
        },
        { requiredKeys: [] },
      ),
      clientMessages: fc.record({ ratePerSec: fc.double({ min: 0, max: 1, noNaN: true }), payloadBytes: fc.integer({ min: 0, max: 2000 }) }, { requiredKeys: [] }),
      polling: fc.record({ intervalMs: fc.oneof(fc.constant(10), fc.integer({ min: 10, max: 5000 })), schedule: fc.constantFrom('fixedDelay', 'fixedRate') }, { requiredKeys: [] }),
      longPolling: fc.record({ timeoutMs: fc.integer({ min: 100, max: 30_000 }), errorRetryMs: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 3000 })) }, { requiredKeys: [] }),
      sse: fc.record({ retryMs: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 5000 })), heartbeatSec: fc.integer({ min: 0, max: 30 }) }, { requiredKeys: [] }),
      websocket: fc.record(
        {
          heartbeatSec: fc.integer({ min: 0, max: 30 }),
          reconnect: fc
            .record({ baseMs: fc.integer({ min: 10, max: 2000 }), extraMs: fc.integer({ min: 0, max: 30_000 }), factor: fc.double({ min: 1, max: 3, noNaN: true }), jitter })
            .map(({ baseMs, extraMs, factor, jitter: j }) => ({ baseMs, maxMs: baseMs + extraMs, factor, jitter: j })),
          fallback: fc.constantFrom('longPolling', 'none'),
          resumeOnReconnect: fc.boolean(),
        },
        { requiredKeys: [] },
      ),
      webhook: fc.record(
        {
          receiverMs: fc.double({ min: 0, max: 2000, noNaN: true }),
          timeoutMs: fc.double({ min: 10, max: 5000, noNaN: true }),
          retry: fc.record(
            { baseMs: fc.integer({ min: 10, max: 5000 }), factor: fc.double({ min: 1, max: 3, noNaN: true }), maxAttempts: fc.integer({ min: 1, max: 8 }), jitter },
            { requiredKeys: [] },
          ),
          outages: windows,
        },
        { requiredKeys: [] },
      ),
      faults: fc.record({ serverRestarts: windows }, { requiredKeys: [] }),
    },
    { requiredKeys: [] },
  )
  .map((input) => {
    // Outages and restarts must start inside the run.
    const durationSec = input.durationSec ?? 120;
    const { webhook, faults, ...rest } = input;
    return {
      ...rest,
      ...(webhook && {
        webhook: {
          ...webhook,
          ...(webhook.outages && { outages: webhook.outages.map((w) => ({ startSec: w.at * durationSec, durationSec: w.lengthSec })) }),
        },
      }),
      ...(faults && {
        faults: {
          ...(faults.serverRestarts && { serverRestarts: faults.serverRestarts.map((w) => ({ atSec: w.at * durationSec, downSec: w.lengthSec })) }),
        },
      }),
    };
  });

export function scenarioOf(input: unknown): Scenario {
  const result = parseScenario(input);
  if (!result.ok) throw new Error(`generated an invalid scenario:\n${result.errors.join('\n')}\n${JSON.stringify(input)}`);
  return result.scenario;
}

export const validScenario = partialScenario.map(scenarioOf);
