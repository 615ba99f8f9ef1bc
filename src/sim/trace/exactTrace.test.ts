import { describe, expect, it } from 'vitest';
import { createSimulation } from '../engine.ts';
import { RandomStreams, Stream } from '../core/rng.ts';
import type { MechanismId } from '../scenario/types.ts';
import { parseScenario } from '../scenario/validate.ts';
import type { ScenarioInput } from '../scenario/schema.ts';
import { connectionOrdinal, connectionRole, type TraceMessage, type TraceSpan } from './types.ts';

// SimPy-style exact traces: one client, five seconds, a periodic event process, and the whole
// trace (every message and every span) asserted with times worked out by hand from the scenario,
// all with the default protocol costs: one-way delay d = 50 ms; a new connection to our server is
// TCP's SYN/SYN-ACK round trip plus TLS 1.3's one, and when the ClientHello arrives (3d) a worker
// accepts the connection (ACCEPT_MS = 0.05 ms) and does the full handshake's CPU work
// (server.tlsHandshakeMs = 1.2 ms) before its flight goes down: the client may send at
// 4d + 1.25 = 201.25 ms. A request costs serviceMs = 1 ms of a free worker; an event, an SSE
// heartbeat or a WebSocket ping written to a held request, a stream or a socket costs
// pushServiceMs = 0.1 ms. Heads: 700 B up, 250 B down; event payload 200 B. These tests pin the
// engine down: a change of protocol costs changes them, which is the point.

const SEED = 1;
const END_MS = 5000;

/** The periodic process starts at a uniform phase of its gap, drawn from the events stream. */
const firstEventMs = (gapMs: number) => new RandomStreams(SEED, Stream.events, 1).next(0) * gapMs;

/** Times are compared to the nanosecond: sums like e0 + 0.1 + 50 round differently in the last bit. */
const ns = (ms: number) => (Number.isFinite(ms) ? Math.round(ms * 1e6) / 1e6 : ms);

const conn = (id: number) => (id < 0 ? '-' : `${connectionRole(id)}#${connectionOrdinal(id)}`);

type Row = [kind: string, direction: 'up' | 'down', sendMs: number, arriveMs: number, events: number, bytes: number, status: string, attempt: number, connection: string];
type SpanRow = [kind: string, client: number, connection: string, startMs: number, endMs: number, outcome: string, attempt: number];

const row = (m: TraceMessage): Row => [m.kind, m.up ? 'up' : 'down', ns(m.sendMs), ns(m.arriveMs), m.events, m.bytes, m.status, m.attempt, conn(m.connection)];
const spanRow = (s: TraceSpan): SpanRow => [s.kind, s.client, conn(s.connection), ns(s.startMs), ns(s.endMs), s.outcome, s.attempt];
const rows = (expected: Row[]) => expected.map((r) => r.map((v) => (typeof v === 'number' ? ns(v) : v)));
const spanRows = (expected: SpanRow[]) => expected.map((r) => r.map((v) => (typeof v === 'number' ? ns(v) : v)));

function run(id: MechanismId, input: Omit<ScenarioInput, 'version'>) {
  const parsed = parseScenario({ version: 1, seed: SEED, durationSec: END_MS / 1000, clients: 1, mechanisms: [id], clientStartSpreadSec: 0, drainSec: 0, ...input });
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  const simulation = createSimulation(parsed.scenario, { traceClients: 1 });
  simulation.runToEnd();
  return { trace: simulation.trace(id).map(row), spans: simulation.spans(id).map(spanRow) };
}

const d = 50;
/** protocol/tls.ts ACCEPT_MS + the default server.tlsHandshakeMs of a full TLS 1.3 handshake. */
const HANDSHAKE_CPU = 0.05 + 1.2;
const HANDSHAKE = 4 * d + HANDSHAKE_CPU;
const SERVICE = 1;
const PUSH = 0.1;

