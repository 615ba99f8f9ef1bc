import { MotionGlobalConfig } from 'framer-motion';
import { useLab } from '../../../state/store.ts';
import { MECHANISM_STYLES } from '../../mechanismStyle.ts';
import { buildPalette, createGifWriter, keyColourRamp, type GifWriter, type Rgb } from './gifEncode.ts';
import type { FramePlan } from './gifFrames.ts';
import { slideLayout, timeLabel, type SlideLayout } from '../video/slideFrame.ts';
import type { VideoCodec } from 'mediabunny';
import type { VideoWriter } from '../video/videoEncode.ts';

// The DOM half of the GIF and video exports: drive the lab's own playhead through the planned
// instants, let React draw each one, and turn the drawing into a slide-sized frame (slideFrame.ts).
// Nothing here draws the lanes itself, so the file shows exactly what the page shows (STYLE.md §9:
// the picture is a function of the playhead).

export interface SvgSnapshot {
  svg: string;
  width: number;
  height: number;
}
export type SnapshotFn = (root: Element, options: { title: string; background?: string }) => SvgSnapshot;
export type RasterizeFn = (svg: string, width: number, height: number, scale?: number) => Promise<HTMLCanvasElement>;

export interface CaptureRequest {
  /** CSS selector of the element to record; looked up again for every frame (React may replace it). */
  selector: string;
  plan: FramePlan;
  /** The caption of every frame (the same in each); the frame's simulated time is drawn below. */
  title: string;
  /** The frame in pixels: a slide resolution. */
  size: { width: number; height: number };
  signal: AbortSignal;
  onProgress: (done: number, total: number) => void;
  snapshot: SnapshotFn;
  rasterize: RasterizeFn;
}

export interface CapturedFile {
  bytes: Uint8Array<ArrayBuffer>;
  width: number;
  height: number;
  frames: number;
}
export type CapturedGif = CapturedFile;

/** Two animation frames: React commits the seek, then the browser lays it out and paints it. */
const nextPaint = () => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())));

/** Any CSS colour, as the canvas resolves it. */
function toRgb(ctx: CanvasRenderingContext2D, css: string): Rgb | null {
  if (css.trim() === '') return null;
  ctx.clearRect(0, 0, 1, 1);
  ctx.fillStyle = '#000';
  ctx.fillStyle = css;
  ctx.fillRect(0, 0, 1, 1);
  const [r, g, b] = ctx.getImageData(0, 0, 1, 1).data;
  return [r, g, b];
}

const THEME_VARIABLES = ['--fg', '--muted', '--border', '--error', '--accent', '--header-bg', '--row-alt'];

/** The page's colours in the current scheme (light or dark), with their edges toward the background. */
function pageColours(root: Element): PageColours {
  const style = getComputedStyle(root);
  const ctx = document.createElement('canvas').getContext('2d', { willReadFrequently: true });
  const background = style.getPropertyValue('--bg').trim() || '#ffffff';
  const ink = style.getPropertyValue('--fg').trim() || '#000000';
  if (!ctx) return { background, ink, keys: [] };
  const bg = toRgb(ctx, background) ?? [255, 255, 255];
  const inks = [
    ...THEME_VARIABLES.map((name) => style.getPropertyValue(name)),
    ...Object.values(MECHANISM_STYLES).map((s) => s.color),
  ]
    .map((css) => toRgb(ctx, css))
    .filter((c): c is Rgb => c !== null);
  return { background, ink, keys: keyColourRamp(inks, bg) };
}

interface PageColours {
  background: string;
  ink: string;
  keys: Rgb[];
}

/** Receives each finished frame, drawn on the capture's canvas. */
type FrameSink = (frame: HTMLCanvasElement, ctx: CanvasRenderingContext2D, index: number, colours: PageColours) => Promise<void> | void;

/**
 * Drives the playhead through the plan and hands each frame, drawn at the slide size, to `sink` (which
 * encodes it at once: the frames are never all held). The playhead is put back where it was, paused,
 * whatever happens; a new run during the capture stops it.
 */
