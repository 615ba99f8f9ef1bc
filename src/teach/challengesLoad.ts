import type { Challenge } from './challengeTypes.ts';
import { pollingTheory, longPollingTheory } from '../sim/theory.ts';
import { formatBytes, formatDurationMs, formatInteger, formatMs, formatPercent, formatRate } from '../ui/format.ts';
import { connectionMemoryMb } from './closedForms.ts';
import { finalOf } from './measures.ts';

// Challenges about what polling and open connections cost: wasted polls, polling latency, the
// request rate, long polling under a busy stream, the memory of idle connections.

export const LOAD_CHALLENGES: readonly Challenge[] = [
  {
    id: 'wasted-polls',
    title: 'Wasted polls',
    topic: 'wasted polls',
    setup: '20 clients poll every 2 s on a fixed clock; news for each client arrives at random, about once every 5 s (λ = 0.2 per second).',
    question: 'What share of the polls come back empty?',
    scenario: {
      name: 'Challenge: wasted polls',
      clients: 20,
      durationSec: 120,
      mechanisms: ['polling'],
      events: { ratePerSec: 0.2 },
      polling: { intervalMs: 2000, schedule: 'fixedRate' },
    },
    prediction: { kind: 'number', unit: '%', min: 0, max: 100 },
    measure: (recording) => {
      const m = finalOf(recording, 'polling');
      if (!m || m.emptyRatio === null) return null;
      return {
        value: m.emptyRatio * 100,
        details: [`${formatInteger(m.emptyResponses)} of ${formatInteger(m.responses)} answers were empty.`],
      };
    },
    closedForm: (scenario) => {
      const theory = pollingTheory(scenario);
      if (!theory.ok) return null;
      const lambdaT = (scenario.events.ratePerSec * scenario.polling.intervalMs) / 1000;
      return {
        value: theory.value.emptyRatio * 100,
        formula: 'e^(−λT)',
        worked: `e^(−${formatRate(lambdaT)}) = ${formatPercent(theory.value.emptyRatio)} with λT = ${formatRate(scenario.events.ratePerSec)}/s × ${formatDurationMs(scenario.polling.intervalMs)}`,
        kind: 'exact',
      };
    },
    tolerance: 0.05,
    why:
      'Events arrive at random, so the chance that none arrived during one interval T is e^(−λT). Here λT = 0.4: ' +
      'two polls in three find nothing, and each of them still costs a full request and response with headers. ' +
      'Polling more often to get news sooner makes an even larger share of the polls empty.',
  },
  {
    id: 'polling-latency',
    title: 'How late does polling see the news?',
    topic: 'polling latency',
    setup: '20 clients poll every 4 s on a fixed clock; the network delay is 50 ms each way.',
    question: 'On average, how long after an event is created does the client see it?',
    scenario: {
      name: 'Challenge: polling latency',
      clients: 20,
      durationSec: 120,
      mechanisms: ['polling'],
      events: { ratePerSec: 0.5 },
      polling: { intervalMs: 4000, schedule: 'fixedRate' },
    },
    prediction: { kind: 'number', unit: 's', min: 0, max: 600 },
    measure: (recording) => {
      const m = finalOf(recording, 'polling');
      if (!m || m.latencyMs.mean === null) return null;
      return {
        value: m.latencyMs.mean / 1000,
        details: [`Median ${formatMs(m.latencyMs.p50)}, p95 ${formatMs(m.latencyMs.p95)}, slowest ${formatMs(m.latencyMs.max)}.`],
      };
    },
    closedForm: (scenario) => {
      const theory = pollingTheory(scenario);
      if (!theory.ok) return null;
      return {
        value: theory.value.meanLatencyMs / 1000,
        formula: 'T/2 + d',
        worked: `${formatDurationMs(scenario.polling.intervalMs)} / 2 + ${formatMs(scenario.network.latencyMs)} = ${formatMs(theory.value.meanLatencyMs)}`,
        kind: 'exact',
      };
    },
    tolerance: 0.06,
    why:
      'An event appears at a random moment between two polls, so on average it waits half an interval for the next ' +
      'poll to pick it up, then one network delay to travel back. The network hardly matters here: the interval is ' +
      'the latency. The unluckiest event waits a whole interval.',
  },
  {
    id: 'polling-request-rate',
    title: 'What a thousand pollers cost',
    topic: 'polling load',
    setup: '1,000 clients each wait 10 s after every answer, then poll again; the network delay is 50 ms each way.',
    question: 'How many requests per second does the server receive?',
    scenario: {
      name: 'Challenge: polling request rate',
      clients: 1000,
      durationSec: 60,
      mechanisms: ['polling'],
      events: { ratePerSec: 0.05 },
      polling: { intervalMs: 10000 },
    },
    prediction: { kind: 'number', unit: 'requests/s', min: 0, max: 1e6 },
    measure: (recording) => {
      const m = finalOf(recording, 'polling');
      if (!m) return null;
      return {
        value: m.requestsPerSec,
        details: [`${formatInteger(m.requests)} requests in ${formatInteger(recording.durationMs / 1000)} s; ${formatPercent(m.emptyRatio)} of the answers were empty.`],
      };
    },
    closedForm: (scenario) => {
      const theory = pollingTheory(scenario);
      if (!theory.ok) return null;
      const cycleMs = 1000 / theory.value.requestsPerSecPerClient;
      return {
        value: scenario.clients * theory.value.requestsPerSecPerClient,
        formula: 'N / (T + 2d + service)',
        worked: `${formatInteger(scenario.clients)} / ${formatMs(cycleMs)} = ${formatRate(scenario.clients * theory.value.requestsPerSecPerClient)} per second`,
        kind: 'exact',
      };
    },
    tolerance: 0.03,
    why:
      'Each client sends one request per cycle, and a cycle is the interval plus a round trip. So the server sees ' +
      'N / (T + 2d) requests a second whatever happens: a thousand users polling every 10 s make about a hundred ' +
      'requests a second even when nothing changes, and polling every 2 s would make five times as many.',
  },
  {
    id: 'long-polling-busy-stream',
    title: 'Long polling under a busy stream',
    topic: 'long polling under a busy stream',
    setup: '20 clients long-poll (the server holds each request until there is news, up to 30 s); each client gets 20 updates a second; the network delay is 50 ms each way.',
    question: 'How many requests per second does each client send?',
    scenario: {
      name: 'Challenge: long polling under a busy stream',
      clients: 20,
      durationSec: 30,
      mechanisms: ['longPolling'],
      events: { ratePerSec: 20 },
    },
    prediction: { kind: 'number', unit: 'requests/s', min: 0, max: 10000 },
    measure: (recording) => {
      const m = finalOf(recording, 'longPolling');
      if (!m || m.responses === 0) return null;
      // Steady state: the clients' first connections (spread over the start-up) are not the lesson.
      const window = m.steady ?? m;
      return {
        value: window.requestsPerSec / recording.scenario.clients,
        details: [`Each answer carried ${formatRate(m.events.delivered / m.responses)} events on average.`],
      };
    },
    closedForm: (scenario) => {
      const theory = longPollingTheory(scenario);
      if (!theory.ok) return null;
      const cycleMs = 1000 / theory.value.requestsPerSecPerClient;
      return {
        value: theory.value.requestsPerSecPerClient,
        formula: 'B = 2d + service, E[C] = B + e^(−λB)(1 − e^(−λH))/λ, rate = 1/E[C]',
        worked: `E[C] = ${formatMs(cycleMs)}, so 1 / E[C] = ${formatRate(theory.value.requestsPerSecPerClient)} requests per second`,
        kind: 'exact',
      };
    },
    tolerance: 0.03,
    why:
      'A held request is answered as soon as there is news. With twenty events a second there is nearly always news ' +
      'waiting, so each request comes straight back and the client asks again: about one request per round trip ' +
      '(2d = 100 ms), each answer carrying the events that piled up meanwhile. Long polling has turned into polling ' +
      'at the round-trip rate, with full headers on every answer.',
  },
  {
    id: 'idle-connection-memory',
    title: 'The memory of idle connections',
    topic: 'memory of idle connections',
    setup: '2,000 browsers keep a WebSocket open to one server; almost nothing happens. Each open connection costs the server 64 kB (socket buffers, TLS state, the application’s objects).',
    question: 'How much memory do the open connections hold at the peak?',
    scenario: {
      name: 'Challenge: memory of idle connections',
      clients: 2000,
      durationSec: 20,
      mechanisms: ['websocket'],
      events: { ratePerSec: 0.01 },
      server: { memoryPerConnectionKb: 64 },
    },
    prediction: { kind: 'number', unit: 'MB', min: 0, max: 1e7 },
    measure: (recording) => {
      const m = finalOf(recording, 'websocket');
      if (!m) return null;
      return {
        value: m.peakMemoryKb / 1024,
        details: [`${formatInteger(m.peakOpenConnections)} connections open at the peak, carrying ${formatBytes(m.bytes.payload)} of payload in all.`],
      };
    },
    closedForm: (scenario) => ({
      value: connectionMemoryMb(scenario.clients, scenario.server.memoryPerConnectionKb),
      formula: 'N × memory per connection',
      worked: `${formatInteger(scenario.clients)} × ${formatInteger(scenario.server.memoryPerConnectionKb)} kB = ${formatInteger(scenario.clients * scenario.server.memoryPerConnectionKb)} kB = ${formatRate(connectionMemoryMb(scenario.clients, scenario.server.memoryPerConnectionKb))} MB`,
      kind: 'exact',
    }),
    tolerance: 0.01,
    why:
      'A persistent connection costs memory whether or not it carries anything. The server pays N × memory per ' +
      'connection for as long as the clients stay, so idle users are not free: what push saves in requests it pays ' +
      'in memory, which is why large push services tune their per-connection footprint down to a few kilobytes.',
  },
];
