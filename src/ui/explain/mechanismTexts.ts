import type { MechanismId } from '../../sim/scenario/types.ts';

// Teaching text for each mechanism, in our own words. The steps are numbered in the order the
// animation performs them: activeStep.ts returns an index into `steps`, so changing their number
// or order means changing it there too.

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
      'The client sends a GET with its full headers (after a TCP + TLS handshake if its connection was closed).',
      'The server looks up what happened since this client last asked.',
      'The answer travels back: every event since the last poll in one batch, or an empty response.',
      'The client waits one interval, then asks again; an event that happens now waits for that next poll.',
    ],
    pros: [
      'Plain request–response HTTP: passes every proxy, cache and firewall, and is easy to debug.',
      'The server keeps no state between requests, so it scales out like any web page.',
    ],
    cons: [
      'When events are rare, most answers are empty, yet each costs a full set of headers both ways.',
      'An event waits half an interval on average and a whole one at worst; a shorter interval buys latency with more requests.',
    ],
    useFor: 'Dashboards that refresh every minute or so, reconciliation jobs, and the fallback that always works.',
  },
  longPolling: {
    definition: 'The client asks, and the server holds the question open until it has an answer or a timeout passes.',
    steps: [
      'The client sends a GET (opening a connection first if it has none).',
      'The server parks the request: nothing is sent until an event exists or the timeout expires.',
      'The answer travels back with the new events — or empty at the timeout.',
      'The client asks again at once. While that request travels no request is parked: an event now has to wait for it (the blind window).',
    ],
    pros: [
      'Close to push latency while using nothing but ordinary HTTP requests.',
      'Far fewer empty answers than polling: the server only answers when it has news (or at the timeout).',
    ],
    cons: [
      'Every delivery costs a whole new request with full headers, so busy streams pay the same overhead as polling.',
      'The blind window: an event just after an answer waits for the next request — up to three one-way trips in the worst case.',
      'One parked request per client, and proxies may cut requests that stay silent too long.',
    ],
    useFor: 'Notifications and chat where WebSockets are blocked, and as the fallback behind them.',
  },
  sse: {
    definition: 'The client opens one HTTP request whose response never ends, and the server writes events into it.',
    steps: [
      'The browser’s EventSource opens a GET asking for text/event-stream.',
      'The server answers 200 and keeps the response open; a comment line now and then keeps idle proxies from closing it.',
      'Each event is written as a few text lines (id: and data:) and reaches the client one trip later.',
      'If the stream breaks, the browser waits the retry time and reconnects with Last-Event-ID; the server replays what it missed.',
    ],
    pros: [
      'Push over plain HTTP with a few bytes of framing per event, and no request per event.',
      'Resuming after a drop is built into the browser: with event ids, nothing is lost.',
    ],
    cons: [
      'One-way: anything the client wants to say needs its own HTTP requests.',
      'One open connection per client (and under HTTP/1.1 browsers allow only a handful per site).',
    ],
    useFor: 'Live feeds, tickers, progress bars and notifications that only ever flow towards the browser.',
  },
  websocket: {
    definition: 'One HTTP Upgrade turns a connection into a two-way channel of small frames.',
    steps: [
      'The client sends a GET with Upgrade: websocket; the server answers 101 Switching Protocols.',
      'From then on the connection stays open, and nothing crosses it while nothing happens.',
      'Each event (or client message) crosses as one frame with only 2–14 bytes of header.',
      'Every so often a ping and its pong check the connection is alive and keep idle proxies from closing it.',
      'If the connection drops, the client reconnects after a growing, randomised delay; events sent meanwhile are gone unless the app fetches them itself.',
    ],
    pros: [
      'The lowest overhead and latency, in both directions over the same connection.',
      'The natural choice when clients talk back often, not just listen.',
    ],
    cons: [
      'No replay: the protocol does not remember what a disconnected client missed; resuming is the app’s job.',
      'Some proxies refuse the upgrade, and every idle client still holds a connection and its memory.',
    ],
    useFor: 'Chat, collaborative editing, multiplayer games and trading screens.',
  },
  webhook: {
    definition: 'When something happens, the provider POSTs it to a URL the receiver registered in advance.',
    steps: [
      'An event happens; the provider signs it and POSTs it to the receiver’s URL.',
      'The receiver checks the signature, stores the event and answers 2xx: delivered.',
      'A 5xx, a refused connection or a timeout is a failure: the provider waits longer each time (exponential backoff) and tries again.',
      'When the last allowed attempt fails, the event is dead-lettered: lost unless someone replays it.',
    ],
    pros: [
      'Nothing travels while nothing happens: one request per event, no open connections.',
      'Server to server across organisations: the receiver needs only an HTTPS endpoint.',
    ],
    cons: [
      'At-least-once: an attempt that timed out after the receiver processed it comes again, so receivers dedupe with idempotency keys.',
      'An outage longer than the retry schedule loses events; keep a reconciliation poll as a safety net.',
    ],
    useFor: 'Payment results, CI/CD triggers, order and shipping updates — integrations between separate systems.',
  },
};
