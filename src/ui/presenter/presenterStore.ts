import { create } from 'zustand';
import { presetById } from '../../sim/presets/presets.ts';
import { parseScenario } from '../../sim/scenario/validate.ts';
import { useLab } from '../../state/store.ts';
import { scriptOf } from './scripts.ts';

// Presenter mode's own small store: which talk is running and which beat is on screen. Moving to a
// beat drives the lab only through its public commands (loadPreset, seek, play, pause), so the
// lab's views need no code of their own for presenting.

export interface Presenting {
  presetId: string;
  /** Index of the beat on screen. */
  beat: number;
}

export interface PresenterState {
  presenting: Presenting | null;
  /** Start the preset's talk at beat 0; false (and nothing changes) when it has no script. */
  startPresenting: (presetId: string) => boolean;
  next: () => void;
  previous: () => void;
  stop: () => void;
}

/** True when the lab already shows this preset unedited, so starting a talk need not re-run it. */
function presetIsLoaded(presetId: string): boolean {
  const lab = useLab.getState();
  if (lab.presetId !== presetId) return false;
  const preset = presetById(presetId);
  const parsed = preset ? parseScenario(preset.scenario) : null;
  return parsed?.ok === true && JSON.stringify(parsed.scenario) === JSON.stringify(lab.scenario);
}

/**
 * Full screen needs a click or a key press (a talk opened by its address starts without one), and
 * iframes without allow="fullscreen" refuse: the talk works without it either way.
 */
function requestFullscreen(): void {
  const root = document.documentElement;
  if (document.fullscreenElement || typeof root.requestFullscreen !== 'function') return;
  // Asking without a gesture only earns a console error; browsers without userActivation just try.
  if ('userActivation' in navigator && !navigator.userActivation.isActive) return;
  root.requestFullscreen().catch(() => undefined);
}

function exitFullscreen(): void {
  if (!document.fullscreenElement || typeof document.exitFullscreen !== 'function') return;
  document.exitFullscreen().catch(() => undefined);
}

export const usePresenter = create<PresenterState>()((set, get) => {
  const enterBeat = (presetId: string, beat: number): void => {
    const target = scriptOf(presetId).at(beat);
    if (!target) return;
    set({ presenting: { presetId, beat } });
    const lab = useLab.getState();
    lab.seek(target.atMs);
    if (target.play) lab.play();
    else lab.pause();
  };
  const move = (step: number): void => {
    const { presenting } = get();
    if (!presenting) return;
    const beat = presenting.beat + step;
    if (beat < 0 || beat >= scriptOf(presenting.presetId).length) return;
    enterBeat(presenting.presetId, beat);
  };

  return {
    presenting: null,
    startPresenting: (presetId) => {
      if (scriptOf(presetId).length === 0) return false;
      if (!presetIsLoaded(presetId) && !useLab.getState().loadPreset(presetId)) return false;
      requestFullscreen();
      enterBeat(presetId, 0);
      return true;
    },
    next: () => move(1),
    previous: () => move(-1),
    stop: () => {
      if (!get().presenting) return;
      set({ presenting: null });
      exitFullscreen();
    },
  };
});

/**
 * The keys of a talk, for the lab's shortcut handler: → / Page Down / Space forward (clickers send
 * Page Down), ← / Page Up back, Esc leaves. True when the key was used.
 */
export function handlePresenterKey(key: string): boolean {
  const presenter = usePresenter.getState();
  if (!presenter.presenting) return false;
  switch (key) {
    case 'ArrowRight':
    case 'PageDown':
    case ' ':
      presenter.next();
      return true;
    case 'ArrowLeft':
    case 'PageUp':
      presenter.previous();
      return true;
    case 'Escape':
      presenter.stop();
      return true;
    default:
      return false;
  }
}
