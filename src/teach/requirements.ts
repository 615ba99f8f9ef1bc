import type { MechanismId, Scenario } from '../sim/scenario/types.ts';
import { parseScenario } from '../sim/scenario/validate.ts';
import { MECHANISM_IDS } from '../sim/scenario/types.ts';

// The "Which mechanism?" form's requirements (issue 13, item 2), and the scenario that puts them
// into numbers: the decision rules estimate each candidate on it with closed forms, and "Show me"
// runs the same scenario in the engine.

export interface Requirements {
  /** Updates per second for each client. */
  updatesPerSec: number;
  clients: number;
  /** The mean delay an update may take to arrive. */
  acceptableDelayMs: number;
  direction: 'serverToClient' | 'both';
  /** Messages per second each client sends when direction is 'both'. */
  clientMessagesPerSec: number;
  /** A browser, or another organisation's server. */
  receiver: 'browser' | 'server';
  http2: boolean;
  proxyBlocksWebSocket: boolean;
  /** A proxy cuts connections idle this long; 0 = none. */
  proxyIdleTimeoutSec: number;
  /** Functions that cannot hold a connection open (no long-lived connections). */
  serverless: boolean;
  lossCost: 'harmless' | 'costly' | 'unacceptable';
}

export const DEFAULT_REQUIREMENTS: Requirements = {
  updatesPerSec: 0.2,
  clients: 1000,
  acceptableDelayMs: 1000,
  direction: 'serverToClient',
  clientMessagesPerSec: 0.05,
  receiver: 'browser',
  http2: true,
  proxyBlocksWebSocket: false,
  proxyIdleTimeoutSec: 0,
  serverless: false,
  lossCost: 'costly',
};

/** The network delay the estimates assume (the lab's default one-way delay). */
export const ASSUMED_DELAY_MS = 50;
const MIN_INTERVAL_MS = 100;
const MAX_INTERVAL_MS = 3_600_000;

/**
 * The polling interval that meets the acceptable mean delay: with fixed-delay polling the mean is
 * (T + 2d + service)/2 + d, so T = 2·delay − 4d − service, at least 100 ms.
 */
export function pollingIntervalFor(acceptableDelayMs: number, serviceMs = 1): number {
  const t = 2 * acceptableDelayMs - 4 * ASSUMED_DELAY_MS - serviceMs;
  return Math.round(Math.min(MAX_INTERVAL_MS, Math.max(MIN_INTERVAL_MS, t)));
}

/** Mechanisms in the lab's canonical order, without repeats. */
export function inLabOrder(ids: readonly MechanismId[]): MechanismId[] {
  return MECHANISM_IDS.filter((id) => ids.includes(id));
}

/**
 * The scenario of the user's figures with `mechanisms`; HTTP/2 is set only when the engine knows
 * `http.version` (issue 9). Long enough for several polling cycles, at most 10 minutes.
 */
export function scenarioFor(req: Requirements, mechanisms: readonly MechanismId[]): Scenario {
  const intervalMs = pollingIntervalFor(req.acceptableDelayMs);
  const durationSec = Math.min(600, Math.max(60, Math.ceil((4 * intervalMs) / 1000)));
  const input: Record<string, unknown> = {
    version: 1,
    name: 'Which mechanism? your requirements',
    durationSec,
    clients: Math.round(Math.min(10_000, Math.max(1, req.clients))),
    mechanisms: inLabOrder(mechanisms),
    events: { ratePerSec: Math.min(1000, Math.max(0, req.updatesPerSec)) },
    clientMessages: { ratePerSec: req.direction === 'both' ? Math.min(100, Math.max(0, req.clientMessagesPerSec)) : 0 },
    polling: { intervalMs },
    // A serverless function answers a held request before its time limit (often 30 s or less).
    longPolling: { timeoutMs: req.serverless ? 20_000 : 30_000 },
    proxy: { idleTimeoutSec: Math.min(3600, Math.max(0, req.proxyIdleTimeoutSec)), blocksWebSocket: req.proxyBlocksWebSocket },
  };
  if (req.http2) {
    const withHttp2 = parseScenario({ ...input, http: { version: '2' } });
    if (withHttp2.ok) return withHttp2.scenario;
  }
  const parsed = parseScenario(input);
  if (!parsed.ok) throw new Error(`scenarioFor built an invalid scenario: ${parsed.errors.join('; ')}`);
  return parsed.scenario;
}
