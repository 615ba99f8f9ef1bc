import { describe, expect, it } from 'vitest';
import { createSimulation, runScenario } from './engine.ts';
import type { MechanismMetrics } from './metrics/types.ts';
import type { MechanismId, Scenario } from './scenario/types.ts';
import { parseScenario } from './scenario/validate.ts';
import { H2_PREFACE_DOWN_BYTES, H2_PREFACE_UP_BYTES, H2_STEADY_REQUEST_BYTES, H2_STEADY_RESPONSE_HEAD_BYTES } from './protocol/http2.ts';
import { chunkFramingBytes, sseEventFramingBytes, TLS_HANDSHAKE_BYTES } from './protocol/sizes.ts';
import { ACCEPT_MS, RESUMED_CPU_FRACTION } from './protocol/tls.ts';
import { TCP_IP_HEADER_BYTES, TCP_SETUP_WIRE_BYTES } from './protocol/wire.ts';
import { pollingTheory } from './theory.ts';

// Issue 9's protocol costs against their closed forms: HPACK and frame bytes, chunked framing,
// TLS and accept CPU, resumed handshakes, the accept backlog with SYN retransmission and the
// connect timeout, wire bytes, the webhook pool, upstream frames and restarts behind a proxy.

function scenarioOf(input: Record<string, unknown>): Scenario {
  const result = parseScenario({ version: 1, ...input });
  if (!result.ok) throw new Error(`invalid scenario:\n${result.errors.join('\n')}`);
  return result.scenario;
}

function run(input: Record<string, unknown>, id: MechanismId): MechanismMetrics {
  const metrics = runScenario(scenarioOf({ mechanisms: [id], ...input }))[id];
  if (!metrics) throw new Error(`${id} did not run`);
  return metrics;
}

/** Worker time the run booked, from its utilisation. */
const busyMs = (m: MechanismMetrics, s: Scenario) => (m.serverUtilization ?? 0) * s.server.workers * s.durationSec * 1000;

const QUIET = { events: { ratePerSec: 0 }, server: { serviceMs: 0, pushServiceMs: 0 } };

describe('HTTP/2 headers (HPACK) and frames', () => {
  it('costs a poll its full head once per connection, then 30 B up and 24 B down', () => {
    const clients = 5;
    const polling = run({ ...QUIET, clients, durationSec: 120, network: { tls: 'none' }, http: { version: '2' } }, 'polling');
    const { requestHeaderBytes, responseHeaderBytes } = scenarioOf({}).http;
    expect(H2_STEADY_REQUEST_BYTES).toBe(30);
    expect(H2_STEADY_RESPONSE_HEAD_BYTES).toBe(24);
    expect(polling.bytes.up).toBe(
      clients * (H2_PREFACE_UP_BYTES + 9 + requestHeaderBytes) + (polling.requests - clients) * H2_STEADY_REQUEST_BYTES,
    );
    const answersSent = (polling.bytes.down - clients * (H2_PREFACE_DOWN_BYTES + 18 + responseHeaderBytes)) / 24 + clients;
    expect(Number.isInteger(answersSent)).toBe(true);
    expect(answersSent - polling.responses).toBeLessThanOrEqual(clients); // the last answers may still be on the wire
  });

  it('keeps HTTP/1.1 heads whole on every request', () => {
    const polling = run({ ...QUIET, clients: 5, durationSec: 60, network: { tls: 'none' } }, 'polling');
    expect(polling.bytes.up).toBe(polling.requests * 700);
  });

  it('sends an SSE event as one DATA frame: 9 B + id and data lines + payload (224.5 B on average for ids 1…99 and 200 B)', () => {
    const perEvent = (id: number) => 9 + sseEventFramingBytes(id) + 200;
    const ids = Array.from({ length: 99 }, (_, i) => i + 1);
    const mean = ids.map(perEvent).reduce((a, b) => a + b, 0) / ids.length;
    expect(mean).toBeCloseTo(224.9, 1);
    // One client, one event a second from t ≈ 0: the stream's bytes are its head and its events.
    const sse = run(
      { ...QUIET, clients: 1, durationSec: 60, network: { tls: 'none' }, http: { version: '2' }, sse: { heartbeatSec: 0 }, events: { ratePerSec: 1, process: 'periodic' } },
      'sse',
    );
    const delivered = sse.events.delivered;
    const events = Array.from({ length: delivered }, (_, i) => perEvent(i + 1)).reduce((a, b) => a + b, 0);
    expect(sse.bytes.down).toBe(H2_PREFACE_DOWN_BYTES + 9 + 250 + events);
  });

  it('frames an SSE event over HTTP/1.1 as a chunk: hex size, CRLF, data, CRLF (6 B for a 215-byte event)', () => {
    expect(chunkFramingBytes(215)).toBe(6);
    expect(chunkFramingBytes(8)).toBe(5);
    expect(chunkFramingBytes(4096)).toBe(8);
    const sse = run(
      { ...QUIET, clients: 1, durationSec: 60, network: { tls: 'none' }, sse: { heartbeatSec: 0 }, events: { ratePerSec: 1, process: 'periodic' } },
      'sse',
    );
    let events = 0;
    for (let id = 1; id <= sse.events.delivered; id++) {
      const write = sseEventFramingBytes(id) + 200;
      events += write + chunkFramingBytes(write);
    }
    expect(sse.bytes.down).toBe(250 + events);
  });
});

