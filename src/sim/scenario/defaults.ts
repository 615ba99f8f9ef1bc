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
  },
  // A browser request with a few cookies; measured heads are in DESIGN.md §5.
  http: { requestHeaderBytes: 700, responseHeaderBytes: 250 },
  server: {
    workers: 8,
    serviceMs: 1,
    // Assumption, not a measurement: writing an event to an already-open stream skips parsing,
    // routing and auth, so we charge a tenth of a full request. Set it to serviceMs to compare.
    pushServiceMs: 0.1,
    maxConnections: 100000,
    memoryPerConnectionKb: 64,
  },
  proxy: { idleTimeoutSec: 0, blocksWebSocket: false }, // 0 = no idle timeout
  events: { process: 'poisson', ratePerSec: 0.5, audience: 'perClient', payloadBytes: 200, burstSize: 5 },
  clientMessages: { ratePerSec: 0, payloadBytes: 100 },
  polling: { intervalMs: 2000, schedule: 'fixedDelay' },
  longPolling: { timeoutMs: 30000, errorRetryMs: 1000 },
  // WHATWG HTML §9.2 leaves the reconnection time to the user agent; browsers use about 3 s.
  sse: { retryMs: 3000, heartbeatSec: 15 },
  websocket: {
    heartbeatSec: 30,
    reconnect: { baseMs: 1000, factor: 2, maxMs: 30000, jitter: 'full' },
    fallback: 'longPolling',
    resumeOnReconnect: false,
  },
  webhook: {
    receiverMs: 5,
    timeoutMs: 10000,
    retry: { baseMs: 1000, factor: 2, maxAttempts: 8, jitter: 'none' },
    outages: [],
  },
  faults: { serverRestarts: [] },
};
