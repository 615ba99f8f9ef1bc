// The trace: every message a sampled client sends or receives, with simulated send and arrival
// times, so a view can place it from (now − sendMs) / (arriveMs − sendMs) (STYLE.md §9), and the
// spans the engine decided for those clients (a request held, a stream open, a wait before a
// retry, the server down…), so no view has to rebuild protocol state from the messages.

export type MessageKind =
  | 'connect' // TCP (+ TLS) handshake round trips before a request can be sent
  | 'request' // an HTTP request (poll, long poll, SSE open, client-message POST)
  | 'response' // an HTTP response; `events` = 0 means an empty response
  | 'upgrade' // WebSocket upgrade request (HTTP GET with Upgrade: websocket)
  | 'upgradeResponse' // 101 Switching Protocols, or the proxy's refusal
  | 'sseEvent' // one `data:` event on an open SSE stream
  | 'sseHeartbeat' // an SSE comment line that keeps idle proxies from cutting the stream
  | 'wsFrame' // a WebSocket data frame (either direction)
  | 'ping'
  | 'pong'
  | 'webhookAttempt' // a signed POST from the provider to the receiver
  | 'webhookResponse' // the receiver's answer (2xx, or 503 during an outage)
  | 'close'; // a connection closed or cut (proxy idle timeout, server restart)

export type MessageStatus = 'ok' | 'empty' | 'failed' | 'timedOut' | 'dropped' | 'refused';

export interface TraceMessage {
  kind: MessageKind;
  /** Sampled client index (0-based). */
  client: number;
  /** True when the message travels client → server (receiver → provider for webhooks). */
  up: boolean;
  sendMs: number;
  /** When it arrives; for a dropped message, when it would have arrived. */
  arriveMs: number;
  /** Events carried (0 for empty responses and control messages). */
  events: number;
  bytes: number;
  status: MessageStatus;
  /** Attempt number for webhooks (1-based), else 0. */
  attempt: number;
  /** The connection the message used (see connectionId); a refused `connect` names ordinal 0. */
  connection: number;
}

// ---- connection ids --------------------------------------------------------------------------

/**
 * Which of a client's connections: `main` carries the mechanism itself (polls, the held request,
 * the stream, the socket, webhook attempts), `side` the separate connection a browser uses for
 * client-message POSTs while the main one is busy, `extra` a webhook attempt's additional
 * connection while the kept-alive one is busy with another attempt.
 */
export type ConnectionRole = 'main' | 'side' | 'extra';

const ROLES: readonly ConnectionRole[] = ['main', 'side', 'extra'];
/** Room for 2³² connections per (client, role): ids stay below 2⁵³ for 10,000 clients. */
const ORDINALS = 2 ** 32;

/**
 * A run-unique connection id: the `ordinal`-th connection (1-based) that `client` opened in
 * `role`. Ordinal 0 names a connection attempt that was refused before it opened.
 */
export const connectionId = (client: number, role: ConnectionRole, ordinal: number): number =>
  (client * ROLES.length + ROLES.indexOf(role)) * ORDINALS + ordinal;

export const connectionRole = (id: number): ConnectionRole => ROLES[Math.floor(id / ORDINALS) % ROLES.length];
export const connectionOrdinal = (id: number): number => id % ORDINALS;

/** Spans that belong to no connection (a wait between connections, a server-wide interval). */
export const NO_CONNECTION = -1;

// ---- spans -----------------------------------------------------------------------------------

export type SpanKind =
  | 'held' // a request parked at the server, from its arrival (long polling, WebSocket fallback)
  | 'stream' // an SSE stream or a WebSocket, open at the server from the request's arrival
  | 'retryWait' // a client (the provider for webhooks) waiting before it retries or reconnects
  | 'serverDown' // a server restart: every connection is cut and new ones are refused
  | 'receiverDown' // a webhook receivers' outage: every attempt that arrives is answered 503
  | 'proxyCut' // an instant: the proxy's idle timeout cut a connection
  | 'deadLetter'; // an instant: the last webhook attempt failed and the event is given up

export type SpanOutcome =
  | 'open' // still going when the run (so far) stopped; endMs is Infinity
  | 'answered' // a held request answered with events
  | 'timedOut' // a held request answered empty at the long-poll timeout
  | 'proxyCut' // ended by the proxy cutting its connection
  | 'serverDown' // ended by a server restart cutting its connection
  | 'elapsed'; // a wait, an outage or an instant that ran its decided length

export interface TraceSpan {
  kind: SpanKind;
  /** Sampled client index, or −1 for a server-wide span (serverDown, receiverDown). */
  client: number;
  /** The connection it lived on, or NO_CONNECTION. */
  connection: number;
  startMs: number;
  /** When it ended; Infinity while open. An instant has endMs = startMs. */
  endMs: number;
  outcome: SpanOutcome;
  /**
   * For a retry wait, the attempt it leads to: the webhook delivery attempt (1-based, the first
   * included) or the WebSocket reconnect number that sets its backoff. SSE and long-poll retries
   * use a fixed delay and count nothing: 0. For a dead letter, the last attempt. Else 0.
   */
  attempt: number;
}
