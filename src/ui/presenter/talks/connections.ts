import { chart, lane, region, type Beat } from '../beats.ts';

// Talks about long-lived connections: restarts and reconnect storms, proxies, and many idle clients.
// Every number a caption quotes is checked against the engine in scripts.test.ts.

export const CONNECTION_TALKS: Readonly<Record<string, readonly Beat[]>> = {
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
};
