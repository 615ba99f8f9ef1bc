import type { StateCreator } from 'zustand';
import { DEFAULT_SCENARIO } from '../../sim/scenario/defaults.ts';
import { parseScenario } from '../../sim/scenario/validate.ts';
import { presetById } from '../../sim/presets/presets.ts';
import type { LabState, RunControl, ScenarioSlice, ShareSlice } from '../labState.ts';
import { getField, withField } from '../scenarioPath.ts';
import { clampSpeed } from './playbackSlice.ts';

type Set = Parameters<StateCreator<LabState>>[0];
type Get = () => LabState;

/** The scenario being edited and what a link or preset brings in; every accepted change runs. */
export function createScenarioSlices(set: Set, get: Get, control: RunControl): ScenarioSlice & ShareSlice {
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
    control.run(parsed.scenario);
    return true;
  };

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
      // A scenario from outside (a file, a preset, a challenge) is a new subject: no run B.
      get().leaveCompare();
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
      // A link with a comparison shows it; one without leaves compare mode.
      if (state.compare === undefined) get().leaveCompare();
      else set({ compare: state.compare });
      // Walking back through playhead-only history entries must not re-run the same scenario.
      if (JSON.stringify(state.scenario) !== JSON.stringify(get().scenario) || !control.started()) accept(state.scenario, null);
      // Only run B may have changed (accept already synced it otherwise; syncing twice runs it once).
      control.syncCompare(get().scenario);
      set({ playheadMs: state.playheadMs, speed: clampSpeed(state.speed), playing: state.playing, view: state.view });
    },
    notice: null,
    setNotice: (notice) => set({ notice }),
  };
}
