import { useEffect, useId, useRef, useState } from 'react';
import { useLab } from '../../state/store.ts';
import { getField } from '../../state/scenarioPath.ts';
import { DEFAULT_SCENARIO } from '../../sim/scenario/defaults.ts';
import { formatValue, fromPosition, LOG_STEPS, toPosition, type SliderSpec } from './sliderSpecs.ts';

/** While dragging, re-run at most this often: the default scenario re-runs in well under it. */
const COMMIT_EVERY_MS = 80;

export function Slider({ spec }: { spec: SliderSpec }) {
  const id = useId();
  const value = useLab((s) => getField(s.scenario, spec.path) as number);
  const error = useLab((s) => s.fieldErrors[spec.path]);
  const setField = useLab((s) => s.setField);
  const resetField = useLab((s) => s.resetField);
  const defaultValue = getField(DEFAULT_SCENARIO, spec.path) as number;
  // The position follows the pointer at once; the scenario follows at most every COMMIT_EVERY_MS.
  const [draft, setDraft] = useState<number | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const pending = useRef<number | null>(null);

  useEffect(() => () => {
    if (timer.current) clearTimeout(timer.current);
  }, []);

  const commit = () => {
    timer.current = null;
    if (pending.current !== null) setField(spec.path, pending.current);
    pending.current = null;
    setDraft(null);
  };

  const onInput = (position: number) => {
    const next = fromPosition(spec, position);
    setDraft(next);
    pending.current = next;
    timer.current ??= setTimeout(commit, COMMIT_EVERY_MS);
  };

  const shown = draft ?? value;
  const isLog = spec.scale === 'log';
  const display = (v: number) => (spec.toDisplay ? spec.toDisplay(v) : v);
  const hintId = spec.hint ? `${id}-hint` : undefined;
  return (
    <div className="slider">
      <div className="slider-head">
        <label htmlFor={id}>{spec.name}</label>
        <output htmlFor={id} className="slider-value">
          {formatValue(spec, shown)}
        </output>
        {value !== defaultValue && (
          <button type="button" className="reset" onClick={() => resetField(spec.path)} aria-label={`Reset ${spec.name}`}
            title={`Back to ${formatValue(spec, defaultValue)}`}>
            Reset
          </button>
        )}
      </div>
      <input
        id={id}
        type="range"
        min={isLog ? 0 : display(spec.min)}
        max={isLog ? LOG_STEPS : display(spec.max)}
        step={isLog ? 1 : (spec.step ?? 1)}
        value={toPosition(spec, shown)}
        aria-valuetext={formatValue(spec, shown)}
        aria-describedby={[hintId, error ? `${id}-error` : undefined].filter(Boolean).join(' ') || undefined}
        onChange={(event) => onInput(Number(event.target.value))}
      />
      {spec.hint && (
        <p id={hintId} className="slider-hint">
          {spec.hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
