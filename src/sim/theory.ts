import type { Scenario } from './scenario/types.ts';
import { handshakeCpuMs, tlsHandshake } from './protocol/tls.ts';

// Closed forms the lab draws as dashed references beside the simulated values (DESIGN.md §8).
// They hold for Poisson events with no jitter, loss or bandwidth limit and an unloaded server;
// outside those assumptions they return null with the reason, so the UI can say why no line is
// drawn — and a learner can see where theory and simulation part.

export interface Theory {
  /** Fraction of poll / long-poll answers that carry no event. */
  emptyRatio: number;
  meanLatencyMs: number;
  /** Requests per second per client. */
  requestsPerSecPerClient: number;
}

export type TheoryResult = { ok: true; value: Theory; formula: string } | { ok: false; reason: string };

function assumptionsBroken(scenario: Scenario): string | null {
  const { events, network, faults } = scenario;
  if (events.process !== 'poisson') return 'the formula assumes Poisson events';
  if (events.ratePerSec <= 0) return 'there are no events';
  if (network.jitterMs > 0 || network.lossRate > 0 || network.bandwidthKbps > 0) {
    return 'the formula assumes a fixed network delay (no jitter, loss or bandwidth limit)';
  }
  if (faults.serverRestarts.length > 0 || scenario.proxy.idleTimeoutSec > 0) {
    return 'the formula assumes no restarts or proxy timeouts';
  }
  return null;
}

/**
 * Opening a connection for a repeat poll: TCP's round trip, TLS's (resumed when the client keeps
 * session tickets), and the server's handshake CPU.
 */
function setupMs(scenario: Scenario): number {
  const { latencyMs, tls, tlsResumption } = scenario.network;
  const handshake = tlsHandshake(tls, tlsResumption);
  return 2 * latencyMs * (1 + handshake.roundTrips) + handshakeCpuMs(tls, tlsResumption, scenario.server.tlsHandshakeMs);
}

/**
 * Every fixed-delay poll opens a connection when keep-alive is off, or when the server closes an
 * idle connection (keepAliveIdleSec) before the next poll T later.
 */
function reconnectsEveryPoll(scenario: Scenario): boolean {
  const { keepAlive, keepAliveIdleSec } = scenario.network;
  return !keepAlive || keepAliveIdleSec * 1000 <= scenario.polling.intervalMs;
}

/**
 * Polling every T. fixedRate: a poll every T, so empty = e^(−λT) and an event waits T/2 on
 * average for the next snapshot, then d to arrive. fixedDelay: the cycle is C = T + 2d (+ service,
 * + connection setup without keep-alive), so empty = e^(−λC) and latency = C/2 + d.
 */
export function pollingTheory(scenario: Scenario): TheoryResult {
  const broken = assumptionsBroken(scenario);
  if (broken) return { ok: false, reason: broken };
  const lambda = scenario.events.ratePerSec / 1000; // per ms
  const d = scenario.network.latencyMs;
  const T = scenario.polling.intervalMs;
  if (scenario.polling.schedule === 'fixedRate') {
    return {
      ok: true,
      value: { emptyRatio: Math.exp(-lambda * T), meanLatencyMs: T / 2 + d, requestsPerSecPerClient: 1000 / T },
      formula: 'empty = e^(−λT), latency = T/2 + d',
    };
  }
  const reconnects = reconnectsEveryPoll(scenario);
  const setup = reconnects ? setupMs(scenario) : 0;
  const C = T + 2 * d + scenario.server.serviceMs + setup;
  return {
    ok: true,
    value: { emptyRatio: Math.exp(-lambda * C), meanLatencyMs: C / 2 + d, requestsPerSecPerClient: 1000 / C },
    formula: reconnects
      ? 'C = T + 2d + setup (a new connection per poll), empty = e^(−λC), latency = C/2 + d'
      : 'C = T + 2d, empty = e^(−λC), latency = C/2 + d',
  };
}

/**
 * Long polling with hold timeout H. After each answer the client is blind for B = 2d (the answer's
 * trip back and the next request's trip out): events in that window wait. Mean cycle
 * E[C] = B + e^(−λB)(1 − e^(−λH))/λ, empty = e^(−λ(B+H)), latency = d + B²/(2E[C])
 * (RFC 6202 §2.2: worst case three transits).
 */
export function longPollingTheory(scenario: Scenario): TheoryResult {
  const broken = assumptionsBroken(scenario);
  if (broken) return { ok: false, reason: broken };
  if (!scenario.network.keepAlive) return { ok: false, reason: 'the formula assumes keep-alive connections' };
  const lambda = scenario.events.ratePerSec / 1000;
  const d = scenario.network.latencyMs;
  const H = scenario.longPolling.timeoutMs;
  const B = 2 * d + scenario.server.serviceMs + scenario.server.pushServiceMs;
  const meanCycle = B + (Math.exp(-lambda * B) * (1 - Math.exp(-lambda * H))) / lambda;
  return {
    ok: true,
    value: {
      emptyRatio: Math.exp(-lambda * (B + H)),
      meanLatencyMs: d + (B * B) / (2 * meanCycle),
      requestsPerSecPerClient: 1000 / meanCycle,
    },
    formula: 'B = 2d, E[C] = B + e^(−λB)(1 − e^(−λH))/λ, latency = d + B²/(2E[C])',
  };
}
