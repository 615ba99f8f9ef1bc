// The muxer stamps an MP4's movie, track and media headers (mvhd, tkhd, mdhd) with the wall-clock
// time of the export. The same run and settings must give the same file, so those four bytes (eight
// in version-1 boxes) of creation and modification time are set to 0 ("unknown") afterwards.

const CONTAINERS = new Set(['moov', 'trak', 'mdia']);
const STAMPED = new Set(['mvhd', 'tkhd', 'mdhd']);

function boxType(bytes: Uint8Array, at: number): string {
  return String.fromCharCode(bytes[at + 4], bytes[at + 5], bytes[at + 6], bytes[at + 7]);
}

function boxSize(view: DataView, at: number, end: number): number {
  const size = view.getUint32(at);
  if (size === 1) return Number(view.getBigUint64(at + 8));
  return size === 0 ? end - at : size;
}

function clearTimes(bytes: Uint8Array, view: DataView, from: number, to: number): void {
  for (let at = from; at + 8 <= to; ) {
    const size = boxSize(view, at, to);
    if (size < 8 || at + size > to) return;
    const type = boxType(bytes, at);
    if (CONTAINERS.has(type)) clearTimes(bytes, view, at + 8, at + size);
    else if (STAMPED.has(type)) {
      const version = bytes[at + 8];
      bytes.fill(0, at + 12, at + 12 + (version === 1 ? 16 : 8));
    }
    at += size;
  }
}

/** Zeroes the creation and modification times in place; returns the same bytes. */
export function clearMp4Times<T extends Uint8Array>(bytes: T): T {
  clearTimes(bytes, new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength), 0, bytes.length);
  return bytes;
}

/** The first box of `type` anywhere in the moov tree, as [start, end) offsets, or null. */
export function findBox(bytes: Uint8Array, path: readonly string[], from = 0, to = bytes.length): [number, number] | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let at = from; at + 8 <= to; ) {
    const size = boxSize(view, at, to);
    if (size < 8 || at + size > to) return null;
    if (boxType(bytes, at) === path[0]) return path.length === 1 ? [at, at + size] : findBox(bytes, path.slice(1), at + 8, at + size);
    at += size;
  }
  return null;
}