describe('what a connection costs the server', () => {
  // Every poll opens a connection: worker time = polls × serviceMs + handshakes × their CPU.
  const scenario = (tlsResumption: boolean) =>
    scenarioOf({ mechanisms: ['polling'], clients: 20, durationSec: 60, network: { keepAlive: false, tlsResumption }, events: { ratePerSec: 0 } });

  it('charges every new TLS connection tlsHandshakeMs of worker time, half when it resumes, plus the accept', () => {
    for (const resumption of [false, true]) {
      const s = scenario(resumption);
      const polling = runScenario(s).polling as MechanismMetrics;
      const { tlsHandshakeMs, serviceMs } = s.server;
      // Every poll follows its own handshake (a SYN still on the wire at the end has cost nothing yet).
      const full = s.clients;
      const resumed = polling.requests - full;
      const handshakes = resumption
        ? full * tlsHandshakeMs + resumed * RESUMED_CPU_FRACTION * tlsHandshakeMs
        : polling.requests * tlsHandshakeMs;
      const expected = polling.requests * (ACCEPT_MS + serviceMs) + handshakes;
      // The last poll's service may run past the end of the run.
      expect(Math.abs(busyMs(polling, s) - expected)).toBeLessThanOrEqual(s.clients * (serviceMs + tlsHandshakeMs));
      expect(polling.connectionAttempts).toBeGreaterThanOrEqual(polling.requests);
    }
  });

  it('adds tlsHandshakeMs per new connection against tls "none": a full handshake unless sessions resume', () => {
    const input = { mechanisms: ['polling'], clients: 20, durationSec: 60, network: { keepAlive: false }, events: { ratePerSec: 0 } };
    const s = scenarioOf(input);
    const tls = runScenario(s).polling as MechanismMetrics;
    const plainScenario = scenarioOf({ ...input, network: { keepAlive: false, tls: 'none' } });
    const plain = runScenario(plainScenario).polling as MechanismMetrics;
    const perPollTls = busyMs(tls, s) / tls.requests;
    const perPollPlain = busyMs(plain, plainScenario) / plain.requests;
    expect(perPollTls - perPollPlain).toBeCloseTo(s.server.tlsHandshakeMs, 1);
  });

  it('makes keep-alive lower the server load, not raise it', () => {
    const base = { mechanisms: ['polling'], clients: 200, durationSec: 60 };
    const on = run(base, 'polling');
    const off = run({ ...base, network: { keepAlive: false } }, 'polling');
    expect(off.serverUtilization!).toBeGreaterThan(1.3 * on.serverUtilization!);
  });

  it('sends the resumed handshake bytes (288 B down for TLS 1.3) on every connection after a client\'s first', () => {
    const s = scenario(true);
    const polling = runScenario(s).polling as MechanismMetrics;
    const resumed = polling.requests - s.clients;
    const answers = (polling.bytes.down - s.clients * TLS_HANDSHAKE_BYTES['1.3'].down - resumed * 288) / 250;
    expect(Number.isInteger(answers)).toBe(true);
    expect(answers - polling.responses).toBeLessThanOrEqual(s.clients);
  });
});

