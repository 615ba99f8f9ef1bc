import type { ChartId } from '../charts/ChartCard.tsx';
import { MECHANISM_IDS, type MechanismId } from '../../sim/scenario/types.ts';

// Presenter mode (issue 4, item 4): a preset can carry a short talk, one beat per slide. A beat
// moves the playhead, says one thing in a sentence or two and points at the part of the lab that
// shows it. Every number a caption quotes is checked against the engine in scripts.test.ts.

export const REGION_IDS = ['lanes', 'scoreboard', 'charts', 'explain', 'log'] as const;
export type RegionId = (typeof REGION_IDS)[number];

export const CHART_IDS = ['requests', 'empty', 'latency', 'bytes', 'connections', 'load'] as const satisfies readonly ChartId[];

export const LANE_IDS = MECHANISM_IDS;

/** The element a beat points at: a page region, one mechanism's lane, or one chart. */
export type Highlight =
  | { kind: 'region'; id: RegionId }
  | { kind: 'lane'; id: MechanismId }
  | { kind: 'chart'; id: ChartId };

export interface Beat {
  caption: string;
  /** Where the playhead goes, in simulated ms. */
  atMs: number;
  highlight: Highlight;
  /** Start playing from atMs instead of pausing there. */
  play?: boolean;
}

/** The CSS selector of a highlight's element (the data attributes the lab's views carry). */
export function highlightSelector(highlight: Highlight): string {
  return `[data-${highlight.kind}="${highlight.id}"]`;
}

const region = (id: RegionId): Highlight => ({ kind: 'region', id });
const lane = (id: MechanismId): Highlight => ({ kind: 'lane', id });
const chart = (id: ChartId): Highlight => ({ kind: 'chart', id });

