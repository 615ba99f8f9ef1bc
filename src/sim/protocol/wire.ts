import type { TlsVersion } from '../scenario/types.ts';

// Bytes on the wire (`bytes.wire`): what the application writes, plus TLS record overhead, plus
// TCP/IP headers on every segment, plus the receiver's pure ACKs.
//
// - TLS: every write is one record of at most 16 KB (RFC 8446 §5.1). A TLS 1.3 AES-GCM record
//   adds 22 B: a 5-byte header, the inner content-type byte and a 16-byte tag (RFC 8446 §5.2);
//   TLS 1.2 AES-GCM adds 29 B: the header, an 8-byte explicit nonce and the tag (RFC 5288 §3).
//   Handshake messages are counted as they travel (their sizes already include record headers).
// - TCP/IP: segments of at most MSS = 1,448 B (a 1,500-byte MTU less 20 B IPv4, 20 B TCP and
//   12 B of timestamp options, RFC 7323); each carries 52 B of headers.
// - ACKs: a delayed ACK for every second full segment, or for a lone one when the 40 ms timer
//   fires (RFC 1122 §4.2.3.2, RFC 5681 §4.2): ⌈segments / 2⌉ pure ACKs of 52 B per write, sent the
//   other way. Piggybacking an ACK on a quick answer is not modelled (at most 52 B too many).
// - Setup and teardown: SYN and SYN-ACK carry 40 B of options (60 B each) and the ACK 52 B; a
//   close is FIN, ACK both ways (4 × 52 B); a refused SYN is answered by a 40-byte RST.

export const MSS_BYTES = 1448;
export const TCP_IP_HEADER_BYTES = 52;
const TLS_MAX_RECORD_BYTES = 16_384;
export const SYN_BYTES = 60;
const RST_BYTES = 40;

export const TCP_SETUP_WIRE_BYTES = SYN_BYTES + SYN_BYTES + TCP_IP_HEADER_BYTES;
export const TCP_CLOSE_WIRE_BYTES = 4 * TCP_IP_HEADER_BYTES;
export const TCP_REFUSED_WIRE_BYTES = SYN_BYTES + RST_BYTES;

/** TLS record overhead per record for the scenario's TLS version (AES-GCM). */
export function tlsRecordOverheadBytes(version: TlsVersion): number {
  return version === '1.3' ? 22 : version === '1.2' ? 29 : 0;
}

/** Segments that carry `bytes` of TCP payload. */
export function segmentsOf(bytes: number): number {
  return bytes > 0 ? Math.ceil(bytes / MSS_BYTES) : 0;
}

/** TCP payload of one application write of `appBytes` (records added unless it is a handshake message). */
export function tcpPayloadBytes(appBytes: number, recordOverhead: number): number {
  if (recordOverhead === 0 || appBytes === 0) return appBytes;
  return appBytes + Math.ceil(appBytes / TLS_MAX_RECORD_BYTES) * recordOverhead;
}

/** Wire bytes of a write whose TCP payload is `tcpBytes`: headers per segment and the ACKs coming back. */
export function wireBytesOfWrite(tcpBytes: number): number {
  const segments = segmentsOf(tcpBytes);
  return tcpBytes + segments * TCP_IP_HEADER_BYTES + Math.ceil(segments / 2) * TCP_IP_HEADER_BYTES;
}
