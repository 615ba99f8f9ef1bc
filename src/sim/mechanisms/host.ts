import type { Scenario } from '../scenario/types.ts';
import type { EventSource } from '../model/eventSource.ts';
import type { TraceRecorder } from '../trace/recorder.ts';
import type { MessageKind } from '../trace/types.ts';

// What a mechanism may ask of the world it runs in (issue 8, item 5). The world (world.ts)
// implements it; mechanisms program against it alone, so they never see the world's models
// (connections, network, server, metrics) and world.ts and the mechanisms do not import each
// other in a circle. Clients own two connection slots (model/connections.ts: mainSlot, sideSlot).

/** The event logs, as mechanisms read them (model/eventSource.ts documents each member). */
export type EventLog = Pick<EventSource, 'sourceCount' | 'broadcast' | 'generateUpTo' | 'count' | 'timeOf' | 'release'>;

/** What mechanisms record in the trace beyond traceMessage: their own records and spans (trace/recorder.ts). */
export type TraceLog = Pick<TraceRecorder, 'clients' | 'wants' | 'record' | 'span' | 'open' | 'end'>;

/** Client messages sent as their own HTTP POSTs (upstreamPost.ts). */
export interface UpstreamSender {
  send(client: number, tMs: number): void;
}

export interface MechanismHost {
  readonly scenario: Scenario;
  /** Nothing happens after this: durationSec + drainSec. */
  readonly endMs: number;
  readonly source: EventLog;
  readonly trace: TraceLog;
  readonly upstream: UpstreamSender;

  // ---- time and randomness ------------------------------------------------------------------

  /** Fire mechanism event `kind` (≥ MECHANISM_KINDS) at tMs with arguments a and b. */
  schedule(tMs: number, kind: number, a: number, b: number): void;
  /** When `client` first connects: the same random moment of the start-up spread in every mechanism. */
  startMs(client: number): number;
  /** The next uniform [0, 1) draw of `client`'s poll-phase stream. */
  phase(client: number): number;
  /** The next uniform [0, 1) draw of `client`'s backoff-jitter stream (this mechanism's own). */
  backoffRandom(client: number): number;
  /** When a client that noticed a failure at noticeMs tries again after delayMs (at least 1 ms later). */
  retryAt(noticeMs: number, delayMs: number): number;

  // ---- connections and messages -------------------------------------------------------------

  /**
   * Send an HTTP request of `bytes` on `slot` at tMs, connecting first when needed (or riding the
   * busy connection when `rideBusy`). It arrives as `atServerKind` with `a` = connectionTag(slot).
   * False when the connection was refused; the client learns it at refusedNoticeMs.
   */
  request(
    slot: number,
    tMs: number,
    bytes: number,
    payloadBytes: number,
    traceKind: MessageKind,
    atServerKind: number,
    rideBusy?: boolean,
    upgrade?: boolean,
  ): boolean;
  /** Where a client's POST goes: under HTTP/2 onto its open connection, else its second one. */
  postSlot(client: number, tMs: number): number;
  /** A whole answer on `slot` with a body of `bodyBytes`: head, body and (HTTP/2) its framing. */
  responseBytes(slot: number, bodyBytes: number): number;
  /** The head of an answer whose body is a stream of writes (SSE). */
  streamHeadBytes(slot: number): number;
  /** One write of `bytes` on an open response stream: an HTTP/1.1 chunk or an HTTP/2 DATA frame. */
  streamWriteBytes(bytes: number): number;
  /** When the last refused connect or request is noticed by its client. */
  readonly refusedNoticeMs: number;
  /** A connection on `slot` for a request at tMs: when the request can be sent, or −1 when refused. */
  connect(slot: number, tMs: number): number;
  /** Send on `slot`'s connection (up: client to server); returns the arrival time. */
  send(slot: number, up: boolean, bytes: number, payloadBytes: number, tMs: number): number;
  /** The request on `slot` is finished: the connection idles (keep-alive) or closes. */
  release(slot: number, tMs: number): void;
  /** Close `slot`'s connection at tMs at the server side; the mechanism is not told (it decided it). */
  close(slot: number, tMs: number): void;
  /** `slot` has an open connection carrying a request. */
  isBusy(slot: number): boolean;
  /** (client, connection epoch) of `slot`'s current connection packed in one int, for messages in flight. */
  connectionTag(slot: number): number;
  /** The connection a message tagged `packed` travelled on is still `slot`'s current one (not cut since). */
  isCurrent(packed: number, slot: number): boolean;
  /** When the client sees a close that happened at the server side at tMs. */
  closeNoticeMs(slot: number, tMs: number): number;

