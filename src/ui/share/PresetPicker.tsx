import './share.css';
import { useId, useMemo } from 'react';
import { PRESETS, presetById } from '../../sim/presets/presets.ts';
import { parseScenario } from '../../sim/scenario/validate.ts';
import { useLab } from '../../state/store.ts';

// The preset library (issue 4, item 1): pick a lesson, read what to notice. A preset stays
// selected after edits (its notes still explain the setup), marked "edited".

const CUSTOM = '';

function usePresetEdited(presetId: string | null): boolean {
  const scenario = useLab((s) => s.scenario);
  const original = useMemo(() => {
    const preset = presetId === null ? undefined : presetById(presetId);
    const parsed = preset ? parseScenario(preset.scenario) : null;
    return parsed?.ok ? JSON.stringify(parsed.scenario) : null;
  }, [presetId]);
  return original !== null && original !== JSON.stringify(scenario);
}

export function PresetPicker() {
  const presetId = useLab((s) => s.presetId);
  const loadPreset = useLab((s) => s.loadPreset);
  const edited = usePresetEdited(presetId);
  const selectId = useId();
  const preset = presetId === null ? undefined : presetById(presetId);
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
      {edited && <span className="preset-edited">edited</span>}
      {preset && (
        <details className="preset-notes" open>
          <summary>What to notice</summary>
          <p>{preset.whatToNotice}</p>
          <p className="preset-claim">
            <span className="visually-hidden">Claim shown: </span>
            {preset.claim}
          </p>
        </details>
      )}
    </div>
  );
}
