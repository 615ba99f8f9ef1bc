import { describe, expect, it } from 'vitest';
import { clearMp4Times, findBox } from './mp4Times.ts';

/** A box: 32-bit size, four-letter type, then its body. */
function box(type: string, ...body: Uint8Array[]): Uint8Array {
  const length = 8 + body.reduce((n, b) => n + b.length, 0);
  const out = new Uint8Array(length);
  new DataView(out.buffer).setUint32(0, length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  let at = 8;
  for (const b of body) {
    out.set(b, at);
    at += b.length;
  }
  return out;
}
/** A version-0 full box whose first 8 body bytes are creation and modification time. */
const stamped = (type: string) => box(type, new Uint8Array([0, 0, 0, 0, 0x66, 0x77, 0x88, 0x99, 0x66, 0x77, 0x88, 0x99, 7, 7, 7, 7]));

describe('clearMp4Times', () => {
  it('zeroes the times of the movie, track and media headers and nothing else', () => {
    const file = box('moov', stamped('mvhd'), box('trak', stamped('tkhd'), box('mdia', stamped('mdhd'))));
    const ftyp = box('ftyp', new Uint8Array([105, 115, 111, 109]));
    const bytes = new Uint8Array([...ftyp, ...file]);
    const before = bytes.slice();
    clearMp4Times(bytes);
    for (const path of [['moov', 'mvhd'], ['moov', 'trak', 'tkhd'], ['moov', 'trak', 'mdia', 'mdhd']]) {
      const found = findBox(bytes, path);
      expect(found).not.toBeNull();
      const [start] = found ?? [0];
      expect([...bytes.subarray(start + 12, start + 20)]).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
      // The rest of the box (here its trailing 7s) is untouched.
      expect([...bytes.subarray(start + 20, start + 24)]).toEqual([7, 7, 7, 7]);
    }
    const changed = [...bytes].filter((b, i) => b !== before[i]).length;
    expect(changed).toBe(3 * 8);
    expect([...bytes.subarray(0, ftyp.length)]).toEqual([...ftyp]);
  });

  it('stops at a damaged box instead of reading past the end', () => {
    const bytes = box('moov', stamped('mvhd'));
    new DataView(bytes.buffer).setUint32(8, 9999);
    expect(() => clearMp4Times(bytes)).not.toThrow();
  });
});
