import * as z from 'zod/mini';
import { DEFAULT_SCENARIO as D } from './defaults.ts';
import {
  booleanField,
  defaults,
  enumField,
  listField,
  literalField,
  numberField,
  objectField,
  stringField,
  describeInput,
  describeRange,
  withInput,
} from './fields.ts';
import { MECHANISM_IDS, type MechanismId } from './types.ts';

// zod compiles object parsers with `new Function` unless told not to; the page's content security
// policy forbids eval (index.html), and zod's probe for it would be reported as a violation.
z.config({ jitless: true });

// Scenario version 1 (DESIGN.md §4). Every field may be omitted and takes its default from
// DEFAULT_SCENARIO; nested objects may be partial. Unknown keys and out-of-range values are rejected,
// never clamped. The output is exactly `Scenario` (validate.test.ts asserts the type).

const MAX_DURATION_SEC = 86_400;
const MAX_LIST_ITEMS = 100;
const HOUR_MS = 3_600_000;
const HOUR_SEC = 3600;

const ms = (min: number, max: number) => numberField({ min, max });
const count = (min: number, max: number) => numberField({ min, max, integer: true });

// Floors of the durations (issue 10, item 2). Below these a setting stops describing anything a
// real system does and only makes the engine take absurd numbers of steps (a 5e-324 s heartbeat
// never lets simulated time move). Version-1 files that used smaller values are refused with the
// field's range, never run. Each floor sits well below every real-world setting:
/** A run shorter than one per-second snapshot shows no figures. */
const MIN_RUN_SEC = 1;
/** Heartbeats: 0 = off, else at least 0.1 s (real ones are 15–60 s; SSE comments, WS pings). */
const MIN_HEARTBEAT_SEC = 0.1;
/**
 * Proxy idle timeouts (0 = off), keep-alive idle, outages and restarts: at least 0.1 s (real idle
 * timeouts are 30–600 s, e.g. nginx proxy_read_timeout 60 s; a tenth of a second of downtime).
 */
const MIN_WINDOW_SEC = 0.1;
/** TCP retransmission timeout: at least 10 ms (Linux's floor is 200 ms, RFC 6298 §2.4 says 1 s). */
const MIN_RTO_MS = 10;
/** Backoff bases and the webhook timeout: at least 10 ms, well under one network round trip. */
const MIN_DELAY_MS = 10;

const heartbeatSec = () => numberField({ min: MIN_HEARTBEAT_SEC, max: HOUR_SEC, zeroIsOff: true });

const quotedIds = MECHANISM_IDS.map((id) => JSON.stringify(id)).join(', ');

const mechanismList = z
  .array(enumField(MECHANISM_IDS), {
    error: (issue) => `must be a list of mechanism ids, from ${quotedIds} (got ${describeInput(issue.input)})`,
  })
  .check(
    z.superRefine((ids, ctx) => {
      if (ids.length === 0) ctx.addIssue({ code: 'custom', message: `must name at least one of ${quotedIds}` });
      ids.forEach((id, index) => {
        if (ids.indexOf(id) < index) {
          ctx.addIssue({ code: 'custom', path: [index], message: `"${id}" is listed twice` });
        }
      });
    }),
  );
// Results, tables and charts always list mechanisms in one order, whatever order the file used.
const mechanisms = defaults(
  z.pipe(mechanismList, z.transform((ids: MechanismId[]) => MECHANISM_IDS.filter((id) => ids.includes(id)))),
);

const jitter = enumField(['none', 'full', 'equal']);

const backoffBase = numberField({ min: MIN_DELAY_MS, max: HOUR_MS });
const backoffFactor = numberField({ min: 1, max: 10 });

const outage = objectField({
  startSec: numberField({ min: 0 }),
  durationSec: numberField({ min: MIN_WINDOW_SEC }),
});

const serverRestart = objectField({
  atSec: numberField({ min: 0 }),
  downSec: numberField({ min: MIN_WINDOW_SEC }),
  // Omitted means "direct", so restarts of earlier files keep their shape.
  via: z.optional(enumField(['direct', 'proxy'])),
});

const warmupRange = { min: 0, max: MAX_DURATION_SEC };
const warmupMessage = (input: unknown) => withInput(`must be "auto" or ${describeRange(warmupRange)}`, input);
const warmup = defaults(
  z.union([z.literal('auto'), z.number()], { error: (issue) => warmupMessage(issue.input) }).check(
    z.refine(
      (value: 'auto' | number) =>
        value === 'auto' || (Number.isFinite(value) && value >= warmupRange.min && value <= warmupRange.max),
      { error: (issue) => warmupMessage(issue.input) },
    ),
  ),
);

