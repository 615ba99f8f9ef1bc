// The frame of a slide-sized export (GIF or video): a fixed canvas at a slide resolution, the
// recorded element scaled to fit above a band that shows the frame's simulated time. The element's
// picture carries a title that is the same in every frame (the scenario's name), so it wraps the same
// way every frame; only the time band changes, drawn at one place in a fixed-width font.

export const SLIDE_SIZES = [
  { id: '1280x720', width: 1280, height: 720, label: '1280 × 720 (slides)' },
  { id: '1920x1080', width: 1920, height: 1080, label: '1920 × 1080 (full HD)' },
] as const;
export type SlideSizeId = (typeof SLIDE_SIZES)[number]['id'];
export type SlideSize = (typeof SLIDE_SIZES)[number];

export function slideSizeById(id: string): SlideSize {
  return SLIDE_SIZES.find((s) => s.id === id) ?? SLIDE_SIZES[0];
}

export interface SlideLayout {
  /** The picture's scale and its top-left corner on the slide, in pixels. */
  scale: number;
  x: number;
  y: number;
  /** The time band's text baseline and right edge. */
  timeX: number;
  timeY: number;
  timeFontPx: number;
  paddingPx: number;
}

/**
 * Where a picture of width × height goes on the slide: as large as fits (up or down) in the area
 * above the time band, centred, with a margin of 1/24 of the slide's height all round.
 */
export function slideLayout(width: number, height: number, slide: { width: number; height: number }): SlideLayout {
  const paddingPx = Math.round(slide.height / 24);
  const timeFontPx = Math.round(slide.height / 30);
  const bandPx = Math.round(timeFontPx * 1.6);
  const areaWidth = slide.width - 2 * paddingPx;
  const areaHeight = slide.height - 2 * paddingPx - bandPx;
  const scale = Math.min(areaWidth / width, areaHeight / height);
  return {
    scale,
    x: Math.round(paddingPx + (areaWidth - width * scale) / 2),
    y: Math.round(paddingPx + (areaHeight - height * scale) / 2),
    timeX: slide.width - paddingPx,
    timeY: slide.height - paddingPx,
    timeFontPx,
    paddingPx,
  };
}

/** "t = 12.30 s": always two decimals, so the band's text keeps its width in a monospace font. */
export function timeLabel(timeMs: number): string {
  return `t = ${(timeMs / 1000).toFixed(2)} s`;
}
