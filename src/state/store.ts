import { create } from 'zustand';
import type { MechanismId, Scenario } from '../sim/scenario/types.ts';
import { DEFAULT_SCENARIO } from '../sim/scenario/defaults.ts';
import { parseScenario } from '../sim/scenario/validate.ts';
import type { RunRecording } from '../sim/recording.ts';
import { SimRunner } from './simRunner.ts';
import type { RunReply } from './runTypes.ts';
import { getField, withField } from './scenarioPath.ts';
import { DEFAULT_SPEED, MAX_SPEED, MIN_SPEED } from './playbackLimits.ts';
import { presetById } from '../sim/presets/presets.ts';
import type { ShareState, ShareView } from './shareState.ts';

// The lab's one store (STYLE.md §5), in three slices: the scenario being edited, the latest run,
// and playback. Actions live next to the state they change. The playhead changes every frame:
// views read it with narrow selectors so only what moves re-renders.

/** Clients whose every message the lanes draw; metrics always cover all clients. */
export const TRACE_CLIENTS = 5;

export type RunStatus = 'running' | 'ready' | 'error';

export interface LabState {
  // scenario
  scenario: Scenario;
  /** Validation messages of the last rejected edit, by field path. */
  fieldErrors: Record<string, string>;
  setField: (path: string, value: unknown) => boolean;
  resetField: (path: string) => void;
  setMechanismEnabled: (id: MechanismId, enabled: boolean) => void;
  /** Load a scenario from outside the sliders (a file): the playhead goes back to 0. */
  loadScenario: (scenario: Scenario) => void;

  // lesson and sharing (issue 4)
  /** The preset the scenario came from; edits keep it (its notes still apply), a file load clears it. */
  presetId: string | null;
  /** Load a preset by id; false (and nothing changes) when there is none by that name. */
  loadPreset: (id: string) => boolean;
  /** Which part of the lab an embedded frame shows ('lab' = the whole page). */
  view: ShareView;
  setView: (view: ShareView) => void;
  /** Start over at the end instead of stopping (embedded frames). */
  loop: boolean;
  setLoop: (loop: boolean) => void;
  /** Take over everything a share link carries. */
  applyShareState: (state: ShareState) => void;
  /** A message about input the lab could not use (a bad link or preset name); the state stayed. */
  notice: string | null;
  setNotice: (notice: string | null) => void;

  // run
  status: RunStatus;
  /** Simulated time the running run has reached (for a progress bar). */
  progressMs: number;
  recording: RunRecording | null;
  runError: string | null;
  /** Wall time of the last completed run. */
  computeMs: number | null;

  // playback
  playing: boolean;
  speed: number;
  playheadMs: number;
  play: () => void;
  pause: () => void;
  togglePlay: () => void;
  restart: () => void;
  setSpeed: (speed: number) => void;
  seek: (ms: number) => void;
  /** Move the playhead to the next message sent or arriving in any visible lane, and pause. */
  step: () => void;

  helpOpen: boolean;
  setHelpOpen: (open: boolean) => void;
}

const clampSpeed = (speed: number) => Math.min(MAX_SPEED, Math.max(MIN_SPEED, speed));

/** The first message time after `afterMs` in any lane of the recording, or null. */
export function nextMessageTime(recording: RunRecording, afterMs: number): number | null {
  let next = Infinity;
  for (const mechanism of Object.values(recording.mechanisms)) {
    for (const m of mechanism.trace) {
      if (m.sendMs > afterMs && m.sendMs < next) next = m.sendMs;
      if (m.arriveMs > afterMs && m.arriveMs < next) next = m.arriveMs;
    }
  }
  return Number.isFinite(next) && next <= recording.endMs ? next : null;
}