describe('the accept queue, SYN retransmission and the connect timeout', () => {
  // Three SSE clients connect at t = 0 to a server whose accept queue holds one connection: the
  // first gets in; the others' SYNs are dropped and retransmitted 1 s, then 2 s later (Linux).
  const trace = (connectTimeoutMs: number) => {
    const s = scenarioOf({
      mechanisms: ['sse'],
      clients: 3,
      durationSec: 10,
      clientStartSpreadSec: 0,
      network: { tls: 'none', connectTimeoutMs },
      server: { acceptBacklog: 1 },
      events: { ratePerSec: 0 },
    });
    const simulation = createSimulation(s, { traceClients: 3 });
    simulation.runToEnd();
    const requests = simulation.trace('sse').filter((m) => m.kind === 'request');
    return { requests: requests.map((m) => [m.client, m.sendMs]), metrics: simulation.results().sse as MechanismMetrics };
  };

  it('lets the dropped SYNs in at their retransmissions, 1 s and 3 s after the first', () => {
    const d = 50;
    const { requests, metrics } = trace(127_000);
    // With tls "none" a client sends its request when the SYN-ACK arrives: 2d after its SYN.
    expect(requests).toEqual([
      [0, 2 * d],
      [1, 1000 + 2 * d],
      [2, 3000 + 2 * d],
    ]);
    expect(metrics.connectionAttempts).toBe(1 + 2 + 3);
    expect(metrics.connectionFailures).toBe(0);
  });

  it('gives up after connectTimeoutMs and then follows the mechanism\'s own retry rule', () => {
    // The third client's SYN at 3 s would come after the 2.5 s timeout: the EventSource sees a
    // network error at 2.5 s and reconnects retryMs (3 s) later.
    const { requests, metrics } = trace(2500);
    expect(requests).toEqual([
      [0, 100],
      [1, 1100],
      [2, 2500 + 3000 + 100],
    ]);
    expect(metrics.connectionFailures).toBe(1);
    expect(metrics.connectionAttempts).toBe(1 + 2 + 2 + 1);
  });
});

describe('bytes on the wire', () => {
  it('adds TCP/IP headers per segment, delayed ACKs and connection setup to the application bytes', () => {
    const polling = run({ ...QUIET, clients: 1, durationSec: 30, network: { tls: 'none' } }, 'polling');
    const writes = polling.bytes.up / 700 + polling.bytes.down / 250; // one segment each, one ACK each
    expect(polling.bytes.wire).toBe(polling.bytes.up + polling.bytes.down + TCP_SETUP_WIRE_BYTES + writes * 2 * TCP_IP_HEADER_BYTES);
  });

  it('adds 22 B of TLS 1.3 record to every write, but not to the handshake', () => {
    const polling = run({ ...QUIET, clients: 1, durationSec: 30 }, 'polling');
    const tls = TLS_HANDSHAKE_BYTES['1.3'];
    const handshake = (tls.up + 2 * TCP_IP_HEADER_BYTES) + (tls.down + 3 * TCP_IP_HEADER_BYTES + 2 * TCP_IP_HEADER_BYTES);
    const writes = (polling.bytes.up - tls.up) / 700 + (polling.bytes.down - tls.down) / 250;
    const app = polling.bytes.up + polling.bytes.down;
    expect(polling.bytes.wire).toBe(app + TCP_SETUP_WIRE_BYTES + (handshake - tls.up - tls.down) + writes * (22 + 2 * TCP_IP_HEADER_BYTES));
    expect(polling.series.bytesWire.reduce((a, b) => a + b, 0)).toBe(polling.bytes.wire);
  });
});

