import { describe, expect, it } from 'vitest';
import { createSimulation, runScenario, type Results } from './engine.ts';
import type { MechanismMetrics } from './metrics/types.ts';
import { MECHANISM_IDS, type MechanismId } from './scenario/types.ts';
import { scenarioOf, sum } from './testing/helpers.ts';

// The engine's contract (DESIGN.md §2–§6, STYLE.md §3–§4): determinism, common random numbers
// across mechanisms, conservation of events under every fault, the fault behaviours the lab
// teaches (duplicates, fallbacks, resume, reconnect storms), incremental playback and the trace.


/** A busy little scenario that exercises every model: loss, jitter, chat sends, faults. */
const BUSY = {
  clients: 20,
  durationSec: 120,
  network: { lossRate: 0.05, jitterMs: 20 },
  events: { ratePerSec: 1 },
  clientMessages: { ratePerSec: 0.1 },
  proxy: { idleTimeoutSec: 20 },
  webhook: { outages: [{ startSec: 30, durationSec: 20 }] },
  faults: { serverRestarts: [{ atSec: 60, downSec: 3 }] },
};

describe('determinism', () => {
  it('gives identical results for the same scenario and seed', () => {
    const first = JSON.stringify(runScenario(scenarioOf(BUSY)));
    const second = JSON.stringify(runScenario(scenarioOf(BUSY)));
    expect(second).toBe(first);
  });

  it('gives different results for a different seed', () => {
    const first = runScenario(scenarioOf({ ...BUSY, seed: 1 }));
    const other = runScenario(scenarioOf({ ...BUSY, seed: 2 }));
    for (const id of MECHANISM_IDS) {
      expect(other[id]!.events.created).not.toBe(first[id]!.events.created);
      expect(JSON.stringify(other[id])).not.toBe(JSON.stringify(first[id]));
    }
  });

  let allFive: Results | undefined;
  it.each(MECHANISM_IDS)('gives %s the same numbers alone as beside the other four', (id) => {
    const all = (allFive ??= runScenario(scenarioOf(BUSY)));
    const alone = runScenario(scenarioOf({ ...BUSY, mechanisms: [id] }));
    expect(Object.keys(alone)).toEqual([id]);
    expect(alone[id]).toStrictEqual(all[id]);
  });

  it('gives polling the same numbers alone as beside the other four, with broadcast events', () => {
    const input = { ...BUSY, events: { ratePerSec: 2, audience: 'broadcast' } };
    const all = runScenario(scenarioOf(input));
    const alone = runScenario(scenarioOf({ ...input, mechanisms: ['polling'] }));
    expect(alone.polling).toStrictEqual(all.polling);
  });

  it('creates the same events for every mechanism (common random numbers)', () => {
    const results = runScenario(scenarioOf(BUSY));
    // Over the run itself: the drains after it last as long as each mechanism needs.
    const created = results.polling!.series.eventsCreated.slice(0, BUSY.durationSec);
    for (const id of MECHANISM_IDS) {
      expect(results[id]!.series.eventsCreated.slice(0, BUSY.durationSec)).toEqual(created);
      expect(sum(results[id]!.series.eventsCreated.slice(BUSY.durationSec))).toBe(0);
    }
  });
});

describe('conservation of events under faults', () => {
  const base = { clients: 40, durationSec: 300, events: { ratePerSec: 0.5 }, clientMessages: { ratePerSec: 0.05 } };
  const faults = [
    { label: 'two server restarts', input: { ...base, faults: { serverRestarts: [{ atSec: 100, downSec: 5 }, { atSec: 200, downSec: 1 }] } } },
    {
      label: 'a proxy idle timeout with heartbeats off',
      input: { ...base, events: { ratePerSec: 0.1 }, proxy: { idleTimeoutSec: 5 }, sse: { heartbeatSec: 0 }, websocket: { heartbeatSec: 0 } },
    },
    { label: 'a receiver outage', input: { ...base, webhook: { outages: [{ startSec: 60, durationSec: 90 }] } } },
    {
      label: 'a receiver outage longer than the retries last',
      input: { ...base, webhook: { retry: { maxAttempts: 3 }, outages: [{ startSec: 60, durationSec: 90 }] } },
    },
    { label: 'loss and jitter', input: { ...base, network: { lossRate: 0.1, jitterMs: 40 } } },
    {
      label: 'broadcast events and a restart',
      input: { ...base, events: { audience: 'broadcast', ratePerSec: 1 }, faults: { serverRestarts: [{ atSec: 100, downSec: 3 }] } },
    },
    {
      label: 'everything at once',
      input: {
        ...base,
        network: { lossRate: 0.05, jitterMs: 30, keepAlive: false },
        events: { process: 'bursty', ratePerSec: 0.5 },
        proxy: { idleTimeoutSec: 10 },
        sse: { heartbeatSec: 0 },
        websocket: { heartbeatSec: 0, reconnect: { jitter: 'none' } },
        webhook: { receiverMs: 9000, timeoutMs: 9100, outages: [{ startSec: 50, durationSec: 30 }] },
        faults: { serverRestarts: [{ atSec: 120, downSec: 4 }] },
      },
    },
  ];

  describe.each(faults)('with $label', ({ input }) => {
    let memo: Results | undefined;
    const results = () => (memo ??= runScenario(scenarioOf(input)));

    it.each(MECHANISM_IDS)('%s accounts for every event: created = delivered + lost + pending', (id) => {
      const m = results()[id]!;
      const { created, delivered, lost, pending } = m.events;
      expect(created).toBeGreaterThan(0);
      expect(delivered + lost + pending).toBe(created);
      expect(delivered).toBeGreaterThanOrEqual(0);
      expect(lost).toBeGreaterThanOrEqual(0);
      expect(pending).toBeGreaterThanOrEqual(0);
      // The series tell the same story second by second.
      expect(sum(m.series.eventsCreated)).toBe(created);
      expect(sum(m.series.eventsDelivered)).toBe(delivered);
      expect(sum(m.series.eventsLost)).toBe(lost);
      expect(sum(m.series.duplicates)).toBe(m.events.duplicates);
      // Nothing is stranded: what is still pending was created in the last seconds of the run.
      expect(pending).toBeLessThanOrEqual(sum(m.series.eventsCreated.slice(-10)));
    });

    it.each(['polling', 'longPolling', 'sse'] as const)('%s loses nothing: the events wait at the server', (id) => {
      expect(results()[id]!.events.lost).toBe(0);
    });
  });
});

