import { GIFEncoder, applyPalette, quantize, type GifPalette } from 'gifenc';

// RGBA frames → an animated GIF89a, with no clock and no randomness: the same frames always give the
// same bytes. One global palette for the whole animation (a colour never shifts between frames),
// and every frame after the first marks the pixels that did not change as transparent over the
// frame before (disposal "do not dispose"), which LZW squeezes to almost nothing: a lane diagram
// changes only where messages move.

export type Rgb = readonly [number, number, number];

/** Colours a palette may hold; the 256th index is kept for "unchanged since the last frame". */
export const MAX_PALETTE_COLOURS = 255;
/** The largest GIF side (a 16-bit field). */
const MAX_SIDE = 65535;

/** Quantizing a whole 1,500 × 960 frame blocks the page for half a second; a regular sample does not. */
const MAX_SAMPLE_PIXELS = 65_536;

function everyNthPixel(rgba: Uint8Array | Uint8ClampedArray, maxPixels: number): Uint8Array | Uint8ClampedArray {
  const pixels = rgba.length / 4;
  const stride = Math.ceil(pixels / maxPixels);
  if (stride <= 1) return rgba;
  const out = new Uint8ClampedArray(Math.ceil(pixels / stride) * 4);
  for (let p = 0, o = 0; p < pixels; p += stride, o += 4) out.set(rgba.subarray(p * 4, p * 4 + 4), o);
  return out;
}

const colourKey = (c: Rgb) => (c[0] << 16) | (c[1] << 8) | c[2];

/**
 * The page's own colours first, exactly (flat fills and text stay true), then the commonest others
 * of a sample frame (anti-aliased edges) found by gifenc's deterministic quantizer.
 */
export function buildPalette(sample: Uint8Array | Uint8ClampedArray, keyColours: readonly Rgb[]): Rgb[] {
  const palette: Rgb[] = [];
  const seen = new Set<number>();
  const add = (c: Rgb) => {
    const key = colourKey(c);
    if (seen.has(key) || palette.length >= MAX_PALETTE_COLOURS) return;
    seen.add(key);
    palette.push([c[0], c[1], c[2]]);
  };
  keyColours.forEach(add);
  const room = MAX_PALETTE_COLOURS - palette.length;
  if (room > 0 && sample.length >= 4) {
    for (const c of quantize(everyNthPixel(sample, MAX_SAMPLE_PIXELS), room)) add([c[0], c[1], c[2]]);
  }
  return palette;
}

const mix = (ink: Rgb, background: Rgb, share: number): Rgb => [
  Math.round(ink[0] * share + background[0] * (1 - share)),
  Math.round(ink[1] * share + background[1] * (1 - share)),
  Math.round(ink[2] * share + background[2] * (1 - share)),
];

/** The background, then each ink and its blends toward the background: the colours of smoothed edges. */
export function keyColourRamp(inks: readonly Rgb[], background: Rgb): Rgb[] {
  return [background, ...inks.flatMap((ink) => [1, 0.75, 0.5, 0.25].map((share) => mix(ink, background, share)))];
}

export interface GifWriterOptions {
  width: number;
  height: number;
  frameDelayMs: number;
  palette: readonly Rgb[];
}

export interface GifWriter {
  /** Appends one frame: width × height × 4 bytes, row by row (canvas ImageData order). */
  addFrame(rgba: Uint8Array | Uint8ClampedArray): void;
  /** Ends the file and returns its bytes; the writer takes no more frames. */
  finish(): Uint8Array<ArrayBuffer>;
}

/** An encoder that takes frames one at a time, so a long capture never holds them all in memory. */
export function createGifWriter({ width, height, frameDelayMs, palette }: GifWriterOptions): GifWriter {
  if (!Number.isInteger(width) || width < 1 || width > MAX_SIDE) throw new RangeError(`width must be a whole number from 1 to ${String(MAX_SIDE)} (got ${String(width)})`);
  if (!Number.isInteger(height) || height < 1 || height > MAX_SIDE) throw new RangeError(`height must be a whole number from 1 to ${String(MAX_SIDE)} (got ${String(height)})`);
  if (palette.length < 1 || palette.length > MAX_PALETTE_COLOURS) throw new RangeError(`palette must hold 1 to ${String(MAX_PALETTE_COLOURS)} colours (got ${String(palette.length)})`);
  if (!(frameDelayMs >= 0)) throw new RangeError(`frameDelayMs must be 0 or more (got ${String(frameDelayMs)})`);

  const mapPalette: GifPalette = palette.map((c) => [c[0], c[1], c[2]]);
  const unchanged = palette.length;
  // The unchanged index needs a slot in the colour table; its colour is never shown.
  const tablePalette: GifPalette = [...mapPalette, [0, 0, 0]];
  const encoder = GIFEncoder();
  const pixels = width * height;
  let shown: Uint8Array | null = null;
  let finished = false;

  return {
    addFrame(rgba) {
      if (finished) throw new Error('the GIF is already finished');
      if (rgba.length !== pixels * 4) throw new RangeError(`frame must hold ${String(pixels * 4)} bytes for ${String(width)} × ${String(height)} (got ${String(rgba.length)})`);
      const index = applyPalette(rgba, mapPalette);
      if (shown === null) {
        // repeat 0 = loop forever (the NETSCAPE2.0 extension).
        encoder.writeFrame(index, width, height, { palette: tablePalette, delay: frameDelayMs, repeat: 0, dispose: 1 });
        shown = index;
        return;
      }
      const delta = new Uint8Array(pixels);
      for (let i = 0; i < pixels; i++) {
        if (index[i] === shown[i]) delta[i] = unchanged;
        else {
          delta[i] = index[i];
          shown[i] = index[i];
        }
      }
      encoder.writeFrame(delta, width, height, { delay: frameDelayMs, transparent: true, transparentIndex: unchanged, dispose: 1 });
    },
    finish() {
      if (shown === null) throw new Error('a GIF needs at least one frame');
      if (!finished) encoder.finish();
      finished = true;
      return encoder.bytes();
    },
  };
}
