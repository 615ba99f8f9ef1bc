import type { Scenario } from '../sim/scenario/types.ts';
import { TLS_HANDSHAKE_BYTES, wsFrameHeaderBytes } from '../sim/protocol/sizes.ts';

// Closed forms behind the challenges' reveals (issue 13, item 1): pure functions of the scenario,
// never of a run, so a reveal can set the engine's figure beside what the formula says. Each one
// states the assumptions it needs in its comment; the challenges pick scenarios that meet them.

/** Round trips to open a connection: TCP, plus TLS (1 for 1.3, 2 for 1.2). */
export function setupMs(scenario: Scenario): number {
  return 2 * scenario.network.latencyMs * (1 + TLS_HANDSHAKE_BYTES[scenario.network.tls].roundTrips);
}

/** Σ base·factor^(k−1) for k = 1 … retries: how long a retry schedule waits in all. */
export function retryScheduleSumMs(baseMs: number, factor: number, retries: number, maxMs = Infinity): number {
  let sum = 0;
  for (let k = 1; k <= retries; k++) sum += Math.min(maxMs, baseMs * Math.pow(factor, k - 1));
  return sum;
}

/** N connections × memory per connection, in MB (1 MB = 1,024 kB). */
export function connectionMemoryMb(connections: number, memoryPerConnectionKb: number): number {
  return (connections * memoryPerConnectionKb) / 1024;
}

/**
 * Webhook events dead-lettered during one receiver outage of length D, no jitter: an event is lost
 * when its last attempt still lands in the outage. The attempts of one event span
 * S = Σ retry delays + (M − 1) failed round trips (2d + signing), so events created in a window of
 * D − S are lost: λN(D − S) of them.
 */
export function webhookOutageLoss(scenario: Scenario): { lost: number; spanMs: number; retrySumMs: number } {
  const { webhook, network, server, events, clients } = scenario;
  const outage = webhook.outages.at(0);
  const retries = webhook.retry.maxAttempts - 1;
  const retrySumMs = retryScheduleSumMs(webhook.retry.baseMs, webhook.retry.factor, retries);
  const spanMs = retrySumMs + retries * (2 * network.latencyMs + server.serviceMs);
  const windowSec = Math.max(0, (outage ? outage.durationSec * 1000 - spanMs : 0) / 1000);
  return { lost: events.ratePerSec * clients * windowSec, spanMs, retrySumMs };
}

/** P(U₁ + U₂ > s) for U₁, U₂ uniform on [0, J]: the two trips' jitter together exceed the slack. */
export function jitterSumExceeds(slackMs: number, jitterMs: number): number {
  if (jitterMs <= 0) return slackMs < 0 ? 1 : 0;
  const s = slackMs;
  const J = jitterMs;
  if (s <= 0) return 1;
  if (s >= 2 * J) return 0;
  return s <= J ? 1 - (s * s) / (2 * J * J) : ((2 * J - s) * (2 * J - s)) / (2 * J * J);
}

/**
 * Webhook duplicates with one retry (maxAttempts 2): an attempt times out when its two trips'
 * jitter exceeds the slack timeout − receiverMs − 2d, with probability p; the receiver had
 * processed it, so the retry is a duplicate. Events whose retry would land after the run ends
 * (the last timeout + base delay + a new connection) cannot duplicate: p·λN·(duration − that).
 */
export function webhookTimeoutDuplicates(scenario: Scenario): { duplicates: number; p: number; slackMs: number } | null {
  const { webhook, network, server, events, clients, durationSec } = scenario;
  if (webhook.retry.maxAttempts !== 2) return null;
  const d = network.latencyMs;
  const slackMs = webhook.timeoutMs - webhook.receiverMs - 2 * d;
  const p = jitterSumExceeds(slackMs, network.jitterMs);
  const tailMs = webhook.timeoutMs + webhook.retry.baseMs + setupMs(scenario) + d + 2 * server.serviceMs;
  const windowSec = Math.max(0, durationSec - tailMs / 1000);
  return { duplicates: p * events.ratePerSec * clients * windowSec, p, slackMs };
}

/**
 * When a client that backs off without jitter is connected again after a restart at atSec that
 * lasts downSec: it learns of the drop after d, waits base·factor^(k−1) before attempt k; a refusal
 * comes back one round trip later; the first attempt that reaches a running server opens TCP + TLS
 * and upgrades (one more round trip). Every client computes the same times: they move in lock-step.
 */
export function lockStepReconnect(scenario: Scenario): { backAtMs: number; attempts: number; waitedMs: number } | null {
  const restart = scenario.faults.serverRestarts.at(0);
  if (!restart) return null;
  const { baseMs, factor, maxMs } = scenario.websocket.reconnect;
  const d = scenario.network.latencyMs;
  const upAtMs = (restart.atSec + restart.downSec) * 1000;
  let t = restart.atSec * 1000 + d;
  let waitedMs = 0;
  for (let k = 1; k <= 64; k++) {
    const delay = Math.min(maxMs, baseMs * Math.pow(factor, k - 1));
    t += delay;
    waitedMs += delay;
    if (t + d >= upAtMs) {
      const backAtMs = t + setupMs(scenario) + 2 * d + scenario.server.serviceMs;
      return { backAtMs, attempts: k, waitedMs };
    }
    t += 2 * d;
  }
  return null;
}

/**
 * SSE reconnects per client behind a proxy that cuts streams idle for I seconds, with no events and
 * no heartbeats: the stream opens (setup + request), idles I, is cut (the client learns after d),
 * waits the retry time, and opens again. cycle = I + d + retry + setup + d + service.
 */
export function sseIdleCuts(scenario: Scenario): { reconnects: number; cycleMs: number } {
  const { network, server, proxy, sse, durationSec } = scenario;
  const d = network.latencyMs;
  const openMs = setupMs(scenario) + d + server.serviceMs;
  const cycleMs = proxy.idleTimeoutSec * 1000 + d + sse.retryMs + openMs;
  const firstReconnectMs = openMs + proxy.idleTimeoutSec * 1000 + d + sse.retryMs;
  const endMs = durationSec * 1000;
  const reconnects = firstReconnectMs >= endMs ? 0 : Math.floor((endMs - firstReconnectMs) / cycleMs) + 1;
  return { reconnects, cycleMs };
}

/** Bytes one upstream chat line costs: an HTTP POST's head + body, or a masked WebSocket frame. */
export function upstreamMessageBytes(scenario: Scenario): { post: number; frame: number } {
  const payload = scenario.clientMessages.payloadBytes;
  return { post: scenario.http.requestHeaderBytes + payload, frame: payload + wsFrameHeaderBytes(payload, true) };
}

/**
 * The loss ladder: with segment loss rate p and no jitter, an event that fits one segment arrives
 * after d, or after d + T₀(2^k − 1) when it was lost k times (T₀ = RTT + rtoMs, doubling per
 * repeat). The quantile q is the first rung with 1 − p^(k+1) ≥ q. It ignores head-of-line
 * blocking (events queued behind a lost one on the same stream), so the engine can only be slower.
 */
export function lossLadderQuantileMs(scenario: Scenario, q: number): { ms: number; losses: number; rtoMs: number } {
  const { latencyMs: d, lossRate: p, rtoMs } = scenario.network;
  const t0 = rtoMs + 2 * d;
  let k = 0;
  while (k < 30 && 1 - Math.pow(p, k + 1) < q) k++;
  return { ms: d + t0 * (Math.pow(2, k) - 1), losses: k, rtoMs: t0 };
}
