import type { MessageKind } from '../../sim/trace/types.ts';
import { MECHANISM_LABELS } from '../../sim/mechanisms/labels.ts';
import { CLIENT_SIDE, RECONNECT_WORDS, type MechanismView } from './view.ts';

const SETUP: MessageKind[] = ['connect'];

export const longPollingView: MechanismView = {
  label: MECHANISM_LABELS.longPolling,
  color: '#56B4E9',
  dash: '8 4',
  symbol: '■',
  ...CLIENT_SIDE,
  holdsRequests: true,
  canAnswerEmpty: true,
  words: {
    request: 'long-poll request',
    requestLabel: 'GET',
    dataResponse: (events) => `response with ${events}`,
    emptyResponse: 'empty response after the long-poll timeout',
    emptyResponseLabel: 'empty',
    connection: 'connection',
    ...RECONNECT_WORDS,
  },
  legend: ['request', 'emptyResponse', 'dataResponse', 'held', 'retryWait', 'handshake', 'refused', 'close', 'dropped', 'proxyCut', 'outage'],
  text: {
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
  step: (moment) => {
    const { message: m, flying } = moment;
    if (moment.waiting) return 0; // the request was cut: the client starts over
    if (moment.held()) return 1; // parked: the engine holds the request
    if (m.kind === 'connect' || (m.kind === 'request' && flying)) {
      // Right after an answer this is the re-ask, the window in which new events have no request.
      return moment.before(SETUP)?.kind === 'response' ? 3 : 0;
    }
    if (m.kind === 'request') return 1; // at the server
    if (m.kind === 'response') return flying ? 2 : 3;
    return 0; // the connection was cut: the client starts over
  },
};
