import { describe, expect, it } from 'vitest';
import { recordRun, type RunRecording } from '../../sim/recording.ts';
import type { MechanismMetrics, MechanismTotals } from '../../sim/metrics/types.ts';
import { PRESETS, presetById } from '../../sim/presets/presets.ts';
import type { MechanismId, Scenario } from '../../sim/scenario/types.ts';
import { parseScenario } from '../../sim/scenario/validate.ts';
import { totalsAt } from '../../state/selectors.ts';
import { TRACE_CLIENTS } from '../../state/store.ts';
import { formatBytes, formatInteger, formatMs } from '../format.ts';
import { CHART_IDS, hasScript, highlightSelector, LANE_IDS, PRESENTER_SCRIPTS, REGION_IDS, scriptOf, type Beat } from './scripts.ts';

// A talk must be true: every beat points at something on the page, and every number a caption
// quotes is what the engine produces for that preset, read the way the lab shows it (totals at the
// beat's playhead, the per-second series, the lanes' trace of the first TRACE_CLIENTS clients).

function scenarioOf(presetId: string): Scenario {
  const preset = presetById(presetId);
  if (!preset) throw new Error(`no preset ${presetId}`);
  const parsed = parseScenario(preset.scenario);
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  return parsed.scenario;
}

const recordings = new Map<string, RunRecording>();
function recordingOf(presetId: string): RunRecording {
  let recording = recordings.get(presetId);
  if (!recording) {
    recording = recordRun(scenarioOf(presetId), TRACE_CLIENTS);
    recordings.set(presetId, recording);
  }
  return recording;
}

/** The same preset with some fields changed, for captions that compare with another setting. */
const variants = new Map<string, RunRecording>();
function variantOf(presetId: string, name: string, change: (scenario: Scenario) => Scenario): RunRecording {
  const key = `${presetId}/${name}`;
  let recording = variants.get(key);
  if (!recording) {
    recording = recordRun(change(scenarioOf(presetId)), TRACE_CLIENTS);
    variants.set(key, recording);
  }
  return recording;
}
const overHttp1 = (s: Scenario): Scenario => ({ ...s, http: { ...s.http, version: '1.1' } });

/** What a check can read about one beat. */
class BeatFacts {
  constructor(
    readonly recording: RunRecording,
    readonly beat: Beat,
  ) {}
  get scenario(): Scenario {
    return this.recording.scenario;
  }
  /** The totals the scoreboard shows at the beat's playhead. */
  now(id: MechanismId): MechanismTotals {
    const totals = totalsAt(this.recording, id, this.beat.atMs);
    if (!totals) throw new Error(`no totals for ${id} at ${String(this.beat.atMs)} ms`);
    return totals;
  }
  final(id: MechanismId): MechanismMetrics {
    const metrics = this.recording.mechanisms[id]?.final;
    if (!metrics) throw new Error(`no results for ${id}`);
    return metrics;
  }
  series(id: MechanismId): MechanismMetrics['series'] {
    return this.final(id).series;
  }
  /**
   * The caption quotes `figure` as the lab shows it (formatInteger, formatMs, formatBytes): when the
   * engine's figures change, the failure names the figure the caption must now say.
   */
  shows(figure: string): void {
    expect(this.beat.caption, `the caption should quote ${figure}`).toContain(figure.replaceAll('\u00a0', ' '));
  }
  /** Messages of the traced clients on the wire at the beat's playhead. */
  inFlight(id: MechanismId) {
    const t = this.beat.atMs;
    return (this.recording.mechanisms[id]?.trace ?? []).filter((m) => m.sendMs <= t && t < m.arriveMs);
  }
}

const maxOf = (xs: readonly number[]) => Math.max(...xs);
const firstIndex = (xs: readonly number[], from: number, test: (x: number) => boolean) =>
  xs.findIndex((x, i) => i >= from && test(x));

