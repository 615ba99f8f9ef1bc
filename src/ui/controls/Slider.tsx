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

  // Leading edge: the first change re-runs at once; while dragging, at most one re-run per
  // window, with the latest value at the window's end.
  const flush = () => {
    if (pending.current === null) {
      timer.current = null;
      setDraft(null);
      return;
    }
    setField(spec.path, pending.current);
    pending.current = null;
    timer.current = setTimeout(flush, COMMIT_EVERY_MS);
  };

  const onInput = (position: number) => {
    // A one-notch move (a key press) that rounds back to the same clean value moves on to the
    // next value that differs, so the keyboard never gets stuck.
    const current = draft ?? value;
    const from = toPosition(spec, current);
    const direction = Math.sign(position - from);
    const last = spec.scale === 'log' ? LOG_STEPS : (spec.toDisplay ? spec.toDisplay(spec.max) : spec.max);
    const first = spec.scale === 'log' ? 0 : (spec.toDisplay ? spec.toDisplay(spec.min) : spec.min);
    const stepSize = spec.scale === 'log' ? 1 : (spec.step ?? 1);
    let next = fromPosition(spec, position);
    for (let p = position; next === current && direction !== 0 && p > first && p < last; ) {
      p += direction * stepSize;
      next = fromPosition(spec, p);
    }
    setDraft(next);
    pending.current = next;
    if (timer.current === null) flush();
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
