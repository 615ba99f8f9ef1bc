import { deflateSync, inflateSync, strFromU8, strToU8 } from 'fflate';
import { MAX_DECOMPRESSED_BYTES, type DecompressResult } from './urlCompress.ts';

// The payload of a version-2 share link (issue 10, item 5): raw DEFLATE (RFC 1951, by fflate)
// with a preset dictionary of the scenario's field names and defaults, in base64url (RFC 4648 §5),
// followed by a CHECK_CHARS-character checksum of the JSON text. Chat apps and slide tools cut and
// re-encode long addresses; with the checksum a changed or cut link is reported as damaged and
// never read as a different state (a random change passes with probability 2^-48).
//
// Measured against version 1's LZW (same primer; JSON, then link length in characters):
//   default state 2 → v1 8, v2 17; a typical edit 90 → v1 57, v2 43; a heavy edit 489 → v1 329, v2 202
// (v2 pays 8 characters for the checksum and still wins once anything is edited).

const CHECK_CHARS = 8;
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const BASE64URL = /^[A-Za-z0-9_-]*$/;

/** cyrb53 (a public-domain 53-bit string hash): two multiplicative 32-bit lanes, mixed. */
function hash53(text: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/** The low 48 bits of the hash as 8 base64url characters. */
export function checksumOf(text: string): string {
  let value = hash53(text);
  let out = '';
  for (let i = 0; i < CHECK_CHARS; i++) {
    out = ALPHABET[value % 64] + out;
    value = Math.floor(value / 64);
  }
  return out;
}

const toBase64Url = (bytes: Uint8Array): string => {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
};

function fromBase64Url(text: string): Uint8Array | null {
  if (!BASE64URL.test(text) || text.length % 4 === 1) return null;
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(binary, (ch) => ch.charCodeAt(0));
}

export function encodePayload(json: string, dictionary: string): string {
  const compressed = deflateSync(strToU8(json), { level: 9, dictionary: strToU8(dictionary) });
  return `${toBase64Url(compressed)}${checksumOf(json)}`;
}

const DAMAGED = 'its checksum does not match, so it was cut short or changed on the way';

export function decodePayload(body: string, dictionary: string): DecompressResult {
  if (body.length < CHECK_CHARS) return { ok: false, error: DAMAGED };
  const bytes = fromBase64Url(body.slice(0, -CHECK_CHARS));
  if (bytes === null) return { ok: false, error: DAMAGED };
  let json: string;
  try {
    const inflated = inflateSync(bytes, { dictionary: strToU8(dictionary) });
    if (inflated.length > MAX_DECOMPRESSED_BYTES) return { ok: false, error: 'it expands to more than a scenario can hold' };
    json = strFromU8(inflated);
  } catch {
    return { ok: false, error: DAMAGED };
  }
  return checksumOf(json) === body.slice(-CHECK_CHARS) ? { ok: true, text: json } : { ok: false, error: DAMAGED };
}
