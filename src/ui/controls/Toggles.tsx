import { useId } from 'react';
import { useLab } from '../../state/store.ts';
import { MECHANISM_IDS, type MechanismId } from '../../sim/scenario/types.ts';
import { MECHANISM_LABELS } from '../mechanisms.ts';
import { MECHANISM_STYLES } from '../mechanismStyle.ts';

/** Mechanism on/off switches; the last one left on cannot be turned off (nothing to compare). */
export function MechanismToggles() {
  const hintId = useId();
  const selected = useLab((s) => s.scenario.mechanisms);
  const setEnabled = useLab((s) => s.setMechanismEnabled);
  const error = useLab((s) => s.fieldErrors.mechanisms);
  const isOn = (id: MechanismId) => selected.includes(id);
  return (
    <fieldset className="control-group">
      <legend>Mechanisms</legend>
      {MECHANISM_IDS.map((id) => {
        const last = isOn(id) && selected.length === 1;
        return (
          <label key={id} className="check">
            <input
              type="checkbox"
              checked={isOn(id)}
              disabled={last}
              aria-describedby={last ? hintId : undefined}
              onChange={(e) => setEnabled(id, e.target.checked)}
            />
            <span aria-hidden="true" style={{ color: MECHANISM_STYLES[id].color }}>{MECHANISM_STYLES[id].symbol}</span>
            {MECHANISM_LABELS[id]}
          </label>
        );
      })}
      {selected.length === 1 && (
        <p id={hintId} className="slider-hint">
          The last mechanism stays on: with none there would be nothing to simulate.
        </p>
      )}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}

interface CheckProps {
  name: string;
  /** The scenario field it edits, to show that field's validation message beside it. */
  path: string;
  hint: string;
  checked: boolean;
  onChange: (on: boolean) => void;
}

export function Check({ name, path, hint, checked, onChange }: CheckProps) {
  const hintId = useId();
  const error = useLab((s) => s.fieldErrors[path]);
  return (
    <div className="check-row">
      <label className="check">
        <input type="checkbox" checked={checked} aria-describedby={hintId} onChange={(e) => onChange(e.target.checked)} />
        {name}
      </label>
      <p id={hintId} className="slider-hint">
        {hint}
      </p>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
