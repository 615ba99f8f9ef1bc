import { TLS_HANDSHAKE_BYTES } from '../protocol/sizes.ts';
import type { Scenario } from './types.ts';

// The start of the steady-state window when `warmupSec` is "auto": the moment by which every
// client has made its first request and had its first answer. That is the later of the start-up
// spread (long polling, SSE, WebSockets) and one polling interval (the pollers' random phase),
// plus the time to set up a connection and get an answer on this network: the round trips of TCP,
// TLS and one request and one more to spare, each with the full jitter; two retransmission
// timeouts more when packets are lost; the worker pool serving one request per client. Rounded up
// to a whole second, and never more than three quarters of durationSec, so a short run keeps a
// window of steady state. The rule ignores which mechanisms run: one window for all, so a mechanism's figures do
// not depend on the others beside it.

const MAX_SHARE_OF_RUN = 0.75;

export function warmupSecOf(scenario: Scenario): number {
  if (scenario.warmupSec !== 'auto') return scenario.warmupSec;
  const { network, server } = scenario;
  const startSec = Math.max(scenario.clientStartSpreadSec, scenario.polling.intervalMs / 1000);
  const roundTripMs = 2 * network.latencyMs + network.jitterMs;
  const retransmitMs = network.lossRate > 0 ? 2 * (network.rtoMs + 2 * network.latencyMs) : 0;
  const queueMs = (scenario.clients * server.serviceMs) / server.workers;
  const setupMs = (3 + TLS_HANDSHAKE_BYTES[network.tls].roundTrips) * roundTripMs + retransmitMs + queueMs;
  return Math.min(MAX_SHARE_OF_RUN * scenario.durationSec, Math.ceil(startSec + setupMs / 1000));
}
