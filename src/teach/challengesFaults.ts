import type { Challenge } from './challengeTypes.ts';
import { formatDurationMs, formatInteger, formatMs, formatPercent, formatRate } from '../ui/format.ts';
import { lockStepReconnect, sseIdleCuts, webhookOutageLoss, webhookTimeoutDuplicates } from './closedForms.ts';
import { finalOf, peakRequestsFrom } from './measures.ts';

// Challenges about failures: webhook outages and timeouts, reconnect storms, a proxy's idle timeout.

const RESTART = { atSec: 20, downSec: 5 };

const stormScenario = (jitter: 'none' | 'full') => ({
  name: `Challenge: reconnect storm ${jitter === 'none' ? 'without' : 'with'} jitter`,
  clients: 200,
  durationSec: 45,
  mechanisms: ['websocket'],
  events: { ratePerSec: 0.2 },
  websocket: { reconnect: { baseMs: 1000, factor: 2, maxMs: 30000, jitter } },
  faults: { serverRestarts: [RESTART] },
});

const measureStorm: Challenge['measure'] = (recording) => {
  const m = finalOf(recording, 'websocket');
  const restart = recording.scenario.faults.serverRestarts.at(0);
  if (!m || !restart) return null;
  const peak = peakRequestsFrom(m, restart.atSec);
  return {
    value: peak.requests,
    details: [`The busiest second began at ${formatInteger(peak.second)} s; ${formatInteger(m.events.lost)} events were lost while sockets were down.`],
  };
};

