// Integer kinds of scheduler events. The world handles those below MECHANISM_KINDS; each
// mechanism numbers its own from MECHANISM_KINDS up (they run in separate worlds, so the ranges
// of different mechanisms may overlap).

export const Kind = {
  eventCreated: 0,
  idleCheck: 1,
  serverDown: 2,
  clientMessage: 3,
  postAtServer: 4,
  postResponse: 5,
  /** A dropped SYN's retransmission (or the connect timeout): a = slot, b = token. */
  synRetry: 6,
  /** A request reached a load balancer whose server is down: a = packed, b = slot parity | kind << 1. */
  proxyError: 7,
  /** The load balancer's 502 reached the client: a, b as for proxyError. */
  errorAnswer: 8,
  /** A new connection's ClientHello reached the server: a = slot, b = connection epoch. */
  tlsAtServer: 9,
  /** With tls "none", a new connection's last handshake ACK reached the server: a = slot, b = epoch. */
  acceptAtServer: 10,
} as const;

export const MECHANISM_KINDS = 16;

/** Upper bound on kinds in one world (world kinds + a mechanism's own). */
export const KIND_COUNT = 32;
