import { useId, useState } from 'react';
import { useLab } from '../../state/store.ts';
import type { Scenario } from '../../sim/scenario/types.ts';
import { getField, withField } from '../../state/scenarioPath.ts';
import type { ScenarioPatch } from '../../state/shareState.ts';
import { useModalDialog } from '../useModalDialog.ts';
import '../teach/teach.css';
import { COMPARE_FIELDS, allowedText, changedPaths, fieldByPath, formatFieldValue, readFieldInput, type CompareField } from './compareFields.ts';
import { useCompareUi } from './compareUi.ts';
import './compare.css';

// The picker of "Compare with…": run B is the current scenario with one or more fields changed.
// Each change is a field and its new value; the schema checks them all at once, an error is shown
// under the change that caused it (named by the field), and run B on screen stays as it was.

interface Change {
  key: number;
  path: string;
  text: string;
}

const textOf = (value: unknown): string => (typeof value === 'string' ? value : JSON.stringify(value));

/** The picker's rows for the comparison on screen, or one row to start with. */
function initialChanges(scenario: Scenario, compare: ScenarioPatch | null, variant: Scenario | null): Change[] {
  const paths = compare && variant ? changedPaths(compare).filter((path) => fieldByPath(path)) : [];
  if (paths.length > 0 && variant) return paths.map((path, key) => ({ key, path, text: textOf(getField(variant, path)) }));
  const first = COMPARE_FIELDS[0];
  return [{ key: 0, path: first.path, text: textOf(getField(scenario, first.path)) }];
}

/** Run A's value in the unit the field is typed in: "2000 ms", "on". */
const valueInUnit = (field: CompareField, value: unknown): string =>
  typeof value === 'number' ? `${String(value)}${field.unit ? ` ${field.unit}` : ''}` : formatFieldValue(field.path, value);

/** The error lines that belong to the change at `path` ("polling.intervalMs: …"). */
const belongsTo = (error: string, path: string) => error.startsWith(`${path}: `) || error.startsWith(`${path}.`) || error.startsWith(`${path}[`);

function ValueInput({ field, id, value, describedBy, invalid, onChange }: { field: CompareField; id: string; value: string; describedBy: string; invalid: boolean; onChange: (text: string) => void }) {
  if (field.kind === 'number') {
    return <input id={id} type="text" inputMode="decimal" autoComplete="off" value={value} aria-invalid={invalid} aria-describedby={describedBy} onChange={(e) => onChange(e.target.value)} />;
  }
  const options = field.kind === 'boolean' ? ['true', 'false'] : (field.options ?? []);
  return (
    <select id={id} value={value} aria-invalid={invalid} aria-describedby={describedBy} onChange={(e) => onChange(e.target.value)}>
      {options.map((option) => (
        <option key={option} value={option}>
          {field.kind === 'boolean' ? (option === 'true' ? 'on' : 'off') : option}
        </option>
      ))}
    </select>
  );
}

