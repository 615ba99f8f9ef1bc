import type { MechanismId } from '../../sim/scenario/types.ts';
import type { RunRecording } from '../../sim/recording.ts';
import { activeStep } from '../explain/activeStep.ts';
import { MECHANISM_TEXTS } from '../explain/mechanismTexts.ts';
import { clientName, MECHANISM_VIEWS } from '../mechanismViews.ts';

// The step of "How each one works" that the lane's first client is in now, in one line; the
// button below opens the whole explanation (the card further down the page).

/** Scroll to a mechanism's explanation card, open it and move focus there. */
export function showExplanation(id: MechanismId): void {
  const card = document.getElementById(`explain-${id}`);
  if (!(card instanceof HTMLDetailsElement)) return;
  card.open = true;
  card.scrollIntoView({ block: 'start' });
  card.querySelector('summary')?.focus({ preventScroll: true });
}

export function LaneStep({ id, recording, playheadMs }: { id: MechanismId; recording: RunRecording; playheadMs: number }) {
  const lane = recording.mechanisms[id];
  const step = lane ? activeStep(id, lane, playheadMs) : -1;
  const steps = MECHANISM_TEXTS[id].steps;
  const text = step >= 0 && step < steps.length ? `${String(step + 1)}. ${steps[step]}` : 'Waiting for the first message.';
  const who = clientName(id, 0);
  return (
    <div className="lane-step">
      <p className="lane-step-text" title={text}>
        <span className="lane-step-who">{who} now:</span> {text}
      </p>
      <button type="button" className="link-button" onClick={() => showExplanation(id)}>
        How it works<span className="visually-hidden"> ({MECHANISM_VIEWS[id].label})</span>
      </button>
    </div>
  );
}
