import { describe, expect, test } from 'vitest';
import { buildPalette, createGifWriter, keyColourRamp, MAX_PALETTE_COLOURS, type Rgb } from './gifEncode.ts';
import { compositeFrames, readGif } from './gifRead.ts';

const WIDTH = 40;
const HEIGHT = 24;
const WHITE: Rgb = [255, 255, 255];
const INK: Rgb = [27, 31, 36];
const ORANGE: Rgb = [230, 159, 0];
const BLUE: Rgb = [0, 114, 178];

/** A lane-like picture: white ground, a dark row line, and a coloured square at column x. */
function frame(x: number, colour: Rgb = ORANGE): Uint8ClampedArray {
  const rgba = new Uint8ClampedArray(WIDTH * HEIGHT * 4);
  for (let y = 0; y < HEIGHT; y++) {
    for (let col = 0; col < WIDTH; col++) {
      const inSquare = col >= x && col < x + 6 && y >= 6 && y < 12;
      const c = inSquare ? colour : y === 18 ? INK : WHITE;
      rgba.set([c[0], c[1], c[2], 255], (y * WIDTH + col) * 4);
    }
  }
  return rgba;
}

const FRAMES = [frame(0), frame(8), frame(16, BLUE), frame(16, BLUE), frame(30)];

function encode(frames: Uint8ClampedArray[], frameDelayMs = 100): Uint8Array {
  const palette = buildPalette(frames[0], [WHITE, INK, ORANGE, BLUE]);
  const writer = createGifWriter({ width: WIDTH, height: HEIGHT, frameDelayMs, palette });
  frames.forEach((f) => writer.addFrame(f));
  return writer.finish();
}

describe('the GIF encoder', () => {
  test('gives the same bytes for the same frames, every time', () => {
    const a = encode(FRAMES);
    const b = encode(FRAMES.map((f) => f.slice()));
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    expect(Buffer.from(encode([frame(0), frame(9)])).equals(Buffer.from(encode([frame(0), frame(8)])))).toBe(false);
  });

  test('writes a GIF89a with the logical screen size, one image per frame, the delay and an endless loop', () => {
    const bytes = encode(FRAMES, 200);
    expect(new TextDecoder().decode(bytes.subarray(0, 6))).toBe('GIF89a');
    expect(bytes[6] | (bytes[7] << 8)).toBe(WIDTH);
    expect(bytes[8] | (bytes[9] << 8)).toBe(HEIGHT);
    expect(bytes.at(-1)).toBe(0x3b);
    const gif = readGif(bytes);
    expect(gif.frames).toHaveLength(FRAMES.length);
    expect(gif.frames.map((f) => f.delayCs)).toEqual([20, 20, 20, 20, 20]);
    expect(gif.loopCount).toBe(0);
    expect(gif.frames.every((f) => f.width === WIDTH && f.height === HEIGHT && f.left === 0 && f.top === 0)).toBe(true);
  });

  test('decodes to exactly the frames it was given', () => {
    const shown = compositeFrames(readGif(encode(FRAMES)));
    expect(shown).toHaveLength(FRAMES.length);
    shown.forEach((rgba, i) => expect(Buffer.from(rgba).equals(Buffer.from(FRAMES[i]))).toBe(true));
  });

  test('a busy picture that fills the LZW code table still decodes exactly', () => {
    const colours: Rgb[] = Array.from({ length: 16 }, (_, i) => [i * 16, 255 - i * 16, (i * 97) % 256]);
    const width = 160;
    const height = 120;
    const busy = new Uint8ClampedArray(width * height * 4);
    for (let i = 0; i < width * height; i++) busy.set([...colours[(i * 7 + ((i / 13) | 0)) % 16], 255], i * 4);
    const writer = createGifWriter({ width, height, frameDelayMs: 40, palette: colours });
    writer.addFrame(busy);
    const [shown] = compositeFrames(readGif(writer.finish()));
    expect(Buffer.from(shown).equals(Buffer.from(busy))).toBe(true);
  });

  test('sends only what changed: pixels equal to the frame before are transparent over it', () => {
    const gif = readGif(encode(FRAMES));
    const [first, second, , repeat] = gif.frames;
    expect(first.transparentIndex).toBeNull();
    expect(second.transparentIndex).not.toBeNull();
    expect(second.disposal).toBe(1);
    const changed = second.indices.filter((i) => i !== second.transparentIndex).length;
    // The square left columns 0–5 and arrived at 8–13: 12 columns of 6 rows changed.
    expect(changed).toBe(72);
    expect(repeat.indices.every((i) => i === repeat.transparentIndex)).toBe(true);
  });

  test('refuses a frame of the wrong size and names the size it needed', () => {
    const writer = createGifWriter({ width: WIDTH, height: HEIGHT, frameDelayMs: 100, palette: [WHITE] });
    expect(() => writer.addFrame(new Uint8ClampedArray(10))).toThrow(/3840 bytes for 40 × 24/);
    expect(() => writer.finish()).toThrow(/at least one frame/);
  });

  test('refuses sizes a GIF cannot hold', () => {
    expect(() => createGifWriter({ width: 0, height: 1, frameDelayMs: 100, palette: [WHITE] })).toThrow(/width/);
    expect(() => createGifWriter({ width: 1, height: 70_000, frameDelayMs: 100, palette: [WHITE] })).toThrow(/height/);
  });
});

describe('the palette', () => {
  test('holds the key colours exactly, first and once each', () => {
    const palette = buildPalette(frame(0), [ORANGE, WHITE, ORANGE]);
    expect(palette.slice(0, 2)).toEqual([ORANGE, WHITE]);
    expect(palette).toContainEqual(INK);
    expect(new Set(palette.map((c) => c.join())).size).toBe(palette.length);
  });

  test('finds the colours of a frame too large to quantize whole from a regular sample of it', () => {
    const side = 400;
    const big = new Uint8ClampedArray(side * side * 4);
    for (let i = 0; i < side * side; i++) big.set([...(i % side < 200 ? ORANGE : BLUE), 255], i * 4);
    const palette = buildPalette(big, [WHITE]);
    expect(palette).toContainEqual(ORANGE);
    expect(palette).toContainEqual(BLUE);
    expect(palette).toEqual(buildPalette(big.slice(), [WHITE]));
  });

  test(`never holds more than ${String(MAX_PALETTE_COLOURS)} colours, leaving one index for "unchanged"`, () => {
    const noisy = new Uint8ClampedArray(64 * 64 * 4);
    for (let i = 0; i < 64 * 64; i++) noisy.set([(i * 37) % 256, (i * 91) % 256, (i * 13) % 256, 255], i * 4);
    const palette = buildPalette(noisy, [WHITE, INK]);
    expect(palette.length).toBeLessThanOrEqual(MAX_PALETTE_COLOURS);
    expect(palette.length).toBeGreaterThan(200);
    expect(buildPalette(noisy, [WHITE])).toEqual(buildPalette(noisy.slice(), [WHITE]));
  });
});

test('the key colours are the background, then each ink and its blends a quarter, half and three quarters of the way to it', () => {
  expect(keyColourRamp([[0, 0, 0]], [255, 255, 255])).toEqual([
    [255, 255, 255],
    [0, 0, 0],
    [64, 64, 64],
    [128, 128, 128],
    [191, 191, 191],
  ]);
});
