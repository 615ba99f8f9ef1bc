import { describe, expect, it } from 'vitest';
import { runScenario } from './engine.ts';
import { presetById } from './presets/presets.ts';
import { MECHANISM_IDS, type MechanismId } from './scenario/types.ts';
import { deliveryLog, scenarioOf, sum, type Delivery } from './testing/helpers.ts';

// Ordering (issue 8, item 3): events.outOfOrder counts first deliveries that arrive after an
// event created later for the same recipient had already been delivered. Checked against a count
// made here from the full delivery log by another route: per recipient, in creation order, an
// event is out of order when some later-created event was delivered before it (a suffix minimum
// of delivery positions).

function independentCount(log: readonly Delivery[]): number {
  const byRecipient = new Map<number, { createdMs: number; position: number }[]>();
  log.forEach((d, position) => {
    const list = byRecipient.get(d.recipient) ?? [];
    list.push({ createdMs: d.createdMs, position });
    byRecipient.set(d.recipient, list);
  });
  let count = 0;
  for (const list of byRecipient.values()) {
    list.sort((a, b) => a.createdMs - b.createdMs || a.position - b.position);
    // Walking from the latest-created back: the earliest delivery among strictly later creations.
    let earliestLater = Infinity;
    for (let i = list.length - 1; i >= 0; ) {
      let j = i;
      while (j >= 0 && list[j].createdMs === list[i].createdMs) j--;
      for (let k = i; k > j; k--) if (earliestLater < list[k].position) count++;
      for (let k = i; k > j; k--) earliestLater = Math.min(earliestLater, list[k].position);
      i = j;
    }
  }
  return count;
}

const outOfOrderOf = (input: unknown) => {
  const scenario = scenarioOf(input);
  const results = runScenario(scenario);
  const log = deliveryLog(scenario);
  return { results, log };
};

describe('out-of-order deliveries', () => {
  it('match an independent count from the delivery log in the payment-webhook-outage preset', () => {
    const preset = presetById('payment-webhook-outage');
    const { results, log } = outOfOrderOf(preset?.scenario);
    const webhook = results.webhook!;
    const deliveries = log.get('webhook') ?? [];
    expect(deliveries).toHaveLength(webhook.events.delivered);
    expect(webhook.events.outOfOrder).toBe(independentCount(deliveries));
    // Events created during the outage arrive with their retries, after newer ones went through.
    const share = webhook.events.outOfOrder / webhook.events.delivered;
    expect(share).toBeGreaterThan(0.25);
    expect(share).toBeLessThan(0.4);
    expect(sum(webhook.series.eventsOutOfOrder)).toBe(webhook.events.outOfOrder);
  });

  it('match the independent count for broadcast webhooks, where every receiver is a recipient', () => {
    const { results, log } = outOfOrderOf({
      mechanisms: ['webhook'],
      clients: 30,
      durationSec: 90,
      network: { jitterMs: 40 },
      events: { ratePerSec: 2, audience: 'broadcast', process: 'bursty' },
      webhook: { receiverMs: 30, outages: [{ startSec: 20, durationSec: 15 }] },
      faults: { serverRestarts: [{ atSec: 50, downSec: 2 }] },
    });
    const webhook = results.webhook!;
    expect(webhook.events.outOfOrder).toBeGreaterThan(0);
    expect(webhook.events.outOfOrder).toBe(independentCount(log.get('webhook') ?? []));
  });

  it('counts the steady window from the events created in it', () => {
    const { results } = outOfOrderOf({
      mechanisms: ['webhook'],
      warmupSec: 80,
      events: { process: 'periodic' },
      webhook: { outages: [{ startSec: 30, durationSec: 20 }] },
    });
    const webhook = results.webhook!;
    // The outage and its retries (the last at 30 + 63 s … ) lie before most of the window; events
    // 2 s apart never share a moment, so the window's own events arrive in order.
    expect(webhook.events.outOfOrder).toBeGreaterThan(0);
    expect(webhook.steady!.events.outOfOrder).toBe(0);
  });

  it.each(MECHANISM_IDS)('is 0 for %s over one ordered connection without faults', (id: MechanismId) => {
    // Events 2 s apart: a webhook attempt (about 0.1 s) is over before the next, so each receiver
    // is reached over its one kept-alive connection, in order.
    const { results, log } = outOfOrderOf({ mechanisms: [id], clients: 20, durationSec: 120, events: { ratePerSec: 0.5, process: 'periodic' } });
    expect(results[id]!.events.outOfOrder).toBe(0);
    expect(independentCount(log.get(id) ?? [])).toBe(0);
    expect(results[id]!.events.delivered).toBeGreaterThan(1000);
  });

  it('happens to webhooks without any fault when attempts overlap: a second connection overtakes', () => {
    // An event created while the kept-alive connection is busy opens another (a handshake first);
    // the next event may reuse the first connection and arrive before it.
    const { results, log } = outOfOrderOf({ mechanisms: ['webhook'], clients: 20, durationSec: 120, events: { ratePerSec: 0.5 } });
    expect(results.webhook!.events.outOfOrder).toBeGreaterThan(0);
    expect(results.webhook!.events.outOfOrder).toBe(independentCount(log.get('webhook') ?? []));
  });

  it('stays 0 for the push and pull mechanisms even through loss, jitter, cuts and restarts', () => {
    const { results, log } = outOfOrderOf({
      clients: 20,
      durationSec: 120,
      network: { lossRate: 0.05, jitterMs: 30 },
      events: { ratePerSec: 1 },
      proxy: { idleTimeoutSec: 10 },
      websocket: { resumeOnReconnect: true },
      faults: { serverRestarts: [{ atSec: 60, downSec: 3 }] },
    });
    for (const id of ['polling', 'longPolling', 'sse', 'websocket'] as const) {
      expect(results[id]!.events.outOfOrder, id).toBe(0);
      expect(independentCount(log.get(id) ?? []), id).toBe(0);
    }
  });
});
