// How an embedded frame is laid out for its iframe (issue 12 item 1): the page is drawn at a
// design size with the frame's aspect and scaled with a CSS transform to fill the frame exactly.
// Small frames draw at their own size (scale 1: text stays at its readable minimum); from 800×450
// up the scale grows more slowly than the frame, so a large frame gets both larger type and more
// room (more sampled clients in the lanes).

/** The frame from which the layout starts to scale up. */
export const BASE_FRAME = { width: 800, height: 450 } as const;
/** Scale = (frame / base) ^ this: 1 would only magnify, 0 would only add room. */
const SCALE_EXPONENT = 0.6;

export interface FrameLayout {
  scale: number;
  designWidth: number;
  designHeight: number;
}

export function frameLayout(width: number, height: number): FrameLayout {
  const safeWidth = Math.max(1, width);
  const safeHeight = Math.max(1, height);
  const growth = Math.min(safeWidth / BASE_FRAME.width, safeHeight / BASE_FRAME.height);
  const scale = growth > 1 ? growth ** SCALE_EXPONENT : 1;
  return {
    scale,
    // Rounded down, so the scaled page never exceeds the frame by a fraction of a pixel.
    designWidth: Math.floor(safeWidth / scale),
    designHeight: Math.floor(safeHeight / scale),
  };
}
