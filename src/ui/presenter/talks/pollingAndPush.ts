import { chart, lane, region, type Beat } from '../beats.ts';

// Talks about what polling costs against push: the first look, chat, a ticker, HTTP/2, fast updates and a slow phone network.
// Every number a caption quotes is checked against the engine in scripts.test.ts.

export const POLLING_AND_PUSH_TALKS: Readonly<Record<string, readonly Beat[]>> = {
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
