import { useEffect } from 'react';
import { useLab } from '../../state/store.ts';
import { highlightSelector, type Highlight } from './scripts.ts';

// The spotlight of presenter mode: body[data-presenting] dims the page (presenter.css) and the
// beat's element, marked data-presenter-focus, stays lit and is scrolled into view. Lanes and
// charts only exist once a run is ready, so the search is repeated when the recording arrives.

const FOCUS_ATTRIBUTE = 'data-presenter-focus';

const prefersReducedMotion = (): boolean =>
  typeof window.matchMedia === 'function' && window.matchMedia('(prefers-reduced-motion: reduce)').matches;

/**
 * Scroll so the element sits in the room between the top (its scroll-margin-top, clear of the
 * sticky time controls) and the caption bar: centred there when it fits, else its top (where its
 * heading is) at the top of the room.
 */
function scrollIntoRoom(target: HTMLElement, barPx: number): void {
  const marginPx = Number.parseFloat(getComputedStyle(target).scrollMarginTop) || 0;
  const roomPx = window.innerHeight - barPx - marginPx;
  const rect = target.getBoundingClientRect();
  const wantedTopPx = marginPx + Math.max(0, (roomPx - rect.height) / 2);
  window.scrollTo({ top: window.scrollY + rect.top - wantedTopPx, behavior: prefersReducedMotion() ? 'auto' : 'smooth' });
}

/** `barPx`: the caption bar's height; when it changes (a longer caption, a turned phone) the element is placed again. */
export function usePresenterFocus(highlight: Highlight | null, barPx: number): void {
  const selector = highlight ? highlightSelector(highlight) : null;
  const ready = useLab((s) => s.recording !== null);
  const active = selector !== null;

  // Kept through the whole talk, so the page does not flash undimmed between two beats.
  useEffect(() => {
    if (!active) return;
    document.body.setAttribute('data-presenting', '');
    return () => document.body.removeAttribute('data-presenting');
  }, [active]);

  useEffect(() => {
    if (selector === null) return;
    const target = document.querySelector(selector);
    if (!(target instanceof HTMLElement)) return;
    target.setAttribute(FOCUS_ATTRIBUTE, '');
    // Two frames later: lanes and charts size themselves to their width in a second render.
    let frame = requestAnimationFrame(() => {
      frame = requestAnimationFrame(() => scrollIntoRoom(target, barPx));
    });
    return () => {
      cancelAnimationFrame(frame);
      target.removeAttribute(FOCUS_ATTRIBUTE);
    };
  }, [selector, ready, barPx]);
}