describe('webhook connection pool', () => {
  const d = 40;
  const base = { mechanisms: ['webhook'], clients: 1, durationSec: 120, network: { latencyMs: d } };

  it('delivers in about d once the receiver\'s connection is open: only the first event pays the handshake', () => {
    const webhook = run({ ...base, events: { ratePerSec: 1, process: 'periodic' } }, 'webhook');
    const sign = 1;
    expect(webhook.connectionAttempts).toBe(1);
    expect(webhook.peakOpenConnections).toBe(1);
    expect(webhook.latencyMs.p50).toBeCloseTo(sign + d, 0);
    // TCP + TLS 1.3: two round trips for the first attempt.
    expect(webhook.latencyMs.max).toBeCloseTo(sign + 4 * d + d, 0);
  });

  it('opens a connection only when every pooled one is busy, and keeps it for the next burst', () => {
    // Bursts of three events 10 ms apart, while an attempt takes 2d + 5 ms: three connections.
    const webhook = run({ ...base, events: { ratePerSec: 1.5, process: 'bursty', burstSize: 3 } }, 'webhook');
    // (Two bursts now and then start within one attempt's time of each other: a few more.)
    expect(webhook.connectionAttempts).toBeGreaterThanOrEqual(3);
    expect(webhook.connectionAttempts).toBeLessThan(0.05 * webhook.requests);
    expect(webhook.peakOpenConnections).toBe(webhook.connectionAttempts);
    expect(webhook.events.delivered).toBeGreaterThan(100);
  });

  it('opens a new connection when the receiver closed the idle one (keep-alive shorter than the gaps)', () => {
    const webhook = run({ ...base, network: { latencyMs: d, keepAliveIdleSec: 0.5 }, events: { ratePerSec: 1, process: 'periodic' } }, 'webhook');
    expect(webhook.connectionAttempts).toBe(webhook.requests);
    expect(webhook.latencyMs.p50).toBeGreaterThan(4 * d);
  });

  it('keeps a busy provider at about d: 200 receivers at 5 events a second each', () => {
    const webhook = run({ ...base, clients: 200, durationSec: 60, events: { ratePerSec: 5 } }, 'webhook');
    expect(webhook.latencyMs.mean!).toBeLessThan(1.1 * d);
    expect(webhook.connectionAttempts).toBeLessThan(0.02 * webhook.requests);
  });
});

describe('upstream WebSocket frames', () => {
  it('charge frameServiceMs of worker time each', () => {
    const input = {
      mechanisms: ['websocket'],
      clients: 100,
      durationSec: 60,
      network: { tls: 'none' },
      server: { serviceMs: 0, pushServiceMs: 0 },
      websocket: { heartbeatSec: 0 },
      events: { ratePerSec: 0 },
      clientMessages: { ratePerSec: 2, payloadBytes: 100 },
    };
    const s = scenarioOf(input);
    const websocket = runScenario(s).websocket as MechanismMetrics;
    const frames = (websocket.bytes.up - s.clients * 850) / 106;
    expect(Number.isInteger(frames)).toBe(true);
    const expected = frames * s.server.frameServiceMs + s.clients * ACCEPT_MS;
    // Frames still on the wire at the end have not been handled yet.
    expect(busyMs(websocket, s)).toBeLessThanOrEqual(expected + 1e-6);
    expect(busyMs(websocket, s)).toBeGreaterThan(expected - s.clients * s.server.frameServiceMs);
    expect(websocket.serverUtilization!).toBeGreaterThan(0);
  });
});

