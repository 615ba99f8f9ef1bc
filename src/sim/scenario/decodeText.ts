// The bytes of a scenario file as text, the same way in the browser's import and in the CLI
// (issue 10, item 7): UTF-8, strictly (a byte sequence that is not UTF-8 is refused, never turned
// into U+FFFD and read on), or UTF-16 when the file starts with its byte-order mark (as Windows
// editors save "Unicode" text). A UTF-8 byte-order mark is dropped.

export type DecodeTextResult = { ok: true; text: string } | { ok: false; error: string };

function decode(bytes: Uint8Array, encoding: 'utf-8' | 'utf-16le' | 'utf-16be', from: number): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes.subarray(from));
  } catch {
    return null;
  }
}

export function decodeScenarioBytes(bytes: Uint8Array): DecodeTextResult {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return fromUtf16(bytes, 'utf-16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return fromUtf16(bytes, 'utf-16be');
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const text = decode(bytes, 'utf-8', start);
  if (text !== null) return { ok: true, text };
  return { ok: false, error: 'is not UTF-8 text (or UTF-16 with a byte-order mark); save it as UTF-8' };
}

function fromUtf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be'): DecodeTextResult {
  const text = decode(bytes, encoding, 2);
  if (text !== null) return { ok: true, text };
  return { ok: false, error: `starts with a UTF-16 byte-order mark but is not valid ${encoding === 'utf-16le' ? 'UTF-16LE' : 'UTF-16BE'} text` };
}
