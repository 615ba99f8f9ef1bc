// The normalised scenario (DESIGN.md §4, version 1): every field present, units in the names.
// The zod schema in schema.ts accepts partial input and produces exactly this shape.

export const MECHANISM_IDS = ['polling', 'longPolling', 'sse', 'websocket', 'webhook'] as const;
export type MechanismId = (typeof MECHANISM_IDS)[number];

export type TlsVersion = 'none' | '1.2' | '1.3';
export type EventProcess = 'poisson' | 'periodic' | 'bursty';
export type Audience = 'perClient' | 'broadcast';
export type PollingSchedule = 'fixedDelay' | 'fixedRate';
export type Jitter = 'none' | 'full' | 'equal';
export type HttpVersion = '1.1' | '2';
export type RestartVia = 'direct' | 'proxy';

export interface Backoff {
  baseMs: number;
  factor: number;
  maxMs: number;
  jitter: Jitter;
}

export interface Outage {
  startSec: number;
  durationSec: number;
}

export interface ServerRestart {
  atSec: number;
  downSec: number;
  /** "direct" (omitted): connections are refused while down; "proxy": a load balancer answers 502. */
  via?: RestartVia;
}

export interface Scenario {
  version: 1;
  name: string;
  seed: number;
  durationSec: number;
  /** Start of the steady-state window; 'auto' = the start-up rule of warmup.ts. */
  warmupSec: number | 'auto';
  /** After durationSec no new events, but in-flight work may finish for up to this long. */
  drainSec: number;
  clients: number;
  /** Long-poll, SSE and WebSocket clients first connect at a random moment in [0, this). */
  clientStartSpreadSec: number;
  mechanisms: MechanismId[];
  network: {
    latencyMs: number;
    jitterMs: number;
    lossRate: number;
    rtoMs: number;
    bandwidthKbps: number;
    keepAlive: boolean;
    keepAliveIdleSec: number;
    tls: TlsVersion;
    tlsResumption: boolean;
    connectTimeoutMs: number;
  };
  http: { version: HttpVersion; requestHeaderBytes: number; responseHeaderBytes: number };
  server: {
    workers: number;
    serviceMs: number;
    pushServiceMs: number;
    maxConnections: number;
    memoryPerConnectionKb: number;
    tlsHandshakeMs: number;
    acceptBacklog: number;
    frameServiceMs: number;
    /** Requests waiting for a worker beyond which the server answers 503 at once (0: none may wait). */
    maxQueuedRequests: number;
  };
  proxy: { idleTimeoutSec: number; blocksWebSocket: boolean };
  events: {
    process: EventProcess;
    ratePerSec: number;
    audience: Audience;
    payloadBytes: number;
    burstSize: number;
  };
  clientMessages: { ratePerSec: number; payloadBytes: number };
  polling: { intervalMs: number; schedule: PollingSchedule };
  longPolling: { timeoutMs: number; errorRetryMs: number };
  sse: { retryMs: number; heartbeatSec: number; reconnectOnError: boolean };
  websocket: {
    heartbeatSec: number;
    reconnect: Backoff;
    fallback: 'longPolling' | 'none';
    resumeOnReconnect: boolean;
  };
  webhook: {
    requestHeaderBytes: number;
    responseHeaderBytes: number;
    receiverMs: number;
    timeoutMs: number;
    retry: { baseMs: number; factor: number; maxAttempts: number; jitter: Jitter };
    outages: Outage[];
  };
  faults: { serverRestarts: ServerRestart[] };
}