async function captureSlides(
  { selector, plan, title, size, signal, onProgress, snapshot, rasterize }: CaptureRequest,
  sink: FrameSink,
): Promise<void> {
  const lab = useLab.getState();
  const recording = lab.recording;
  if (!recording) throw new Error('There is no run to record yet.');
  const savedPlayheadMs = lab.playheadMs;
  lab.pause();
  // Streams and server badges fade in over 0.18 s; a frame must show the state, not a fade's middle.
  const savedSkip = MotionGlobalConfig.skipAnimations;
  MotionGlobalConfig.skipAnimations = true;

  const total = plan.timesMs.length;
  let colours: PageColours | null = null;
  let layout: SlideLayout | null = null;
  const frame = document.createElement('canvas');
  frame.width = size.width;
  frame.height = size.height;
  const ctx = frame.getContext('2d', { willReadFrequently: true });
  if (!ctx) throw new Error('This browser cannot draw to a canvas.');
  try {
    onProgress(0, total);
    for (const [i, timeMs] of plan.timesMs.entries()) {
      signal.throwIfAborted();
      const state = useLab.getState();
      if (state.recording !== recording) throw new Error('The scenario changed while recording; export again.');
      // A press of Play during the capture would move the playhead between seek and snapshot.
      state.pause();
      state.seek(timeMs);
      await nextPaint();
      signal.throwIfAborted();
      const root = document.querySelector(selector);
      if (!root) throw new Error('The element to record is not on the page.');
      colours ??= pageColours(root);
      const shot = snapshot(root, { title, background: colours.background });
      // Every frame is placed at the first frame's scale and position.
      layout ??= slideLayout(shot.width, shot.height, size);
      const drawn = await rasterize(shot.svg, shot.width, shot.height, layout.scale);
      ctx.fillStyle = colours.background;
      ctx.fillRect(0, 0, frame.width, frame.height);
      ctx.drawImage(drawn, layout.x, layout.y);
      ctx.fillStyle = colours.ink;
      ctx.font = `600 ${String(layout.timeFontPx)}px ui-monospace, Menlo, Consolas, "DejaVu Sans Mono", monospace`;
      ctx.textAlign = 'right';
      ctx.textBaseline = 'alphabetic';
      ctx.fillText(timeLabel(timeMs), layout.timeX, layout.timeY);
      await sink(frame, ctx, i, colours);
      onProgress(i + 1, total);
    }
  } finally {
    MotionGlobalConfig.skipAnimations = savedSkip;
    const after = useLab.getState();
    after.pause();
    after.seek(savedPlayheadMs);
  }
}

/** An animated GIF of the plan: one palette for all frames, built from the first. */
export async function captureGif(request: CaptureRequest): Promise<CapturedFile> {
  const gif: { writer: GifWriter | null } = { writer: null };
  const { width, height } = request.size;
  await captureSlides(request, (_, ctx, __, colours) => {
    const rgba = ctx.getImageData(0, 0, width, height).data;
    gif.writer ??= createGifWriter({ width, height, frameDelayMs: request.plan.frameDelayMs, palette: buildPalette(rgba, colours.keys) });
    gif.writer.addFrame(rgba);
  });
  if (!gif.writer) throw new Error('The plan has no frames.');
  return { bytes: gif.writer.finish(), width, height, frames: request.plan.timesMs.length };
}

/** An MP4 of the plan, each frame shown for the plan's frame delay. */
export async function captureVideo(request: CaptureRequest & { codec: VideoCodec }): Promise<CapturedFile> {
  const { createVideoWriter } = await import('../video/videoEncode.ts');
  const fps = 1000 / request.plan.frameDelayMs;
  const frameSec = request.plan.frameDelayMs / 1000;
  const video: { writer: VideoWriter | null } = { writer: null };
  try {
    await captureSlides(request, async (canvas, _, index) => {
      video.writer ??= await createVideoWriter(canvas, request.codec, fps);
      await video.writer.addFrame(index * frameSec, frameSec);
    });
    if (!video.writer) throw new Error('The plan has no frames.');
    const bytes = await video.writer.finish();
    return { bytes, width: request.size.width, height: request.size.height, frames: request.plan.timesMs.length };
  } catch (error) {
    await video.writer?.cancel();
    throw error;
  }
}
