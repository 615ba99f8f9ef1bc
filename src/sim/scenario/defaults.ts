import type { Scenario } from './types.ts';

// Defaults of scenario version 1 (DESIGN.md §4). Sources for the protocol figures are cited once, here.
export const DEFAULT_SCENARIO: Scenario = {
  version: 1,
  name: 'Default',
  seed: 1,
  durationSec: 120,
  // The steady-state window starts once the start-up transient is over (rule in warmup.ts).
  warmupSec: 'auto',
  // Five minutes after the end lets the default webhook retry schedule finish for every event:
  // 8 attempts, each failing at worst by its 10 s timeout, with 1 + 2 + … + 64 = 127 s of
  // backoff between them, end within 207 s of the first attempt.
  drainSec: 300,
  clients: 10,
  // Users do not all open the page at the same instant. Two seconds matches the random phase the
  // default pollers get (T = 2 s), and each client uses the same draw in every mechanism. 0 shows
  // the synchronised start-up storm; the long-poll timeout spreads an idle fleet's timeouts evenly.
  clientStartSpreadSec: 2,
  mechanisms: ['polling', 'longPolling', 'sse', 'websocket', 'webhook'],
  network: {
    latencyMs: 50,
    jitterMs: 0,
    lossRate: 0,
    // Linux's minimum retransmission timeout (TCP_RTO_MIN = 200 ms); RFC 6298 §2.4 suggests 1 s,
    // but every mainstream stack uses the lower floor on low-RTT paths.
    rtoMs: 200,
    bandwidthKbps: 0, // 0 = unlimited
    keepAlive: true,
    // nginx keepalive_timeout default (75 s); Node's http server closes idle sockets after 5 s.
    keepAliveIdleSec: 75,
    tls: '1.3',
    // Off by default, so a new connection shows its whole cost: the full handshake the issue-9 audit
    // measured (1.08–1.26 ms of server CPU, ≈ 3.5 kB down), which keep-alive and long-lived
    // connections avoid. Browsers do keep session tickets and resume (RFC 8446 §2.2): true makes
    // a client's later connections short handshakes (protocol/tls.ts).
    tlsResumption: false,
    // Linux gives up a connect() after tcp_syn_retries = 6 retransmissions of the SYN, sent
    // 1, 2, 4 … 64 s apart: 127 s in all (tcp(7)); browsers leave the TCP connect to the OS.
    connectTimeoutMs: 127000,
  },
  http: {
    // HTTP/1.1 first: every request and answer carries its full head, the cost the comparison
    // tables of DESIGN.md §8 are about, and version-1 files keep their numbers. "2" shows how
    // much of it HPACK takes away (protocol/http2.ts; the "HTTP/2 narrows the gap" preset).
    version: '1.1',
    // A browser request with a few cookies; measured heads are in DESIGN.md §5.
    requestHeaderBytes: 700,
    responseHeaderBytes: 250,
  },
  server: {
    workers: 8,
    serviceMs: 1,
    // Assumption, not a measurement: writing an event to an already-open stream skips parsing,
    // routing and auth, so we charge a tenth of a full request. Set it to serviceMs to compare.
    pushServiceMs: 0.1,
    maxConnections: 100000,
    memoryPerConnectionKb: 64,
    // Server CPU of one full TLS handshake (certificate signature, key exchange): the audit of
    // issue 9 measured 1.08–1.26 ms for TLS 1.3 with Node 20 and OpenSSL 3. A resumed handshake
    // costs half (protocol/tls.ts); with tls "none" only the accept cost remains.
    tlsHandshakeMs: 1.2,
    // Node's default listen() backlog (net.Server.listen: 511); SYNs beyond a full accept queue
    // are dropped and the client retransmits them (model/acceptQueue.ts).
    acceptBacklog: 511,
    // Worker time per upstream WebSocket frame (a chat send, a pong). Measured in issue 9's audit:
    // 13 µs per frame against 61 µs per HTTP POST, so a frame costs 13/61 ≈ 0.21 of a request's
    // serviceMs (1 ms by default).
    frameServiceMs: 0.21,
    // Requests that may wait for a worker; one more is answered 503 at once, costing no worker
    // time. Envoy's circuit breaker does this in front of an upstream: max_pending_requests
    // defaults to 1024, and an overflowing request gets an immediate 503 (upstream_rq_pending_overflow).
    // Without a bound an overloaded server's queue, and every request's wait, grows without limit.
    maxQueuedRequests: 1024,
  },
  proxy: { idleTimeoutSec: 0, blocksWebSocket: false }, // 0 = no idle timeout
  events: { process: 'poisson', ratePerSec: 0.5, audience: 'perClient', payloadBytes: 200, burstSize: 5 },
  clientMessages: { ratePerSec: 0, payloadBytes: 100 },
  polling: { intervalMs: 2000, schedule: 'fixedDelay' },
  longPolling: { timeoutMs: 30000, errorRetryMs: 1000 },
  // WHATWG HTML §9.2 leaves the reconnection time to the user agent; browsers use about 3 s.
  // reconnectOnError: an EventSource that gets a non-200 answer (a proxy's 502) closes for good
  // (WHATWG HTML §9.2.3 "fail the connection"; WPT eventsource/request-status-error); true is
  // application code that re-creates it, as reconnecting-eventsource and fetch-event-source do.
  sse: { retryMs: 3000, heartbeatSec: 15, reconnectOnError: false },
  websocket: {
    heartbeatSec: 30,
    reconnect: { baseMs: 1000, factor: 2, maxMs: 30000, jitter: 'full' },
    fallback: 'longPolling',
    resumeOnReconnect: false,
  },
  webhook: {
    // Server-to-server heads measured in issue 9's audit: ≈ 290 B for a signed POST (Host,
    // User-Agent, Content-Type, Content-Length, a timestamp and a signature header), and Node's
    // server answers with ≈ 160 B (DESIGN.md §5 measured 156 B). Providers send HTTP/1.1.
    requestHeaderBytes: 290,
    responseHeaderBytes: 160,
    receiverMs: 5,
    timeoutMs: 10000,
    retry: { baseMs: 1000, factor: 2, maxAttempts: 8, jitter: 'none' },
    outages: [],
  },
  faults: { serverRestarts: [] },
};
