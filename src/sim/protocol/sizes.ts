// Bytes at the application layer (HTTP heads and bodies, TLS handshake messages, WebSocket and SSE
// framing): `bytes.up`/`down`. TLS records, TCP/IP headers and ACKs are added on top in
// `bytes.wire` (wire.ts); HTTP/2 framing is in http2.ts.

/** RFC 6455 §5.2: 2-byte base header, 16-bit extended length above 125 B, 64-bit above 65,535 B. */
export function wsFrameHeaderBytes(payloadBytes: number, masked: boolean): number {
  const base = payloadBytes <= 125 ? 2 : payloadBytes <= 0xffff ? 4 : 10;
  return masked ? base + 4 : base; // clients mask every frame (RFC 6455 §5.3): 4-byte key
}

/** Extra request headers of an upgrade: Upgrade, Connection, Sec-WebSocket-Key/Version/Extensions. */
export const WS_UPGRADE_EXTRA_REQUEST_BYTES = 150;
/** "101 Switching Protocols" with Sec-WebSocket-Accept, measured from Node's ws server (DESIGN.md §5). */
export const WS_UPGRADE_RESPONSE_BYTES = 129;
/** A ping without payload from the server; the browser answers with a masked pong. */
export const WS_PING_BYTES = wsFrameHeaderBytes(0, false);
export const WS_PONG_BYTES = wsFrameHeaderBytes(0, true);

/** `id: <n>\n` + `data: ` + `\n\n` around the payload (WHATWG HTML §9.2.6). */
export function sseEventFramingBytes(eventId: number): number {
  return 5 + decimalDigits(eventId) + 1 + 6 + 2;
}
/** `: ping\n\n`, a comment line that keeps intermediaries from seeing an idle stream. */
export const SSE_HEARTBEAT_BYTES = 8;

/**
 * HTTP/1.1 chunked transfer coding (RFC 9112 §7.1) around one write of `bytes` on a stream whose
 * length is unknown, as an SSE response is: the size in hex, CRLF, the data, CRLF. A 215-byte
 * event costs 6 B ("d7\r\n" … "\r\n"), a heartbeat 5 B.
 */
export function chunkFramingBytes(bytes: number): number {
  return hexDigits(bytes) + 4;
}

function hexDigits(n: number): number {
  let digits = 1;
  while (n >= 16) {
    n = Math.floor(n / 16);
    digits++;
  }
  return digits;
}

/** Digits of a non-negative integer id (ids stay far below 10^12). */
function decimalDigits(n: number): number {
  if (n < 10) return 1;
  if (n < 100) return 2;
  if (n < 1000) return 3;
  if (n < 10000) return 4;
  if (n < 100000) return 5;
  if (n < 1000000) return 6;
  if (n < 10000000) return 7;
  if (n < 100000000) return 8;
  return n < 1000000000 ? 9 : n < 10000000000 ? 10 : n < 100000000000 ? 11 : 12;
}

/**
 * TLS handshake bytes per connection. Chrome pads its ClientHello to 517 B; a server flight with a
 * two-certificate RSA-2048 chain is ≈ 3.5 kB (RFC 8446 §2 message flow; RFC 5246 §7.3 for 1.2).
 */
export const TLS_HANDSHAKE_BYTES = {
  none: { up: 0, down: 0, roundTrips: 0 },
  '1.3': { up: 517 + 80, down: 3500, roundTrips: 1 },
  '1.2': { up: 517 + 130, down: 3450 + 51, roundTrips: 2 },
} as const;
