import { useEffect } from 'react';
import { useLab } from '../../state/store.ts';
import { highlightSelector, type Highlight } from './scripts.ts';

// The spotlight of presenter mode: body[data-presenting] dims the page (presenter.css) and the
// beat's element, marked data-presenter-focus, stays lit and is scrolled into view. Lanes and
// charts only exist once a run is ready, so the search is repeated when the recording arrives.

const FOCUS_ATTRIBUTE = 'data-presenter-focus';

const prefersReducedMotion = (): boolean =>
  typeof window.matchMedia === 'function' && window.matchMedia('(prefers-reduced-motion: reduce)').matches;

export function usePresenterFocus(highlight: Highlight | null): void {
  const selector = highlight ? highlightSelector(highlight) : null;
  const kind = highlight?.kind ?? null;
  const ready = useLab((s) => s.recording !== null);

  useEffect(() => {
    if (selector === null) return;
    document.body.setAttribute('data-presenting', '');
    return () => document.body.removeAttribute('data-presenting');
  }, [selector]);

  useEffect(() => {
    if (selector === null) return;
    const target = document.querySelector(selector);
    if (!(target instanceof HTMLElement)) return;
    target.setAttribute(FOCUS_ATTRIBUTE, '');
    // A whole region is tall: show its top. A lane or a chart fits: centre it above the caption bar.
    target.scrollIntoView({ behavior: prefersReducedMotion() ? 'auto' : 'smooth', block: kind === 'region' ? 'start' : 'center' });
    return () => target.removeAttribute(FOCUS_ATTRIBUTE);
  }, [selector, kind, ready]);
}