const baseSchema = objectField({
  version: literalField(1, 'only version 1 is supported').default(D.version),
  name: stringField(120).default(D.name),
  seed: count(0, 2 ** 32 - 1).default(D.seed),
  durationSec: numberField({ min: MIN_RUN_SEC, max: MAX_DURATION_SEC }).default(D.durationSec),
  warmupSec: warmup.default(D.warmupSec),
  drainSec: numberField({ min: 0, max: MAX_DURATION_SEC }).default(D.drainSec),
  clients: count(1, 10_000).default(D.clients),
  clientStartSpreadSec: numberField({ min: 0, max: HOUR_SEC }).default(D.clientStartSpreadSec),
  mechanisms: mechanisms.default(() => [...D.mechanisms]),
  network: objectField({
    latencyMs: ms(0, 10_000).default(D.network.latencyMs),
    jitterMs: ms(0, 10_000).default(D.network.jitterMs),
    lossRate: numberField({ min: 0, max: 0.5 }).default(D.network.lossRate),
    rtoMs: ms(MIN_RTO_MS, 60_000).default(D.network.rtoMs),
    bandwidthKbps: numberField({ min: 0, max: 10_000_000 }).default(D.network.bandwidthKbps),
    keepAlive: booleanField().default(D.network.keepAlive),
    keepAliveIdleSec: numberField({ min: MIN_WINDOW_SEC, max: HOUR_SEC }).default(D.network.keepAliveIdleSec),
    tls: enumField(['none', '1.2', '1.3']).default(D.network.tls),
    tlsResumption: booleanField().default(D.network.tlsResumption),
    connectTimeoutMs: ms(MIN_DELAY_MS, HOUR_MS).default(D.network.connectTimeoutMs),
  }).prefault({}),
  http: objectField({
    version: enumField(['1.1', '2']).default(D.http.version),
    requestHeaderBytes: count(0, 65_536).default(D.http.requestHeaderBytes),
    responseHeaderBytes: count(0, 65_536).default(D.http.responseHeaderBytes),
  }).prefault({}),
  server: objectField({
    workers: count(1, 1024).default(D.server.workers),
    serviceMs: ms(0, 60_000).default(D.server.serviceMs),
    pushServiceMs: ms(0, 60_000).default(D.server.pushServiceMs),
    maxConnections: count(1, 10_000_000).default(D.server.maxConnections),
    memoryPerConnectionKb: numberField({ min: 0, max: 1_048_576 }).default(D.server.memoryPerConnectionKb),
    tlsHandshakeMs: ms(0, 60_000).default(D.server.tlsHandshakeMs),
    acceptBacklog: count(1, 1_000_000).default(D.server.acceptBacklog),
    frameServiceMs: ms(0, 60_000).default(D.server.frameServiceMs),
    maxQueuedRequests: count(0, 1_000_000).default(D.server.maxQueuedRequests),
  }).prefault({}),
  proxy: objectField({
    idleTimeoutSec: numberField({ min: MIN_WINDOW_SEC, max: HOUR_SEC, zeroIsOff: true }).default(D.proxy.idleTimeoutSec),
    blocksWebSocket: booleanField().default(D.proxy.blocksWebSocket),
  }).prefault({}),
  events: objectField({
    process: enumField(['poisson', 'periodic', 'bursty']).default(D.events.process),
    ratePerSec: numberField({ min: 0, max: 1000 }).default(D.events.ratePerSec),
    audience: enumField(['perClient', 'broadcast']).default(D.events.audience),
    payloadBytes: count(0, 10_000_000).default(D.events.payloadBytes),
    burstSize: count(1, 1000).default(D.events.burstSize),
  }).prefault({}),
  clientMessages: objectField({
    ratePerSec: numberField({ min: 0, max: 100 }).default(D.clientMessages.ratePerSec),
    payloadBytes: count(0, 10_000_000).default(D.clientMessages.payloadBytes),
  }).prefault({}),
  polling: objectField({
    intervalMs: ms(10, HOUR_MS).default(D.polling.intervalMs),
    schedule: enumField(['fixedDelay', 'fixedRate']).default(D.polling.schedule),
  }).prefault({}),
  longPolling: objectField({
    timeoutMs: ms(100, HOUR_MS).default(D.longPolling.timeoutMs),
    errorRetryMs: ms(0, HOUR_MS).default(D.longPolling.errorRetryMs),
  }).prefault({}),
  sse: objectField({
    retryMs: ms(0, HOUR_MS).default(D.sse.retryMs),
    heartbeatSec: heartbeatSec().default(D.sse.heartbeatSec),
    reconnectOnError: booleanField().default(D.sse.reconnectOnError),
  }).prefault({}),
  websocket: objectField({
    heartbeatSec: heartbeatSec().default(D.websocket.heartbeatSec),
    reconnect: objectField({
      baseMs: backoffBase.default(D.websocket.reconnect.baseMs),
      factor: backoffFactor.default(D.websocket.reconnect.factor),
      maxMs: backoffBase.default(D.websocket.reconnect.maxMs),
      jitter: jitter.default(D.websocket.reconnect.jitter),
    }).prefault({}),
    fallback: enumField(['longPolling', 'none']).default(D.websocket.fallback),
    resumeOnReconnect: booleanField().default(D.websocket.resumeOnReconnect),
  }).prefault({}),
  webhook: objectField({
    requestHeaderBytes: count(0, 65_536).default(D.webhook.requestHeaderBytes),
    responseHeaderBytes: count(0, 65_536).default(D.webhook.responseHeaderBytes),
    receiverMs: ms(0, HOUR_MS).default(D.webhook.receiverMs),
    timeoutMs: ms(MIN_DELAY_MS, HOUR_MS).default(D.webhook.timeoutMs),
    retry: objectField({
      baseMs: backoffBase.default(D.webhook.retry.baseMs),
      factor: backoffFactor.default(D.webhook.retry.factor),
      maxAttempts: count(1, 100).default(D.webhook.retry.maxAttempts),
      jitter: jitter.default(D.webhook.retry.jitter),
    }).prefault({}),
    outages: listField(outage, MAX_LIST_ITEMS).default(() => []),
  }).prefault({}),
  faults: objectField({
    serverRestarts: listField(serverRestart, MAX_LIST_ITEMS).default(() => []),
  }).prefault({}),
});

