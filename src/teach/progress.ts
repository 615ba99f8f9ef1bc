import type { Prediction } from './reveal.ts';

// A learner's progress through the challenges (issue 13, item 1). It lives in the browser's
// localStorage only; this module turns it into text and back, and never trusts what it reads:
// a damaged or hand-edited entry is dropped, not shown.

export interface ChallengeProgress {
  prediction: Prediction;
  /** The learner's error once revealed (0 = right, 1 = wrong for a choice); null when skipped. */
  errorRatio: number | null;
}

export type Progress = Record<string, ChallengeProgress>;

export const PROGRESS_KEY = 'push-pull-lab.challenges.v1';

function readPrediction(value: unknown): Prediction | null {
  if (typeof value !== 'object' || value === null) return null;
  const p = value as Record<string, unknown>;
  if (p.kind === 'skipped') return { kind: 'skipped' };
  if (p.kind === 'number' && typeof p.value === 'number' && Number.isFinite(p.value)) return { kind: 'number', value: p.value };
  if (p.kind === 'choice' && typeof p.value === 'string' && p.value.length <= 64) return { kind: 'choice', value: p.value };
  return null;
}

/** Progress from stored text; anything unreadable is left out. */
export function parseProgress(text: string | null, knownIds: readonly string[]): Progress {
  if (text === null) return {};
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return {};
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return {};
  const progress: Progress = {};
  for (const id of knownIds) {
    const entry = (data as Record<string, unknown>)[id];
    if (typeof entry !== 'object' || entry === null) continue;
    const prediction = readPrediction((entry as Record<string, unknown>).prediction);
    const errorRatio = (entry as Record<string, unknown>).errorRatio;
    if (!prediction) continue;
    const ratio = typeof errorRatio === 'number' && errorRatio >= 0 ? errorRatio : null;
    progress[id] = { prediction, errorRatio: prediction.kind === 'skipped' ? null : ratio };
  }
  return progress;
}

/** Infinity (a prediction against a figure of 0) is not JSON: it is stored as a large number. */
export function serializeProgress(progress: Progress): string {
  return JSON.stringify(progress, (_key, value: unknown) => (value === Infinity ? Number.MAX_VALUE : value));
}

/** How a challenge stands, in a few words, for the list. */
export function progressLabel(entry: ChallengeProgress | undefined, isChoice: boolean): string {
  if (!entry) return 'Not tried yet';
  if (entry.prediction.kind === 'skipped' || entry.errorRatio === null) return 'Watched without a prediction';
  if (isChoice) return entry.errorRatio === 0 ? 'Done: you picked right' : 'Done: you picked another answer';
  if (entry.errorRatio <= 0.1) return 'Done: within 10 %';
  return entry.errorRatio >= 1e6 ? 'Done: far off' : `Done: ${Math.round(entry.errorRatio * 100)} % off`;
}
