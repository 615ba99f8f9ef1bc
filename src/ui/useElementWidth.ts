import { useCallback, useState } from 'react';

/**
 * The content width of an element, kept up to date by a ResizeObserver, so a chart or lane fills its
 * box on any screen. `fallback` is used until the first measurement (and where nothing measures,
 * as in component tests).
 */
export function useElementWidth(fallback: number): [(element: HTMLElement | null) => (() => void) | undefined, number] {
  const [width, setWidth] = useState(fallback);
  const ref = useCallback((element: HTMLElement | null) => {
    if (!element || typeof ResizeObserver === 'undefined') return undefined;
    const observer = new ResizeObserver((entries) => {
      for (const entry of entries) {
        // Whole pixels: sub-pixel changes would re-render the paths for nothing.
        const measured = Math.round(entry.contentRect.width);
        if (measured > 0) setWidth(measured);
      }
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return [ref, width];
}
