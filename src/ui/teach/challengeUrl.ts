import { useTeach } from './teachStore.ts';

// `?challenge=<id>` opens a challenge, so a teacher can assign one by link (issue 13, item 1). The
// parameter stays in the address while the challenge is open (Copy link keeps it) and goes when
// the learner closes it. The id is checked when the challenge panel loads the library.

const PARAM = 'challenge';

/** The requested id (at most 64 characters: it is quoted back in a notice when unknown). */
export function readChallengeParam(search: string): string | null {
  const value = new URLSearchParams(search).get(PARAM);
  return value === null || value === '' ? null : value.slice(0, 64);
}

/** `search` with the challenge parameter set to `id`, or removed when `id` is null. */
export function withChallengeParam(search: string, id: string | null): string {
  const params = new URLSearchParams(search);
  if (id === null) params.delete(PARAM);
  else params.set(PARAM, id);
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}

/** Called once from main.tsx with the address the page was opened with. */
export function openChallengeFromUrl(search: string): void {
  const id = readChallengeParam(search);
  if (id !== null) useTeach.getState().openChallenge(id);
}

/** Keep the address's challenge parameter in step with the open challenge (no new history entry). */
export function syncChallengeParam(id: string | null): void {
  const { pathname, search, hash } = window.location;
  const next = withChallengeParam(search, id);
  if (next !== search) window.history.replaceState(window.history.state, '', `${pathname}${next}${hash}`);
}
