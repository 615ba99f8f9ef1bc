import { createContext, useCallback, useContext, useState } from 'react';

// How big a chart draws. In the page a chart is as wide as its card and CHART_HEIGHT tall; where
// the charts are given a box to fill (an embedded frame, issue 12 item 1) the plot takes the box's
// height too, so a 480×270 frame shows a whole chart and a 1920×1080 one a tall one.

export const CHART_HEIGHT = 220;
/** The shortest plot a filling chart draws: below it the axes' labels would overlap. */
export const MIN_FILL_HEIGHT = 90;

/** True inside a view whose charts fill the height of their box instead of CHART_HEIGHT. */
export const ChartsFillBox = createContext(false);

/**
 * A ref for the plot's box, and the width and height to draw at, kept up to date by a
 * ResizeObserver (whole pixels). `fallbackWidth` is used until the first measurement (and where
 * nothing measures, as in component tests).
 */
export function useChartBox(fallbackWidth: number): [(element: HTMLElement | null) => (() => void) | undefined, number, number] {
  const fill = useContext(ChartsFillBox);
  const [size, setSize] = useState({ width: fallbackWidth, height: CHART_HEIGHT });
  const ref = useCallback(
    (element: HTMLElement | null) => {
      if (!element || typeof ResizeObserver === 'undefined') return undefined;
      const observer = new ResizeObserver((entries) => {
        for (const entry of entries) {
          const width = Math.round(entry.contentRect.width);
          const height = fill ? Math.max(MIN_FILL_HEIGHT, Math.floor(entry.contentRect.height)) : CHART_HEIGHT;
          if (width > 0) setSize((old) => (old.width === width && old.height === height ? old : { width, height }));
        }
      });
      observer.observe(element);
      return () => observer.disconnect();
    },
    [fill],
  );
  return [ref, size.width, fill ? size.height : CHART_HEIGHT];
}

/** Ticks on a y axis: fewer on a short plot, so their labels never touch. */
export const yTickCount = (innerHeight: number): number => (innerHeight < 80 ? 2 : innerHeight < 130 ? 3 : 5);
