import { create } from 'zustand';
import { presetById } from '../../sim/presets/presets.ts';
import { parseScenario } from '../../sim/scenario/validate.ts';
import { useLab } from '../../state/store.ts';
import type { Beat } from './scripts.ts';
import { presenterCommandOf } from './presenterKeys.ts';

// Presenter mode's own small store: which talk is running and which beat is on screen. Moving to a
// beat drives the lab only through its public commands (loadPreset, seek, play, pause), so the
// lab's views need no code of their own for presenting. The talks themselves (scripts.ts) are
// loaded on demand when a talk starts: a first visit does not download them.

export interface Presenting {
  presetId: string;
  /** Index of the beat on screen. */
  beat: number;
}

export interface PresenterState {
  presenting: Presenting | null;
  /** The running talk's beats (none when no talk runs). */
  beats: readonly Beat[];
  /**
   * Start the preset's talk at beat 0 once its script has loaded; false (and nothing changes) for
   * an unknown preset or one without a script.
   */
  startPresenting: (presetId: string) => Promise<boolean>;
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

/** Every preset has a talk (scripts.test.ts checks it), so only the preset's existence is asked. */
export function hasTalk(presetId: string | null): boolean {
  return presetId !== null && presetById(presetId) !== undefined;
}

export const usePresenter = create<PresenterState>()((set, get) => {
  const enterBeat = (presetId: string, beats: readonly Beat[], beat: number): void => {
    const target = beats.at(beat);
    if (!target) return;
    set({ presenting: { presetId, beat }, beats });
    const lab = useLab.getState();
    lab.seek(target.atMs);
    if (target.play) lab.play();
    else lab.pause();
  };
  const move = (step: number): void => {
    const { presenting, beats } = get();
    if (!presenting) return;
    const beat = presenting.beat + step;
    if (beat < 0 || beat >= beats.length) return;
    enterBeat(presenting.presetId, beats, beat);
  };

  return {
    presenting: null,
    beats: [],
    startPresenting: async (presetId) => {
      if (!hasTalk(presetId)) return false;
      // Asked at once: the click's permission to go full screen does not outlast a slow load.
      requestFullscreen();
      const { scriptOf } = await import('./scripts.ts');
      const beats = scriptOf(presetId);
      if (beats.length === 0 || (!presetIsLoaded(presetId) && !useLab.getState().loadPreset(presetId))) {
        exitFullscreen();
        return false;
      }
      enterBeat(presetId, beats, 0);
      return true;
    },
    next: () => move(1),
    previous: () => move(-1),
    stop: () => {
      if (!get().presenting) return;
      set({ presenting: null, beats: [] });
      exitFullscreen();
    },
  };
});

/** The keys of a talk (presenterKeys.ts), for the lab's shortcut handler. True when the key was used. */
export function handlePresenterKey(key: string): boolean {
  const presenter = usePresenter.getState();
  const command = presenterCommandOf(key);
  if (!presenter.presenting || command === null) return false;
  presenter[command]();
  return true;
}
