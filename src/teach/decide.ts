import type { MechanismId, Scenario } from '../sim/scenario/types.ts';
import { formatBytes, formatDurationMs, formatInteger, formatMs, formatPercent, formatRate } from '../ui/format.ts';
import { MECHANISM_LABELS } from '../ui/mechanisms.ts';
import { estimate, upstreamBytesPerSec, type Estimate } from './estimates.ts';
import { pollingIntervalFor, scenarioFor, type Requirements } from './requirements.ts';

// "Which mechanism?" (issue 13, item 2): requirements in, a recommendation and a fallback out, with
// reasons drawn from closed-form estimates of the candidates on the user's own figures. The rules
// are tried in order; the first that applies decides. Notes that hold whichever rule decided
// (heartbeats, resume, connection limits) are added after.

export type RuleId = 'serverReceiver' | 'serverless' | 'bothWays' | 'relaxedDelay' | 'pushStream';

export interface Recommendation {
  rule: RuleId;
  mechanism: MechanismId;
  fallback: MechanismId;
  reasons: string[];
  notes: string[];
  /** The scenario "Show me" runs: the user's figures with both candidates. */
  scenario: Scenario;
  estimates: Partial<Record<MechanismId, Estimate>>;
}

type Decision = Pick<Recommendation, 'rule' | 'mechanism' | 'fallback' | 'reasons'>;
type Rule = (req: Requirements, ctx: Context) => Decision | null;

interface Context {
  intervalMs: number;
  /** Estimates of every mechanism on the user's figures. */
  all: Record<MechanismId, Estimate>;
  scenario: Scenario;
}

const label = (id: MechanismId) => MECHANISM_LABELS[id];
const perSec = (n: number) => `${formatRate(n)} requests/s`;
/** Below this acceptable delay polling cannot keep up (its interval would be under 100 ms). */
const POLLING_FLOOR_MS = 150;
/** Polling this rarely is cheap enough that holding connections open does not pay. */
const RELAXED_INTERVAL_MS = 30_000;

const serverReceiver: Rule = (req, { all, intervalMs }) => {
  if (req.receiver !== 'server') return null;
  const reasons = [
    `The receiver is another organisation's server: it cannot keep a connection open to you, but it can take a POST. Webhooks send one request per event: ${perSec(all.webhook.requestsPerSec)} for your ${formatInteger(req.clients)} receivers.`,
    `Polling at the same delay (every ${formatDurationMs(intervalMs)}) would cost ${perSec(all.polling.requestsPerSec)}, ${formatPercent(all.polling.emptyRatio)} of them empty, so it serves as the slow reconciliation fallback ("list what changed since …"), not the main path.`,
  ];
  if (req.lossCost !== 'harmless') {
    reasons.push('Webhooks are at-least-once: a receiver outage longer than the retry schedule dead-letters events, and timeouts make duplicates. Keep the reconciliation poll and deduplicate by event id.');
  }
  return { rule: 'serverReceiver', mechanism: 'webhook', fallback: 'polling', reasons };
};

const serverless: Rule = (req, { all, intervalMs }) => {
  if (!req.serverless) return null;
  const reasons = [
    'Serverless functions cannot hold a connection open for minutes, which rules out SSE and WebSockets without a managed gateway.',
  ];
  if (req.acceptableDelayMs >= POLLING_FLOOR_MS && all.polling.requestsPerSec <= all.longPolling.requestsPerSec * 4) {
    reasons.push(
      `Polling every ${formatDurationMs(intervalMs)} meets your delay of ${formatDurationMs(req.acceptableDelayMs)}: ${perSec(all.polling.requestsPerSec)}, each a short function call.`,
      `Long polling with holds under the function's time limit would answer in about ${formatMs(all.longPolling.meanLatencyMs)} at ${perSec(all.longPolling.requestsPerSec)}, but pays for function time while it waits.`,
    );
    return { rule: 'serverless', mechanism: 'polling', fallback: 'longPolling', reasons };
  }
  reasons.push(
    `Polling fast enough for ${formatDurationMs(req.acceptableDelayMs)} would cost ${perSec(all.polling.requestsPerSec)}; long polling answers in about ${formatMs(all.longPolling.meanLatencyMs)} with ${perSec(all.longPolling.requestsPerSec)}, holds kept under the function's time limit.`,
  );
  return { rule: 'serverless', mechanism: 'longPolling', fallback: 'polling', reasons };
};

const bothWays: Rule = (req, { scenario, all }) => {
  if (req.direction !== 'both') return null;
  const wsUp = upstreamBytesPerSec('websocket', scenario);
  const postUp = upstreamBytesPerSec('sse', scenario);
  const upstream = `Your clients' own messages cost ${formatBytes(wsUp)}/s as WebSocket frames against ${formatBytes(postUp)}/s as HTTP POSTs.`;
  if (!req.proxyBlocksWebSocket) {
    return {
      rule: 'bothWays',
      mechanism: 'websocket',
      fallback: 'sse',
      reasons: [
        `Both directions: a WebSocket carries messages either way on one connection, updates arrive in about ${formatMs(all.websocket.meanLatencyMs)}.`,
        upstream,
        `Fallback where upgrades fail: SSE for updates plus a POST per message${req.http2 ? ' (cheap over HTTP/2, whose compressed headers make a POST a few dozen bytes)' : ''}.`,
      ],
    };
  }
  return {
    rule: 'bothWays',
    mechanism: 'sse',
    fallback: 'longPolling',
    reasons: [
      'Both directions, but a proxy refuses WebSocket upgrades: SSE is plain HTTP and passes it, with each client message sent as a POST.',
      upstream,
      `Fallback: long polling, ${perSec(all.longPolling.requestsPerSec)} at about ${formatMs(all.longPolling.meanLatencyMs)}.`,
    ],
  };
};

