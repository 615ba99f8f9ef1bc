import { useEffect } from 'react';
import { useLab } from '../../state/store.ts';
import { nudgeSpeed } from './speedScale.ts';
import { stepOnce } from './stepping.ts';
import { runEndMs } from '../comparison/figures.ts';

// Space play/pause, → step, R restart, End skip to end, + / − speed, ? shortcuts help (issue 3).
// Keys typed into a field, or meant for a focused slider, button or checkbox, are left to that
// control. Other features (presenter mode) pass their own key handlers in: the App composes them,
// so this module imports no feature.

/** A feature's keys: true when it used the key. Runs before the lab's own shortcuts. */
export type KeyHandler = (key: string) => boolean;

function ownsKey(target: EventTarget | null, key: string): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag === 'INPUT') {
    const type = (target as HTMLInputElement).type;
    if (type === 'range') return key.startsWith('Arrow') || key === ' ' || key === 'Home' || key === 'End';
    if (type === 'checkbox' || type === 'radio' || type === 'button') return key === ' ';
    return true; // text, number…
  }
  if (tag === 'BUTTON' || tag === 'SUMMARY' || tag === 'A') return key === ' ' || key === 'Enter';
  // A focused region that scrolls sideways (the scoreboard on a phone) uses the arrows to scroll.
  if (key.startsWith('Arrow') && target.scrollWidth > target.clientWidth) return true;
  return false;
}

export function handleShortcut(event: KeyboardEvent, before: readonly KeyHandler[] = []): boolean {
  if (event.ctrlKey || event.metaKey || event.altKey) return false;
  const lab = useLab.getState();
  if (lab.helpOpen) {
    if (event.key === 'Escape' || event.key === '?') {
      lab.setHelpOpen(false);
      return true;
    }
    return false;
  }
  if (ownsKey(event.target, event.key)) return false;
  // While a talk is running its keys (←, →, Page Up/Down, Space, Esc) step through the beats.
  if (before.some((handle) => handle(event.key))) return true;
  switch (event.key) {
    case ' ':
      lab.togglePlay();
      return true;
    case 'ArrowRight':
      stepOnce();
      return true;
    case 'End':
      if (!lab.recording) return false;
      lab.pause();
      lab.seek(runEndMs(lab.recording));
      return true;
    case 'r':
    case 'R':
      lab.restart();
      return true;
    case '+':
    case '=':
      lab.setSpeed(nudgeSpeed(lab.speed, 1));
      return true;
    case '-':
    case '_':
      lab.setSpeed(nudgeSpeed(lab.speed, -1));
      return true;
    case '?':
      lab.setHelpOpen(true);
      return true;
    default:
      return false;
  }
}

const NONE: readonly KeyHandler[] = [];

export function useKeyboardShortcuts(before: readonly KeyHandler[] = NONE): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (handleShortcut(event, before)) event.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [before]);
}