export const useLab = create<LabState>()((set, get) => {
  const onReply = (reply: RunReply) => {
    if (reply.type === 'progress') set({ progressMs: reply.simulatedMs });
    else if (reply.type === 'error') set({ status: 'error', runError: reply.message });
    else {
      const durationMs = reply.recording.endMs;
      set((s) => ({
        status: 'ready',
        recording: reply.recording,
        runError: null,
        computeMs: reply.computeMs,
        progressMs: durationMs,
        // A re-run keeps the playhead where it was (DESIGN.md §7), within the new duration.
        playheadMs: Math.min(s.playheadMs, durationMs),
      }));
    }
  };
  const runner = new SimRunner(onReply);
  let started = false;
  const run = (scenario: Scenario) => {
    started = true;
    set({ status: 'running', progressMs: 0 });
    runner.request(scenario, TRACE_CLIENTS);
  };

  const accept = (candidate: unknown, path: string | null): boolean => {
    const parsed = parseScenario(candidate);
    if (!parsed.ok) {
      const fieldErrors = { ...get().fieldErrors };
      fieldErrors[path ?? 'scenario'] = parsed.errors.join('; ');
      set({ fieldErrors });
      return false;
    }
    const fieldErrors = Object.fromEntries(Object.entries(get().fieldErrors).filter(([key]) => key !== path));
    set({ scenario: parsed.scenario, fieldErrors });
    run(parsed.scenario);
    return true;
  };

  // Start the first run once the module is loaded in a page, unless a link or preset already did.
  queueMicrotask(() => {
    if (!started) run(get().scenario);
  });

  return {
    scenario: DEFAULT_SCENARIO,
    fieldErrors: {},
    setField: (path, value) => accept(withField(get().scenario, path, value), path),
    resetField: (path) => {
      accept(withField(get().scenario, path, getField(DEFAULT_SCENARIO, path)), path);
    },
    setMechanismEnabled: (id, enabled) => {
      const current = get().scenario.mechanisms;
      const next = enabled ? [...current, id] : current.filter((m) => m !== id);
      accept(withField(get().scenario, 'mechanisms', next), 'mechanisms');
    },
    loadScenario: (scenario) => {
      set({ fieldErrors: {}, playheadMs: 0, presetId: null });
      accept(scenario, null);
    },

    presetId: null,
    loadPreset: (id) => {
      const preset = presetById(id);
      const parsed = preset ? parseScenario(preset.scenario) : null;
      if (!parsed?.ok) return false;
      get().loadScenario(parsed.scenario);
      set({ presetId: id });
      return true;
    },
    view: 'lab',
    setView: (view) => set({ view }),
    loop: false,
    setLoop: (loop) => set({ loop }),
    applyShareState: (state) => {
      set({ fieldErrors: {}, presetId: state.preset !== undefined && presetById(state.preset) ? state.preset : null });
      // Walking back through playhead-only history entries must not re-run the same scenario.
      if (JSON.stringify(state.scenario) !== JSON.stringify(get().scenario) || !started) accept(state.scenario, null);
      set({ playheadMs: state.playheadMs, speed: clampSpeed(state.speed), playing: state.playing, view: state.view });
    },
    notice: null,
    setNotice: (notice) => set({ notice }),

    status: 'running',
    progressMs: 0,
    recording: null,
    runError: null,
    computeMs: null,

    playing: false,
    speed: DEFAULT_SPEED,
    playheadMs: 0,
    play: () => {
      const { recording, playheadMs } = get();
      // Pressing play at the end starts over, as media players do.
      if (recording && playheadMs >= recording.endMs) set({ playheadMs: 0 });
      set({ playing: true });
    },
    pause: () => set({ playing: false }),
    togglePlay: () => (get().playing ? get().pause() : get().play()),
    restart: () => set({ playheadMs: 0 }),
    setSpeed: (speed) => set({ speed: clampSpeed(speed) }),
    seek: (ms) => {
      const duration = get().recording?.endMs ?? get().scenario.durationSec * 1000;
      set({ playheadMs: Math.min(duration, Math.max(0, ms)) });
    },
    step: () => {
      const { recording, playheadMs } = get();
      if (!recording) return;
      const next = nextMessageTime(recording, playheadMs);
      set({ playing: false, playheadMs: next ?? recording.endMs });
    },

    helpOpen: false,
    setHelpOpen: (open) => set({ helpOpen: open }),
  };
});
