import { expect } from 'vitest';
import { formatInteger } from '../../format.ts';
import { variantOf, recordingOf, maxOf, firstIndex, type FactChecks } from '../talkFacts.testing.ts';
import { TRACE_CLIENTS } from '../../../state/store.ts';

// The engine's figures behind every number the talks of connections.ts quote (run by scripts.test.ts).

export const CONNECTION_FACTS: FactChecks = {
  'reconnect-storm-no-jitter': {
    0: (f) => {
      const { openConnections, connectionAttempts, requests } = f.series('websocket');
      expect(f.scenario.clients).toBe(10_000);
      expect(f.scenario.server.acceptBacklog).toBe(2048);
      expect(openConnections[29]).toBe(10_000);
      expect(connectionAttempts[0]).toBe(10_000);
      expect(requests[0]).toBe(2048);
      for (const second of [1, 3, 7, 15]) expect(requests[second]).toBeGreaterThan(0);
      expect(requests.slice(16, 40).every((n) => n === 0)).toBe(true);
    },
    1: (f) => {
      expect(f.scenario.faults.serverRestarts).toEqual([{ atSec: 40, downSec: 5 }]);
      expect(f.series('websocket').openConnections[40]).toBe(0);
      expect(f.series('websocket').eventsLost[40]).toBeGreaterThan(0);
    },
    2: (f) => {
      expect(f.scenario.websocket.reconnect).toMatchObject({ baseMs: 1000, factor: 2, jitter: 'none' });
      const { requests, connectionAttempts, openConnections } = f.series('websocket');
      expect(requests.slice(40, 47).every((n) => n === 0)).toBe(true);
      expect(connectionAttempts[47]).toBe(10_000);
      for (const second of [47, 48, 50, 54]) expect(requests[second]).toBe(2048);
      expect(requests[62]).toBe(10_000 - 4 * 2048);
      expect(firstIndex(openConnections, 41, (n) => n === 10_000)).toBe(62);
    },
    3: (f) => {
      expect(f.now('websocket').connectionAttempts).toBe(79_040);
      expect(f.now('websocket').events.lost).toBe(25_154);
      const jittered = recordingOf('reconnect-storm-jitter').mechanisms.websocket?.final;
      expect(jittered?.connectionAttempts).toBe(68_963);
      expect(jittered?.events.lost).toBe(17_307);
    },
  },
  'reconnect-storm-jitter': {
    0: (f) => {
      expect(f.scenario.faults.serverRestarts).toEqual([{ atSec: 40, downSec: 5 }]);
      expect(f.scenario.websocket.reconnect.jitter).toBe('full');
    },
    1: (f) => {
      const requests = f.series('websocket').requests;
      expect(maxOf(requests.slice(40))).toBe(2539);
      expect(maxOf(requests.slice(40, 50))).toBe(2539);
    },
    2: (f) => {
      const open = f.series('websocket').openConnections;
      // Index 51 is the second [51, 52): its end is the beat's playhead.
      expect(open[51]).toBe(9023);
      expect(firstIndex(open, 41, (n) => n === 10_000)).toBe(74);
    },
    3: (f) => {
      expect(f.now('websocket').connectionAttempts).toBe(68_963);
      expect(f.now('websocket').events.lost).toBe(17_307);
      const herd = recordingOf('reconnect-storm-no-jitter').mechanisms.websocket?.final;
      expect(herd?.connectionAttempts).toBe(79_040);
      expect(herd?.events.lost).toBe(25_154);
    },
  },
  'restart-behind-load-balancer': {
    0: (f) => {
      expect(f.scenario.clients).toBe(50);
      expect(f.scenario.mechanisms).toEqual(['longPolling', 'sse', 'websocket']);
      for (const id of f.scenario.mechanisms) expect(f.now(id).events.lost).toBe(0);
    },
    1: (f) => {
      expect(f.scenario.faults.serverRestarts).toEqual([{ atSec: 40, downSec: 10, via: 'proxy' }]);
      expect(f.scenario.sse.retryMs).toBe(3000);
      const sse = f.now('sse');
      // Every client's one reconnect got a 502, and every one of them has closed.
      expect(sse.errorResponses).toBe(f.scenario.clients);
      expect(sse.sseClosedClients).toBe(f.scenario.clients);
    },
    2: (f) => {
      const longPolling = f.now('longPolling');
      f.shows(`${formatInteger(longPolling.errorResponses)} of them`);
      expect(f.scenario.longPolling.errorRetryMs).toBe(1000);
      expect(longPolling.events.lost).toBe(0);
      const delivered = f.series('longPolling').eventsDelivered;
      expect(delivered.slice(40, 50).every((n) => n === 0)).toBe(true);
      expect(delivered[50]).toBeGreaterThan(0);
      expect(f.now('websocket').errorResponses).toBeGreaterThan(f.scenario.clients);
    },
    3: (f) => {
      const lostBefore = f.series('sse').eventsLost.slice(0, 40).reduce((a, b) => a + b, 0);
      expect(lostBefore).toBe(0);
      f.shows(`SSE lost ${formatInteger(f.now('sse').events.lost)} events`);
      f.shows(`WebSockets lost ${formatInteger(f.now('websocket').events.lost)}`);
      expect(f.now('longPolling').events.lost).toBe(0);
    },
    4: (f) => {
      expect(f.scenario.sse.reconnectOnError).toBe(false);
      const reconnecting = variantOf('restart-behind-load-balancer', 'reconnectOnError', (s) => ({ ...s, sse: { ...s.sse, reconnectOnError: true } }));
      const sse = reconnecting.mechanisms.sse?.final;
      expect(sse?.sseClosedClients).toBe(0);
      expect(sse?.events.lost).toBe(0);
    },
  },
  'proxy-blocks-websocket': {
    0: (f) => {
      expect(f.scenario.clients).toBe(30);
      expect(f.scenario.proxy.blocksWebSocket).toBe(true);
      const refusals = f.inFlight('websocket').filter((m) => m.kind === 'upgradeResponse' && m.status === 'refused');
      expect(refusals).toHaveLength(TRACE_CLIENTS);
    },
    1: (f) => {
      expect(Math.round(f.now('websocket').latencyMs.p95 ?? 0)).toBe(537);
      expect(Math.round(f.now('sse').latencyMs.p95 ?? 0)).toBe(236);
    },
    2: (f) => expect(f.series('websocket').requests.slice(1)).toEqual(f.series('longPolling').requests.slice(1)),
    3: (f) => {
      expect(f.now('sse').requests).toBe(30);
      expect(f.now('websocket').requests).toBe(1828);
      for (const id of ['longPolling', 'sse', 'websocket'] as const) expect(f.now(id).events.lost).toBe(0);
    },
  },
  'idle-proxy-cuts': {
    0: (f) => {
      expect(f.scenario.clients).toBe(50);
      expect(f.scenario.proxy.idleTimeoutSec).toBe(20);
      expect(f.scenario.sse.heartbeatSec).toBe(0);
      expect(f.scenario.websocket.heartbeatSec).toBe(0);
    },
    1: (f) => {
      const open = f.series('sse').openConnections;
      expect(open[19]).toBe(50);
      expect(open[20]).toBe(15);
    },
    2: (f) => {
      expect(f.scenario.sse.retryMs).toBe(3000);
      const sse = f.series('sse').requests;
      expect(sse.slice(20, 23).every((n) => n === 0)).toBe(true);
      expect(sse[23]).toBeGreaterThan(30);
      expect(f.series('longPolling').requests[21]).toBeGreaterThan(30);
      expect(f.series('websocket').requests[20]).toBeGreaterThan(10);
    },
    3: (f) => {
      expect(f.now('sse').events.lost).toBe(0);
      expect(f.now('websocket').events.lost).toBe(7);
    },
    4: (f) => expect(Math.round((f.now('sse').latencyMs.max ?? 0) / 100) / 10).toBe(2.9),
    5: (f) => {
      expect(f.scenario.longPolling.timeoutMs).toBe(30_000);
      expect(f.now('longPolling').emptyResponses).toBe(0);
      expect(f.now('longPolling').requests).toBeGreaterThan(f.scenario.clients);
    },
  },
  'idle-notifications': {
    0: (f) => {
      expect(f.scenario.clients).toBe(200);
      expect(f.scenario.polling.intervalMs).toBe(2000);
      expect(f.now('polling')).toMatchObject({ requests: 929, emptyResponses: 916 });
    },
    1: (f) => {
      expect(Math.round(f.now('polling').requestsPerSec)).toBe(95);
      // The run's seconds (the drain after it counts no requests).
      const polling = f.series('polling').requests.slice(0, f.scenario.durationSec);
      expect(Math.min(...polling.slice(1))).toBeGreaterThan(85);
      expect(Math.max(...polling.slice(1))).toBeLessThan(107);
      expect(f.scenario.longPolling.timeoutMs).toBe(30_000);
      const longPolling = f.series('longPolling').requests;
      // Each wave lasts as long as the clients took to arrive (2 s).
      for (const wave of [30, 60, 90, 120, 150]) expect(longPolling[wave] + longPolling[wave + 1] + longPolling[wave + 2]).toBeGreaterThan(100);
    },
    2: (f) => {
      expect(f.now('webhook').events.created).toBe(56);
      expect(f.now('webhook').requests).toBe(56);
      expect(f.now('sse').requests).toBe(200);
      expect(f.now('websocket').requests).toBe(200);
    },
    3: (f) => {
      for (const id of ['sse', 'websocket'] as const) {
        expect(f.series(id).openConnections.slice(2).every((n) => n === 200)).toBe(true);
      }
      expect(f.scenario.server.memoryPerConnectionKb).toBe(64);
    },
    4: (f) => {
      expect(f.now('polling').latencyMs.mean).toBeGreaterThan(950);
      expect(f.now('polling').latencyMs.mean).toBeLessThan(1100);
      expect(f.scenario.network.latencyMs).toBe(50);
      for (const id of ['sse', 'websocket'] as const) expect(Math.round(f.now(id).latencyMs.mean ?? 0)).toBe(50);
    },
  },
  'ten-thousand-idle-connections': {
    0: (f) => {
      expect(f.scenario.clients).toBe(10_000);
      for (const id of ['longPolling', 'sse', 'websocket'] as const) {
        expect(f.series(id).openConnections.slice(f.beat.atMs / 1000).every((n) => n === 10_000)).toBe(true);
      }
    },
    1: (f) => {
      expect(f.scenario.server.memoryPerConnectionKb).toBe(64);
      for (const id of ['sse', 'websocket'] as const) expect(`${String(f.now(id).peakMemoryKb / 1000)} MB`).toBe('640 MB');
    },
    2: (f) => {
      expect(f.scenario.polling.intervalMs).toBe(30_000);
      expect(f.scenario.network.keepAliveIdleSec).toBe(5);
      expect(f.final('polling').peakOpenConnections).toBeLessThan(f.scenario.clients / 5);
    },
    3: (f) => {
      const polling = f.now('polling');
      expect(polling.requestsPerSec).toBeGreaterThan(300);
      expect(polling.emptyRatio).toBeGreaterThan(0.95);
      f.shows(`waits ${String(Math.round((polling.latencyMs.mean ?? 0) / 1000))} s`);
    },
  },
};
