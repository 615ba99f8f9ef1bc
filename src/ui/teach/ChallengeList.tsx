import { useId, useMemo } from 'react';
import { offeredChallenges } from '../../teach/challenges.ts';
import { progressLabel } from '../../teach/progress.ts';
import { loadProgress } from './progressStorage.ts';
import { withChallengeParam } from './challengeUrl.ts';
import { useTeach } from './teachStore.ts';
import { useModalDialog } from '../useModalDialog.ts';

// The "Challenges" list: every challenge this engine can run, with the learner's progress (kept in
// this browser only). Each title is a real link (`?challenge=<id>`) a teacher can copy; a plain
// click opens the challenge in place.

export function ChallengeList() {
  const open = useTeach((s) => s.open.challenges);
  const setOpen = useTeach((s) => s.setOpen);
  const openChallenge = useTeach((s) => s.openChallenge);
  const dialog = useModalDialog(open);
  const titleId = useId();
  const challenges = useMemo(() => offeredChallenges(), []);
  // Read again each time the list opens, so it shows what was just revealed.
  const progress = useMemo(() => (open ? loadProgress() : {}), [open]);
  const close = () => setOpen('challenges', false);
  return (
    <dialog
      ref={dialog}
      className="teach-dialog"
      aria-labelledby={titleId}
      onClose={close}
      onCancel={(event) => {
        event.preventDefault();
        close();
      }}
    >
      <h2 id={titleId}>Challenges</h2>
      <p>Predict a figure before the run plays, then see how far off you were and why. Your progress stays in this browser.</p>
      <ol className="challenge-list">
        {challenges.map((challenge) => (
          <li key={challenge.id}>
            <a
              href={withChallengeParam('', challenge.id)}
              onClick={(event) => {
                if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
                event.preventDefault();
                openChallenge(challenge.id);
              }}
            >
              {challenge.title}
            </a>
            <span className="challenge-topic">{challenge.topic}</span>
            <span className="challenge-progress">{progressLabel(progress[challenge.id], challenge.prediction.kind === 'choice')}</span>
          </li>
        ))}
      </ol>
      <button type="button" onClick={close}>
        Close
      </button>
    </dialog>
  );
}