  // ---- connections the world does not track (webhooks' extra ones) --------------------------

  /**
   * The provider opens a connection to a receiver (TCP + TLS, resumed when `resumable` and the
   * network resumes sessions); returns when it can carry data.
   */
  openToPeer(client: number, tMs: number, resumable: boolean): number;
  /** Transmit (counting the bytes) without touching the connection's idle clock; returns the arrival time. */
  transmit(client: number, connection: number, up: boolean, bytes: number, payloadBytes: number, tMs: number): number;

  // ---- the server ---------------------------------------------------------------------------

  /** A job arriving at tMs takes serviceMs of a worker; returns when it is done. Never refused: pushes, frames. */
  serve(arrivalMs: number, serviceMs: number): number;
  /**
   * The request that reached the server on `slot` at tMs takes server.serviceMs of a worker;
   * returns when it is done, or QUEUE_FULL (model/server.ts) when server.maxQueuedRequests already
   * wait: the world then answers 503 and the mechanism hears onErrorAnswer (`atServerKind` says
   * which request it was; a refused POST is lost).
   */
  serveRequest(slot: number, tMs: number, atServerKind: number): number;
  /** As serveRequest for work that has no client connection (a webhook attempt): QUEUE_FULL or done. */
  admitRequest(tMs: number): number;
  /** The server is restarting at tMs. */
  isServerDown(tMs: number): boolean;
  /** When the server, restarting at tMs, is up again (tMs when it is up). */
  serverUpAt(tMs: number): number;

  // ---- what the metrics count -----------------------------------------------------------------

  /** The first delivery to `recipient` at tMs of an event created at createdMs. */
  deliver(recipient: number, createdMs: number, tMs: number): void;
  /** A request or attempt was sent at tMs outside request() (webhooks). */
  countRequest(tMs: number): void;
  /** A response arrived at tMs; `empty` when it carried no new event. */
  countResponse(tMs: number, empty: boolean): void;
  /** A message that could have carried events arrived at tMs (or, for a timed-out attempt, failed). */
  countCarrier(tMs: number): void;
  /** An event created at createdMs was given up on at tMs. */
  countLost(tMs: number, createdMs: number): void;
  /** A delivery beyond the first, at tMs, of an event created at createdMs. */
  countDuplicate(tMs: number, createdMs: number): void;
  /** A connection the world does not track opened or closed at tMs. */
  countConnectionOpened(tMs: number): void;
  /** A SYN for a connection the world does not track (a webhook provider's pooled one). */
  countConnectionAttempt(tMs: number): void;
  /** An error answer arrived at tMs (a refused upgrade). */
  countErrorResponse(tMs: number): void;
  /** An SSE client's EventSource closed for good at tMs. */
  countSseClosed(tMs: number): void;
  countConnectionClosed(tMs: number): void;

  // ---- the trace ----------------------------------------------------------------------------

  /** Trace a message that `client` sent or received on `slot`'s current connection. */
  traceMessage(kind: MessageKind, client: number, up: boolean, sendMs: number, arriveMs: number, events: number, bytes: number, slot: number): void;
  /** The run-unique id of `slot`'s current (or last) connection, as trace messages and spans name it. */
  connectionId(slot: number): number;
}
