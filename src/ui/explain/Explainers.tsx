import { useMemo } from 'react';
import { m as motion, useReducedMotion } from 'framer-motion';
import { MECHANISM_IDS, type MechanismId } from '../../sim/scenario/types.ts';
import type { RunRecording } from '../../sim/recording.ts';
import { useDeferredRecording } from '../../state/selectors.ts';
import { useLab } from '../../state/store.ts';
import { clientName, viewOf } from '../mechanismViews.ts';
import { activeStep } from './activeStep.ts';
import { MECHANISM_TEXTS } from './mechanismTexts.ts';
import './explain.css';

/** The step client 0 of `id` is in at the playhead: a small lookup, so it may run every frame. */
function stepAtPlayhead(recording: RunRecording | null, id: MechanismId, playheadMs: number): number {
  const lane = recording?.mechanisms[id];
  return lane ? activeStep(id, lane, playheadMs) : -1;
}

function Steps({ id }: { id: MechanismId }) {
  // Indexing a new run's trace happens in a background render (useDeferredRecording).
  const recording = useDeferredRecording();
  // Re-renders only when the step changes, not on every frame.
  const step = useLab((s) => stepAtPlayhead(recording, id, s.playheadMs));
  const reduceMotion = useReducedMotion() === true;
  return (
    <ol className="explain-steps">
      {MECHANISM_TEXTS[id].steps.map((text, i) => {
        const current = i === step;
        return (
          <li key={text} aria-current={current ? 'step' : undefined} className={current ? 'current' : undefined}>
            {current &&
              (reduceMotion ? (
                <span className="step-highlight" />
              ) : (
                <motion.span
                  className="step-highlight"
                  initial={{ opacity: 0, scaleX: 0.96 }}
                  animate={{ opacity: 1, scaleX: 1 }}
                  transition={{ duration: 0.2 }}
                />
              ))}
            <span className="step-text">{text}</span>
          </li>
        );
      })}
    </ol>
  );
}

/** What this run did that the steps do not describe (the view's note), read once per recording. */
function RunNote({ id }: { id: MechanismId }) {
  const recording = useDeferredRecording();
  const note = useMemo(() => {
    const lane = recording?.mechanisms[id];
    return recording && lane ? viewOf(id).note?.(lane, recording.scenario) : null;
  }, [id, recording]);
  return note ? <p className="explain-hint explain-warning">{note.explainer}</p> : null;
}

function Card({ id }: { id: MechanismId }) {
  const text = MECHANISM_TEXTS[id];
  const view = viewOf(id);
  const who = clientName(id, 0);
  return (
    <details id={`explain-${id}`} className="explain-card" open style={{ borderTopColor: view.color }}>
      <summary>
        <span aria-hidden="true" style={{ color: view.color }}>
          {view.symbol}
        </span>{' '}
        {view.label}
      </summary>
      <p className="explain-definition">{text.definition}</p>
      <h3>How it works</h3>
      <p className="explain-hint">The highlighted step is what {who} in the lane above is doing now.</p>
      <RunNote id={id} />
      <Steps id={id} />
      <div className="explain-columns">
        <div>
          <h3>Pros</h3>
          <ul>
            {text.pros.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </div>
        <div>
          <h3>Cons</h3>
          <ul>
            {text.cons.map((c) => (
              <li key={c}>{c}</li>
            ))}
          </ul>
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
  if (ids.length === 0) return <p className="explain-hint">Turn a mechanism on to read how it works.</p>;
  return (
    <div className="explainers">
      {ids.map((id) => (
        <Card key={id} id={id} />
      ))}
    </div>
  );
}
