import { expect } from 'vitest';
import { formatBytes, formatInteger, formatMs } from '../../format.ts';
import { overHttp1, variantOf, type FactChecks } from '../talkFacts.testing.ts';
import type { MechanismId } from '../../../sim/scenario/types.ts';
import { TRACE_CLIENTS } from '../../../state/store.ts';
import { recordRun } from '../../../sim/recording.ts';
import type { MechanismTotals } from '../../../sim/metrics/types.ts';
import { totalsAt } from '../../../state/selectors.ts';

// The engine's figures behind every number the talks of pollingAndPush.ts quote (run by scripts.test.ts).

export const POLLING_AND_PUSH_FACTS: FactChecks = {
  'first-look': {
    0: (f) => {
      expect(f.scenario.clients).toBe(10);
      expect(f.scenario.mechanisms).toHaveLength(5);
      expect(f.scenario.events).toMatchObject({ ratePerSec: 0.1, audience: 'perClient' });
      expect(f.scenario.polling.intervalMs).toBe(2000);
      const polling = f.now('polling');
      f.shows(`${formatInteger(polling.emptyResponses)} of their ${formatInteger(polling.responses)} answers were empty`);
    },
    1: (f) => {
      for (const id of ['sse', 'websocket'] as const) expect(f.now(id).requests).toBe(f.scenario.clients);
      f.shows(`${String(f.scenario.clients)} requests in all`);
    },
    2: (f) => {
      const longPolling = f.now('longPolling');
      f.shows(`${formatInteger(longPolling.requests)} requests for ${formatInteger(longPolling.events.delivered)} events`);
      f.shows(`against ${formatInteger(f.now('polling').requests)} for polling`);
      // About once per event: one request per answer, and hardly any answer is empty.
      expect(longPolling.emptyResponses).toBeLessThan(longPolling.events.delivered / 10);
    },
    3: (f) => {
      const polling = f.now('polling');
      f.shows(`sent ${formatInteger(polling.requests)} requests, and ${formatInteger(polling.emptyResponses)} of them came back empty`);
      const webhook = f.now('webhook');
      expect(webhook.requests).toBe(webhook.events.created);
      f.shows(`${formatInteger(webhook.requests)} for ${formatInteger(webhook.events.created)}`);
    },
    4: (f) => {
      const meanMs = f.now('polling').latencyMs.mean ?? 0;
      f.shows(formatMs(meanMs));
      expect(Math.abs(meanMs - f.scenario.polling.intervalMs / 2)).toBeLessThan(f.scenario.polling.intervalMs / 10);
      for (const id of ['sse', 'websocket'] as const) expect(Math.round(f.now(id).latencyMs.p95 ?? 0)).toBe(f.scenario.network.latencyMs);
      f.shows(`one network delay, ${String(f.scenario.network.latencyMs)} ms`);
    },
  },
  'chat-room': {
    2: (f) => {
      for (const id of ['websocket', 'sse'] as const) {
        const { p95, mean } = f.now(id).latencyMs;
        f.shows(`${formatMs(Math.round(p95 ?? 0))} at p95`);
        f.shows(`${formatMs(Math.round(mean ?? 0))} on average`);
      }
      // The mean lies above the p95 because of the lines written before a reader connected: with
      // every reader there from the start, the mean is one network delay too.
      expect(f.scenario.clientStartSpreadSec).toBeGreaterThan(0);
      const together = recordRun({ ...f.scenario, clientStartSpreadSec: 0 }, TRACE_CLIENTS).mechanisms.websocket?.final;
      expect(Math.round(together?.latencyMs.mean ?? 0)).toBe(Math.round(f.now('websocket').latencyMs.p95 ?? 0));
      f.shows(formatMs(f.now('polling').latencyMs.mean));
      expect(f.scenario.polling.intervalMs).toBe(2000);
      f.shows(`${String(f.scenario.polling.intervalMs / 1000)} s interval`);
    },
    3: (f) => {
      f.shows(`after ${String(f.beat.atMs / 1000)} s`);
      f.shows(formatBytes(f.now('websocket').bytes.up));
      f.shows(formatBytes(f.now('polling').bytes.up));
      f.shows(formatBytes(f.now('longPolling').bytes.up));
      for (const id of ['polling', 'longPolling'] as const) expect(f.now(id).bytes.up).toBeGreaterThan(10 * f.now('websocket').bytes.up);
    },
  },
  'stock-ticker': {
    0: (f) => {
      expect(f.scenario.events).toMatchObject({ ratePerSec: 10, audience: 'broadcast' });
      expect(f.now('polling').emptyResponses).toBe(0);
      f.shows(`all ${formatInteger(f.now('polling').requests)}`);
    },
    1: (f) => f.shows(`about ${String(Math.round(f.now('longPolling').requestsPerSec / 10) * 10)} a second`),
    2: (f) => {
      const perEvent = (id: MechanismId) => formatInteger(f.now(id).bytes.overhead / f.now(id).events.delivered);
      f.shows(`spends ${perEvent('longPolling')} bytes`);
      f.shows(`polling ${perEvent('polling')}, SSE ${perEvent('sse')} and the WebSocket ${perEvent('websocket')}.`);
    },
    3: (f) => {
      f.shows(formatMs(f.now('polling').latencyMs.mean));
      for (const id of ['sse', 'websocket'] as const) f.shows(`95 % of prices within ${formatMs(Math.round(f.now(id).latencyMs.p95 ?? 0))}`);
    },
  },
  'http2-narrows-the-gap': {
    0: (f) => {
      expect(f.scenario.http.version).toBe('2');
      const polls = (f.recording.mechanisms.polling?.trace ?? []).filter((m) => m.client === 0 && m.kind === 'request');
      f.shows(`whole head, ${formatInteger(polls[0]?.bytes)} bytes`);
      const later = new Set(polls.slice(1).map((m) => m.bytes));
      expect([...later]).toHaveLength(1);
      f.shows(`${formatInteger(polls[1]?.bytes)} bytes a poll`);
    },
    1: (f) => {
      const http1 = variantOf('http2-narrows-the-gap', 'http1', overHttp1);
      const bytesOf = (t: MechanismTotals | null) => (t ? t.bytes.up + t.bytes.down : 0);
      f.shows(`from ${formatBytes(bytesOf(totalsAt(http1, 'polling', f.beat.atMs)))} over HTTP/1.1 to ${formatBytes(bytesOf(f.now('polling')))}`);
      const perEvent = (id: MechanismId) => bytesOf(f.now(id)) / f.now(id).events.delivered;
      f.shows(`${formatInteger(perEvent('polling'))} bytes per delivered event`);
      f.shows(`WebSocket’s ${formatInteger(perEvent('websocket'))}`);
      expect(perEvent('polling')).toBeLessThan(1.25 * perEvent('websocket'));
    },
    2: (f) => {
      const polling = f.now('polling');
      const http1 = totalsAt(variantOf('http2-narrows-the-gap', 'http1', overHttp1), 'polling', f.beat.atMs);
      expect(http1).toMatchObject({ requests: polling.requests, emptyResponses: polling.emptyResponses, latencyMs: polling.latencyMs });
      f.shows(`sends ${formatInteger(polling.requests)} requests, ${formatInteger(polling.emptyResponses)} of them answered empty`);
      f.shows(formatMs(polling.latencyMs.mean));
    },
    3: (f) => {
      const http1 = variantOf('http2-narrows-the-gap', 'http1', overHttp1);
      for (const id of f.scenario.mechanisms) {
        const over1 = totalsAt(http1, id, f.beat.atMs);
        expect(over1?.latencyMs).toEqual(f.now(id).latencyMs);
        expect(over1?.serverUtilization).toBe(f.now(id).serverUtilization);
        expect(over1?.requests).toBe(f.now(id).requests);
      }
    },
  },
  'high-frequency-long-polling': {
    1: (f) => {
      const perSec = f.now('longPolling').requestsPerSec;
      f.shows(`${formatInteger(perSec)} requests a second from ${String(f.scenario.clients)} clients`);
      f.shows(`about ${String(Math.round(perSec / f.scenario.clients))} times a second`);
      f.shows(`${String(2 * f.scenario.network.latencyMs)} ms round trip`);
    },
    2: (f) => {
      const { requests, events } = f.now('longPolling');
      f.shows(`the ${String(Math.round(events.delivered / requests))} or so events`);
      f.shows(`${formatInteger(events.delivered)} events in ${formatInteger(requests)} answers`);
    },
    3: (f) => {
      f.shows(`reaches ${formatBytes(f.now('longPolling').bytes.overhead)}`);
      f.shows(`${formatBytes(f.now('sse').bytes.overhead)} for SSE`);
      f.shows(`${formatBytes(f.now('websocket').bytes.overhead)} for WebSockets`);
    },
  },
  'slow-mobile-network': {
    0: (f) => {
      expect(f.scenario.network).toMatchObject({ latencyMs: 300, jitterMs: 200, lossRate: 0.05 });
      for (const id of f.scenario.mechanisms) expect(f.now(id).events.delivered).toBe(0);
    },
    1: (f) => {
      f.shows(`mean is ${formatMs(f.now('sse').latencyMs.mean)}`);
      f.shows(`p99 ${formatMs(f.now('sse').latencyMs.p99)}`);
    },
    2: (f) => {
      f.shows(`polling averages ${formatMs(f.now('polling').latencyMs.mean)}`);
      f.shows(`long polling ${formatMs(f.now('longPolling').latencyMs.mean)}`);
      f.shows(`SSE ${formatMs(f.now('sse').latencyMs.mean)}`);
    },
    3: (f) => {
      for (const id of ['sse', 'websocket'] as const) expect(f.now(id).requests).toBe(f.scenario.clients);
      f.shows(`${String(f.scenario.clients)} requests each`);
      f.shows(`against ${formatInteger(f.now('polling').requests)} for polling`);
    },
  },
};
