import { useMemo } from 'react';
import { m as motion, useReducedMotion } from 'framer-motion';
import { MECHANISM_IDS, type MechanismId } from '../../sim/scenario/types.ts';
import type { RunRecording } from '../../sim/recording.ts';
import { useDeferredRecording } from '../../state/selectors.ts';
import { useLab } from '../../state/store.ts';
import { MECHANISM_LABELS } from '../mechanisms.ts';
import { MECHANISM_STYLES } from '../mechanismStyle.ts';
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

/** When a proxy turns the WebSocket upgrade away, say what the lane does instead. */
function UpgradeRefusedNote() {
  const recording = useDeferredRecording();
  const trace = recording?.mechanisms.websocket?.trace;
  const fallback = recording?.scenario.websocket.fallback;
  const refused = useMemo(() => trace?.some((m) => m.kind === 'upgradeResponse' && m.status === 'refused') === true, [trace]);
  if (!refused) return null;
  return (
    <p className="explain-hint explain-warning">
      In this run a proxy refuses the upgrade:{' '}
      {fallback === 'longPolling'
        ? 'the lane falls back to long polling, which these steps do not describe.'
        : 'the client keeps asking (step 1) and never gets a connection.'}
    </p>
  );
}

function Card({ id }: { id: MechanismId }) {
  const text = MECHANISM_TEXTS[id];
  const style = MECHANISM_STYLES[id];
  const who = id === 'webhook' ? 'Receiver 1' : 'Client 1';
  return (
    <details id={`explain-${id}`} className="explain-card" open style={{ borderTopColor: style.color }}>
      <summary>
        <span aria-hidden="true" style={{ color: style.color }}>
          {style.symbol}
        </span>{' '}
        {MECHANISM_LABELS[id]}
      </summary>
      <p className="explain-definition">{text.definition}</p>
      <h3>How it works</h3>
      <p className="explain-hint">The highlighted step is what {who} in the lane above is doing now.</p>
      {id === 'websocket' && <UpgradeRefusedNote />}
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
