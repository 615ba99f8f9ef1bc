import type { MechanismId, Scenario } from '../sim/scenario/types.ts';
import type { RunRecording } from '../sim/recording.ts';
import type { RunEstimate } from './runBudget.ts';
import type { RunFailureKind } from './runTypes.ts';
import type { ScenarioPatch, ShareState, ShareView } from './shareState.ts';
import type { VariantResult } from './compareVariant.ts';

// The shape of the lab's store (STYLE.md §5), one interface per slice. Actions live next to the
// state they change. The playhead changes every frame: views read it with narrow selectors so only
// what moves re-renders.

/**
 * idle: no run asked for yet; running; ready: `recording` is the current scenario's;
 * error: the last run failed (`runError`, `runFailure`); blocked: the run budget stopped the run
 * (`budget` says why; "Run anyway" when its verdict is "warn"); cancelled: the user stopped it.
 */
export type RunStatus = 'idle' | 'running' | 'ready' | 'error' | 'blocked' | 'cancelled';

export interface ScenarioSlice {
  scenario: Scenario;
  /** Validation messages of the last rejected edit, by field path. */
  fieldErrors: Record<string, string>;
  setField: (path: string, value: unknown) => boolean;
  resetField: (path: string) => void;
  setMechanismEnabled: (id: MechanismId, enabled: boolean) => void;
  /** Load a scenario from outside the sliders (a file): the playhead goes back to 0. */
  loadScenario: (scenario: Scenario) => void;
}

export interface ShareSlice {
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
}

export interface RunSlice {
  status: RunStatus;
  /** Simulated time the running run has reached (for a progress bar). */
  progressMs: number;
  /** The last good recording; kept when a later run fails, is cancelled or is blocked. */
  recording: RunRecording | null;
  runError: string | null;
  runFailure: RunFailureKind | null;
  /** The estimate of the run the budget stopped (status 'blocked'), else null. */
  budget: RunEstimate | null;
  /** Wall time of the last completed run. */
  computeMs: number | null;
  /** Run the current scenario unless a run was already asked for (the page's first run). */
  ensureRun: () => void;
  /** Run the current scenario again (after a failure or a cancel). */
  retry: () => void;
  /** Run a scenario the budget warned about. */
  runAnyway: () => void;
  /** Stop the running run; the last good results stay on screen. */
  cancelRun: () => void;
}

export interface PlaybackSlice {
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

/** "Compare with…" (issue 13, item 4): run B, the scenario with some fields changed, beside run A. */
export interface CompareSlice {
  /** The fields run B changes, as a diff from the scenario (run A); null when not comparing. */
  compare: ScenarioPatch | null;
  /** Run B's validated scenario (A's with the changes); null when not comparing or invalid. */
  compareScenario: Scenario | null;
  compareStatus: RunStatus;
  /** Run B's last good recording (it may be of older settings while B re-runs). */
  compareRecording: RunRecording | null;
  /** Why B failed or could not be built from A's new settings (field-named, one per line). */
  compareError: string | null;
  compareBudget: RunEstimate | null;
  compareProgressMs: number;
  /** Start comparing with these changes (validated; at least one must differ from A). */
  startCompare: (changes: unknown) => VariantResult;
  /** Take over a link's comparison (already validated), or leave compare mode with null. */
  setCompareChanges: (changes: ScenarioPatch | null) => void;
  leaveCompare: () => void;
  runCompareAnyway: () => void;
  cancelCompare: () => void;
  retryCompare: () => void;
}

export type LabState = ScenarioSlice & ShareSlice & RunSlice & PlaybackSlice & CompareSlice;

/** What the slices share: starting a run of an accepted scenario. */
export interface RunControl {
  /** Run A (and B, when comparing, with the same changes). */
  run: (scenario: Scenario) => void;
  /** Bring run B in step with the scenario and the current changes (a link may change only B). */
  syncCompare: (scenario: Scenario) => void;
  /** True once any run has been asked for. */
  started: () => boolean;
}