export function CompareDialog() {
  const open = useCompareUi((s) => s.dialogOpen);
  const setOpen = useCompareUi((s) => s.setDialogOpen);
  const dialog = useModalDialog(open);
  const baseId = useId();
  const scenario = useLab((s) => s.scenario);
  const [changes, setChanges] = useState<Change[]>([]);
  const [errors, setErrors] = useState<string[]>([]);
  const [wasOpen, setWasOpen] = useState(false);
  // Each opening starts from the comparison on screen (or from one change of A).
  if (open !== wasOpen) {
    setWasOpen(open);
    if (open) {
      const lab = useLab.getState();
      setChanges(initialChanges(lab.scenario, lab.compare, lab.compareScenario));
      setErrors([]);
    }
  }
  const close = () => setOpen(false);

  const update = (key: number, next: Partial<Change>) => {
    // An edited change's old message no longer applies to what it says now.
    const edited = changes.find((c) => c.key === key);
    if (edited) setErrors(errors.filter((error) => !belongsTo(error, edited.path)));
    setChanges(changes.map((c) => (c.key === key ? { ...c, ...next } : c)));
  };
  const pickField = (key: number, path: string) => update(key, { path, text: textOf(getField(scenario, path)) });
  const addChange = () => {
    const used = new Set(changes.map((c) => c.path));
    const field = COMPARE_FIELDS.find((f) => !used.has(f.path)) ?? COMPARE_FIELDS[0];
    setChanges([...changes, { key: Math.max(-1, ...changes.map((c) => c.key)) + 1, path: field.path, text: textOf(getField(scenario, field.path)) }]);
  };

  const submit = () => {
    const seen = new Set<string>();
    const problems: string[] = [];
    let patch: unknown = {};
    for (const change of changes) {
      const field = fieldByPath(change.path);
      if (!field) continue;
      if (seen.has(change.path)) problems.push(`${change.path}: is changed twice; keep one of them`);
      seen.add(change.path);
      patch = withField(patch as Scenario, change.path, readFieldInput(field, change.text));
    }
    if (problems.length > 0) {
      setErrors(problems);
      return;
    }
    const result = useLab.getState().startCompare(patch);
    if (!result.ok) {
      setErrors(result.errors);
      return;
    }
    setErrors([]);
    close();
  };

  const unplaced = errors.filter((error) => !changes.some((c) => belongsTo(error, c.path)));
  return (
    <dialog
      ref={dialog}
      className="teach-dialog compare-dialog"
      aria-labelledby={`${baseId}-title`}
      onClose={close}
      onCancel={(event) => {
        event.preventDefault();
        close();
      }}
    >
      <h2 id={`${baseId}-title`}>Compare with…</h2>
      <p>
        Run B is this scenario (run A) with the fields you change below. Both use the same seed, so the same events happen in
        both runs: every difference comes from your change.
      </p>
      <form
        className="compare-form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        {changes.map((change, index) => {
          const field = fieldByPath(change.path) ?? COMPARE_FIELDS[0];
          const id = `${baseId}-${String(change.key)}`;
          const own = errors.filter((error) => belongsTo(error, change.path));
          return (
            <fieldset key={change.key} className="compare-change">
              <legend>Change {index + 1}</legend>
              <div className="compare-field">
                <label htmlFor={`${id}-field`}>Field</label>
                <select id={`${id}-field`} value={change.path} onChange={(e) => pickField(change.key, e.target.value)}>
                  {COMPARE_FIELDS.map((f) => (
                    <option key={f.path} value={f.path}>
                      {f.label}
                      {f.unit ? ` (${f.unit})` : ''}
                    </option>
                  ))}
                </select>
              </div>
              <div className="compare-field">
                <label htmlFor={`${id}-value`}>New value{field.unit ? ` (${field.unit})` : ''}</label>
                <ValueInput
                  field={field}
                  id={`${id}-value`}
                  value={change.text}
                  describedBy={`${id}-hint`}
                  invalid={own.length > 0}
                  onChange={(text) => update(change.key, { text })}
                />
              </div>
              <p id={`${id}-hint`} className="compare-hint">
                {change.path}: {allowedText(change.path)}. Run A: {valueInUnit(field, getField(scenario, change.path))}.
              </p>
              {own.length > 0 && (
                <p className="compare-error" role="alert">
                  {own.join(' ')}
                </p>
              )}
              {changes.length > 1 && (
                <button type="button" className="link-button" onClick={() => setChanges(changes.filter((c) => c.key !== change.key))}>
                  Remove change {index + 1}
                </button>
              )}
            </fieldset>
          );
        })}
        {unplaced.length > 0 && (
          <p className="compare-error" role="alert">
            {unplaced.join(' ')}
          </p>
        )}
        <div className="compare-actions">
          <button type="button" onClick={addChange}>
            Change another field
          </button>
          <button type="submit">Run B beside A</button>
          <button type="button" onClick={close}>
            Cancel
          </button>
        </div>
      </form>
    </dialog>
  );
}
