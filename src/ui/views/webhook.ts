import { MECHANISM_LABELS } from '../../sim/mechanisms/labels.ts';
import type { MechanismView } from './view.ts';

export const webhookView: MechanismView = {
  label: MECHANISM_LABELS.webhook,
  color: '#CC79A7',
  dash: '4 2',
  symbol: '▼',
  clientNoun: 'receiver',
  serverNoun: 'Provider',
  requestNoun: 'Attempts',
  holdsRequests: false,
  retries: true,
  serverOpens: true,
  canAnswerEmpty: false,
  // The provider's requests are delivery attempts, described by their own kind; these plain words
  // name any other HTTP request or answer.
  words: {
    request: 'request',
    requestLabel: 'POST',
    dataResponse: (events) => `response with ${events}`,
    emptyResponse: 'empty response',
    emptyResponseLabel: 'empty',
    connection: 'connection',
    retryWait: (lasting, attempt) => `waits ${lasting} before attempt ${String(attempt)}`,
    waiting: ['delivery waiting to retry', 'deliveries waiting to retry'],
  },
  legend: ['webhookAttempt', 'ack', 'failed', 'retryWait', 'handshake', 'refused', 'close', 'dropped', 'proxyCut', 'outage'],
  text: {
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
  step: (moment) => {
    const { message: m, flying } = moment;
    if (moment.waiting) return 2;
    if (moment.deadLettered()) return 3;
    if (m.kind === 'connect') return moment.attemptAfter() > 1 ? 2 : 0; // a handshake before an attempt
    if (m.kind === 'webhookAttempt') {
      if (flying) return m.attempt > 1 ? 2 : 0;
      return m.status === 'ok' ? 1 : 2; // the receiver is handling it, or is down
    }
    if (m.kind === 'webhookResponse') return m.status === 'ok' ? 1 : 2;
    return -1;
  },
};
