import { useLab } from '../../state/store.ts';
import { MECHANISM_IDS, type MechanismId } from '../../sim/scenario/types.ts';
import { MECHANISM_LABELS } from '../mechanisms.ts';
import { MECHANISM_STYLES } from '../mechanismStyle.ts';

/** Mechanism on/off switches; the last one left on cannot be turned off (nothing to compare). */
export function MechanismToggles() {
  const selected = useLab((s) => s.scenario.mechanisms);
  const setEnabled = useLab((s) => s.setMechanismEnabled);
  const isOn = (id: MechanismId) => selected.includes(id);
  return (
    <fieldset className="control-group">
      <legend>Mechanisms</legend>
      {MECHANISM_IDS.map((id) => {
        const last = isOn(id) && selected.length === 1;
        return (
          <label key={id} className="check">
            <input type="checkbox" checked={isOn(id)} disabled={last} onChange={(e) => setEnabled(id, e.target.checked)} />
            <span aria-hidden="true" style={{ color: MECHANISM_STYLES[id].color }}>{MECHANISM_STYLES[id].symbol}</span>
            {MECHANISM_LABELS[id]}
          </label>
        );
      })}
      {selected.length === 1 && <p className="slider-hint">At least one mechanism stays on: there would be nothing to simulate.</p>}
    </fieldset>
  );
}

interface CheckProps {
  name: string;
  hint: string;
  checked: boolean;
  onChange: (on: boolean) => void;
}

export function Check({ name, hint, checked, onChange }: CheckProps) {
  return (
    <div className="check-row">
      <label className="check">
        <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} />
        {name}
      </label>
      <p className="slider-hint">{hint}</p>
    </div>
  );
}
