import './share.css';
import { useId, useMemo, useState } from 'react';
import { PRESETS, presetById } from '../../sim/presets/presets.ts';
import { parseScenario } from '../../sim/scenario/validate.ts';
import { useLab } from '../../state/store.ts';

// The preset library (issue 4, item 1): pick a lesson, read what to notice. A preset stays
// selected after edits (its notes still explain the setup), and the scenario's name on screen is
// marked "edited" (ScenarioTitle).

const CUSTOM = '';

/** Whether the scenario differs from the preset it came from. */
export function usePresetEdited(): boolean {
  const presetId = useLab((s) => s.presetId);
  const scenario = useLab((s) => s.scenario);
  const original = useMemo(() => {
    const preset = presetId === null ? undefined : presetById(presetId);
    const parsed = preset ? parseScenario(preset.scenario) : null;
    return parsed?.ok ? JSON.stringify(parsed.scenario) : null;
  }, [presetId]);
  return original !== null && original !== JSON.stringify(scenario);
}

/** A preset's claim as readers see it: without the design document's section numbers. */
export const readableClaim = (claim: string): string => claim.replace(/§\d+(\.\d+)*:?\s*/g, '');

export function PresetPicker() {
  const presetId = useLab((s) => s.presetId);
  const loadPreset = useLab((s) => s.loadPreset);
  const selectId = useId();
  return (
    <div className="preset-picker">
      <label htmlFor={selectId} className="control-label">
        Preset
      </label>
      <select
        id={selectId}
        value={presetId ?? CUSTOM}
        onChange={(event) => {
          if (event.target.value !== CUSTOM) loadPreset(event.target.value);
        }}
      >
        <option value={CUSTOM} disabled={presetId !== null}>
          Your own scenario
        </option>
        {PRESETS.map((p) => (
          <option key={p.id} value={p.id}>
            {p.title}
          </option>
        ))}
      </select>
    </div>
  );
}

/** The scenario's name, always on screen, marked when it no longer matches its preset. */
export function ScenarioTitle() {
  const name = useLab((s) => s.scenario.name);
  const edited = usePresetEdited();
  return (
    <p className="scenario-title">
      <span className="control-label">Scenario </span>
      <strong className="scenario-name">{name}</strong>
      {edited && <span className="preset-edited">edited</span>}
    </p>
  );
}

/** What to notice in the preset on screen: two lines, the rest on demand. */
export function PresetNotes() {
  const presetId = useLab((s) => s.presetId);
  const [open, setOpen] = useState(false);
  const preset = presetId === null ? undefined : presetById(presetId);
  if (!preset) return null;
  return (
    <div className={`preset-notes${open ? ' is-open' : ''}`}>
      <p className="preset-notice">
        <strong>What to notice:</strong>{' '}
        {preset.whatToNotice}
      </p>
      {open && <p className="preset-claim">It shows: {readableClaim(preset.claim)}.</p>}
      <button type="button" className="link-button" aria-expanded={open} onClick={() => setOpen(!open)}>
        {open ? 'Less' : 'More'}
      </button>
    </div>
  );
}
