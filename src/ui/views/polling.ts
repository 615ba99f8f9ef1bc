import { MECHANISM_LABELS } from '../../sim/mechanisms/labels.ts';
import { CLIENT_SIDE, RECONNECT_WORDS, type MechanismView } from './view.ts';

export const pollingView: MechanismView = {
  label: MECHANISM_LABELS.polling,
  color: '#E69F00',
  dash: 'none',
  symbol: '●',
  ...CLIENT_SIDE,
  holdsRequests: false,
  canAnswerEmpty: true,
  words: {
    request: 'poll request',
    requestLabel: 'GET',
    dataResponse: (events) => `response with ${events}`,
    emptyResponse: 'empty response with no news',
    emptyResponseLabel: 'empty',
    connection: 'connection',
    ...RECONNECT_WORDS,
  },
  legend: ['request', 'emptyResponse', 'dataResponse', 'handshake', 'refused', 'close', 'dropped', 'proxyCut', 'outage'],
  text: {
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
  step: ({ message: m, flying }) => {
    if (m.kind === 'connect' || (m.kind === 'request' && flying)) return 0; // the client asks
    if (m.kind === 'request') return 1; // at the server
    if (m.kind === 'response' && flying) return 2; // the answer travels
    return 3; // waiting for the next poll
  },
};