describe('the exact trace of one client', () => {
  it('polls: a handshake, then every 2 s after each answer a 700 B GET and an answer with what happened since', () => {
    const e0 = firstEventMs(1000); // events at e0 + k·1000 ≈ 141, 1141, 2141, 3141, 4141 ms
    const p = new RandomStreams(SEED, Stream.pollPhase, 1).next(0) * 2000; // first poll ≈ 512.5 ms
    const { trace, spans } = run('polling', {
      events: { process: 'periodic', ratePerSec: 1 },
      polling: { intervalMs: 2000, schedule: 'fixedDelay' },
    });
    expect(e0).toBeLessThan(p); // so the first poll finds the first event
    // Poll 1 at p: handshake [p, p + 201.25] (the worker's 1.25 ms of accept and TLS lie in it, at
    // p + 150), GET arrives p + 251.25, served 1 ms, answer one d later. The server reads the log
    // when it has served the poll (p + 252.25 ≈ 764.8): e0 only.
    // Poll 2 leaves 2 s after answer 1 arrived (p + 2302.25) on the kept-alive connection: e1, e2.
    // Poll 3 at p + 4403.25 ≈ 4915.8 reaches the server at ≈ 4965.8, before the end: e3, e4; its
    // answer is sent at ≈ 4966.8 and arrives after the run, which the trace still records.
    const poll = (at: number) => [at + d, at + d + SERVICE] as const;
    const [srv1, done1] = poll(p + HANDSHAKE);
    const [, done2] = poll(p + HANDSHAKE + d + SERVICE + d + 2000);
    const t2 = done1 + d + 2000;
    const t3 = done2 + d + 2000;
    expect(trace).toEqual(
      rows([
        ['connect', 'up', p, p + HANDSHAKE, 0, 0, 'ok', 0, 'main#1'],
        ['request', 'up', p + HANDSHAKE, srv1, 0, 700, 'ok', 0, 'main#1'],
        ['response', 'down', done1, done1 + d, 1, 250 + 200, 'ok', 0, 'main#1'],
        ['request', 'up', t2, t2 + d, 0, 700, 'ok', 0, 'main#1'],
        ['response', 'down', done2, done2 + d, 2, 250 + 400, 'ok', 0, 'main#1'],
        ['request', 'up', t3, t3 + d, 0, 700, 'ok', 0, 'main#1'],
        ['response', 'down', t3 + d + SERVICE, t3 + 2 * d + SERVICE, 2, 250 + 400, 'ok', 0, 'main#1'],
      ]),
    );
    expect(spans).toEqual([]); // polling holds nothing and never waits to retry
  });

  it('long-polls: each request is held from its arrival until an event (answered) or the 1.5 s timeout (empty)', () => {
    const e0 = firstEventMs(4000); // events at ≈ 564.3 and ≈ 4564.3 ms
    const { trace, spans } = run('longPolling', {
      events: { process: 'periodic', ratePerSec: 0.25 },
      longPolling: { timeoutMs: 1500 },
    });
    // Request 1: handshake [0, 201.25], arrives 251.25, parked (nothing to send); the timer starts
    // when its service ends (252.25) but e0 comes first: answered at e0 + 0.1, arrives e0 + 50.1.
    const a1 = e0 + PUSH;
    // Request 2 leaves at once on the same connection and is parked at a1 + 2d; its timer runs
    // from its service end (+1 ms) for 1.5 s: answered empty at a1 + 2d + 1 + 1500 + 0.1.
    const r2 = a1 + d;
    const a2 = r2 + d + SERVICE + 1500 + PUSH;
    const r3 = a2 + d;
    const a3 = r3 + d + SERVICE + 1500 + PUSH;
    const r4 = a3 + d;
    // Request 4 is parked at ≈ 3866.6 and answered by the event at e0 + 4000 ≈ 4564.3.
    const a4 = e0 + 4000 + PUSH;
    const r5 = a4 + d;
    expect(trace).toEqual(
      rows([
        ['connect', 'up', 0, HANDSHAKE, 0, 0, 'ok', 0, 'main#1'],
        ['request', 'up', HANDSHAKE, HANDSHAKE + d, 0, 700, 'ok', 0, 'main#1'],
        ['response', 'down', a1, a1 + d, 1, 450, 'ok', 0, 'main#1'],
        ['request', 'up', r2, r2 + d, 0, 700, 'ok', 0, 'main#1'],
        ['response', 'down', a2, a2 + d, 0, 250, 'ok', 0, 'main#1'],
        ['request', 'up', r3, r3 + d, 0, 700, 'ok', 0, 'main#1'],
        ['response', 'down', a3, a3 + d, 0, 250, 'ok', 0, 'main#1'],
        ['request', 'up', r4, r4 + d, 0, 700, 'ok', 0, 'main#1'],
        ['response', 'down', a4, a4 + d, 1, 450, 'ok', 0, 'main#1'],
        ['request', 'up', r5, r5 + d, 0, 700, 'ok', 0, 'main#1'],
      ]),
    );
    expect(spans).toEqual(
      spanRows([
        ['held', 0, 'main#1', HANDSHAKE + d, a1, 'answered', 0],
        ['held', 0, 'main#1', r2 + d, a2, 'timedOut', 0],
        ['held', 0, 'main#1', r3 + d, a3, 'timedOut', 0],
        ['held', 0, 'main#1', r4 + d, a4, 'answered', 0],
        // Its timeout (≈ 6165 ms) lies after the run: still held when the run stops.
        ['held', 0, 'main#1', r5 + d, Infinity, 'open', 0],
      ]),
    );
  });

  it('long-polls behind a proxy with a 1 s idle timeout: cut, a 1 s error retry, a new connection; a chat POST on the second one', () => {
    // The client's one message, drawn from the client-message stream (rate 0.5/s) at ≈ 4723.5 ms.
    const c = new RandomStreams(SEED, Stream.clientMessages, 1).exponential(0, 2000);
    const { trace, spans } = run('longPolling', {
      events: { ratePerSec: 0 },
      proxy: { idleTimeoutSec: 1 },
      clientMessages: { ratePerSec: 0.5, payloadBytes: 100 },
    });
    // Nothing crosses a parked request, so the proxy cuts it 1 s after its last byte (its arrival):
    // the client sees the close one d later and retries errorRetryMs = 1 s after that, on a new
    // connection (a full handshake again, 201.25 ms: tlsResumption is off by default). Each round:
    // cut = arrival + 1000, next = cut + d + 1000.
    const arrive1 = HANDSHAKE + d;
    const cut1 = arrive1 + 1000;
    const next2 = cut1 + d + 1000;
    const arrive2 = next2 + HANDSHAKE + d;
    const cut2 = arrive2 + 1000;
    const next3 = cut2 + d + 1000;
    const arrive3 = next3 + HANDSHAKE + d;
    expect(trace).toEqual(
      rows([
        ['connect', 'up', 0, HANDSHAKE, 0, 0, 'ok', 0, 'main#1'],
        ['request', 'up', HANDSHAKE, arrive1, 0, 700, 'ok', 0, 'main#1'],
        ['close', 'down', cut1, cut1 + d, 0, 0, 'ok', 0, 'main#1'],
        ['connect', 'up', next2, next2 + HANDSHAKE, 0, 0, 'ok', 0, 'main#2'],
        ['request', 'up', next2 + HANDSHAKE, arrive2, 0, 700, 'ok', 0, 'main#2'],
        ['close', 'down', cut2, cut2 + d, 0, 0, 'ok', 0, 'main#2'],
        ['connect', 'up', next3, next3 + HANDSHAKE, 0, 0, 'ok', 0, 'main#3'],
        ['request', 'up', next3 + HANDSHAKE, arrive3, 0, 700, 'ok', 0, 'main#3'],
        // The chat message is a POST (700 B head + 100 B) on the side connection, opened for it.
        ['connect', 'up', c, c + HANDSHAKE, 0, 0, 'ok', 0, 'side#1'],
        ['request', 'up', c + HANDSHAKE, c + HANDSHAKE + d, 0, 800, 'ok', 0, 'side#1'],
        ['response', 'down', c + HANDSHAKE + d + SERVICE, c + HANDSHAKE + 2 * d + SERVICE, 0, 250, 'ok', 0, 'side#1'],
      ]),
    );
    expect(spans).toEqual(
      spanRows([
        ['held', 0, 'main#1', arrive1, cut1, 'proxyCut', 0],
        ['proxyCut', 0, 'main#1', cut1, cut1, 'elapsed', 0],
        ['retryWait', 0, '-', cut1 + d, next2, 'elapsed', 0],
        ['held', 0, 'main#2', arrive2, cut2, 'proxyCut', 0],
        ['proxyCut', 0, 'main#2', cut2, cut2, 'elapsed', 0],
        ['retryWait', 0, '-', cut2 + d, next3, 'elapsed', 0],
        ['held', 0, 'main#3', arrive3, Infinity, 'open', 0],
      ]),
    );
  });

  it('streams SSE: one GET, events and heartbeats down the stream, a restart cuts it, the retry wait, a reconnect that replays', () => {
    const e0 = firstEventMs(1000);
    const { trace, spans } = run('sse', {
      events: { process: 'periodic', ratePerSec: 1 },
      sse: { retryMs: 1500, heartbeatSec: 2 },
      faults: { serverRestarts: [{ atSec: 3, downSec: 1 }] },
    });
    // `id: n\n` + `data: ` + `\n\n` = 15 B around each 200 B event (ids below 10), written as one
    // HTTP/1.1 chunk: "d7\r\n" before the 215 B and "\r\n" after, 6 B. The `: ping\n\n`
    // heartbeat (8 B) is a chunk too: "8\r\n" … "\r\n", 5 B.
    const event = 15 + 200 + 6;
    const heartbeat = 8 + 5;
    // The stream opens when the GET arrives (251.25); its head leaves after the service (252.25)
    // with the replay of e0, created before: 250 + 221 B. e1 and e2 go down the stream 0.1 ms
    // after their creation. A heartbeat is due 2 s after the head (2252.25) and, being written
    // like an event, leaves 0.1 ms later (2252.35).
    // The restart at 3000 cuts the stream; the client sees the FIN at 3050 and waits retryMs =
    // 1500 ms: it reconnects at 4550 (the server is back at 4000) with a new full handshake. The
    // new stream opens at 4550 + 201.25 + 50 = 4801.25 and replays e3 and e4, created while it
    // was down.
    const opened = HANDSHAKE + d;
    const headSent = opened + SERVICE;
    const beat = headSent + 2000 + PUSH;
    const reconnect = 3000 + d + 1500;
    const reopened = reconnect + HANDSHAKE + d;
    expect(trace).toEqual(
      rows([
        ['connect', 'up', 0, HANDSHAKE, 0, 0, 'ok', 0, 'main#1'],
        ['request', 'up', HANDSHAKE, HANDSHAKE + d, 0, 700, 'ok', 0, 'main#1'],
        ['response', 'down', headSent, headSent + d, 1, 250 + event, 'ok', 0, 'main#1'],
        ['sseEvent', 'down', e0 + 1000 + PUSH, e0 + 1000 + PUSH + d, 1, event, 'ok', 0, 'main#1'],
        ['sseEvent', 'down', e0 + 2000 + PUSH, e0 + 2000 + PUSH + d, 1, event, 'ok', 0, 'main#1'],
        ['sseHeartbeat', 'down', beat, beat + d, 0, heartbeat, 'ok', 0, 'main#1'],
        ['connect', 'up', reconnect, reconnect + HANDSHAKE, 0, 0, 'ok', 0, 'main#2'],
        ['request', 'up', reconnect + HANDSHAKE, reopened, 0, 700, 'ok', 0, 'main#2'],
        ['response', 'down', reopened + SERVICE, reopened + SERVICE + d, 2, 250 + 2 * event, 'ok', 0, 'main#2'],
      ]),
    );
    expect(spans).toEqual(
      spanRows([
        ['stream', 0, 'main#1', opened, 3000, 'serverDown', 0],
        ['serverDown', -1, '-', 3000, 4000, 'elapsed', 0],
        ['retryWait', 0, '-', 3000 + d, reconnect, 'elapsed', 0],
        ['stream', 0, 'main#2', reopened, Infinity, 'open', 0],
      ]),
    );
  });

  it('opens a WebSocket: the upgrade, frames, a ping and its pong, a restart, a 1 s backoff and a reconnect without replay', () => {
    const e0 = firstEventMs(1000);
    const { trace, spans } = run('websocket', {
      events: { process: 'periodic', ratePerSec: 1 },
      websocket: { heartbeatSec: 2, reconnect: { baseMs: 1000, factor: 2, maxMs: 30_000, jitter: 'none' } },
      faults: { serverRestarts: [{ atSec: 3, downSec: 1 }] },
    });
    // RFC 6455 sizes: the upgrade adds 150 B of headers to the GET; the 101 is 129 B; a server
    // frame of 200 B has a 4 B header (2 B + a 16-bit length, as 200 > 125); a ping 2 B, the
    // masked pong 6 B. The ping is written like an event (pushServiceMs, 0.1 ms): due 2 s after
    // the 101 left (252.25 + 2000), it leaves at 2252.35. (The pong's frameServiceMs of worker
    // time at the server shows in no message.)
    const frame = 4 + 200;
    const opened = HANDSHAKE + d;
    const headSent = opened + SERVICE;
    const ping = headSent + 2000 + PUSH;
    // The restart at 3000 cuts the socket; the client sees it at 3050 and waits the first backoff,
    // baseMs = 1 s: it reconnects at 4050 (the server is up again at 4000), a full handshake
    // again, and the new socket opens at 4050 + 201.25 + 50 = 4301.25. e3 and e4, created
    // while no socket was open, are lost (no resume): the new 101 carries nothing.
    const reconnect = 3000 + d + 1000;
    const reopened = reconnect + HANDSHAKE + d;
    expect(trace).toEqual(
      rows([
        ['connect', 'up', 0, HANDSHAKE, 0, 0, 'ok', 0, 'main#1'],
        ['upgrade', 'up', HANDSHAKE, HANDSHAKE + d, 0, 850, 'ok', 0, 'main#1'],
        ['upgradeResponse', 'down', headSent, headSent + d, 1, 129 + frame, 'ok', 0, 'main#1'],
        ['wsFrame', 'down', e0 + 1000 + PUSH, e0 + 1000 + PUSH + d, 1, frame, 'ok', 0, 'main#1'],
        ['wsFrame', 'down', e0 + 2000 + PUSH, e0 + 2000 + PUSH + d, 1, frame, 'ok', 0, 'main#1'],
        ['ping', 'down', ping, ping + d, 0, 2, 'ok', 0, 'main#1'],
        ['pong', 'up', ping + d, ping + 2 * d, 0, 6, 'ok', 0, 'main#1'],
        ['connect', 'up', reconnect, reconnect + HANDSHAKE, 0, 0, 'ok', 0, 'main#2'],
        ['upgrade', 'up', reconnect + HANDSHAKE, reopened, 0, 850, 'ok', 0, 'main#2'],
        ['upgradeResponse', 'down', reopened + SERVICE, reopened + SERVICE + d, 0, 129, 'ok', 0, 'main#2'],
      ]),
    );
    expect(spans).toEqual(
      spanRows([
        ['stream', 0, 'main#1', opened, 3000, 'serverDown', 0],
        ['serverDown', -1, '-', 3000, 4000, 'elapsed', 0],
        ['retryWait', 0, '-', 3000 + d, reconnect, 'elapsed', 1],
        ['stream', 0, 'main#2', reopened, Infinity, 'open', 0],
      ]),
    );
  });

  it('delivers webhooks: a signed POST per event, 503s during the outage, one 500 ms retry, then a dead letter', () => {
    const e0 = firstEventMs(1000);
    const { trace, spans } = run('webhook', {
      events: { process: 'periodic', ratePerSec: 1 },
      webhook: { receiverMs: 5, outages: [{ startSec: 2, durationSec: 1 }], retry: { baseMs: 500, factor: 2, maxAttempts: 2, jitter: 'none' } },
    });
    // Each attempt is signed by the provider (1 ms of a worker) and POSTed server to server:
    // webhook.requestHeaderBytes = 290 B of head (its signature header included) and the 200 B
    // event; the answer is webhook.responseHeaderBytes = 160 B. The first attempt opens a
    // connection to the receiver: SYN/SYN-ACK and TLS 1.3, 4d = 200 ms, and no worker time on our
    // server (the receiver accepts it); the rest reuse it from the provider's pool. The receiver
    // answers 5 ms after the POST arrives; during the outage [2000, 3000) it answers 503 at once.
    const post = 290 + 200;
    const answer = 160;
    const toReceiver = 4 * d;
    const at = (createdMs: number) => createdMs + SERVICE; // when the POST can go
    const ok = (sendMs: number, attempt: number): Row[] => [
      ['webhookAttempt', 'down', sendMs, sendMs + d, 1, post, 'ok', attempt, 'main#1'],
      ['webhookResponse', 'up', sendMs + d + 5, sendMs + 2 * d + 5, 0, answer, 'ok', attempt, 'main#1'],
    ];
    const refused = (sendMs: number, attempt: number): Row[] => [
      ['webhookAttempt', 'down', sendMs, sendMs + d, 1, post, 'failed', attempt, 'main#1'],
      ['webhookResponse', 'up', sendMs + d, sendMs + 2 * d, 0, answer, 'failed', attempt, 'main#1'],
    ];
    // e2's first 503 arrives at at(e2) + 2d; the retry goes 500 ms later (signed 1 ms after),
    // fails too, and with maxAttempts = 2 the event is dead-lettered when that 503 arrives.
    const e2 = e0 + 2000;
    const failed1 = at(e2) + 2 * d;
    const retry = at(failed1 + 500);
    expect(trace).toEqual(
      rows([
        ['connect', 'up', at(e0), at(e0) + toReceiver, 0, 0, 'ok', 0, 'main#1'],
        ...ok(at(e0) + toReceiver, 1),
        ...ok(at(e0 + 1000), 1),
        ...refused(at(e2), 1),
        ...refused(retry, 2),
        ...ok(at(e0 + 3000), 1),
        ...ok(at(e0 + 4000), 1),
      ]),
    );
    expect(spans).toEqual(
      spanRows([
        ['receiverDown', -1, '-', 2000, 3000, 'elapsed', 0],
        ['retryWait', 0, '-', failed1, failed1 + 500, 'elapsed', 2],
        ['deadLetter', 0, '-', retry + 2 * d, retry + 2 * d, 'elapsed', 2],
      ]),
    );
  });
});
