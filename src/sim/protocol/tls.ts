import type { TlsVersion } from '../scenario/types.ts';
import { TLS_HANDSHAKE_BYTES } from './sizes.ts';

// What a TLS handshake costs: round trips, bytes and the server's CPU. A full handshake sends the
// certificate chain and signs with the server's key; a resumed one (a session ticket, RFC 8446
// §2.2 for 1.3, RFC 5077 for 1.2) sends neither. Browsers resume whenever they hold a ticket.

export interface TlsHandshake {
  up: number;
  down: number;
  roundTrips: number;
}

/**
 * Resumed handshakes. TLS 1.3 with a PSK: the ClientHello grows by its pre_shared_key extension
 * within Chrome's 517-byte padding, and the server answers with ServerHello, EncryptedExtensions
 * and Finished: measured 288 B down in issue 9's audit (1,934 B for a full one with one
 * certificate). TLS 1.2 with a ticket takes the abbreviated handshake, one round trip (RFC 5246
 * §7.3): ServerHello, ChangeCipherSpec and Finished, ≈ 160 B.
 */
const RESUMED: Record<TlsVersion, TlsHandshake> = {
  none: { up: 0, down: 0, roundTrips: 0 },
  '1.3': { up: 517 + 80, down: 288, roundTrips: 1 },
  '1.2': { up: 517 + 51, down: 160, roundTrips: 1 },
};

/**
 * Server CPU of a resumed handshake relative to a full one: it skips the certificate signature.
 * Measured on this project's machine (Node 20, OpenSSL 3.0, RSA-2048, TLS 1.3, 1,000 handshakes):
 * 0.36–0.50 ms resumed against 0.69–0.94 ms full, about half.
 */
export const RESUMED_CPU_FRACTION = 0.5;

/**
 * Worker time to accept a TCP connection (accept(), socket setup) with or without TLS. Measured on
 * this machine with Node 20: 0.06–0.14 ms per connection accepted, read once and closed; we charge
 * the accept itself 0.05 ms.
 */
export const ACCEPT_MS = 0.05;

export function tlsHandshake(version: TlsVersion, resumed: boolean): TlsHandshake {
  return resumed ? RESUMED[version] : TLS_HANDSHAKE_BYTES[version];
}

/** Server worker time for a new connection: accept, plus the TLS handshake's share. */
export function handshakeCpuMs(version: TlsVersion, resumed: boolean, tlsHandshakeMs: number): number {
  if (version === 'none') return ACCEPT_MS;
  return ACCEPT_MS + (resumed ? RESUMED_CPU_FRACTION * tlsHandshakeMs : tlsHandshakeMs);
}
