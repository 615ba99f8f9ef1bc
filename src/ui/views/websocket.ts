import { MECHANISM_LABELS } from '../../sim/mechanisms/labels.ts';
import { CLIENT_SIDE, RECONNECT_WORDS, type MechanismView } from './view.ts';

export const websocketView: MechanismView = {
  label: MECHANISM_LABELS.websocket,
  color: '#0072B2',
  dash: '10 3 2 3',
  symbol: '◆',
  ...CLIENT_SIDE,
  holdsRequests: false,
  canAnswerEmpty: false,
  // Its only plain HTTP requests and answers are those of the long-polling fallback.
  words: {
    request: 'fallback long-poll request',
    requestLabel: 'GET',
    dataResponse: (events) => `response with ${events}`,
    emptyResponse: 'empty response after the long-poll timeout',
    emptyResponseLabel: 'empty',
    connection: 'socket',
    ...RECONNECT_WORDS,
  },
  legend: [
    'request',
    'emptyResponse',
    'dataResponse',
    'held',
    'stream',
    'wsFrame',
    'keepAlive',
    'retryWait',
    'handshake',
    'refused',
    'close',
    'dropped',
    'proxyCut',
    'outage',
  ],
  text: {
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
  step: ({ message: m, flying, waiting, reconnecting }) => {
    if (waiting) return 4;
    if (m.kind === 'close') return 4;
    if (m.kind === 'wsFrame') return flying ? 2 : 1;
    if (m.kind === 'ping' || m.kind === 'pong') return flying ? 3 : 1;
    if (m.kind === 'connect' || m.kind === 'upgrade' || m.kind === 'upgradeResponse') {
      // A refused upgrade sends this lane to its fallback, which none of these steps describes.
      if (m.kind === 'upgradeResponse' && m.status === 'refused') return -1;
      if (m.kind === 'upgradeResponse' && !flying) return 1;
      return reconnecting ? 4 : 0;
    }
    return -1; // requests of the long-polling fallback
  },
  // When a proxy turns the upgrade away (the engine traced the refusal), say what the lane does instead.
  note: (lane, scenario) => {
    if (!lane.trace.some((m) => m.kind === 'upgradeResponse' && m.status === 'refused')) return null;
    const fallsBack = scenario.websocket.fallback === 'longPolling';
    return {
      lane: `A proxy refused the WebSocket upgrade${fallsBack ? ', so the clients fell back to long polling.' : '.'}`,
      explainer: `In this run a proxy refuses the upgrade: ${
        fallsBack ? 'the lane falls back to long polling, which these steps do not describe.' : 'the client keeps asking (step 1) and never gets a connection.'
      }`,
    };
  },
};
