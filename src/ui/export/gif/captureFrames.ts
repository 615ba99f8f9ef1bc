import { MotionGlobalConfig } from 'framer-motion';
import { useLab } from '../../../state/store.ts';
import { MECHANISM_STYLES } from '../../mechanismStyle.ts';
import { buildPalette, createGifWriter, keyColourRamp, type GifWriter, type Rgb } from './gifEncode.ts';
import type { FramePlan } from './gifFrames.ts';

// The DOM half of the GIF export: drive the lab's own playhead through the planned instants, let
// React draw each one, and turn the drawing into pixels. Nothing here draws the lanes itself, so the
// GIF shows exactly what the page shows (STYLE.md §9: the picture is a function of the playhead).

/** Output caps: wider than a slide needs gains nothing, and every pixel costs encoding time. */
export const MAX_WIDTH_PX = 960;
export const MAX_HEIGHT_PX = 1600;

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
  /** The caption of every frame; the frame's simulated time is appended. */
  title: string;
  signal: AbortSignal;
  onProgress: (done: number, total: number) => void;
  snapshot: SnapshotFn;
  rasterize: RasterizeFn;
}

export interface CapturedGif {
  bytes: Uint8Array<ArrayBuffer>;
  width: number;
  height: number;
  frames: number;
}

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
function pageColours(root: Element): { background: string; keys: Rgb[] } {
  const style = getComputedStyle(root);
  const ctx = document.createElement('canvas').getContext('2d', { willReadFrequently: true });
  const background = style.getPropertyValue('--bg').trim() || '#ffffff';
  if (!ctx) return { background, keys: [] };
  const bg = toRgb(ctx, background) ?? [255, 255, 255];
  const inks = [
    ...THEME_VARIABLES.map((name) => style.getPropertyValue(name)),
    ...Object.values(MECHANISM_STYLES).map((s) => s.color),
  ]
    .map((css) => toRgb(ctx, css))
    .filter((c): c is Rgb => c !== null);
  return { background, keys: keyColourRamp(inks, bg) };
}

/**
 * Records the plan's frames and encodes them as they come (never holding them all). The playhead
 * is put back where it was, paused, whatever happens; a new run during the capture stops it.
 */
export async function captureGif({ selector, plan, title, signal, onProgress, snapshot, rasterize }: CaptureRequest): Promise<CapturedGif> {
  const lab = useLab.getState();
  const recording = lab.recording;
  if (!recording) throw new Error('There is no run to record yet.');
  const savedPlayheadMs = lab.playheadMs;
  lab.pause();
  // Streams and server badges fade in over 0.18 s; a frame must show the state, not a fade's middle.
  const savedSkip = MotionGlobalConfig.skipAnimations;
  MotionGlobalConfig.skipAnimations = true;

  const total = plan.timesMs.length;
  let writer: GifWriter | null = null;
  let colours: { background: string; keys: Rgb[] } | null = null;
  let scale: number | null = null;
  const frame = document.createElement('canvas');
  const ctx = frame.getContext('2d', { willReadFrequently: true });
  if (!ctx) throw new Error('This browser cannot draw to a canvas.');
  try {
    onProgress(0, total);
    for (const [i, timeMs] of plan.timesMs.entries()) {
      signal.throwIfAborted();
      const state = useLab.getState();
      if (state.recording !== recording) throw new Error('The scenario changed while recording; make the GIF again.');
      // A press of Play during the capture would move the playhead between seek and snapshot.
      state.pause();
      state.seek(timeMs);
      await nextPaint();
      signal.throwIfAborted();
      const root = document.querySelector(selector);
      if (!root) throw new Error('The element to record is not on the page.');
      colours ??= pageColours(root);
      const shot = snapshot(root, { title: `${title} — t = ${(timeMs / 1000).toFixed(2)} s`, background: colours.background });
      if (scale === null) {
        scale = Math.min(1, MAX_WIDTH_PX / shot.width, MAX_HEIGHT_PX / shot.height);
        frame.width = Math.max(1, Math.round(shot.width * scale));
        frame.height = Math.max(1, Math.round(shot.height * scale));
      }
      // Every frame is drawn at the first frame's scale into the same fixed-size canvas.
      const drawn = await rasterize(shot.svg, shot.width, shot.height, scale);
      ctx.fillStyle = colours.background;
      ctx.fillRect(0, 0, frame.width, frame.height);
      ctx.drawImage(drawn, 0, 0);
      const rgba = ctx.getImageData(0, 0, frame.width, frame.height).data;
      writer ??= createGifWriter({
        width: frame.width,
        height: frame.height,
        frameDelayMs: plan.frameDelayMs,
        palette: buildPalette(rgba, colours.keys),
      });
      writer.addFrame(rgba);
      onProgress(i + 1, total);
    }
    if (!writer) throw new Error('The plan has no frames.');
    return { bytes: writer.finish(), width: frame.width, height: frame.height, frames: total };
  } finally {
    MotionGlobalConfig.skipAnimations = savedSkip;
    const after = useLab.getState();
    after.pause();
    after.seek(savedPlayheadMs);
  }
}