describe('restarts', () => {
  const input = (via: 'direct' | 'proxy') => ({
    mechanisms: ['sse', 'polling'],
    clients: 10,
    durationSec: 60,
    faults: { serverRestarts: [{ atSec: 20, downSec: 10, via }] },
  });

  it('behind a proxy answer 502, which closes every EventSource for good and loses what follows', () => {
    const results = runScenario(scenarioOf(input('proxy')));
    const sse = results.sse as MechanismMetrics;
    expect(sse.sseClosedClients).toBe(10);
    expect(sse.events.pending).toBe(0);
    expect(sse.events.lost).toBeGreaterThanOrEqual(sse.series.eventsCreated.slice(21).reduce((a, b) => a + b, 0));
    // Pollers read the 502s as answers and keep polling.
    const polling = results.polling as MechanismMetrics;
    expect(polling.errorResponses).toBeGreaterThan(10);
    expect(polling.events.lost).toBe(0);
  });

  it('directly refuse connections, so SSE resumes and loses nothing', () => {
    const sse = runScenario(scenarioOf(input('direct'))).sse as MechanismMetrics;
    expect(sse.sseClosedClients).toBe(0);
    expect(sse.errorResponses).toBe(0);
    expect(sse.events.lost).toBe(0);
    expect(sse.connectionFailures).toBeGreaterThan(0);
  });
});

describe('the scenario fields of issue 9', () => {
  it('default to HTTP/1.1, Node\'s backlog of 511, Linux\'s 127 s connect timeout and measured costs', () => {
    const s = scenarioOf({});
    expect(s.http.version).toBe('1.1');
    expect(s.server).toMatchObject({ acceptBacklog: 511, tlsHandshakeMs: 1.2, frameServiceMs: 0.21 });
    expect(s.network).toMatchObject({ tlsResumption: false, connectTimeoutMs: 127_000 });
    expect(s.sse.reconnectOnError).toBe(false);
    expect(s.webhook).toMatchObject({ requestHeaderBytes: 290, responseHeaderBytes: 160 });
    // A restart without `via` keeps its shape: direct.
    expect(scenarioOf({ faults: { serverRestarts: [{ atSec: 5, downSec: 1 }] } }).faults.serverRestarts).toEqual([{ atSec: 5, downSec: 1 }]);
  });

  it('rejects bad values by field name', () => {
    const errors = (input: Record<string, unknown>) => {
      const result = parseScenario({ version: 1, ...input });
      return result.ok ? [] : result.errors;
    };
    expect(errors({ http: { version: '3' } })).toEqual(['http.version: must be one of "1.1", "2" (got "3")']);
    expect(errors({ faults: { serverRestarts: [{ atSec: 1, downSec: 1, via: 'lb' }] } })).toEqual([
      'faults.serverRestarts[0].via: must be one of "direct", "proxy" (got "lb")',
    ]);
    expect(errors({ server: { acceptBacklog: 0 } })).toEqual(['server.acceptBacklog: must be an integer from 1 to 1000000 (got 0)']);
    expect(errors({ network: { connectTimeoutMs: 0 } })[0]).toMatch(/^network\.connectTimeoutMs: /);
  });
});

describe('the polling theory line', () => {
  it('includes a new connection per poll when the server closes idle connections before the next one', () => {
    const input = {
      mechanisms: ['polling'],
      clients: 200,
      durationSec: 300,
      network: { keepAliveIdleSec: 1 },
      server: { serviceMs: 0 },
      events: { ratePerSec: 0.5 },
      polling: { intervalMs: 2000 },
    };
    const s = scenarioOf(input);
    const theory = pollingTheory(s);
    if (!theory.ok) throw new Error(theory.reason);
    // TCP + TLS 1.3: two round trips, plus the handshake's CPU.
    const d = s.network.latencyMs;
    const cycleMs = 2000 + 2 * d + 4 * d + ACCEPT_MS + s.server.tlsHandshakeMs;
    expect(theory.value.requestsPerSecPerClient).toBeCloseTo(1000 / cycleMs, 6);
    expect(theory.formula).toContain('setup');
    const polling = runScenario(s).polling as MechanismMetrics;
    expect(Math.abs(polling.requestsPerSec / s.clients - theory.value.requestsPerSecPerClient)).toBeLessThan(
      0.01 * theory.value.requestsPerSecPerClient,
    );
    const kept = pollingTheory(scenarioOf({ ...input, network: { keepAliveIdleSec: 5 } }));
    expect(kept.ok && kept.value.requestsPerSecPerClient).toBeCloseTo(1000 / (2000 + 2 * d), 6);
  });
});
