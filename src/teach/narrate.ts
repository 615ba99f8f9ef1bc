import { MECHANISM_IDS, type MechanismId, type Scenario } from '../sim/scenario/types.ts';
import type { TraceMessage } from '../sim/trace/types.ts';
import { formatDurationMs, formatMs } from '../ui/format.ts';
import { MECHANISM_LABELS } from '../ui/mechanisms.ts';

// The narrated transcript (issue 13, item 5): a plain-text, step-by-step account of a run for
// screen readers, notes and the CLI ("1.20 s — Polling: client 2's poll comes back empty after
// 100 ms."). Each source turns part of the recording into timed lines and narrate() merges them;
// today the only source is the message trace, and engine spans (held requests, streams, retry
// waits, outages) will be one more source function beside messageLines.

export interface NarrationLine {
  atMs: number;
  mechanism: MechanismId;
  text: string;
}

/** What the narrator reads: the scenario and, per mechanism, the trace of the sampled clients. */
export interface NarrationInput {
  scenario: Scenario;
  mechanisms: Partial<Record<MechanismId, { trace: readonly TraceMessage[] }>>;
}

type Source = (id: MechanismId, input: NarrationInput) => NarrationLine[];

const plural = (n: number, one: string, many = `${one}s`) => `${String(n)} ${n === 1 ? one : many}`;
const who = (id: MechanismId, client: number) => `${id === 'webhook' ? 'receiver' : 'client'} ${String(client + 1)}`;
const whose = (id: MechanismId, client: number) => `${who(id, client)}'s`;

/** The name of a mechanism's own request, when every request of the lane is one. */
function requestName(id: MechanismId): string {
  if (id === 'polling') return 'poll';
  if (id === 'sse') return 'request to open the event stream';
  return id === 'websocket' ? 'fallback long poll' : 'long poll';
}

function responseText(id: MechanismId, m: TraceMessage, request: TraceMessage | undefined): string {
  const after = request ? ` after ${formatDurationMs(m.arriveMs - request.sendMs)}` : '';
  const c = who(id, m.client);
  if (id === 'sse') return `${whose(id, m.client)} event stream opens${m.events > 0 ? `, replaying ${plural(m.events, 'event')}` : ''}`;
  if (!request) return m.events > 0 ? `${c} gets an answer with ${plural(m.events, 'event')}` : `${c} gets an empty answer`;
  const name = requestName(id);
  if (m.events > 0) return `${whose(id, m.client)} ${name} comes back with ${plural(m.events, 'event')}${after}`;
  return id === 'polling' ? `${whose(id, m.client)} poll comes back empty${after}` : `${whose(id, m.client)} ${name} times out empty${after}`;
}

/** One sentence per message; `request` is the request a response answers, when known. */
function messageText(id: MechanismId, m: TraceMessage, plainRequests: boolean, request?: TraceMessage): string {
  const c = who(id, m.client);
  const trip = formatMs(m.arriveMs - m.sendMs);
  if (m.status === 'dropped') return `a message to ${c} is lost in flight: its connection was cut`;
  switch (m.kind) {
    case 'connect':
      if (m.status === 'refused') return `${whose(id, m.client)} connection attempt is refused`;
      return id === 'webhook' ? `the provider opens a connection to ${c} (handshake ${trip})` : `${c} opens a connection (handshake ${trip})`;
    case 'request':
      return plainRequests ? `${c} sends a ${requestName(id)}` : `${c} sends an HTTP request`;
    case 'response':
      return responseText(id, m, request);
    case 'upgrade':
      return `${c} asks to upgrade to a WebSocket`;
    case 'upgradeResponse':
      return m.status === 'refused' ? `the proxy refuses ${whose(id, m.client)} WebSocket upgrade` : `${whose(id, m.client)} WebSocket is open`;
    case 'sseEvent':
      return `${c} receives ${plural(m.events, 'event')} on its stream (${trip} on the wire)`;
    case 'sseHeartbeat':
      return `${whose(id, m.client)} stream carries a heartbeat comment`;
    case 'wsFrame':
      return m.up ? `${c} sends a message frame` : `${c} receives a frame with ${plural(m.events, 'event')} (${trip} on the wire)`;
    case 'ping':
      return `the server pings ${c}`;
    case 'pong':
      return `${c} answers the ping`;
    case 'webhookAttempt':
      return `the provider sends attempt ${String(m.attempt)} to ${c}${m.status === 'failed' ? ', which is down' : ''}`;
    case 'webhookResponse':
      if (m.status === 'failed') return `${c} answers attempt ${String(m.attempt)} with 503: it will be retried`;
      if (m.status === 'timedOut') return `${whose(id, m.client)} answer to attempt ${String(m.attempt)} comes too late: the provider had given up waiting`;
      return `${c} accepts attempt ${String(m.attempt)} (200 OK)`;
    case 'close':
      return `${whose(id, m.client)} connection is closed`;
  }
}

/** Requests, upgrades and attempts are told when they leave; everything else when it arrives. */
const toldAtSend = (m: TraceMessage) => m.kind === 'request' || m.kind === 'upgrade' || m.kind === 'webhookAttempt' || (m.kind === 'wsFrame' && m.up) || m.kind === 'pong';

/** The message trace as lines. A response is paired with its client's oldest unanswered request. */
export const messageLines: Source = (id, input) => {
  const trace = input.mechanisms[id]?.trace ?? [];
  // With client-message POSTs on a second connection, answers cannot be told apart from polls'.
  const plainRequests = input.scenario.clientMessages.ratePerSec === 0 || id === 'websocket';
  const waiting = new Map<number, TraceMessage[]>();
  const lines: NarrationLine[] = [];
  for (const m of trace) {
    let request: TraceMessage | undefined;
    if (m.kind === 'request' && plainRequests) {
      const queue = waiting.get(m.client) ?? [];
      queue.push(m);
      waiting.set(m.client, queue);
    } else if (m.kind === 'response' && plainRequests) {
      request = waiting.get(m.client)?.shift();
    }
    lines.push({ atMs: toldAtSend(m) ? m.sendMs : m.arriveMs, mechanism: id, text: messageText(id, m, plainRequests, request) });
  }
  return lines;
};

export const SOURCES: readonly Source[] = [messageLines];

/** Every line of the run in time order (ties keep the lanes' order, then each source's). */
export function narrate(input: NarrationInput): NarrationLine[] {
  const lines: NarrationLine[] = [];
  for (const id of MECHANISM_IDS) {
    if (!input.mechanisms[id]) continue;
    for (const source of SOURCES) lines.push(...source(id, input));
  }
  // Array.prototype.sort is stable.
  return lines.sort((a, b) => a.atMs - b.atMs);
}

/** How many of the (time-ordered) lines have happened by `ms`, inclusive. */
export function linesUpTo(lines: readonly NarrationLine[], ms: number): number {
  let lo = 0;
  let hi = lines.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (lines[mid].atMs <= ms) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** "1.20 s — Polling: client 2's poll comes back empty after 100 ms." */
export function formatLine(line: NarrationLine): string {
  return `${(line.atMs / 1000).toFixed(2)} s — ${MECHANISM_LABELS[line.mechanism]}: ${line.text}.`;
}

export function formatTranscript(lines: readonly NarrationLine[]): string {
  return lines.map(formatLine).join('\n');
}
