import type { ScenarioInput } from '../scenario/schema.ts';

// The preset library (issue 4, item 1): scenarios that each make one claim of DESIGN.md §8 visible
// in a short run. A preset states only the fields that differ from the defaults, so it reads as the
// lesson's setup. presets.test.ts checks that every lesson shows in the numbers.

export interface Preset {
  /** kebab-case; used in URLs. */
  id: string;
  title: string;
  /** One paragraph: what a learner should look at, and why it happens. */
  whatToNotice: string;
  /** The DESIGN.md §8 claim this preset demonstrates. */
  claim: string;
  scenario: ScenarioInput;
}

export const PRESETS: readonly Preset[] = [
  {
    // The lab opens on this one (src/ui/opening.ts): the headline lesson within seconds.
    id: 'first-look',
    title: 'First look: polling against push',
    whatToNotice:
      'The same events reach ten clients five ways: the pollers keep asking every two seconds and most answers ' +
      'come back empty, and their events arrive about a second late, while the push lanes carry each event as ' +
      'it happens, one network delay (100 ms) after it was created. Look at Empty responses, Requests per ' +
      'client per minute and p95 latency in the scoreboard; they settle within the first half minute.',
    claim: '§8.1 Polling: most requests are wasted when events are rare, and an event waits half an interval',
    scenario: {
      name: 'First look',
      clients: 10,
      durationSec: 120,
      network: { latencyMs: 100 },
      events: { ratePerSec: 0.1 },
    },
  },
  {
    id: 'chat-room',
    title: 'Chat room',
    whatToNotice:
      'Everyone in the room both reads and writes. Compare the upstream bytes: polling, long polling and SSE ' +
      'send every chat line as its own HTTP POST with a full set of request headers, while the WebSocket ' +
      'sends it as a small frame on the connection that is already open. Incoming lines reach WebSocket and ' +
      'SSE clients in about one network delay; pollers wait on average half an interval for theirs.',
    claim: '§8.3 WebSockets: latency ≈ d, no per-message HTTP headers, bidirectional',
    scenario: {
      name: 'Chat room',
      clients: 50,
      durationSec: 120,
      mechanisms: ['polling', 'longPolling', 'sse', 'websocket'],
      events: { ratePerSec: 1, audience: 'broadcast', payloadBytes: 150 },
      clientMessages: { ratePerSec: 0.05, payloadBytes: 150 },
    },
  },
  {
    id: 'stock-ticker',
    title: 'Stock ticker',
    whatToNotice:
      'Ten price updates a second go to every client. Polling almost never comes back empty here, so its ' +
      'usual weakness disappears, but every answer still pays a full set of HTTP headers. Long polling ' +
      'turns into a stream of back-to-back requests that each carry a few updates, and ends up sending more ' +
      'header bytes than plain polling. SSE and WebSockets write each update on an open connection: look at ' +
      'the overhead bytes per delivered event.',
    claim: '§8.6 The comparison table, and where it stops being true: a very busy stream',
    scenario: {
      name: 'Stock ticker',
      clients: 50,
      durationSec: 60,
      mechanisms: ['polling', 'longPolling', 'sse', 'websocket'],
      events: { ratePerSec: 10, audience: 'broadcast', payloadBytes: 100 },
    },
  },
  {
    id: 'idle-notifications',
    title: 'Notifications for mostly idle users',
    whatToNotice:
      'Two hundred users get a notification every few minutes each. Nearly every poll comes back empty, yet ' +
      'polling sends a hundred requests a second to learn that nothing happened. SSE and WebSockets sit ' +
      'quietly on one connection per user (paying memory instead), and webhooks send exactly one request ' +
      'per notification, because they only speak when there is something to say.',
    claim: '§8.6 The comparison table, and where it stops being true: a quiet stream with many idle clients',
    scenario: {
      name: 'Notifications for mostly idle users',
      clients: 200,
      durationSec: 180,
      events: { ratePerSec: 0.005 },
    },
  },
  {
    id: 'payment-webhook-outage',
    title: 'Payment webhooks with a receiver outage',
    whatToNotice:
      "The shop's webhook endpoint answers 503 for a minute. Watch the webhook requests climb as each " +
      'payment event is retried with exponential backoff, then the burst of deliveries when the receiver ' +
      'comes back. Nothing is lost, because the retry schedule outlasts the outage, but the events created ' +
      'at the start of the outage arrive about a minute late: look at the maximum latency.',
    claim: '§8.5 Webhooks: a receiver outage loses events unless retries cover it',
    scenario: {
      name: 'Payment webhooks with a receiver outage',
      clients: 20,
      durationSec: 180,
      mechanisms: ['webhook'],
      events: { ratePerSec: 0.2 },
      webhook: { outages: [{ startSec: 30, durationSec: 60 }] },
    },
  },
  {
    id: 'webhook-timeout-duplicates',
    title: 'Webhook timeouts produce duplicates',
    whatToNotice:
      'The receiver takes almost the whole ten-second timeout to process each event, and network jitter ' +
      'pushes many answers just past it. The sender counts those attempts as failed and retries, although ' +
      'the receiver already processed them: look at the duplicates. A receiver must therefore be ' +
      'idempotent, for example by remembering the event ids it has handled.',
    claim: '§8.5 Webhooks: retries create duplicates',
    scenario: {
      name: 'Webhook timeouts produce duplicates',
      clients: 20,
      durationSec: 120,
      mechanisms: ['webhook'],
      network: { jitterMs: 20 },
      events: { ratePerSec: 0.2 },
      webhook: { receiverMs: 9880 },
    },
  },
  {
    id: 'webhook-reconciliation-polling',
    title: 'Polling as a reconciliation fallback for webhooks',
    whatToNotice:
      'The receiver is down for ninety seconds, but the sender gives up after four attempts spread over ' +
      'seven seconds, so events created during the outage are dead-lettered: look at the webhook lost ' +
      'count. A slow reconciliation poll of the same event feed is unaffected by the outage and ' +
      'delivers everything, which is why integrations pair webhooks with a periodic "list what changed" call.',
    claim: '§8.5 Webhooks: a reconciliation poll is the fallback',
    scenario: {
      name: 'Polling as a reconciliation fallback for webhooks',
      clients: 20,
      durationSec: 180,
      mechanisms: ['polling', 'webhook'],
      events: { ratePerSec: 0.2 },
      polling: { intervalMs: 10000 },
      webhook: { retry: { maxAttempts: 4 }, outages: [{ startSec: 30, durationSec: 90 }] },
    },
  },
  {
    id: 'idle-proxy-cuts',
    title: 'A proxy that kills idle connections',
    whatToNotice:
      'A proxy cuts any connection that carries no bytes for twenty seconds, and heartbeats are switched ' +
      'off. With a quiet stream, SSE streams and WebSockets are cut again and again: count the reconnect ' +
      'requests. SSE resumes from Last-Event-ID and loses nothing; a WebSocket without resume loses what ' +
      'was created while it was down. Long polls held for thirty seconds never reach their empty answer; ' +
      'the proxy cuts every one at twenty. Heartbeats more often than the proxy timeout (and a shorter ' +
      'long-poll timeout) make the cuts stop.',
    claim: '§8.4 SSE: automatic resume (and §8.3: long-lived connections need heartbeats)',
    scenario: {
      name: 'A proxy that kills idle connections',
      clients: 50,
      durationSec: 180,
      // Everyone connects at t = 0, so the first round of cuts lands at one moment (20 s).
      clientStartSpreadSec: 0,
      mechanisms: ['longPolling', 'sse', 'websocket'],
      events: { ratePerSec: 0.02 },
      proxy: { idleTimeoutSec: 20 },
      sse: { heartbeatSec: 0 },
      websocket: { heartbeatSec: 0 },
    },
  },
  {
    id: 'reconnect-storm-jitter',
    title: 'Server restart: reconnects spread by jittered backoff',
    whatToNotice:
      'Ten thousand WebSocket clients; the server restarts at 40 s and is down for five seconds. Every ' +
      'client retries with exponential backoff and full jitter, so the reconnects spread over several ' +
      'seconds and few SYNs find the accept queue full: nine in ten clients are back within six seconds of ' +
      'the server, with fewer connection attempts and fewer lost events than the preset without jitter. ' +
      'Jitter makes clients try more often while the server is down (those attempts are refused), but it ' +
      'saves far more when the server is up again. The start at t = 0 is a storm of its own: all clients ' +
      'connect at once, and this server listens with an accept queue of 2,048 (Node\'s default is 511).',
    claim: '§8.3 WebSockets: every long-lived connection must be re-established after a restart',
    scenario: {
      name: 'Server restart: reconnects with jitter',
      clients: 10000,
      durationSec: 90,
      mechanisms: ['websocket'],
      // Every client connects at t = 0: the start is a storm of its own (as the text says).
      clientStartSpreadSec: 0,
      // The lesson is the accept queue's; room for every client's upgrade to wait keeps the default
      // request queue (1,024) from answering part of the storm with 503s, which it would.
      server: { acceptBacklog: 2048, maxQueuedRequests: 10000 },
      events: { ratePerSec: 0.2 },
      faults: { serverRestarts: [{ atSec: 40, downSec: 5 }] },
    },
  },
  {
    id: 'reconnect-storm-no-jitter',
    title: 'Server restart: a reconnect storm without jitter',
    whatToNotice:
      'The same restart, but the backoff has no jitter. All ten thousand clients compute the same delay, ' +
      'so their SYNs reach the server in the same instant: 2,048 fit in its accept queue, the rest are ' +
      'dropped and retransmitted 1, 2 and 4 s later, again all together, so the clients come back in waves ' +
      'of 2,048 and the last only 17 s after the server. Compare the connection attempts and the lost ' +
      'events with the jittered preset: the herd makes more attempts and loses more.',
    claim: '§8.3 WebSockets: every long-lived connection must be re-established after a restart',
    scenario: {
      name: 'Server restart: reconnects without jitter',
      clients: 10000,
      durationSec: 90,
      mechanisms: ['websocket'],
      // Every client connects at t = 0: the start is a storm of its own (as the text says).
      clientStartSpreadSec: 0,
      // The lesson is the accept queue's; room for every client's upgrade to wait keeps the default
      // request queue (1,024) from answering part of the storm with 503s, which it would.
      server: { acceptBacklog: 2048, maxQueuedRequests: 10000 },
      events: { ratePerSec: 0.2 },
      websocket: { reconnect: { jitter: 'none' } },
      faults: { serverRestarts: [{ atSec: 40, downSec: 5 }] },
    },
  },
  {
    id: 'restart-behind-load-balancer',
    title: 'Restart behind a load balancer: SSE gives up',
    whatToNotice:
      'The server restarts at 40 s for ten seconds, behind a load balancer that answers 502 Bad Gateway ' +
      'while it is down. SSE streams end, the browsers reconnect after three seconds and get the 502, and ' +
      'an EventSource that receives anything but 200 closes for good, as the HTML standard says: look at ' +
      'the closed SSE clients and the events SSE loses from then on. Long polling counts the error answers ' +
      'and asks again after its retry delay, and WebSockets back off and reconnect, so both come back. ' +
      'Application code that re-creates the EventSource on error (sse.reconnectOnError) makes SSE resume.',
    claim: '§8.4 SSE: automatic resume — except after an error answer',
    scenario: {
      name: 'Restart behind a load balancer',
      clients: 50,
      durationSec: 120,
      mechanisms: ['longPolling', 'sse', 'websocket'],
      faults: { serverRestarts: [{ atSec: 40, downSec: 10, via: 'proxy' }] },
    },
  },
  {
    id: 'http2-narrows-the-gap',
    title: 'HTTP/2 narrows the gap',
    whatToNotice:
      'The default scenario, but over HTTP/2, as most browsers talk to most sites. HPACK replaces the ' +
      'repeated request and response headers with a few table indexes, so a repeated poll costs about 30 ' +
      'bytes up and 24 down instead of 700 and 250, and polling\'s bytes per delivered event come within ' +
      'about a fifth of the WebSocket\'s. In the default scenario, the same workload over HTTP/1.1, they ' +
      'are four times as many. The number of requests and the latency do not change: HTTP/2 saves bytes, ' +
      'not round trips, and an empty poll is still a wasted request for the server.',
    claim: '§8.6 The comparison table, and where it stops being true: HTTP/2 header compression',
    scenario: {
      name: 'HTTP/2 narrows the gap',
      mechanisms: ['polling', 'longPolling', 'sse', 'websocket'],
      http: { version: '2' },
    },
  },
  {
    id: 'proxy-blocks-websocket',
    title: 'A proxy that blocks WebSockets',
    whatToNotice:
      'A corporate proxy refuses the WebSocket upgrade. Each WebSocket client sees its handshake fail and ' +
      'falls back to long polling, so it still gets every event, but its numbers now look like the long ' +
      'polling column: one request per message, HTTP headers on every answer and latency a little above ' +
      'one network delay. SSE is plain HTTP and passes the proxy untouched.',
    claim: '§8.3 WebSockets: a proxy that blocks upgrades forces a fallback',
    scenario: {
      name: 'A proxy that blocks WebSockets',
      clients: 30,
      durationSec: 120,
      // Everyone connects at t = 0, so the refusals and the switch to long polling are one moment.
      clientStartSpreadSec: 0,
      mechanisms: ['longPolling', 'sse', 'websocket'],
      proxy: { blocksWebSocket: true },
    },
  },
  {
    id: 'ten-thousand-idle-connections',
    title: '10,000 idle connections',
    whatToNotice:
      'Ten thousand clients, almost no events. Every SSE stream, WebSocket and held long poll keeps a ' +
      'connection open for the whole run, and each costs the server memory: look at peak memory. Pollers ' +
      'asking every thirty seconds hold a connection only part of the time, because this server closes ' +
      'idle keep-alive connections after five seconds (as Node does), but they send over three hundred ' +
      'requests a second for almost nothing, and wait fifteen seconds on average for a notification. The users ' +
      'arrive over the first thirty seconds, so compare the steady-state figures: after start-up SSE and ' +
      'WebSockets make no requests at all, and each long poll asks once per thirty-second hold. Every new ' +
      'connection also costs the server a TLS handshake, about a millisecond of worker time.',
    claim: '§8.3 WebSockets: idle connections cost server memory',
    scenario: {
      name: '10,000 idle connections',
      clients: 10000,
      durationSec: 60,
      mechanisms: ['polling', 'longPolling', 'sse', 'websocket'],
      // Spread over one long-poll hold, as the pollers are over one interval: no lock-step timeouts.
      clientStartSpreadSec: 30,
      network: { keepAliveIdleSec: 5 },
      server: { acceptBacklog: 10000 },
      events: { ratePerSec: 0.001 },
      polling: { intervalMs: 30000 },
    },
  },
  {
    id: 'high-frequency-long-polling',
    title: 'High-frequency updates degrade long polling',
    whatToNotice:
      'Each client gets twenty updates a second. A long poll is answered almost as soon as it arrives, ' +
      'so each client ends up sending about one request per round trip (2d, here 100 ms) and each answer ' +
      'carries the two or so events that piled up meanwhile. Long polling has become polling at the ' +
      'round-trip rate, with headers on every answer, while SSE and WebSockets keep streaming.',
    claim: '§8.2 Long polling degrades toward one request per ~2d with batching at high event rates',
    scenario: {
      name: 'High-frequency updates degrade long polling',
      clients: 20,
      durationSec: 60,
      mechanisms: ['longPolling', 'sse', 'websocket'],
      events: { ratePerSec: 20 },
    },
  },
  {
    id: 'slow-mobile-network',
    title: 'A slow mobile network',
    whatToNotice:
      'A 300 ms one-way delay, up to 200 ms of jitter and 5 % packet loss. Each lost segment costs a ' +
      'retransmission timeout, so the latency distribution grows a long tail well beyond the network ' +
      'delay: compare the mean with p99. Connection setup with TLS takes several round trips, so ' +
      'mechanisms that reconnect often pay it again and again, while a stream pays it once.',
    claim: '§8.6 The comparison table, and where it stops being true: a slow, lossy network',
    scenario: {
      name: 'A slow mobile network',
      clients: 30,
      durationSec: 120,
      mechanisms: ['polling', 'longPolling', 'sse', 'websocket'],
      network: { latencyMs: 300, jitterMs: 200, lossRate: 0.05, bandwidthKbps: 1000 },
      events: { ratePerSec: 0.5 },
    },
  },
];

export function presetById(id: string): Preset | undefined {
  return PRESETS.find((preset) => preset.id === id);
}
