import type { Challenge, ClosedForm, Measured, PredictionSpec } from './challengeTypes.ts';
import type { RunRecording } from '../sim/recording.ts';
import { formatBytes, formatMs, formatPercent, formatRate } from '../ui/format.ts';

// The reveal of a challenge (issue 13, item 1): the engine's figure, the closed form beside it,
// how far the learner's prediction was, and why. Everything is computed from the recording and the
// scenario it ran, so the reveal always describes the run on screen.

export type Prediction = { kind: 'number'; value: number } | { kind: 'choice'; value: string } | { kind: 'skipped' };

export interface Reveal {
  simulated: Measured;
  simulatedText: string;
  closedForm: ClosedForm | null;
  closedFormText: string | null;
  /** How the engine and the formula compare, in one sentence; null without a closed form. */
  agreement: string | null;
  /** How far the prediction was, in one sentence; null when the learner skipped. */
  error: string | null;
  /** |prediction − simulated| / |simulated| for numbers; 0 or 1 for choices; null when skipped. */
  errorRatio: number | null;
  why: string;
}

const NBSP = '\u00a0';

/** A figure in a challenge's unit, the way the reveal prints it. */
export function formatInUnit(value: number | string, spec: PredictionSpec): string {
  if (spec.kind === 'choice' || typeof value === 'string') {
    const options = spec.kind === 'choice' ? spec.options : [];
    return options.find((option) => option.value === value)?.label ?? String(value);
  }
  switch (spec.unit) {
    case '%':
      return formatPercent(value / 100);
    case 'ms':
      return formatMs(value);
    case 'B':
      return formatBytes(value);
    default:
      return `${formatRate(value)}${NBSP}${spec.unit}`;
  }
}

function describeError(prediction: Prediction, measured: Measured, spec: PredictionSpec): { text: string; ratio: number } | null {
  if (prediction.kind === 'skipped') return null;
  const said = formatInUnit(prediction.value, spec);
  const got = formatInUnit(measured.value, spec);
  if (prediction.kind === 'choice' || typeof measured.value === 'string') {
    const right = prediction.value === measured.value;
    return { text: right ? `You picked ${said}: right.` : `You picked ${said}; the run says ${got}.`, ratio: right ? 0 : 1 };
  }
  const diff = prediction.value - measured.value;
  if (diff === 0) return { text: `You said ${said}: exactly what the run gave.`, ratio: 0 };
  const direction = diff > 0 ? 'too high' : 'too low';
  const magnitude = spec.kind === 'number' && spec.unit === '%' ? `${formatRate(Math.abs(diff))} points` : formatInUnit(Math.abs(diff), spec);
  if (measured.value === 0) return { text: `You said ${said}; the run gave ${got}: ${magnitude} ${direction}.`, ratio: Infinity };
  const ratio = Math.abs(diff) / Math.abs(measured.value);
  return { text: `You said ${said}; the run gave ${got}: ${magnitude} ${direction} (${formatPercent(ratio)} off).`, ratio };
}

function describeAgreement(closedForm: ClosedForm, measured: Measured, challenge: Challenge): string {
  const spec = challenge.prediction;
  if (typeof closedForm.value === 'string' || typeof measured.value === 'string') {
    return closedForm.value === measured.value ? 'The run and the formula pick the same answer.' : 'The run and the formula disagree here.';
  }
  const gap = closedForm.value === 0 ? Math.abs(measured.value) : Math.abs(measured.value - closedForm.value) / Math.abs(closedForm.value);
  if (closedForm.kind === 'lowerBound') {
    return measured.value >= closedForm.value
      ? `The run is above this bound, as it must be, by ${formatInUnit(measured.value - closedForm.value, spec)}.`
      : 'The run came out below this bound: the scenario breaks one of its assumptions.';
  }
  if (closedForm.kind === 'upperBound') {
    return measured.value <= closedForm.value
      ? `The run stays below it: ${formatPercent(measured.value / closedForm.value)} of the HTTP/1.1 figure.`
      : 'The run came out above this bound: the scenario breaks one of its assumptions.';
  }
  return gap <= challenge.tolerance
    ? `The run and the formula agree within ${formatPercent(gap)}.`
    : `The run is ${formatPercent(gap)} from the formula: the formula leaves out what the run adds (random event counts, start-up, the run’s end).`;
}

/** The reveal of `challenge` for this recording, or null when the run holds no such figure. */
export function revealOf(challenge: Challenge, recording: RunRecording, prediction: Prediction): Reveal | null {
  const measured = challenge.measure(recording);
  if (!measured) return null;
  const closedForm = challenge.closedForm(recording.scenario);
  const error = describeError(prediction, measured, challenge.prediction);
  return {
    simulated: measured,
    simulatedText: formatInUnit(measured.value, challenge.prediction),
    closedForm,
    closedFormText: closedForm ? formatInUnit(closedForm.value, challenge.prediction) : null,
    agreement: closedForm ? describeAgreement(closedForm, measured, challenge) : null,
    error: error?.text ?? null,
    errorRatio: error?.ratio ?? null,
    why: challenge.why,
  };
}