describe('webhooks deliver at least once', () => {
  it('produces duplicates when the receiver answers close to the timeout and jitter pushes some answers past it', () => {
    // Round trip 100–140 ms + 9,880 ms of processing against a 10,000 ms timeout.
    const { webhook } = runScenario(
      scenarioOf({
        mechanisms: ['webhook'],
        clients: 20,
        durationSec: 120,
        network: { latencyMs: 50, jitterMs: 20 },
        events: { ratePerSec: 0.2 },
        webhook: { receiverMs: 9880, timeoutMs: 10000 },
      }),
    );
    const { events, requests, series } = webhook!;
    expect(events.duplicates).toBeGreaterThan(0);
    expect(events.lost).toBe(0);
    expect(requests).toBeGreaterThan(events.created);
    // About half of the attempts time out (jitter sum above 20 ms), so a typical event needs two
    // attempts and its receiver sees it twice; retries end within a minute of the event.
    expect(events.duplicates).toBeGreaterThan(0.5 * events.created);
    expect(events.pending).toBeLessThanOrEqual(sum(series.eventsCreated.slice(-30)));
  });

  it('produces no duplicates when every answer beats the timeout', () => {
    const { webhook } = runScenario(
      scenarioOf({
        mechanisms: ['webhook'],
        clients: 20,
        durationSec: 120,
        network: { latencyMs: 50, jitterMs: 20 },
        events: { ratePerSec: 0.2 },
        webhook: { receiverMs: 9800, timeoutMs: 10000 },
      }),
    );
    // Attempts to one receiver overlap (an event every 5 s, 9.9 s each): each rides its own
    // connection and must not wait behind another attempt's answer.
    expect(webhook!.events.duplicates).toBe(0);
    expect(webhook!.events.delivered).toBe(webhook!.events.created);
    // One attempt per event: those sent in the drain (after the end) are not counted.
    expect(webhook!.requests).toBeLessThanOrEqual(webhook!.events.created);
    expect(webhook!.requests).toBeGreaterThanOrEqual(webhook!.events.created - webhook!.series.eventsCreated[119]);
  });
});

describe('a proxy that blocks WebSocket upgrades', () => {
  const blocked = (fallback: 'longPolling' | 'none'): MechanismMetrics =>
    runScenario(
      scenarioOf({
        mechanisms: ['websocket'],
        clients: 30,
        durationSec: 120,
        events: { ratePerSec: 0.5 },
        proxy: { blocksWebSocket: true },
        websocket: { fallback },
      }),
    ).websocket!;

  it('still delivers every event when the client falls back to long polling', () => {
    const ws = blocked('longPolling');
    expect(ws.events.lost).toBe(0);
    expect(ws.events.pending).toBeLessThanOrEqual(sum(ws.series.eventsCreated.slice(-1)));
    expect(ws.events.delivered).toBeGreaterThan(0.99 * ws.events.created);
    // Thirty refused upgrades, then long polls that carry the events.
    expect(ws.requests).toBeGreaterThan(30 + ws.events.created * 0.5);
    expect(ws.emptyRatio).not.toBeNull();
    expect(ws.emptyRatio!).toBeLessThanOrEqual(1);
  });

  it('delivers nothing when there is no fallback', () => {
    const ws = blocked('none');
    expect(ws.events.created).toBeGreaterThan(0);
    expect(ws.events.delivered).toBe(0);
    expect(ws.latencyMs.mean).toBeNull();
    expect(ws.events.pending + ws.events.lost).toBe(ws.events.created);
  });
});

