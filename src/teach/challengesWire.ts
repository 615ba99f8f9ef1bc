import type { Challenge } from './challengeTypes.ts';
import { MECHANISM_LABELS } from '../ui/mechanisms.ts';
import type { MechanismId } from '../sim/scenario/types.ts';
import { formatBytes, formatInteger, formatMs, formatPercent } from '../ui/format.ts';
import { lossLadderQuantileMs, upstreamMessageBytes } from './closedForms.ts';
import { finalOf } from './measures.ts';

// Challenges about the wire: chat in both directions, a slow mobile link, HTTP/2 header
// compression, and SSE behind a load balancer. The last two use engine fields of issue 9
// (http.version; faults.serverRestarts[].via and sse.reconnectOnError): they are offered once
// the scenario schema accepts them (see challenges.ts).

const CHAT_MECHANISMS: readonly MechanismId[] = ['polling', 'longPolling', 'sse', 'websocket'];

export const WIRE_CHALLENGES: readonly Challenge[] = [
  {
    id: 'bidirectional-chat',
    title: 'Chat in both directions',
    topic: 'bidirectional chat',
    setup: 'A chat room of 50 people: one line a second goes to everyone, and each person writes a line of 150 B every 20 s or so.',
    question: 'Which mechanism sends the fewest bytes from the browsers to the server?',
    scenario: {
      name: 'Challenge: chat in both directions',
      clients: 50,
      durationSec: 60,
      mechanisms: [...CHAT_MECHANISMS],
      events: { ratePerSec: 1, audience: 'broadcast', payloadBytes: 150 },
      clientMessages: { ratePerSec: 0.05, payloadBytes: 150 },
    },
    prediction: { kind: 'choice', options: CHAT_MECHANISMS.map((id) => ({ value: id, label: MECHANISM_LABELS[id] })) },
    measure: (recording) => {
      const rows = CHAT_MECHANISMS.flatMap((id) => {
        const m = finalOf(recording, id);
        return m ? [{ id, up: m.bytes.up }] : [];
      });
      if (rows.length === 0) return null;
      const fewest = rows.reduce((best, row) => (row.up < best.up ? row : best));
      return { value: fewest.id, details: rows.map((row) => `${MECHANISM_LABELS[row.id]}: ${formatBytes(row.up)} up.`) };
    },
    closedForm: (scenario) => {
      const { post, frame } = upstreamMessageBytes(scenario);
      return {
        value: 'websocket',
        formula: 'a line as an HTTP POST = request head + text; as a WebSocket frame = text + 6 B',
        worked: `POST ${formatBytes(post)} against frame ${formatBytes(frame)} per line; polling and long polling also send requests just to ask`,
        kind: 'exact',
      };
    },
    tolerance: 0,
    why:
      'Polling, long polling and SSE can only talk back with a separate HTTP request, so every chat line carries a full ' +
      'set of request headers, and the pollers keep sending requests just to ask. A WebSocket is one connection in both ' +
      'directions: a line costs its text plus a few bytes of frame header. That is what “bidirectional” buys.',
  },
  {
    id: 'slow-mobile-link',
    title: 'A slow, lossy mobile link',
    topic: 'a slow mobile link',
    setup: '30 phones hold an SSE stream over a link with 300 ms of delay each way; 5 % of packets are lost and TCP resends them. Half of the events arrive in about 300 ms.',
    question: 'How long do the slowest 1 % of events take to arrive (p99)?',
    scenario: {
      name: 'Challenge: slow mobile link',
      clients: 30,
      durationSec: 120,
      mechanisms: ['sse'],
      network: { latencyMs: 300, lossRate: 0.05 },
      events: { ratePerSec: 0.2 },
      sse: { heartbeatSec: 0 },
    },
    prediction: { kind: 'number', unit: 'ms', min: 0, max: 1e7 },
    measure: (recording) => {
      const m = finalOf(recording, 'sse');
      if (!m || m.latencyMs.p99 === null) return null;
      return {
        value: m.latencyMs.p99,
        details: [`Median ${formatMs(m.latencyMs.p50)}, mean ${formatMs(m.latencyMs.mean)}, slowest ${formatMs(m.latencyMs.max)}.`],
      };
    },
    closedForm: (scenario) => {
      const rung = lossLadderQuantileMs(scenario, 0.99);
      return {
        value: rung.ms,
        formula: 'd + T₀(2^k − 1), T₀ = RTT + RTO floor, k = losses that 1 % of events suffer',
        worked: `T₀ = ${formatMs(rung.rtoMs)}; with k = ${formatInteger(rung.losses)}: at least ${formatMs(rung.ms)}, before head-of-line blocking`,
        kind: 'lowerBound',
      };
    },
    tolerance: 0,
    why:
      'TCP repairs a lost segment only when its retransmission timer fires, one round trip plus 200 ms here, doubling on a ' +
      'repeat. One event in twenty pays that, so the tail sits at least that far out; and because a stream delivers in ' +
      'order, events queued behind a lost one wait too (head-of-line blocking), which pushes p99 further. The mean hides ' +
      'all of this: on a bad network, look at the percentiles.',
  },
  {
    id: 'http2-poll-bytes',
    title: 'HTTP/1.1 or HTTP/2: what a poll costs',
    topic: 'HTTP/1.1 vs HTTP/2 bytes',
    setup: '20 browsers poll every second over HTTP/2 with the same headers that cost 700 B up and 250 B down per poll over HTTP/1.1; news is rare.',
    question: 'How many bytes does one poll cost over HTTP/2, up and down together (handshakes included)?',
    scenario: {
      name: 'Challenge: HTTP/2 poll bytes',
      clients: 20,
      durationSec: 60,
      mechanisms: ['polling'],
      events: { ratePerSec: 0.05 },
      polling: { intervalMs: 1000 },
      http: { version: '2' },
    },
    prediction: { kind: 'number', unit: 'B', min: 0, max: 1e6 },
    measure: (recording) => {
      const m = finalOf(recording, 'polling');
      if (!m || m.requests === 0) return null;
      const bytes = m.bytes.up + m.bytes.down;
      return {
        value: bytes / m.requests,
        details: [`${formatBytes(bytes)} for ${formatInteger(m.requests)} polls; ${formatPercent(m.bytes.overhead / bytes)} of it overhead.`],
      };
    },
    closedForm: (scenario) => {
      const heads = scenario.http.requestHeaderBytes + scenario.http.responseHeaderBytes;
      return {
        value: heads,
        formula: 'HTTP/1.1 sends both heads in full on every poll: request head + response head',
        worked: `${formatBytes(scenario.http.requestHeaderBytes)} + ${formatBytes(scenario.http.responseHeaderBytes)} = ${formatBytes(heads)} per poll over HTTP/1.1, an upper bound for HTTP/2`,
        kind: 'upperBound',
      };
    },
    tolerance: 0,
    requires: 'http.version',
    why:
      'HTTP/2 compresses headers with HPACK (RFC 7541): the first request on a connection sends them in full and fills a ' +
      'table at both ends, and every later poll refers to the table with a byte or two per header. A repeated poll then ' +
      'costs a few dozen bytes instead of nearly a kilobyte, and most of the bandwidth argument against polling, made ' +
      'over HTTP/1.1, shrinks. The request rate and the latency remain.',
  },
  {
    id: 'sse-load-balancer',
    title: 'SSE behind a load balancer',
    topic: 'SSE behind a load balancer',
    setup: '20 browsers hold an SSE stream through a load balancer. The server behind it restarts at 20 s and is away for 10 s; meanwhile the balancer answers 502. The page has no code of its own to reconnect.',
    question: 'What share of the SSE events never reach the browsers?',
    scenario: {
      name: 'Challenge: SSE behind a load balancer',
      clients: 20,
      durationSec: 60,
      mechanisms: ['sse'],
      events: { ratePerSec: 0.5 },
      faults: { serverRestarts: [{ atSec: 20, downSec: 10, via: 'proxy' }] },
      sse: { reconnectOnError: false },
    },
    prediction: { kind: 'number', unit: '%', min: 0, max: 100 },
    measure: (recording) => {
      const m = finalOf(recording, 'sse');
      if (!m || m.events.created === 0) return null;
      return {
        value: (1 - m.events.delivered / m.events.created) * 100,
        details: [`${formatInteger(m.events.delivered)} of ${formatInteger(m.events.created)} events delivered.`],
      };
    },
    closedForm: (scenario) => {
      const restart = scenario.faults.serverRestarts.at(0);
      if (!restart) return null;
      const share = (scenario.durationSec - restart.atSec) / scenario.durationSec;
      return {
        value: share * 100,
        formula: '(duration − restart time) / duration: every stream closes for good at the 502',
        worked: `(${formatInteger(scenario.durationSec)} s − ${formatInteger(restart.atSec)} s) / ${formatInteger(scenario.durationSec)} s = ${formatPercent(share)}`,
        kind: 'exact',
      };
    },
    tolerance: 0.1,
    requires: 'faults.serverRestarts[].via and sse.reconnectOnError',
    why:
      'The browser’s EventSource reconnects by itself after a dropped connection, but the HTML standard makes it give up ' +
      'for good when the reconnection gets an answer that is not an event stream, and a balancer with no server behind it ' +
      'answers 502. From then on the page receives nothing until it is reloaded or its own code opens a new stream. ' +
      '“SSE resumes automatically” holds for network drops, not for error answers.',
  },
];
