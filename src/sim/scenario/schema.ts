import { z } from 'zod';
import { DEFAULT_SCENARIO as D } from './defaults.ts';
import {
  booleanField,
  enumField,
  listField,
  literalField,
  numberField,
  objectField,
  stringField,
  describeInput,
} from './fields.ts';
import { MECHANISM_IDS } from './types.ts';

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
const upToAnHourSec = () => numberField({ min: 0, max: HOUR_SEC });

const quotedIds = MECHANISM_IDS.map((id) => JSON.stringify(id)).join(', ');

const mechanisms = z
  .array(enumField(MECHANISM_IDS), {
    error: (issue) => `must be a list of mechanism ids, from ${quotedIds} (got ${describeInput(issue.input)})`,
  })
  .superRefine((ids, ctx) => {
    if (ids.length === 0) ctx.addIssue({ code: 'custom', message: `must name at least one of ${quotedIds}` });
    ids.forEach((id, index) => {
      if (ids.indexOf(id) < index) {
        ctx.addIssue({ code: 'custom', path: [index], message: `"${id}" is listed twice` });
      }
    });
  })
  // Results, tables and charts always list mechanisms in one order, whatever order the file used.
  .transform((ids) => MECHANISM_IDS.filter((id) => ids.includes(id)));

const jitter = enumField(['none', 'full', 'equal']);

const backoffBase = numberField({ min: 1, max: HOUR_MS });
const backoffFactor = numberField({ min: 1, max: 10 });

const outage = objectField({
  startSec: numberField({ min: 0 }),
  durationSec: numberField({ min: 0, minExclusive: true }),
});

const serverRestart = objectField({
  atSec: numberField({ min: 0 }),
  downSec: numberField({ min: 0, minExclusive: true }),
  // Omitted means "direct", so restarts of earlier files keep their shape.
  via: enumField(['direct', 'proxy']).optional(),
});

const baseSchema = objectField({
  version: literalField(1, 'only version 1 is supported').default(D.version),
  name: stringField(120).default(D.name),
  seed: count(0, 2 ** 32 - 1).default(D.seed),
  durationSec: numberField({ min: 0, max: MAX_DURATION_SEC, minExclusive: true }).default(D.durationSec),
  clients: count(1, 10_000).default(D.clients),
  mechanisms: mechanisms.default(() => [...D.mechanisms]),
  network: objectField({
    latencyMs: ms(0, 10_000).default(D.network.latencyMs),
    jitterMs: ms(0, 10_000).default(D.network.jitterMs),
    lossRate: numberField({ min: 0, max: 0.5 }).default(D.network.lossRate),
    rtoMs: ms(1, 60_000).default(D.network.rtoMs),
    bandwidthKbps: numberField({ min: 0, max: 10_000_000 }).default(D.network.bandwidthKbps),
    keepAlive: booleanField().default(D.network.keepAlive),
    keepAliveIdleSec: numberField({ min: 0, max: HOUR_SEC, minExclusive: true }).default(D.network.keepAliveIdleSec),
    tls: enumField(['none', '1.2', '1.3']).default(D.network.tls),
    tlsResumption: booleanField().default(D.network.tlsResumption),
    connectTimeoutMs: ms(1, HOUR_MS).default(D.network.connectTimeoutMs),
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
  }).prefault({}),
  proxy: objectField({
    idleTimeoutSec: upToAnHourSec().default(D.proxy.idleTimeoutSec),
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
    heartbeatSec: upToAnHourSec().default(D.sse.heartbeatSec),
    reconnectOnError: booleanField().default(D.sse.reconnectOnError),
  }).prefault({}),
  websocket: objectField({
    heartbeatSec: upToAnHourSec().default(D.websocket.heartbeatSec),
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
    timeoutMs: ms(1, HOUR_MS).default(D.webhook.timeoutMs),
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
export const scenarioSchema = baseSchema.superRefine(
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
  },
  { when: () => true },
);

/** What a file, preset or share link may contain: any field may be omitted. */
export type ScenarioInput = z.input<typeof scenarioSchema>;
