import { useEffect } from 'react';
import { useLab } from '../../state/store.ts';
import { highlightSelector, type Highlight } from './scripts.ts';

// The spotlight of presenter mode: body[data-presenting] hides the page (presenter.css) and the
// beat's element, marked data-presenter-focus, is shown alone, scaled to fill the stage. Lanes and
// charts only exist once a run is ready, so the search is repeated when the recording arrives.

const FOCUS_ATTRIBUTE = 'data-presenter-focus';

/** Room kept between the lit element and the screen's edges (and the caption band), in px. */
const STAGE_MARGIN_PX = 16;

interface Stage {
  width: number;
  height: number;
}

const stageOf = (barPx: number): Stage => ({
  width: window.innerWidth - 2 * STAGE_MARGIN_PX,
  height: window.innerHeight - barPx - 2 * STAGE_MARGIN_PX,
});

/** The narrowest layout a lit element is given: the page's compact layout starts below this. */
const MIN_SLIDE_WIDTH_PX = 720;

/**
 * A width that gives the element about the stage's aspect, so that scaled it fills the stage:
 * a tall element is widened (text and rows reflow, so its height shrinks about as the width
 * grows and its aspect grows with the width's square); a wide, short one (a lane, whose rows keep
 * their height) is laid out narrower and so scaled up. Never wider than the stage, never
 * narrower than MIN_SLIDE_WIDTH_PX (or its width on the page, if that is less).
 */
function slideWidth(pageWidth: number, height: number, stage: Stage): number {
  if (height <= 0 || stage.height <= 0) return pageWidth;
  const aspect = pageWidth / height;
  const wanted = stage.width / stage.height;
  if (aspect < wanted) return Math.max(pageWidth, Math.min(stage.width, pageWidth * Math.sqrt(wanted / aspect)));
  // A short element keeps its height when narrowed: aim straight at the stage's aspect.
  return Math.max(Math.min(pageWidth, MIN_SLIDE_WIDTH_PX), Math.min(pageWidth, height * wanted));
}

/**
 * How much wider the element must be for every scroll box inside it (the scoreboard's table) to
 * show all its columns: a slide cannot be scrolled, so a cut column would hide the figures the
 * caption talks about. The element is widened by that much and then scaled down to fit.
 */
function hiddenOverflowPx(target: HTMLElement): number {
  let extra = 0;
  for (const box of target.querySelectorAll<HTMLElement>('.table-scroll')) extra = Math.max(extra, box.scrollWidth - box.clientWidth);
  return extra;
}

/**
 * The slide: the lit element leaves the flow (position: fixed, presenter.css) at a width it lays
 * out for, and is scaled to fill the stage (the screen above the caption band), centred there.
 * Published as --presenter-transform; placed again whenever its size changes.
 */
function placeOnStage(target: HTMLElement, barPx: number): void {
  const stage = stageOf(barPx);
  const width = target.offsetWidth;
  const height = target.offsetHeight;
  if (width === 0 || height === 0 || stage.height <= 0) return;
  const scale = Math.min(stage.width / width, stage.height / height);
  const left = STAGE_MARGIN_PX + (stage.width - width * scale) / 2;
  const top = STAGE_MARGIN_PX + (stage.height - height * scale) / 2;
  target.style.setProperty('--presenter-transform', `translate(${String(left)}px, ${String(top)}px) scale(${String(scale)})`);
}

/** Lights `target` on the stage; returns what puts it back in the page. */
function light(target: HTMLElement, barPx: number): () => void {
  // The width on the page, read before the element leaves the flow.
  const widthPx = target.getBoundingClientRect().width;
  target.setAttribute(FOCUS_ATTRIBUTE, '');
  target.style.width = `${String(widthPx)}px`;
  const place = () => placeOnStage(target, barPx);
  const observer = typeof ResizeObserver === 'function' ? new ResizeObserver(place) : null;
  // Two frames later: lanes and charts size themselves to their width in a second render.
  let frame = requestAnimationFrame(() => {
    frame = requestAnimationFrame(() => {
      const width = slideWidth(widthPx, target.offsetHeight, stageOf(barPx));
      target.style.width = `${String(width)}px`;
      const extra = hiddenOverflowPx(target);
      if (extra > 0) target.style.width = `${String(width + extra)}px`;
      place();
      observer?.observe(target);
    });
  });
  window.addEventListener('resize', place);
  return () => {
    cancelAnimationFrame(frame);
    window.removeEventListener('resize', place);
    observer?.disconnect();
    target.removeAttribute(FOCUS_ATTRIBUTE);
    target.style.removeProperty('width');
    target.style.removeProperty('--presenter-transform');
  };
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
    const found = document.querySelector(selector);
    if (found instanceof HTMLElement) return light(found, barPx);
    // Lanes, charts and the parts below the first screen take a new run in a deferred render
    // (useDeferredRecording, WhenNeeded), after `ready`: light the element when it appears.
    let unlight: (() => void) | null = null;
    const watcher = new MutationObserver(() => {
      const target = document.querySelector(selector);
      if (!(target instanceof HTMLElement)) return;
      watcher.disconnect();
      unlight = light(target, barPx);
    });
    watcher.observe(document.body, { childList: true, subtree: true });
    return () => {
      watcher.disconnect();
      unlight?.();
    };
  }, [selector, ready, barPx]);
}
