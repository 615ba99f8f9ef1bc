import type { MechanismRecording } from '../../sim/recording.ts';
import type { Scenario } from '../../sim/scenario/types.ts';
import type { LegendGlyph } from '../lanes/messageKinds.ts';
import type { StepMoment } from '../explain/stepMoment.ts';

// What the page knows about one mechanism, in one object per mechanism (one file each in this
// folder, registered in mechanismViews.ts). The protocol facts come from the engine's recording;
// a view holds only how the page names, draws and explains what the engine recorded.

/** Teaching text, in our own words. `steps` are numbered in the order the animation performs them. */
export interface MechanismText {
  definition: string;
  steps: string[];
  pros: string[];
  cons: string[];
  useFor: string;
}

/** The words of the event log and of the labels beside messages in flight. */
export interface MechanismWords {
  /** The mechanism's own HTTP request, in the log ("poll request"). */
  request: string;
  /** Beside that request in flight ("GET"). */
  requestLabel: string;
  /** Its answer carrying events, in the log; `events` reads "3 events". */
  dataResponse: (events: string) => string;
  /** Its answer carrying none, in the log. */
  emptyResponse: string;
  /** Beside that answer in flight ("empty"). */
  emptyResponseLabel: string;
  /** What its long-lived connection is called when it closes ("stream", "socket"). */
  connection: string;
  /** A wait before trying again, in the log: "waits 2.00 s before …". */
  retryWait: (lasting: string, attempt: number) => string;
  /** What waits to try again, counted in the lane's summary: [one, many]. */
  waiting: readonly [string, string];
}

/** A run-specific remark: something this run did that the numbered steps do not describe. */
export interface RunNote {
  /** Under the lane. */
  lane: string;
  /** Above the steps of "How each one works". */
  explainer: string;
}

export interface MechanismView {
  /** The engine module's label. */
  label: string;
  /** Okabe–Ito colour (distinguishable with the common colour-vision deficiencies). */
  color: string;
  /** SVG stroke-dasharray, "none" for a solid line: the same information for anyone who cannot tell the colours apart, and in print. */
  dash: string;
  /** Stands beside the name in legends and rows. */
  symbol: string;
  /** What one of the traced parties is called ("client", "receiver"). */
  clientNoun: string;
  /** The other end of the lane ("Server", "Provider"). */
  serverNoun: string;
  /** What the lane's requests are called in readouts ("Requests", "Attempts"). */
  requestNoun: string;
  /** Requests wait at the server by design (long polls): the lane always counts those held. Other lanes count them when the engine recorded a hold. */
  holdsRequests: boolean;
  /** The lane retries failed deliveries and counts the waits. */
  retries: boolean;
  /** The server opens the connections (the webhook provider calls the receiver), so handshakes and retry waits start at the server. */
  serverOpens: boolean;
  /** Answers can come back empty, so the empty-response chart always shows this mechanism. */
  canAnswerEmpty: boolean;
  words: MechanismWords;
  /** The shapes its lane can draw, which the legend lists. */
  legend: readonly LegendGlyph[];
  text: MechanismText;
  /** The step of `text.steps` (0-based) the first traced client is in at a moment; −1 when none describes it. */
  step: (moment: StepMoment) => number;
  /** A remark about this run, read from its recording, or null. */
  note?: (lane: MechanismRecording, scenario: Scenario) => RunNote | null;
}

/** The ends of a lane in which clients ask a server (every mechanism but webhooks). */
export const CLIENT_SIDE: Pick<MechanismView, 'clientNoun' | 'serverNoun' | 'requestNoun' | 'retries' | 'serverOpens'> = {
  clientNoun: 'client',
  serverNoun: 'Server',
  requestNoun: 'Requests',
  retries: false,
  serverOpens: false,
};

/** Reconnecting clients (long polling, SSE, WebSockets) wait and count alike. */
export const RECONNECT_WORDS: Pick<MechanismWords, 'retryWait' | 'waiting'> = {
  retryWait: (lasting, attempt) => `waits ${lasting} before reconnecting${attempt > 0 ? ` (retry ${String(attempt)})` : ''}`,
  waiting: ['client waiting to reconnect', 'clients waiting to reconnect'],
};