const relaxedDelay: Rule = (req, { all, intervalMs }) => {
  if (intervalMs < RELAXED_INTERVAL_MS) return null;
  return {
    rule: 'relaxedDelay',
    mechanism: 'polling',
    fallback: 'sse',
    reasons: [
      `Your clients can wait ${formatDurationMs(req.acceptableDelayMs)}: polling every ${formatDurationMs(intervalMs)} meets that with ${perSec(all.polling.requestsPerSec)} and nothing held open between polls.`,
      `Holding ${formatInteger(req.clients)} streams open instead would cost about ${formatRate(all.sse.memoryMb)} MB of server memory to save those requests.`,
      'Polling works through every proxy and cache. If the acceptable delay shrinks, move to SSE.',
    ],
  };
};

const pushStream = (req: Requirements, { all }: Context): Decision => {
  const busy = all.longPolling.requestsPerSec / Math.max(1, req.clients) > 2;
  const fallback: MechanismId = busy ? (req.proxyBlocksWebSocket ? 'polling' : 'websocket') : 'longPolling';
  const reasons = [
    `Updates flow one way, to browsers, and must arrive within ${formatDurationMs(req.acceptableDelayMs)}: SSE streams each one in about ${formatMs(all.sse.meanLatencyMs)}, reconnects by itself and resumes from the last event id.`,
    `Polling that fast would cost ${perSec(all.polling.requestsPerSec)}, ${formatPercent(all.polling.emptyRatio)} of the answers empty.`,
  ];
  reasons.push(
    busy
      ? `Long polling degrades at ${formatRate(req.updatesPerSec)} updates/s: every answer comes straight back, ${perSec(all.longPolling.requestsPerSec)}. Fallback: ${label(fallback)}.`
      : `Fallback: long polling, ${perSec(all.longPolling.requestsPerSec)} at about ${formatMs(all.longPolling.meanLatencyMs)}.`,
  );
  return { rule: 'pushStream', mechanism: 'sse', fallback, reasons };
};

/** Tried in this order; `pushStream` always applies. */
export const RULES: readonly Rule[] = [serverReceiver, serverless, bothWays, relaxedDelay, pushStream];

function notesFor(req: Requirements, decision: Decision, all: Record<MechanismId, Estimate>): string[] {
  const notes: string[] = [];
  const persistent = ['sse', 'websocket', 'longPolling'].includes(decision.mechanism);
  if (persistent) {
    notes.push(`${formatInteger(req.clients)} open connections hold about ${formatRate(all[decision.mechanism].memoryMb)} MB at 64 kB each.`);
  }
  if (persistent && req.proxyIdleTimeoutSec > 0) {
    notes.push(`A proxy cuts idle connections after ${formatInteger(req.proxyIdleTimeoutSec)} s: send heartbeats more often than that (every ${formatInteger(Math.max(1, Math.floor(req.proxyIdleTimeoutSec / 2)))} s), and keep long-poll holds shorter.`);
  }
  if (decision.mechanism === 'sse' && !req.http2) {
    notes.push('Over HTTP/1.1 a browser opens at most six connections per site and each SSE stream keeps one: with several tabs open, use HTTP/2.');
  }
  if (req.lossCost === 'unacceptable' && decision.mechanism === 'websocket') {
    notes.push('A raw WebSocket loses what was sent while it was down: replay from the last id the client saw on reconnect.');
  }
  if (req.lossCost === 'unacceptable' && decision.mechanism === 'sse') {
    notes.push('SSE resumes after network drops, but an EventSource that gets an error answer (a load balancer’s 502) gives up: re-create it in code.');
  }
  return notes;
}

export function recommend(req: Requirements): Recommendation {
  const everything = scenarioFor(req, ['polling', 'longPolling', 'sse', 'websocket', 'webhook']);
  const all = {
    polling: estimate('polling', everything),
    longPolling: estimate('longPolling', everything),
    sse: estimate('sse', everything),
    websocket: estimate('websocket', everything),
    webhook: estimate('webhook', everything),
  };
  const ctx: Context = { intervalMs: pollingIntervalFor(req.acceptableDelayMs), all, scenario: everything };
  let decision: Decision | null = null;
  for (const rule of RULES) {
    decision = rule(req, ctx);
    if (decision) break;
  }
  const chosen = decision ?? pushStream(req, ctx);
  return {
    ...chosen,
    notes: notesFor(req, chosen, all),
    scenario: scenarioFor(req, [chosen.mechanism, chosen.fallback]),
    estimates: { [chosen.mechanism]: all[chosen.mechanism], [chosen.fallback]: all[chosen.fallback] },
  };
}
