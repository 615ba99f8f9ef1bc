import { chart, lane, region, type Beat } from '../beats.ts';

// Talks about webhooks: an outage at the receiver, duplicates from timeouts, and polling as the safety net.
// Every number a caption quotes is checked against the engine in scripts.test.ts.

export const WEBHOOK_TALKS: Readonly<Record<string, readonly Beat[]>> = {
  'payment-webhook-outage': [
    {
      atMs: 30_000,
      highlight: region('scoreboard'),
      caption:
        'Twenty shops receive payment webhooks. Before the outage each event costs exactly one request: ' +
        'after 30 s, 105 events, 105 requests, every one delivered within 0.3 s.',
    },
    {
      atMs: 33_100,
      highlight: lane('webhook'),
      caption:
        'At 30 s the shop’s endpoint starts answering 503, and every attempt fails. Each event is tried ' +
        'again after 1 s, then 2 s, 4 s, 8 s…: the wait doubles after each failure.',
    },
    {
      atMs: 90_000,
      highlight: chart('requests'),
      caption:
        'By 90 s the provider has made 1,373 attempts and delivered nothing since the outage began: ' +
        '256 events are waiting for their next retry.',
    },
    {
      atMs: 90_000,
      highlight: lane('webhook'),
      play: true,
      caption: 'The endpoint is back at 90 s. Watch the waiting events go through, each one at its own next retry.',
    },
    {
      atMs: 120_000,
      highlight: chart('requests'),
      caption: 'The backlog drains as the retries come due: by 120 s only 15 events are still waiting.',
    },
    {
      atMs: 180_000,
      highlight: chart('latency'),
      caption:
        'Nothing was lost: all 703 events arrived, because eight attempts span about two minutes. ' +
        'But the unlucky ones were late: 1 event in 20 took more than a minute.',
    },
  ],

  'webhook-timeout-duplicates': [
    {
      atMs: 10_000,
      highlight: lane('webhook'),
      caption:
        'The receiver needs 9.88 s to handle each event, just inside the sender’s 10 s timeout. With ' +
        'network jitter on top, many answers arrive too late.',
    },
    {
      atMs: 30_000,
      highlight: region('scoreboard'),
      caption:
        'A late answer counts as a failure, so the sender tries again although the event was handled: ' +
        'by 30 s, 38 duplicates for 105 events.',
    },
    {
      atMs: 60_000,
      highlight: chart('requests'),
      caption: 'Each duplicate is a whole extra request: 359 requests for 230 events by 60 s.',
    },
    {
      atMs: 120_000,
      highlight: region('scoreboard'),
      caption:
        'In all, 376 duplicates for 478 events, and none lost. The receiver must be idempotent: it ' +
        'remembers the event ids it has handled.',
    },
  ],

  'webhook-reconciliation-polling': [
    {
      atMs: 20_000,
      highlight: region('scoreboard'),
      caption:
        'Twenty shops get webhooks and also poll the same event feed every 10 s as a safety net. Until ' +
        'the outage, both deliver everything.',
    },
    {
      atMs: 40_000,
      highlight: lane('webhook'),
      caption:
        'At 30 s the receiver goes down for 90 s. The sender gives up on an event after 4 attempts, ' +
        'only 7 s of retrying, and drops it.',
    },
    {
      atMs: 180_000,
      highlight: region('scoreboard'),
      caption:
        'In all, the webhooks lost 348 of 703 events. The reconciliation poll lost none: it simply asks ' +
        'again later.',
    },
    {
      atMs: 180_000,
      highlight: chart('latency'),
      caption:
        'Its price is delay: a polled event waits 4,985 ms on average, half the interval. Webhooks give ' +
        'speed, the slow poll gives completeness.',
    },
  ],
};
