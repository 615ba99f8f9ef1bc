// A small, synchronous, dependency-free compressor for share links (DESIGN.md §4: the URL hash is
// compressed). LZW over the UTF-8 bytes of the text, written as a bit stream in the base64url
// alphabet (RFC 4648 §5), so the result needs no percent-encoding in a URL.
//
// The dictionary starts empty rather than with all 256 bytes (the trick LZ-string uses): a byte's
// first occurrence is sent as an escape code plus 8 bits, and codes are only as wide as the
// dictionary needs. Short JSON therefore costs about as much as plain base64url, and the repeated
// keys and digits of longer JSON shrink.
//
// An optional primer is text both sides tokenise silently before the real input, so a dictionary
// trained on typical content (the scenario's field names) is in place from the first byte.
//
// Token codes: 0 = a new byte follows (8 bits), 1 = end of stream, 2… = dictionary entries. Each
// code is written with just enough bits for the largest code the reader could currently expect.
// After each token the dictionary gains (previous token + first byte of this token), and a new byte
// also gains itself. Encoder and decoder apply the same rule at the same point, so the decoder never
// sees a code it cannot yet resolve.

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const LITERAL = 0;
const END = 1;
const FIRST_ENTRY = 2;
/** Guards the decoder against a crafted link that expands enormously; a real scenario is ~2 kB. */
export const MAX_DECOMPRESSED_BYTES = 1_000_000;

export type DecompressResult = { ok: true; text: string } | { ok: false; error: string };

const bitWidth = (nextCode: number) => 32 - Math.clz32(nextCode - 1);

class BitWriter {
  private out = '';
  private buffer = 0;
  private count = 0;

  write(value: number, bits: number): void {
    for (let i = bits - 1; i >= 0; i--) {
      this.buffer = (this.buffer << 1) | ((value >>> i) & 1);
      if (++this.count === 6) {
        this.out += ALPHABET[this.buffer];
        this.buffer = 0;
        this.count = 0;
      }
    }
  }

  finish(): string {
    return this.count === 0 ? this.out : this.out + ALPHABET[this.buffer << (6 - this.count)];
  }
}

class BitReader {
  private position = 0;

  constructor(private readonly sextets: readonly number[]) {}

  /** The next `bits` bits, or null past the end. */
  read(bits: number): number | null {
    if (this.position + bits > this.sextets.length * 6) return null;
    let value = 0;
    for (let i = 0; i < bits; i++, this.position++) {
      const bit = (this.sextets[Math.floor(this.position / 6)] >> (5 - (this.position % 6))) & 1;
      value = (value << 1) | bit;
    }
    return value;
  }

  /** Whatever follows the end code must only be the zero padding of the last character. */
  onlyPaddingLeft(): boolean {
    const left = this.sextets.length * 6 - this.position;
    return left < 6 && this.read(left) === 0;
  }
}

/**
 * The dictionary both sides build. Tokens are "binary strings": one char per byte (0–255).
 * `record` applies the growth rule after each token, identically when writing and reading.
 */
class Dictionary {
  private readonly codes = new Map<string, number>();
  private readonly entries: string[] = [];
  private previous: string | null = null;

  get nextCode(): number {
    return FIRST_ENTRY + this.entries.length;
  }

  has(token: string): boolean {
    return this.codes.has(token);
  }

  codeOf(token: string): number {
    return this.codes.get(token) ?? LITERAL;
  }

  entry(code: number): string | undefined {
    return this.entries[code - FIRST_ENTRY];
  }

  record(token: string, literal: boolean): void {
    if (this.previous !== null) this.add(this.previous + token[0]);
    if (literal) this.add(token);
    this.previous = token;
  }

  private add(token: string): void {
    this.codes.set(token, this.nextCode);
    this.entries.push(token);
  }
}

/** Greedy longest-match tokenisation of `bytes`, growing `dictionary` as it goes. */
function tokenize(bytes: Uint8Array, dictionary: Dictionary, emit: (token: string, literal: boolean) => void): void {
  const send = (token: string, literal: boolean) => {
    emit(token, literal);
    dictionary.record(token, literal);
  };
  let word = '';
  for (const byte of bytes) {
    const char = String.fromCharCode(byte);
    if (word !== '' && dictionary.has(word + char)) {
      word += char;
      continue;
    }
    if (word !== '') send(word, false);
    if (dictionary.has(char)) {
      word = char;
    } else {
      send(char, true);
      word = '';
    }
  }
  if (word !== '') send(word, false);
}

/**
 * A dictionary that has already seen `primer`, so text resembling it starts with long matches
 * (zstd's trained dictionaries work the same way). Writer and reader must use the same primer.
 */
function primedDictionary(primer: string): Dictionary {
  const dictionary = new Dictionary();
  tokenize(new TextEncoder().encode(primer), dictionary, () => undefined);
  return dictionary;
}

export function compressToUrl(text: string, primer = ''): string {
  const dictionary = primedDictionary(primer);
  const writer = new BitWriter();
  tokenize(new TextEncoder().encode(text), dictionary, (token, literal) => {
    const width = bitWidth(dictionary.nextCode);
    writer.write(literal ? LITERAL : dictionary.codeOf(token), width);
    if (literal) writer.write(token.charCodeAt(0), 8);
  });
  writer.write(END, bitWidth(dictionary.nextCode));
  return writer.finish();
}

export function decompressFromUrl(encoded: string, primer = ''): DecompressResult {
  const sextets: number[] = [];
  for (let i = 0; i < encoded.length; i++) {
    const value = ALPHABET.indexOf(encoded[i]);
    if (value < 0) {
      return { ok: false, error: `unexpected character ${JSON.stringify(encoded[i])} at position ${i}` };
    }
    sextets.push(value);
  }
  const reader = new BitReader(sextets);
  const dictionary = primedDictionary(primer);
  const output: string[] = [];
  let outputBytes = 0;

  for (;;) {
    const nextCode = dictionary.nextCode;
    const code = reader.read(bitWidth(nextCode));
    if (code === null) return { ok: false, error: 'the data ends before its end marker (truncated?)' };
    if (code === END) break;
    let token: string | undefined;
    if (code === LITERAL) {
      const byte = reader.read(8);
      if (byte === null) return { ok: false, error: 'the data ends in the middle of a character (truncated?)' };
      token = String.fromCharCode(byte);
    } else {
      token = dictionary.entry(code);
      if (token === undefined) return { ok: false, error: `invalid code ${code} (only ${nextCode - 1} defined)` };
    }
    outputBytes += token.length;
    if (outputBytes > MAX_DECOMPRESSED_BYTES) {
      return { ok: false, error: `the data expands beyond ${MAX_DECOMPRESSED_BYTES} bytes` };
    }
    output.push(token);
    dictionary.record(token, code === LITERAL);
  }
  if (!reader.onlyPaddingLeft()) return { ok: false, error: 'unexpected data after the end marker' };
  const joined = output.join('');
  const bytes = new Uint8Array(joined.length);
  for (let i = 0; i < joined.length; i++) bytes[i] = joined.charCodeAt(i);
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { ok: false, error: 'the data is not valid UTF-8 text' };
  }
}
