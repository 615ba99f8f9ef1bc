import './presenter.css';
import { useEffect, useRef, useState, type RefObject } from 'react';
import { presetById } from '../../sim/presets/presets.ts';
import { useLab } from '../../state/store.ts';
import { formatSeconds } from '../time/timeFormat.ts';
import { usePresenter } from './presenterStore.ts';
import { usePresenterFocus } from './usePresenterFocus.ts';

// Presenter mode (issue 4, item 4): a caption bar at the bottom of the screen over the real lab,
// which stays visible with the beat's element lit. Loaded on demand by Presenter.tsx, which also
// announces the caption to screen readers.

/** Stop the talk when the lab leaves its preset, or when the browser leaves full screen (Esc). */
function useEndConditions(presenting: boolean): void {
  const presetId = useLab((s) => s.presetId);
  const talkPresetId = usePresenter((s) => s.presenting?.presetId ?? null);
  useEffect(() => {
    if (talkPresetId !== null && presetId !== talkPresetId) usePresenter.getState().stop();
  }, [presetId, talkPresetId]);

  useEffect(() => {
    if (!presenting) return;
    // In full screen the browser keeps Esc for itself and only leaves full screen.
    let wasFullscreen = document.fullscreenElement !== null;
    const onChange = () => {
      const isFullscreen = document.fullscreenElement !== null;
      if (wasFullscreen && !isFullscreen) usePresenter.getState().stop();
      wasFullscreen = isFullscreen;
    };
    document.addEventListener('fullscreenchange', onChange);
    return () => document.removeEventListener('fullscreenchange', onChange);
  }, [presenting]);
}

/**
 * The bar's height in px, also published as --presenter-bar-height so the page can scroll past the
 * bar; the spotlight uses it to keep its element clear of the bar.
 */
function useBarHeight(bar: RefObject<HTMLElement | null>, presenting: boolean): number {
  const [heightPx, setHeightPx] = useState(0);
  useEffect(() => {
    const element = bar.current;
    if (!presenting || !element) return;
    const style = document.body.style;
    const update = () => {
      const px = Math.ceil(element.offsetHeight);
      style.setProperty('--presenter-bar-height', `${String(px)}px`);
      setHeightPx(px);
    };
    update();
    const observer = typeof ResizeObserver === 'function' ? new ResizeObserver(update) : null;
    observer?.observe(element);
    return () => {
      observer?.disconnect();
      style.removeProperty('--presenter-bar-height');
    };
  }, [bar, presenting]);
  return heightPx;
}

/** Focus goes to the talk's Next button, and back to whatever opened the talk when it ends. */
function useFocusHandOver(next: RefObject<HTMLButtonElement | null>, presenting: boolean): void {
  useEffect(() => {
    if (!presenting) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    next.current?.focus({ preventScroll: true });
    return () => {
      if (opener?.isConnected) opener.focus({ preventScroll: true });
    };
  }, [next, presenting]);
}

export function PresenterBar() {
  const presenting = usePresenter((s) => s.presenting);
  const beats = usePresenter((s) => s.beats);
  const { next, previous, stop } = usePresenter.getState();
  const bar = useRef<HTMLElement>(null);
  const nextButton = useRef<HTMLButtonElement>(null);

  const beat = presenting ? beats[presenting.beat] : undefined;
  const title = presenting ? (presetById(presenting.presetId)?.title ?? '') : '';
  const barPx = useBarHeight(bar, presenting !== null);
  usePresenterFocus(beat?.highlight ?? null, barPx);
  useEndConditions(presenting !== null);
  useFocusHandOver(nextButton, presenting !== null);

  const position = presenting ? `Beat ${String(presenting.beat + 1)} of ${String(beats.length)}` : '';
  const isFirst = presenting?.beat === 0;
  const isLast = presenting !== null && presenting.beat === beats.length - 1;
  return (
    <>
      {presenting && beat && (
        <section ref={bar} className="presenter-bar" aria-label="Presenter">
          <p className="presenter-meta">
            <span className="presenter-title">{title}</span>
            <span className="presenter-position">{position}</span>
            <span className="presenter-time">at {formatSeconds(beat.atMs)}</span>
          </p>
          <p key={presenting.beat} className="presenter-caption">
            {beat.caption}
          </p>
          <div className="presenter-actions">
            <button type="button" aria-disabled={isFirst} onClick={previous}>
              <span aria-hidden="true">← </span>Previous
            </button>
            <button type="button" ref={nextButton} aria-disabled={isLast} onClick={next}>
              Next<span aria-hidden="true"> →</span>
            </button>
            <button type="button" onClick={stop}>
              Exit
            </button>
            <p className="presenter-keys">
              <kbd>←</kbd> <kbd>→</kbd> or <kbd>Page Up</kbd> <kbd>Page Down</kbd> to move, <kbd>Esc</kbd> to leave
            </p>
          </div>
        </section>
      )}
    </>
  );
}
