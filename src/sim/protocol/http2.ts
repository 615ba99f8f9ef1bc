// HTTP/2 framing and header compression (RFC 9113, RFC 7541), the model behind http.version "2".
//
// Every frame carries a 9-byte header (RFC 9113 §4.1). A client's polls, long polls, SSE stream
// and POSTs are streams on its one connection. Headers are HPACK-compressed: the first request and
// the first answer on a connection carry their header fields in full (they fill the dynamic table,
// RFC 7541 §2.3.2; we charge the whole head although Huffman coding would shave some of it), and
// every later one repeats them as one- or two-byte table indexes. The steady sizes below are what
// issue 9's audit measured with browser-like heads (the same that cost 690 + 200 B over HTTP/1.1):
// a repeated poll costs ≈ 30 B up and ≈ 24 B down. WebSockets keep their own HTTP/1.1 Upgrade
// connection: bootstrapping them over HTTP/2 (RFC 8441) needs the server to announce
// SETTINGS_ENABLE_CONNECT_PROTOCOL, which common servers and proxies do not, so it is not modelled.

/** RFC 9113 §4.1: length (3), type (1), flags (1), stream id (4). */
export const H2_FRAME_HEADER_BYTES = 9;

/** SETTINGS_MAX_FRAME_SIZE's initial value (RFC 9113 §6.5.2): a longer body takes more DATA frames. */
export const H2_MAX_FRAME_BYTES = 16_384;

/**
 * A repeated GET: a HEADERS frame (9 B) with END_STREAM whose HPACK block is ≈ 21 B of indexed
 * fields (:method, :scheme, :authority, :path, user agent, accept…, cookies). Measured: 30 B.
 */
export const H2_STEADY_REQUEST_BYTES = 30;

/**
 * A repeated answer's head: a HEADERS frame (9 B, ≈ 6 B block: :status 200 and indexed fields)
 * and the header of the DATA frame that carries the body and ends the stream (9 B, empty when
 * there is no body, as Node's http2 sends it). Measured: 24 B for an empty answer.
 */
export const H2_STEADY_RESPONSE_HEAD_BYTES = 24;

/**
 * The connection preface (RFC 9113 §3.4): the client's 24-byte magic, a SETTINGS frame with four
 * settings (9 + 4·6 B, as Chrome sends), a WINDOW_UPDATE (13 B) and the ACK of the server's
 * SETTINGS (9 B); the server's SETTINGS with two settings (21 B), a WINDOW_UPDATE and its ACK.
 */
export const H2_PREFACE_UP_BYTES = 24 + 33 + 13 + 9;
export const H2_PREFACE_DOWN_BYTES = 21 + 13 + 9;

/** DATA frame headers for a body of `bytes` (none for an empty body). */
export function h2DataFrameBytes(bytes: number): number {
  return bytes > 0 ? Math.ceil(bytes / H2_MAX_FRAME_BYTES) * H2_FRAME_HEADER_BYTES : 0;
}

/** A request head: in full on the first request of a connection, then the steady HPACK size. */
export function h2RequestHeadBytes(first: boolean, fullHeadBytes: number): number {
  return first ? H2_FRAME_HEADER_BYTES + fullHeadBytes : H2_STEADY_REQUEST_BYTES;
}

/** An answer's head (HEADERS frame + the header of the DATA frame that ends the stream). */
export function h2ResponseHeadBytes(first: boolean, fullHeadBytes: number): number {
  return first ? 2 * H2_FRAME_HEADER_BYTES + fullHeadBytes : H2_STEADY_RESPONSE_HEAD_BYTES;
}
