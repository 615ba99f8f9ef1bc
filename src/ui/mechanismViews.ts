import type { MechanismId } from '../sim/scenario/types.ts';
import { MECHANISM_LABELS } from '../sim/mechanisms/labels.ts';

// Everything the views know about each mechanism, in one registry: its name (the engine module's
// label), colour and line style, the nouns of its two ends, what its requests are called and what
// its lane can draw. A new mechanism adds one entry here (and its module in the engine).
//
// Colours are the Okabe–Ito palette, distinguishable with the common colour-vision deficiencies;
// the dash pattern carries the same information for anyone who cannot tell them apart, and in
// print; the symbol stands beside the name in legends and rows.

export interface MechanismView {
  label: string;
  color: string;
  /** SVG stroke-dasharray; "none" for a solid line. */
  dash: string;
  symbol: string;
  /** What one of the traced parties is called ("client", "receiver"). */
  clientNoun: string;
  /** The other end of the lane ("Server", "Provider"). */
  serverNoun: string;
  /** What the lane's requests are called in readouts ("Requests", "Attempts"). */
  requestNoun: string;
  /** The lane can hold requests at the server (long polls; WebSockets when they fall back). */
  canPark: boolean;
  /** The lane keeps a stream open (SSE, WebSockets). */
  streams: boolean;
  /** The lane retries failed deliveries and shows the waits. */
  retries: boolean;
  /** The server is the one that opens connections (webhooks: the provider calls the receiver). */
  serverOpens: boolean;
  /** Answers can come back empty, so the empty-response chart always shows this mechanism. */
  canAnswerEmpty: boolean;
}

const view = (id: MechanismId, rest: Omit<MechanismView, 'label'>): MechanismView => ({ label: MECHANISM_LABELS[id], ...rest });

const CLIENT_SIDE = { clientNoun: 'client', serverNoun: 'Server', requestNoun: 'Requests', serverOpens: false, retries: false };

export const MECHANISM_VIEWS: Record<MechanismId, MechanismView> = {
  polling: view('polling', { ...CLIENT_SIDE, color: '#E69F00', dash: 'none', symbol: '●', canPark: false, streams: false, canAnswerEmpty: true }),
  longPolling: view('longPolling', { ...CLIENT_SIDE, color: '#56B4E9', dash: '8 4', symbol: '■', canPark: true, streams: false, canAnswerEmpty: true }),
  sse: view('sse', { ...CLIENT_SIDE, color: '#009E73', dash: '2 3', symbol: '▲', canPark: false, streams: true, canAnswerEmpty: false }),
  websocket: view('websocket', { ...CLIENT_SIDE, color: '#0072B2', dash: '10 3 2 3', symbol: '◆', canPark: true, streams: true, canAnswerEmpty: false }),
  webhook: view('webhook', {
    clientNoun: 'receiver',
    serverNoun: 'Provider',
    requestNoun: 'Attempts',
    serverOpens: true,
    retries: true,
    color: '#CC79A7',
    dash: '4 2',
    symbol: '▼',
    canPark: false,
    streams: false,
    canAnswerEmpty: false,
  }),
};

export const viewOf = (id: MechanismId): MechanismView => MECHANISM_VIEWS[id];