export const PRESENTER_SCRIPTS: Readonly<Record<string, readonly Beat[]>> = {
  'first-look': [
    {
      atMs: 10_000,
      highlight: lane('polling'),
      caption:
        'Ten clients, each getting an event about every 10 s, delivered five ways at once. The pollers ask ' +
        'every 2 s anyway: after 10 s, 35 of their 45 answers were empty.',
    },
    {
      atMs: 30_000,
      highlight: lane('sse'),
      caption:
        'SSE and WebSockets asked once per client at the start, 10 requests in all, and have been ' +
        'listening since: the server writes each event down the open connection as it happens.',
    },
    {
      atMs: 60_000,
      highlight: chart('requests'),
      caption:
        'A long poll waits at the server until there is news, so it asks about once per event: by 60 s, ' +
        '62 requests for 49 events, against 273 for polling.',
    },
    {
      atMs: 120_000,
      highlight: region('scoreboard'),
      caption:
        'After two minutes polling has sent 546 requests, and 436 of them came back empty. Webhooks sent ' +
        'one request per event, 122 for 122.',
    },
    {
      atMs: 120_000,
      highlight: chart('latency'),
      caption:
        'Polling is also late: an event waits 1,098 ms on average, about half the 2 s interval. SSE and ' +
        'WebSockets deliver 95 % of events within one network delay, 100 ms.',
    },
  ],

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

  'reconnect-storm-no-jitter': [
    {
      atMs: 30_000,
      highlight: chart('connections'),
      caption:
        'Ten thousand WebSockets are open. Even the start was a storm: all SYNs left at t = 0, 2,048 fit in ' +
        'the accept queue, and the rest got in as they were retransmitted at 1, 3, 7 and 15 s.',
    },
    {
      atMs: 40_000,
      highlight: lane('websocket'),
      play: true,
      caption:
        'At 40 s the server restarts and is down for 5 s. Every connection drops at once, and events ' +
        'created while the clients are away are lost.',
    },
    {
      atMs: 63_000,
      highlight: chart('requests'),
      caption:
        'Without jitter all 10,000 SYNs arrive together at 47 s and 2,048 get in. The rest retry in ' +
        'lock-step 1, 2, 4 and 8 s later: the clients return in waves, the last at 62 s.',
    },
    {
      atMs: 90_000,
      highlight: region('scoreboard'),
      caption:
        'In all, 79,040 connection attempts, and 25,154 events lost while the clients were away. Now try ' +
        'the jittered preset: same restart, 68,963 attempts and 17,307 events lost.',
    },
  ],

  'reconnect-storm-jitter': [
    {
      atMs: 40_000,
      highlight: lane('websocket'),
      play: true,
      caption:
        'The same restart at 40 s, but now each client waits a random time between zero and its backoff ' +
        '(full jitter) before it tries again.',
    },
    {
      atMs: 50_000,
      highlight: chart('requests'),
      caption:
        'The reconnects spread out: the busiest second has 2,539 handshakes, and most SYNs find room in ' +
        'the accept queue.',
    },
    {
      atMs: 52_000,
      highlight: chart('connections'),
      caption: 'By 52 s, 9,023 of the 10,000 clients are back; the last stragglers return at 74 s.',
    },
    {
      atMs: 90_000,
      highlight: region('scoreboard'),
      caption:
        'Fewer connection attempts (68,963 against 79,040) and fewer events lost (17,307 against 25,154): ' +
        'when the accept queue is the bottleneck, jitter protects the server and the data.',
    },
  ],

  'idle-notifications': [
    {
      atMs: 10_000,
      highlight: lane('polling'),
      caption:
        'Two hundred users, each getting a notification every few minutes. Polling asks every 2 s ' +
        'anyway: after 10 s, 916 of its 930 answers were empty.',
    },
    {
      atMs: 60_000,
      highlight: chart('requests'),
      caption:
        'Polling costs about 95 requests a second, all the time. Long polling is quiet, apart from a wave ' +
        'every 30 s when the held requests time out.',
    },
    {
      atMs: 60_000,
      highlight: region('scoreboard'),
      caption:
        'Webhooks speak only when there is news: 56 notifications, 56 requests. SSE and WebSockets sent ' +
        'one request per user and have been listening since.',
    },
    {
      atMs: 120_000,
      highlight: chart('connections'),
      caption:
        'The push mechanisms pay in connections instead: 200 held open from the first seconds to the end, ' +
        '64 KB of server memory each.',
    },
    {
      atMs: 180_000,
      highlight: chart('latency'),
      caption:
        'And polling is slow: about a second on average, half its interval, while SSE and WebSockets ' +
        'deliver in one network delay, 50 ms.',
    },
  ],

  'restart-behind-load-balancer': [
    {
      atMs: 30_000,
      highlight: region('lanes'),
      caption:
        'Fifty clients reach the server through a load balancer, on long polling, SSE and WebSockets. ' +
        'So far nobody has lost an event.',
    },
    {
      atMs: 44_000,
      highlight: lane('sse'),
      caption:
        'At 40 s the server restarts for 10 s and the load balancer answers 502 for it. The SSE streams end, ' +
        'each EventSource retries after 3 s, gets the 502 and closes for good.',
    },
    {
      atMs: 60_000,
      highlight: chart('requests'),
      caption:
        'Long polling gets 502s too, 400 of them, but simply asks again after 1 s: it is back at 50 s ' +
        'and loses nothing. WebSockets back off and reconnect.',
    },
    {
      atMs: 120_000,
      highlight: region('scoreboard'),
      caption:
        'In all SSE lost 1,958 events, every one after the restart, because its clients are gone. The ' +
        'WebSockets lost 342 while they were away, long polling none.',
    },
    {
      atMs: 120_000,
      highlight: lane('sse'),
      caption:
        'The HTML standard says an EventSource that gets anything but 200 gives up. Code that re-creates ' +
        'it on error (sse.reconnectOnError) brings SSE back: then it loses nothing.',
    },
  ],

  'http2-narrows-the-gap': [
    {
      atMs: 10_000,
      highlight: lane('polling'),
      caption:
        'The default workload over HTTP/2. A client’s first poll carries its whole head, 709 bytes; HPACK ' +
        'then sends the repeated headers as table indexes, 30 bytes a poll.',
    },
    {
      atMs: 120_000,
      highlight: region('scoreboard'),
      caption:
        'Polling’s bytes fall from 700 kB over HTTP/1.1 to 199 kB: 341 bytes per delivered event, close to ' +
        'the WebSocket’s 291.',
    },
    {
      atMs: 120_000,
      highlight: chart('requests'),
      caption:
        'What HTTP/2 does not change: polling still sends 571 requests, 206 of them answered empty, and an ' +
        'event still waits 1,088 ms on average.',
    },
    {
      atMs: 120_000,
      highlight: chart('latency'),
      caption:
        'HTTP/2 saves bytes, not round trips: every mechanism’s latency and the server’s work per request ' +
        'are what they were over HTTP/1.1.',
    },
  ],

  'proxy-blocks-websocket': [
    {
      atMs: 275,
      highlight: lane('websocket'),
      caption:
        'Thirty clients sit behind a proxy that refuses WebSocket upgrades. The refusals are on their ' +
        'way back now; each client will fall back to long polling.',
    },
    {
      atMs: 1_000,
      highlight: region('scoreboard'),
      caption:
        'The detour costs time at the start: in the first second, p95 latency is 537 ms for the ' +
        'WebSocket clients against 236 ms on SSE.',
    },
    {
      atMs: 30_000,
      highlight: chart('requests'),
      caption:
        'From then on the WebSocket clients are long pollers: after the first second their requests line ' +
        'lies exactly on long polling’s.',
    },
    {
      atMs: 120_000,
      highlight: region('scoreboard'),
      caption:
        'SSE is plain HTTP, so the proxy lets it through: 30 requests for the whole run, against 1,828 ' +
        'for the WebSocket clients. None of the three lost an event.',
    },
  ],

  'idle-proxy-cuts': [
    {
      atMs: 19_000,
      highlight: region('lanes'),
      caption:
        'Fifty clients, a very quiet stream, and a proxy that cuts any connection that stays silent for ' +
        '20 s. Heartbeats are switched off.',
    },
    {
      atMs: 21_000,
      highlight: chart('connections'),
      caption: 'At 20 s the proxy cuts every stream that has carried nothing yet: SSE falls from 50 open connections to 15.',
    },
    {
      atMs: 24_000,
      highlight: chart('requests'),
      caption:
        'Everyone reconnects: long polls at once, WebSockets after a short random backoff, and SSE after ' +
        'its 3 s retry wait.',
    },
    {
      atMs: 180_000,
      highlight: region('scoreboard'),
      caption: 'SSE resumes with Last-Event-ID and loses nothing. The WebSocket has no resume: it lost 7 events.',
    },
    {
      atMs: 180_000,
      highlight: chart('latency'),
      caption: 'SSE pays in delay instead: events created during its retry wait arrive up to 2.9 s late.',
    },
    {
      atMs: 180_000,
      highlight: lane('longPolling'),
      caption:
        'Long polls are held for up to 30 s, so the proxy cuts each one at 20 s first: long polling ' +
        'never gets a single empty answer, only cut requests and new ones.',
    },
  ],

  'chat-room': [
    {
      atMs: 5_000,
      highlight: region('lanes'),
      caption:
        'Fifty people in a chat room: every line anyone writes goes to all fifty. So messages travel both ' +
        'ways, up from each writer and down to every reader.',
    },
    {
      atMs: 30_000,
      highlight: lane('websocket'),
      caption:
        'The WebSocket sends a line up as a small frame on the connection that is already open. The others ' +
        'POST each line as a new HTTP request, headers and all.',
    },
    {
      atMs: 120_000,
      highlight: chart('latency'),
      caption:
        'Lines reach WebSocket and SSE clients in one network delay, 51 ms at p95 (67 ms on average, as lines ' +
        'written before a reader connected wait for it). Pollers wait 1,101 ms, half their 2 s interval.',
    },
    {
      atMs: 120_000,
      highlight: region('scoreboard'),
      caption:
        'Upstream after 120 s: 120 kB for the WebSocket, 2.31 MB for polling and 4.24 MB for long ' +
        'polling, mostly request headers.',
    },
  ],

  'stock-ticker': [
    {
      atMs: 10_000,
      highlight: lane('polling'),
      caption:
        'Ten price updates a second go to all fifty clients. Polling never comes back empty here: all 229 ' +
        'of its answers so far carried prices.',
    },
    {
      atMs: 30_000,
      highlight: chart('requests'),
      caption:
        'Long polling turns into back-to-back requests, about 340 a second, each answer carrying the few ' +
        'updates that piled up while it travelled.',
    },
    {
      atMs: 60_000,
      highlight: chart('bytes'),
      caption:
        'Every answer pays its headers: long polling spends 684 bytes of overhead per delivered update, ' +
        'polling 54, SSE 32 and the WebSocket 11.',
    },
    {
      atMs: 60_000,
      highlight: region('scoreboard'),
      caption:
        'Polling pays in delay instead: a price waits 1,096 ms on average for the next poll. SSE and ' +
        'WebSockets deliver 95 % of prices within 51 ms.',
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

  'ten-thousand-idle-connections': [
    {
      atMs: 30_000,
      highlight: chart('connections'),
      caption:
        'Ten thousand clients arrive over the first 30 s, and almost no events happen. From then on SSE, ' +
        'WebSockets and long polling each hold 10,000 connections open.',
    },
    {
      atMs: 30_000,
      highlight: region('scoreboard'),
      caption: 'Each open connection costs the server 64 KB of memory: 640 MB for ten thousand of them.',
    },
    {
      atMs: 30_000,
      highlight: lane('polling'),
      caption:
        'Pollers ask every 30 s and the server closes an idle keep-alive connection after 5 s, so polling ' +
        'holds under a fifth as many.',
    },
    {
      atMs: 60_000,
      highlight: chart('requests'),
      caption:
        'Polling pays in requests instead: over 300 a second, nearly all of them empty. A notification ' +
        'waits 14 s on average for the next poll.',
    },
  ],

  'high-frequency-long-polling': [
    {
      atMs: 5_000,
      highlight: lane('longPolling'),
      caption:
        'Each client gets twenty updates a second. A long poll is answered almost as soon as it arrives, ' +
        'and the client asks again at once.',
    },
    {
      atMs: 30_000,
      highlight: chart('requests'),
      caption:
        '179 requests a second from 20 clients: each asks about 9 times a second, close to once per ' +
        '100 ms round trip.',
    },
    {
      atMs: 30_000,
      highlight: region('scoreboard'),
      caption:
        'Each answer carries the 2 or so events that piled up meanwhile: 11,932 events in 5,369 answers. ' +
        'Long polling has become polling at the round-trip rate.',
    },
    {
      atMs: 60_000,
      highlight: chart('bytes'),
      caption:
        'With headers on every answer, long polling’s overhead reaches 10.5 MB, against 657 kB for SSE ' +
        'and 198 kB for WebSockets.',
    },
  ],

  'slow-mobile-network': [
    {
      atMs: 1_000,
      highlight: lane('sse'),
      caption:
        'A phone network: 300 ms each way, up to 200 ms of jitter, 5 % of packets lost. After 1 s nothing ' +
        'has arrived: setting up a connection takes round trips.',
    },
    {
      atMs: 30_000,
      highlight: chart('latency'),
      caption:
        'A lost packet waits for a retransmission timeout, so latency grows a long tail: SSE’s mean is ' +
        '680 ms, its p99 4,249 ms.',
    },
    {
      atMs: 120_000,
      highlight: region('scoreboard'),
      caption:
        'Reconnecting means paying the setup again: polling averages 1,947 ms, long polling 754 ms, ' +
        'SSE 523 ms.',
    },
    {
      atMs: 120_000,
      highlight: chart('requests'),
      caption: 'A stream pays the setup once: 30 requests each for SSE and WebSockets in the whole run, against 1,216 for polling.',
    },
  ],
};

/** The beats of a preset's talk, or none. */
export function scriptOf(presetId: string | null): readonly Beat[] {
  if (presetId === null || !Object.hasOwn(PRESENTER_SCRIPTS, presetId)) return [];
  return PRESENTER_SCRIPTS[presetId] ?? [];
}

export function hasScript(presetId: string | null): boolean {
  return scriptOf(presetId).length > 0;
}
