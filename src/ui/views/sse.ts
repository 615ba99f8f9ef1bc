import type { MessageKind } from '../../sim/trace/types.ts';
import { MECHANISM_LABELS } from '../../sim/mechanisms/labels.ts';
import { CLIENT_SIDE, RECONNECT_WORDS, type MechanismView } from './view.ts';

const SETUP: MessageKind[] = ['connect', 'request', 'response'];

export const sseView: MechanismView = {
  label: MECHANISM_LABELS.sse,
  color: '#009E73',
  dash: '2 3',
  symbol: '▲',
  ...CLIENT_SIDE,
  holdsRequests: false,
  canAnswerEmpty: false,
  words: {
    request: 'request to open the event stream',
    requestLabel: 'GET stream',
    // The answer to the stream's GET opens it; after a reconnect it replays what was missed.
    dataResponse: (events) => `stream opened, replaying ${events}`,
    emptyResponse: 'stream opened',
    emptyResponseLabel: 'stream open',
    connection: 'stream',
    ...RECONNECT_WORDS,
  },
  legend: ['request', 'emptyResponse', 'dataResponse', 'stream', 'sseEvent', 'keepAlive', 'retryWait', 'handshake', 'refused', 'close', 'dropped', 'proxyCut', 'outage'],
  text: {
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
  step: ({ message: m, flying, waiting, reconnecting }) => {
    if (waiting) return 3;
    if (m.kind === 'close') return 3;
    if (m.kind === 'sseEvent') return flying ? 2 : 1;
    if (SETUP.includes(m.kind)) {
      if (reconnecting) return flying || m.kind !== 'response' ? 3 : 1;
      return m.kind === 'connect' || (m.kind === 'request' && flying) ? 0 : 1;
    }
    return 1; // a heartbeat: the stream is simply open
  },
};
