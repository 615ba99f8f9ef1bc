// A small GIF reader, independent of the encoder, so the tests check the files we write against the
// format itself (GIF89a specification, https://www.w3.org/Graphics/GIF/spec-gif89a.txt): header,
// logical screen, loop extension, one graphic control extension and image per frame, and the LZW
// pixel data decoded and composited as a viewer would.

export interface GifFrameInfo {
  left: number;
  top: number;
  width: number;
  height: number;
  /** Hundredths of a second. */
  delayCs: number;
  disposal: number;
  transparentIndex: number | null;
  /** Colour-table indices, row by row. */
  indices: Uint8Array;
}

export interface GifInfo {
  version: string;
  width: number;
  height: number;
  globalPalette: [number, number, number][];
  /** From the NETSCAPE2.0 extension: 0 = forever; null when absent (play once). */
  loopCount: number | null;
  frames: GifFrameInfo[];
}

function decodeLzw(data: Uint8Array, minCodeSize: number, pixelCount: number): Uint8Array {
  const out = new Uint8Array(pixelCount);
  const clear = 1 << minCodeSize;
  const end = clear + 1;
  const prefix = new Int32Array(4096);
  const suffix = new Uint8Array(4096);
  const first = new Uint8Array(4096);
  const stack = new Uint8Array(4097);
  let codeSize = minCodeSize + 1;
  let next = clear + 2;
  let previous = -1;
  let written = 0;
  let bits = 0;
  let bitCount = 0;
  let pos = 0;
  for (let i = 0; i < clear; i++) {
    suffix[i] = i;
    first[i] = i;
  }
  while (written < pixelCount) {
    while (bitCount < codeSize && pos < data.length) {
      bits |= data[pos++] << bitCount;
      bitCount += 8;
    }
    if (bitCount < codeSize) break;
    const code = bits & ((1 << codeSize) - 1);
    bits >>>= codeSize;
    bitCount -= codeSize;
    if (code === clear) {
      codeSize = minCodeSize + 1;
      next = clear + 2;
      previous = -1;
      continue;
    }
    if (code === end) break;
    let top = 0;
    let c = code;
    if (code >= next) {
      if (previous < 0 || code > next) throw new Error(`bad LZW code ${String(code)}`);
      stack[top++] = first[previous];
      c = previous;
    }
    while (c >= clear) {
      stack[top++] = suffix[c];
      c = prefix[c];
    }
    stack[top++] = c;
    if (previous >= 0 && next < 4096) {
      prefix[next] = previous;
      suffix[next] = c;
      first[next] = first[previous];
      next++;
      if (next === 1 << codeSize && codeSize < 12) codeSize++;
    }
    while (top > 0 && written < pixelCount) out[written++] = stack[--top];
    previous = code;
  }
  if (written < pixelCount) throw new Error(`image data ends after ${String(written)} of ${String(pixelCount)} pixels`);
  return out;
}

export function readGif(bytes: Uint8Array): GifInfo {
  let pos = 0;
  const need = (n: number) => {
    if (pos + n > bytes.length) throw new Error(`file ends at byte ${String(bytes.length)}`);
  };
  const byte = () => {
    need(1);
    return bytes[pos++];
  };
  const u16 = () => byte() | (byte() << 8);
  const table = (size: number) => {
    const colours: [number, number, number][] = [];
    for (let i = 0; i < size; i++) colours.push([byte(), byte(), byte()]);
    return colours;
  };
  const subBlocks = () => {
    const parts: number[] = [];
    for (let size = byte(); size !== 0; size = byte()) {
      need(size);
      for (let i = 0; i < size; i++) parts.push(bytes[pos++]);
    }
    return Uint8Array.from(parts);
  };

  need(6);
  const version = String.fromCharCode(...bytes.subarray(0, 6));
  if (version !== 'GIF89a' && version !== 'GIF87a') throw new Error('not a GIF file');
  pos = 6;
  const width = u16();
  const height = u16();
  const screenFlags = byte();
  pos += 2;
  const globalPalette = screenFlags & 0x80 ? table(1 << ((screenFlags & 7) + 1)) : [];

  let loopCount: number | null = null;
  let control = { delayCs: 0, disposal: 0, transparentIndex: null as number | null };
  const frames: GifFrameInfo[] = [];
  for (;;) {
    const introducer = byte();
    if (introducer === 0x3b) break;
    if (introducer === 0x21) {
      const label = byte();
      const body = subBlocks();
      if (label === 0xf9) {
        control = { delayCs: body[1] | (body[2] << 8), disposal: (body[0] >> 2) & 7, transparentIndex: body[0] & 1 ? body[3] : null };
      } else if (label === 0xff && String.fromCharCode(...body.subarray(0, 11)) === 'NETSCAPE2.0') {
        loopCount = body[12] | (body[13] << 8);
      }
      continue;
    }
    if (introducer !== 0x2c) throw new Error(`unknown block 0x${introducer.toString(16)} at byte ${String(pos - 1)}`);
    const left = u16();
    const top = u16();
    const frameWidth = u16();
    const frameHeight = u16();
    const flags = byte();
    if (flags & 0x80) table(1 << ((flags & 7) + 1));
    const minCodeSize = byte();
    const indices = decodeLzw(subBlocks(), minCodeSize, frameWidth * frameHeight);
    frames.push({ left, top, width: frameWidth, height: frameHeight, ...control, indices });
    control = { delayCs: 0, disposal: 0, transparentIndex: null };
  }
  return { version, width, height, globalPalette, loopCount, frames };
}

/** Every frame as RGBA, composited over the ones before as a viewer shows them (disposal 0 and 1). */
export function compositeFrames(gif: GifInfo): Uint8Array[] {
  const canvas = new Uint8Array(gif.width * gif.height * 4);
  return gif.frames.map((frame) => {
    for (let y = 0; y < frame.height; y++) {
      for (let x = 0; x < frame.width; x++) {
        const index = frame.indices[y * frame.width + x];
        if (index === frame.transparentIndex) continue;
        const [r, g, b] = gif.globalPalette[index];
        const at = ((frame.top + y) * gif.width + frame.left + x) * 4;
        canvas[at] = r;
        canvas[at + 1] = g;
        canvas[at + 2] = b;
        canvas[at + 3] = 255;
      }
    }
    return canvas.slice();
  });
}