/** One check per beat whose caption quotes a number, keyed by preset and beat index. */
const FACT_CHECKS: Record<string, Record<number, (f: BeatFacts) => void>> = {
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
  'payment-webhook-outage': {
    0: (f) => {
      expect(f.scenario.clients).toBe(20);
      expect(f.scenario.webhook.outages[0]?.startSec).toBe(30);
      const webhook = f.now('webhook');
      expect(webhook.events.created).toBe(105);
      expect(webhook.events.delivered).toBe(105);
      expect(webhook.requests).toBe(105);
      expect(webhook.latencyMs.max).toBeLessThan(300);
    },
    1: (f) => {
      // The failing answers are in the lanes at this moment, and the backoff doubles from 1 s.
      expect(f.inFlight('webhook').some((m) => m.kind === 'webhookResponse' && m.status === 'failed')).toBe(true);
      expect(f.scenario.webhook.retry).toMatchObject({ baseMs: 1000, factor: 2, jitter: 'none' });
    },
    2: (f) => {
      const webhook = f.now('webhook');
      expect(webhook.requests).toBe(1373);
      expect(webhook.events.delivered).toBe(105);
      expect(webhook.events.pending).toBe(256);
      expect(f.series('webhook').eventsDelivered.slice(30, 90).every((n) => n === 0)).toBe(true);
    },
    3: (f) => {
      const outage = f.scenario.webhook.outages[0];
      expect(outage && outage.startSec + outage.durationSec).toBe(90);
      expect(f.series('webhook').eventsDelivered[90]).toBeGreaterThan(0);
    },
    4: (f) => expect(f.now('webhook').events.pending).toBe(15),
    5: (f) => {
      const webhook = f.now('webhook');
      expect(webhook.events).toMatchObject({ created: 703, delivered: 703, lost: 0 });
      const { baseMs, factor, maxAttempts } = f.scenario.webhook.retry;
      expect(maxAttempts).toBe(8);
      let spanMs = 0;
      for (let k = 0; k < maxAttempts - 1; k++) spanMs += baseMs * factor ** k;
      expect(spanMs).toBeGreaterThan(110_000);
      expect(spanMs).toBeLessThan(130_000);
      expect(webhook.latencyMs.p95).toBeGreaterThan(60_000);
    },
  },
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
  'webhook-timeout-duplicates': {
    0: (f) => {
      expect(f.scenario.webhook.receiverMs).toBe(9880);
      expect(f.scenario.webhook.timeoutMs).toBe(10_000);
      expect(f.scenario.network.jitterMs).toBeGreaterThan(0);
    },
    1: (f) => {
      const { events } = f.now('webhook');
      f.shows(`${formatInteger(events.duplicates)} duplicates for ${formatInteger(events.created)} events`);
    },
    2: (f) => f.shows(`${formatInteger(f.now('webhook').requests)} requests for ${formatInteger(f.now('webhook').events.created)} events`),
    3: (f) => {
      const { events } = f.now('webhook');
      expect(f.beat.atMs).toBe(f.scenario.durationSec * 1000);
      f.shows(`${formatInteger(events.duplicates)} duplicates for ${formatInteger(events.created)} events`);
      expect(events.lost).toBe(0);
    },
  },
  'webhook-reconciliation-polling': {
    0: (f) => {
      expect(f.scenario.clients).toBe(20);
      expect(f.scenario.polling.intervalMs).toBe(10_000);
      for (const id of ['polling', 'webhook'] as const) expect(f.now(id).events.lost).toBe(0);
      expect(f.now('webhook').events.delivered).toBe(f.now('webhook').events.created);
    },
    1: (f) => {
      expect(f.scenario.webhook.outages).toEqual([{ startSec: 30, durationSec: 90 }]);
      const { baseMs, factor, maxAttempts } = f.scenario.webhook.retry;
      expect(maxAttempts).toBe(4);
      let spanMs = 0;
      for (let k = 0; k < maxAttempts - 1; k++) spanMs += baseMs * factor ** k;
      expect(spanMs).toBe(7000);
      expect(f.now('webhook').events.lost).toBeGreaterThan(0);
    },
    2: (f) => {
      const { events } = f.now('webhook');
      f.shows(`lost ${formatInteger(events.lost)} of ${formatInteger(events.created)} events`);
      expect(f.now('polling').events.lost).toBe(0);
    },
    3: (f) => {
      const meanMs = f.now('polling').latencyMs.mean ?? 0;
      f.shows(formatMs(meanMs));
      expect(Math.abs(meanMs - f.scenario.polling.intervalMs / 2)).toBeLessThan(f.scenario.polling.intervalMs / 10);
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

const scripts = Object.entries(PRESENTER_SCRIPTS);
const allBeats = scripts.flatMap(([presetId, beats]) => beats.map((beat, index) => ({ presetId, index, beat })));

describe('presenter scripts', () => {
  it.each(PRESETS.map((p) => p.id))('ship for every preset: %s has a talk of four to seven beats', (presetId) => {
    const beats = scriptOf(presetId);
    expect(beats.length).toBeGreaterThanOrEqual(4);
    expect(beats.length).toBeLessThanOrEqual(7);
  });

  it.each(scripts)('%s belongs to an existing preset, and its beats run forward within the run', (presetId, beats) => {
    expect(presetById(presetId)).toBeDefined();
    const durationMs = scenarioOf(presetId).durationSec * 1000;
    beats.forEach((beat, i) => {
      expect(beat.atMs).toBeGreaterThanOrEqual(i === 0 ? 0 : (beats[i - 1]?.atMs ?? 0));
      expect(beat.atMs).toBeLessThanOrEqual(durationMs);
    });
  });

  it.each(scripts)('%s points only at elements the lab shows for that preset', (presetId, beats) => {
    const mechanisms = scenarioOf(presetId).mechanisms;
    for (const { highlight } of beats) {
      if (highlight.kind === 'region') expect(REGION_IDS).toContain(highlight.id);
      if (highlight.kind === 'chart') expect(CHART_IDS).toContain(highlight.id);
      if (highlight.kind === 'lane') {
        expect(LANE_IDS).toContain(highlight.id);
        expect(mechanisms).toContain(highlight.id);
      }
    }
  });

  it('keeps captions short: at most two sentences and 200 characters', () => {
    for (const { beat } of allBeats) {
      expect(beat.caption.length).toBeLessThanOrEqual(200);
      expect(beat.caption.split(/[.!?](?:\s|$)/).filter((s) => s.trim() !== '').length).toBeLessThanOrEqual(2);
    }
  });

  it('checks every caption that quotes a number against the engine', () => {
    const quoting = allBeats.filter(({ beat }) => /\d/.test(beat.caption)).map(({ presetId, index }) => `${presetId} #${String(index)}`);
    const checked = Object.entries(FACT_CHECKS).flatMap(([presetId, checks]) => Object.keys(checks).map((i) => `${presetId} #${i}`));
    expect(quoting.filter((key) => !checked.includes(key))).toEqual([]);
  });

  it('turns a highlight into the selector of its data attribute', () => {
    expect(highlightSelector({ kind: 'chart', id: 'requests' })).toBe('[data-chart="requests"]');
    expect(highlightSelector({ kind: 'lane', id: 'longPolling' })).toBe('[data-lane="longPolling"]');
    expect(highlightSelector({ kind: 'region', id: 'scoreboard' })).toBe('[data-region="scoreboard"]');
  });

  it('knows which presets have a script, and has none for unknown or inherited names', () => {
    expect(hasScript('payment-webhook-outage')).toBe(true);
    expect(hasScript('stock-ticker')).toBe(true);
    expect(hasScript(null)).toBe(false);
    expect(hasScript('constructor')).toBe(false);
    expect(scriptOf('toString')).toEqual([]);
  });
});

describe('every number a caption quotes is what the engine produces', () => {
  const checked = allBeats.filter(({ presetId, index }) => FACT_CHECKS[presetId]?.[index] !== undefined);
  it.each(checked.map((b) => [`${b.presetId} beat ${String(b.index + 1)}: ${b.beat.caption}`, b] as const))(
    '%s',
    (_, { presetId, index, beat }) => {
      FACT_CHECKS[presetId]?.[index]?.(new BeatFacts(recordingOf(presetId), beat));
    },
  );
});