describe('a server restart', () => {
  const restart = (extra: object = {}): Results =>
    runScenario(
      scenarioOf({
        mechanisms: ['sse', 'websocket'],
        clients: 50,
        durationSec: 120,
        events: { ratePerSec: 1 },
        faults: { serverRestarts: [{ atSec: 40, downSec: 5 }] },
        ...extra,
      }),
    );

  it('loses the events of a WebSocket without resume, while SSE replays them from Last-Event-ID', () => {
    const { sse, websocket } = restart();
    expect(websocket!.events.lost).toBeGreaterThan(0);
    expect(sse!.events.lost).toBe(0);
    expect(sse!.events.delivered + sse!.events.pending).toBe(sse!.events.created);
    expect(sse!.events.pending).toBeLessThanOrEqual(sum(sse!.series.eventsCreated.slice(-1)));
    // The replayed events arrive late rather than never.
    expect(sse!.latencyMs.max).toBeGreaterThan(5000);
  });

  it('loses nothing over a WebSocket when the application resumes', () => {
    const { websocket } = restart({ websocket: { resumeOnReconnect: true } });
    expect(websocket!.events.lost).toBe(0);
    expect(websocket!.latencyMs.max).toBeGreaterThan(5000);
  });

  it('bunches reconnects into fewer seconds without backoff jitter than with full jitter', () => {
    const reconnectSeconds = (jitter: 'none' | 'full') => {
      const { websocket } = restart({ mechanisms: ['websocket'], clients: 200, websocket: { reconnect: { jitter } } });
      // The only requests after the first connections are reconnect handshakes.
      return websocket!.series.requests.slice(40);
    };
    const herd = reconnectSeconds('none');
    const spread = reconnectSeconds('full');
    expect(sum(herd)).toBe(200);
    expect(sum(spread)).toBe(200);
    const busySeconds = (series: number[]) => series.filter((n) => n > 0).length;
    expect(busySeconds(herd)).toBe(1);
    expect(busySeconds(spread)).toBeGreaterThan(3);
    expect(Math.max(...spread)).toBeLessThan(Math.max(...herd) / 2);
  });
});

describe('incremental playback', () => {
  const input = { ...BUSY, durationSec: 75 };

  it('reaches the same final results and trace in small steps as in one run to the end', () => {
    const batch = createSimulation(scenarioOf(input), { traceClients: 4 });
    batch.runToEnd();
    const live = createSimulation(scenarioOf(input), { traceClients: 4 });
    for (let t = 0; !live.isDone(); t += 137) {
      live.advanceTo(t);
      // A live view reads the numbers as it goes; reading must not change them.
      if (t % 10 === 0) live.results();
    }
    expect(live.nowMs()).toBe(live.endMs());
    expect(JSON.stringify(live.results())).toBe(JSON.stringify(batch.results()));
    for (const id of MECHANISM_IDS) expect(live.trace(id)).toStrictEqual(batch.trace(id));
  });

  it('never moves time backwards and stops at the end of the drain', () => {
    const simulation = createSimulation(scenarioOf(input));
    simulation.advanceTo(10_000);
    simulation.advanceTo(5_000);
    expect(simulation.nowMs()).toBe(10_000);
    expect(simulation.endMs()).toBe(75_000 + 300_000);
    simulation.advanceTo(1e12);
    expect(simulation.isDone()).toBe(true);
    // Every event was resolved a little after the end, long before the drain's limit.
    expect(simulation.nowMs()).toBe(simulation.endMs());
    expect(simulation.nowMs()).toBeGreaterThan(75_000);
    expect(simulation.nowMs()).toBeLessThan(75_000 + 60_000);
    for (const id of MECHANISM_IDS) expect(simulation.totals(id).events.pending).toBe(0);
    simulation.advanceTo(2e12);
    expect(simulation.nowMs()).toBe(simulation.endMs());
  });

  it('reports per-second series only for the seconds simulated so far', () => {
    const simulation = createSimulation(scenarioOf(input));
    simulation.advanceTo(12_500);
    for (const id of MECHANISM_IDS) expect(simulation.results()[id]!.series.requests).toHaveLength(13);
  });
});

describe('the trace', () => {
  let memo: ReturnType<typeof createSimulation> | undefined;
  const traced = () => {
    if (!memo) {
      memo = createSimulation(scenarioOf(BUSY), { traceClients: 3 });
      memo.runToEnd();
    }
    return memo;
  };

  it.each(MECHANISM_IDS)('%s keeps messages of the first traceClients clients only, each of them', (id: MechanismId) => {
    const messages = traced().trace(id);
    expect(messages.length).toBeGreaterThan(0);
    expect(new Set(messages.map((m) => m.client))).toEqual(new Set([0, 1, 2]));
  });

  it.each(MECHANISM_IDS)('%s never delivers a message before it was sent', (id: MechanismId) => {
    for (const m of traced().trace(id)) {
      expect(m.arriveMs, `${m.kind} of client ${m.client} sent at ${m.sendMs}`).toBeGreaterThanOrEqual(m.sendMs);
    }
  });

  it('is empty when no client is traced', () => {
    const quiet = createSimulation(scenarioOf(BUSY), { traceClients: 0 });
    quiet.runToEnd();
    for (const id of MECHANISM_IDS) expect(quiet.trace(id)).toEqual([]);
  });
});
