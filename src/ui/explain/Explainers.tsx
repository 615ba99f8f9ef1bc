import { useMemo } from 'react';
import { m as motion, useReducedMotion } from 'framer-motion';
import { MECHANISM_IDS, type MechanismId } from '../../sim/scenario/types.ts';
import { useLab } from '../../state/store.ts';
import { MECHANISM_LABELS } from '../mechanisms.ts';
import { MECHANISM_STYLES } from '../mechanismStyle.ts';
import { activeStep } from './activeStep.ts';
import { MECHANISM_TEXTS } from './mechanismTexts.ts';
import './explain.css';

function Steps({ id }: { id: MechanismId }) {
  const trace = useLab((s) => s.recording?.mechanisms[id]?.trace);
  const step = useLab((s) => (trace ? activeStep(id, trace, s.playheadMs) : -1));
  const reduce = useReducedMotion();
  return (
    <ol className="explain-steps">
      {MECHANISM_TEXTS[id].steps.map((text, i) => {
        const current = i === step;
        return (
          <li key={text} aria-current={current ? 'step' : undefined} className={current ? 'current' : undefined}>
            {current && !reduce && (
              <motion.span
                key={`step-${id}-${String(i)}`}
                className="step-highlight"
                initial={{ opacity: 0 }}
                animate={{ opacity: 1 }}
                transition={{ duration: 0.2 }}
              />
            )}
            <span className="step-text">{text}</span>
          </li>
        );
      })}
    </ol>
  );
}

function Card({ id, open }: { id: MechanismId; open: boolean }) {
  const text = MECHANISM_TEXTS[id];
  const style = MECHANISM_STYLES[id];
  return (
    <details className="explain-card" open={open} style={{ borderTopColor: style.color }}>
      <summary>
        <span aria-hidden="true" style={{ color: style.color }}>
          {style.symbol}
        </span>{' '}
        {MECHANISM_LABELS[id]}
      </summary>
      <p className="explain-definition">{text.definition}</p>
      <h3>How it works</h3>
      <Steps id={id} />
      <div className="explain-columns">
        <div>
          <h3>Good</h3>
          <ul>{text.pros.map((p) => <li key={p}>{p}</li>)}</ul>
        </div>
        <div>
          <h3>Costs</h3>
          <ul>{text.cons.map((c) => <li key={c}>{c}</li>)}</ul>
        </div>
      </div>
      <p className="explain-use">
        <strong>Use it for:</strong> {text.useFor}
      </p>
    </details>
  );
}

/** One card per mechanism in the scenario; the step the animation performs now lights up. */
export function Explainers() {
  const mechanisms = useLab((s) => s.scenario.mechanisms);
  const ids = useMemo(() => MECHANISM_IDS.filter((id) => mechanisms.includes(id)), [mechanisms]);
  return (
    <div className="explainers">
      {ids.map((id) => (
        <Card key={id} id={id} open />
      ))}
    </div>
  );
}
