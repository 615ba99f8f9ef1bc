import type { MechanismId } from '../../sim/scenario/types.ts';

// Teaching text for each mechanism, in our own words. The steps are numbered in the order the
// animation performs them; activeStep.ts says which one the first client is in at the playhead.

export interface MechanismText {
  definition: string;
  steps: string[];
  pros: string[];
  cons: string[];
  useFor: string;
}

export const MECHANISM_TEXTS: Record<MechanismId, MechanismText> = {
  polling: {
    definition: 'The client asks the server “anything new?” on a timer, whether or not anything happened.',
    steps: [
      'The client sends a GET with its full headers.',
      'The server answers at once: the events since the last poll, or nothing at all.',
      'The client waits one interval and asks again.',
    ],
    pros: ['Plain HTTP: works through every proxy, cache and firewall.', 'Trivial to build, scale out and debug.'],
    cons: [
      'Most answers are empty when events are rare: each costs a full request and response.',
      'An event waits half an interval on average, a whole one at worst.',
    ],
    useFor: 'Dashboards that refresh every few minutes, reconciliation jobs, and the fallback of last resort.',
  },
  longPolling: {
    definition: 'The client asks, and the server holds the question open until it has an answer or a timeout passes.',
    steps: [
      'The client sends a GET.',
      'The server parks the request until an event exists.',
      'The answer carries the event (or nothing, at the timeout).',
      'The client asks again at once; events in the meantime wait for that next request.',
    ],
    pros: ['Near-instant delivery over plain HTTP.', 'Far fewer empty answers than polling.'],
    cons: [
      'Every delivery costs a fresh request with full headers.',
      'A blind window of one round trip after each answer: the worst case is three network trips.',
      'One parked request per client, and proxies may cut requests that wait too long.',
    ],
    useFor: 'Notifications and chat where WebSockets are blocked, and as their fallback.',
  },
  sse: {
    definition: 'The client opens one HTTP request whose response never ends; the server writes events into it.',
    steps: [
      'The browser opens a GET with Accept: text/event-stream.',
      'The server keeps the response open.',
      'Each event travels as a few lines of text with an id.',
      'After a drop the browser waits, reconnects with Last-Event-ID, and the server replays what was missed.',
    ],
    pros: ['Push over ordinary HTTP with tiny per-event framing.', 'Resume after a drop is built into the browser.'],
    cons: ['One-way: the client still needs separate requests to talk back.', 'One open connection per client.'],
    useFor: 'Live feeds, tickers, progress updates and notifications that only flow to the browser.',
  },
  websocket: {
    definition: 'One HTTP Upgrade turns a connection into a two-way channel of small frames.',
    steps: [
      'The client asks to upgrade; the server answers 101 Switching Protocols.',
      'The socket stays open; nothing flows when nothing happens.',
      'Events and client messages travel as frames with 2–14 bytes of header.',
      'Pings and pongs keep idle proxies from cutting the socket.',
    ],
    pros: ['Lowest overhead and latency, in both directions.', 'Ideal when clients also send often.'],
    cons: [
      'No replay: without resume logic in the app, events sent while a client is away are lost.',
      'Some proxies block upgrades; every client holds a connection (memory) even when idle.',
    ],
    useFor: 'Chat, collaborative editing, multiplayer games and trading screens.',
  },
  webhook: {
    definition: 'When an event happens, the provider POSTs it to an endpoint the receiver registered.',
    steps: [
      'An event happens; the provider signs it and POSTs it to the receiver.',
      'The receiver answers 2xx: delivered.',
      'On a 503 or a timeout the provider waits (exponential backoff) and retries.',
      'After the last attempt fails the event is dead-lettered.',
    ],
    pros: ['No traffic at all while nothing happens.', 'Server to server: no browser or open connection needed.'],
    cons: [
      'At-least-once: a timed-out attempt that was processed comes again, so receivers need idempotency keys.',
      'A long receiver outage outlasts the retries: keep a reconciliation poll as a safety net.',
    ],
    useFor: 'Payments, CI/CD, order and shipping updates — integrations between organisations.',
  },
};
