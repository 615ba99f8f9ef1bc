import { PROGRESS_KEY, parseProgress, serializeProgress, type ChallengeProgress, type Progress } from '../../teach/progress.ts';
import { CHALLENGES } from '../../teach/challenges.ts';

// The browser side of challenge progress: localStorage only, nothing leaves the page. Storage may
// be switched off (private windows, embedded frames): then progress lasts until the page closes.

const ids = CHALLENGES.map((challenge) => challenge.id);
let fallback: Progress = {};

export function loadProgress(): Progress {
  try {
    return parseProgress(window.localStorage.getItem(PROGRESS_KEY), ids);
  } catch {
    return fallback;
  }
}

export function saveProgress(id: string, entry: ChallengeProgress): void {
  const progress = { ...loadProgress(), [id]: entry };
  fallback = progress;
  try {
    window.localStorage.setItem(PROGRESS_KEY, serializeProgress(progress));
  } catch {
    // Storage refused (quota, privacy settings): the in-memory copy above still serves this page.
  }
}