export const FAULT_CHALLENGES: readonly Challenge[] = [
  {
    id: 'webhook-outage-loss',
    title: 'A webhook receiver goes down',
    topic: 'webhook loss during an outage',
    setup: 'A provider sends webhooks to 20 receivers, about 4 events a second in all. Every receiver answers 503 for 60 s. The provider tries each event 4 times, waiting 1 s, 2 s and 4 s between attempts, then gives up (dead-letters it).',
    question: 'How many events are lost?',
    scenario: {
      name: 'Challenge: webhook outage',
      clients: 20,
      durationSec: 150,
      mechanisms: ['webhook'],
      events: { ratePerSec: 0.2 },
      webhook: { retry: { baseMs: 1000, factor: 2, maxAttempts: 4, jitter: 'none' }, outages: [{ startSec: 30, durationSec: 60 }] },
    },
    prediction: { kind: 'number', unit: 'events', min: 0, max: 1e7 },
    measure: (recording) => {
      const m = finalOf(recording, 'webhook');
      if (!m) return null;
      return {
        value: m.events.lost,
        details: [`${formatInteger(m.events.created)} events created, ${formatInteger(m.events.delivered)} delivered; the latest delivery took ${formatMs(m.latencyMs.max)}.`],
      };
    },
    closedForm: (scenario) => {
      const { lost, spanMs, retrySumMs } = webhookOutageLoss(scenario);
      const outage = scenario.webhook.outages.at(0);
      const rate = scenario.events.ratePerSec * scenario.clients;
      return {
        value: lost,
        formula: 'λN × (D − S), S = the retry schedule’s sum + the failed round trips',
        worked: `S = ${formatDurationMs(retrySumMs)} + round trips = ${formatDurationMs(spanMs)}; ${formatRate(rate)}/s × (${formatInteger(outage?.durationSec ?? 0)} s − ${formatDurationMs(spanMs)}) = ${formatInteger(lost)} events`,
        kind: 'exact',
      };
    },
    tolerance: 0.15,
    why:
      'Retries only help if the schedule outlasts the outage. All four attempts of an event fit in about 7 s, so every ' +
      'event created more than 7 s before the receiver comes back runs out of attempts while it is still down. A longer ' +
      'schedule (the default eight attempts span more than two minutes), a dead-letter queue that is replayed, or a ' +
      'reconciliation poll would have recovered them.',
  },
  {
    id: 'webhook-timeout-duplicates',
    title: 'Duplicates after timeouts',
    topic: 'duplicates after timeouts',
    setup: 'The receiver takes 9.88 s to process each webhook; the provider waits 10 s for an answer. Each trip takes 50 ms plus up to 20 ms of random jitter. After a timeout the provider retries once. 20 receivers, about 4 events a second in all.',
    question: 'How many duplicate deliveries do the receivers see?',
    scenario: {
      name: 'Challenge: webhook duplicates',
      clients: 20,
      durationSec: 120,
      mechanisms: ['webhook'],
      network: { jitterMs: 20 },
      events: { ratePerSec: 0.2 },
      webhook: { receiverMs: 9880, timeoutMs: 10000, retry: { baseMs: 1000, factor: 2, maxAttempts: 2, jitter: 'none' } },
    },
    prediction: { kind: 'number', unit: 'duplicates', min: 0, max: 1e7 },
    measure: (recording) => {
      const m = finalOf(recording, 'webhook');
      if (!m) return null;
      return {
        value: m.events.duplicates,
        details: [`${formatInteger(m.events.delivered)} events delivered with ${formatInteger(m.requests)} attempts.`],
      };
    },
    closedForm: (scenario) => {
      const result = webhookTimeoutDuplicates(scenario);
      if (!result) return null;
      return {
        value: result.duplicates,
        formula: 'p × λN × (duration − timeout − retry delay), p = P(jitter₁ + jitter₂ > slack)',
        worked: `slack = ${formatMs(result.slackMs)}, so p = ${formatPercent(result.p)} of attempts are late; × the events whose retry fits in the run = ${formatInteger(result.duplicates)}`,
        kind: 'exact',
      };
    },
    tolerance: 0.15,
    why:
      'The receiver finishes every event, but its answer is late whenever the jitter of the two trips adds up to more ' +
      'than the 20 ms of slack left, which happens for half of the attempts. The provider cannot tell “processed but ' +
      'late” from “never arrived”, so it sends the event again. Webhook delivery is at-least-once: receivers must ' +
      'recognise an event id they have already handled.',
  },
  {
    id: 'reconnect-storm-no-jitter',
    title: 'A reconnect storm without jitter',
    topic: 'reconnect storm without jitter',
    setup: 'The server restarts at 20 s and is down for 5 s. 200 WebSocket clients reconnect with exponential backoff, waiting 1 s, 2 s, 4 s … between attempts, with no jitter.',
    question: 'How many reconnection requests reach the server in its busiest second?',
    scenario: stormScenario('none'),
    prediction: { kind: 'number', unit: 'requests', min: 0, max: 1e6 },
    measure: measureStorm,
    closedForm: (scenario) => {
      const back = lockStepReconnect(scenario);
      if (!back) return null;
      return {
        value: scenario.clients,
        formula: 'N: identical schedules reconnect together',
        worked: `every client waits the same ${formatDurationMs(back.waitedMs)} in ${formatInteger(back.attempts)} backoff steps and is back at ${formatDurationMs(back.backAtMs)}: all ${formatInteger(scenario.clients)} in the same second`,
        kind: 'exact',
      };
    },
    tolerance: 0.02,
    why:
      'Without jitter a backoff schedule is a clock that every client started at the same moment, the restart. They ' +
      'all fail together, wait the same 1 s, 2 s and 4 s, and knock together: the whole herd of handshakes lands in one ' +
      'second, which can knock a freshly restarted server over again.',
  },
  {
    id: 'reconnect-storm-jitter',
    title: 'The same storm with full jitter',
    topic: 'reconnect storm with jitter',
    setup: 'The same restart at 20 s for 5 s and the same 200 WebSocket clients, but each wait is drawn at random between 0 and 1 s, 2 s, 4 s … (full jitter).',
    question: 'How many reconnection requests reach the server in its busiest second now?',
    scenario: stormScenario('full'),
    prediction: { kind: 'number', unit: 'requests', min: 0, max: 1e6 },
    measure: measureStorm,
    closedForm: () => null,
    tolerance: 0,
    why:
      'Full jitter makes each client’s wait a random draw, so the reconnections spread over several seconds and the ' +
      'busiest second gets only part of the herd; the price is that some clients stay away longer. No simple formula ' +
      'gives this peak: it depends on how the random draws fall across the backoff rounds, which is what the run shows.',
  },
  {
    id: 'proxy-idle-timeout',
    title: 'A proxy’s idle timeout against a quiet stream',
    topic: 'a proxy’s idle timeout vs heartbeats',
    setup: '20 browsers hold an SSE stream through a proxy that cuts any connection carrying no bytes for 20 s. Nothing is published, heartbeats are off, and the browser waits 3 s before reconnecting.',
    question: 'How many times does each client reconnect in these 2 minutes?',
    scenario: {
      name: 'Challenge: proxy idle timeout',
      clients: 20,
      durationSec: 120,
      mechanisms: ['sse'],
      events: { ratePerSec: 0 },
      proxy: { idleTimeoutSec: 20 },
      sse: { heartbeatSec: 0, retryMs: 3000 },
    },
    prediction: { kind: 'number', unit: 'reconnects', min: 0, max: 100000 },
    measure: (recording) => {
      const m = finalOf(recording, 'sse');
      if (!m) return null;
      const clients = recording.scenario.clients;
      return {
        value: (m.requests - clients) / clients,
        details: [`${formatInteger(m.requests)} stream requests from ${formatInteger(clients)} clients.`],
      };
    },
    closedForm: (scenario) => {
      const { reconnects, cycleMs } = sseIdleCuts(scenario);
      return {
        value: reconnects,
        formula: 'one reconnect per cycle: idle timeout + retry + d + connection setup + request',
        worked: `cycle = ${formatDurationMs(cycleMs)}; ${formatInteger(reconnects)} cycles start within ${formatInteger(scenario.durationSec)} s`,
        kind: 'exact',
      };
    },
    tolerance: 0.01,
    why:
      'A proxy cannot tell a quiet stream from a dead one, so it closes it after its idle timeout, and the browser ' +
      'reconnects (TCP, TLS, a new request) only to be cut again 20 s later. A heartbeat comment sent more often than ' +
      'the timeout, for example every 15 s, keeps bytes flowing and the cuts stop: switch the SSE heartbeat on and run it again.',
  },
];
