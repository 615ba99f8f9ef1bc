import { expect } from 'vitest';
import { formatInteger, formatMs } from '../../format.ts';
import { type FactChecks } from '../talkFacts.testing.ts';

// The engine's figures behind every number the talks of webhooks.ts quote (run by scripts.test.ts).

export const WEBHOOK_FACTS: FactChecks = {
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
      expect(outage.startSec + outage.durationSec).toBe(90);
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
};