type Path = (string | number)[];

const isPrefix = (prefix: PropertyKey[], path: Path) => prefix.every((key, i) => key === path[i]);

// Checks that relate two fields. They run even when other fields failed, so that one pass reports
// everything, but skip a comparison when a value it reads (or an object around it) already failed.
type BaseScenario = z.output<typeof baseSchema>;
const crossFieldChecks: (scenario: BaseScenario, ctx: z.core.$RefinementCtx<BaseScenario>) => void =
  (scenario, ctx) => {
    const usable = (path: Path) =>
      ctx.issues.every((issue) => issue.code === 'unrecognized_keys' || !isPrefix(issue.path ?? [], path));
    // `read` is called only once `path` is known to hold a valid number.
    const mustBeBelowDuration = (path: Path, read: () => number) => {
      if (!usable(path) || !usable(['durationSec'])) return;
      const value = read();
      if (value < scenario.durationSec) return;
      const message = `must be less than durationSec (${scenario.durationSec}) (got ${value})`;
      ctx.addIssue({ code: 'custom', path, message });
    };

    if (usable(['warmupSec']) && usable(['durationSec']) && typeof scenario.warmupSec === 'number') {
      if (scenario.warmupSec > scenario.durationSec) {
        const message = `must be at most durationSec (${scenario.durationSec}) (got ${scenario.warmupSec})`;
        ctx.addIssue({ code: 'custom', path: ['warmupSec'], message });
      }
    }

    const reconnect: Path = ['websocket', 'reconnect'];
    if (usable([...reconnect, 'baseMs']) && usable([...reconnect, 'maxMs'])) {
      const { baseMs, maxMs } = scenario.websocket.reconnect;
      if (maxMs < baseMs) {
        const message = `must be at least baseMs (${baseMs}) (got ${maxMs})`;
        ctx.addIssue({ code: 'custom', path: [...reconnect, 'maxMs'], message });
      }
    }
    if (usable(['webhook', 'outages'])) {
      scenario.webhook.outages.forEach((outage, index) => {
        mustBeBelowDuration(['webhook', 'outages', index, 'startSec'], () => outage.startSec);
      });
    }
    if (usable(['faults', 'serverRestarts'])) {
      scenario.faults.serverRestarts.forEach((restart, index) => {
        mustBeBelowDuration(['faults', 'serverRestarts', index, 'atSec'], () => restart.atSec);
      });
    }
  };
export const scenarioSchema = baseSchema.check(z.superRefine(crossFieldChecks, { when: () => true }));

/** What a file, preset or share link may contain: any field may be omitted. */
export type ScenarioInput = z.input<typeof scenarioSchema>;
