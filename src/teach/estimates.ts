import type { MechanismId, Scenario } from '../sim/scenario/types.ts';
import { longPollingTheory, pollingTheory } from '../sim/theory.ts';
import { connectionMemoryMb, upstreamMessageBytes } from './closedForms.ts';

// What each candidate costs for a scenario, from closed forms (no run): the figures the decision
// rules reason with. Steady state, Poisson events, an unloaded server; d is the scenario's delay.

export interface Estimate {
  /** Requests per second at the server, all clients. */
  requestsPerSec: number;
  /** Mean delay from an event's creation to its arrival. */
  meanLatencyMs: number;
  /** Connections the server holds open in steady state. */
  openConnections: number;
  memoryMb: number;
  /** Share of answers that carry nothing (polling, long polling). */
  emptyRatio: number;
}

export function estimate(id: MechanismId, scenario: Scenario): Estimate {
  const { clients, network, events, server, clientMessages } = scenario;
  const d = network.latencyMs;
  const memory = (open: number) => connectionMemoryMb(open, server.memoryPerConnectionKb);
  // Upstream messages as POSTs (polling, long polling, SSE) are requests too.
  const posts = clients * clientMessages.ratePerSec;
  if (id === 'polling') {
    const theory = pollingTheory(scenario);
    const perClient = theory.ok ? theory.value.requestsPerSecPerClient : 1000 / scenario.polling.intervalMs;
    const latency = theory.ok ? theory.value.meanLatencyMs : scenario.polling.intervalMs / 2 + d;
    const empty = theory.ok ? theory.value.emptyRatio : Math.exp((-events.ratePerSec * scenario.polling.intervalMs) / 1000);
    // A keep-alive connection stays open while polls come more often than the idle timeout.
    const open = scenario.polling.intervalMs < network.keepAliveIdleSec * 1000 ? clients : 0;
    return { requestsPerSec: clients * perClient + posts, meanLatencyMs: latency, openConnections: open, memoryMb: memory(open), emptyRatio: empty };
  }
  if (id === 'longPolling') {
    const theory = longPollingTheory(scenario);
    const perClient = theory.ok ? theory.value.requestsPerSecPerClient : 1000 / scenario.longPolling.timeoutMs;
    return {
      requestsPerSec: clients * perClient + posts,
      meanLatencyMs: theory.ok ? theory.value.meanLatencyMs : d,
      openConnections: clients,
      memoryMb: memory(clients),
      emptyRatio: theory.ok ? theory.value.emptyRatio : 0,
    };
  }
  if (id === 'webhook') {
    // One attempt per event and receiver; the provider keeps one connection per receiver.
    return { requestsPerSec: clients * events.ratePerSec, meanLatencyMs: d, openConnections: clients, memoryMb: memory(clients), emptyRatio: 0 };
  }
  // SSE and WebSockets: one stream per client, each event written as it happens.
  const upstream = id === 'sse' ? posts : 0;
  return { requestsPerSec: upstream, meanLatencyMs: d, openConnections: clients, memoryMb: memory(clients), emptyRatio: 0 };
}

/** Bytes a second the clients send upstream for their own messages: POSTs, or WebSocket frames. */
export function upstreamBytesPerSec(id: MechanismId, scenario: Scenario): number {
  const { post, frame } = upstreamMessageBytes(scenario);
  return scenario.clients * scenario.clientMessages.ratePerSec * (id === 'websocket' ? frame : post);
}
