import { useEffect, useId, useMemo, useState, type SyntheticEvent } from 'react';
import { useLab } from '../../state/store.ts';
import { MAX_SPEED, MIN_SPEED } from '../../state/playbackLimits.ts';
import { challengeById, challengeScenario } from '../../teach/challenges.ts';
import type { Challenge } from '../../teach/challengeTypes.ts';
import { formatInUnit, revealOf, type Prediction } from '../../teach/reveal.ts';
import { useTeach } from './teachStore.ts';
import { syncChallengeParam, withChallengeParam } from './challengeUrl.ts';
import { saveProgress } from './progressStorage.ts';
import { ChallengeResult } from './ChallengeResult.tsx';

// One challenge (issue 13, item 1): the learner commits a prediction, the run waits for it (the
// playhead is held at 0 until then, or until "Skip"), plays, and at its end the "Result" region
// shows the engine's figure, the closed form, the learner's error and why.

/** A challenge's run plays in about half a minute. */
const WATCH_SECONDS = 30;

function parsePrediction(challenge: Challenge, draft: string): Prediction | string {
  const spec = challenge.prediction;
  if (spec.kind === 'choice') {
    return spec.options.some((option) => option.value === draft) ? { kind: 'choice', value: draft } : 'Pick one of the answers.';
  }
  const value = Number(draft.trim().replace(/,/g, ''));
  if (draft.trim() === '' || !Number.isFinite(value) || value < spec.min || value > spec.max) {
    return `Enter a number from ${spec.min.toLocaleString('en-US')} to ${spec.max.toLocaleString('en-US')} (${spec.unit}).`;
  }
  return { kind: 'number', value };
}

export function ChallengePanel({ id }: { id: string }) {
  const challenge = challengeById(id);
  const closeChallenge = useTeach((s) => s.closeChallenge);
  const [prediction, setPrediction] = useState<Prediction | null>(null);
  const [draft, setDraft] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [held, setHeld] = useState(false);
  const ids = { title: useId(), field: useId(), unit: useId(), problem: useId() };

  // Opening a challenge (the panel is keyed by each opening, so reopening starts over) loads its scenario, paused at 0, at a speed to watch it by.
  useEffect(() => {
    if (!challenge) {
      useLab.getState().setNotice(`There is no challenge named "${id}", so the lab shows what it showed before.`);
      syncChallengeParam(null);
      closeChallenge();
      return;
    }
    const scenario = challengeScenario(challenge);
    if (!scenario) return;
    syncChallengeParam(challenge.id);
    const lab = useLab.getState();
    lab.pause();
    lab.loadScenario(scenario);
    lab.setSpeed(Math.min(MAX_SPEED, Math.max(MIN_SPEED, scenario.durationSec / WATCH_SECONDS)));
  }, [challenge, id, closeChallenge]);

  // Until a prediction is locked in, the run waits: play and scrubbing snap back to the start.
  useEffect(() => {
    if (prediction !== null) return;
    const hold = () => {
      const { playing, playheadMs } = useLab.getState();
      if (!playing && playheadMs === 0) return;
      useLab.getState().pause();
      useLab.getState().seek(0);
      setHeld(true);
    };
    hold();
    return useLab.subscribe(hold);
  }, [prediction]);

  const recording = useLab((s) => s.recording);
  const ready = useLab((s) => s.status === 'ready');
  const atEnd = useLab((s) => s.recording !== null && s.playheadMs >= s.recording.durationMs);
  const reveal = useMemo(
    () => (challenge && prediction && ready && atEnd && recording ? revealOf(challenge, recording, prediction) : null),
    [challenge, prediction, ready, atEnd, recording],
  );
  const edited = useMemo(() => {
    const scenario = challenge ? challengeScenario(challenge) : null;
    return recording !== null && scenario !== null && JSON.stringify(recording.scenario) !== JSON.stringify(scenario);
  }, [challenge, recording]);

  useEffect(() => {
    if (reveal && prediction && challenge) saveProgress(challenge.id, { prediction, errorRatio: reveal.errorRatio });
  }, [reveal, prediction, challenge]);

  if (!challenge) return null;
  const spec = challenge.prediction;

  const lockIn = (event: SyntheticEvent) => {
    event.preventDefault();
    const parsed = parsePrediction(challenge, draft);
    if (typeof parsed === 'string') {
      setProblem(parsed);
      return;
    }
    setProblem(null);
    setPrediction(parsed);
  };

  return (
    <section className="challenge-panel" aria-labelledby={ids.title} data-region="challenge">
      <h2 id={ids.title}>Challenge: {challenge.title}</h2>
      <p>{challenge.setup}</p>
      <p className="challenge-question">{challenge.question}</p>
      {prediction === null ? (
        <form className="challenge-form" onSubmit={lockIn} noValidate>
          <label htmlFor={ids.field}>Your prediction</label>
          {spec.kind === 'number' ? (
            <span className="challenge-field">
              <input
                id={ids.field}
                type="text"
                inputMode="decimal"
                autoComplete="off"
                value={draft}
                onChange={(event) => setDraft(event.target.value)}
                aria-describedby={problem ? `${ids.unit} ${ids.problem}` : ids.unit}
                aria-invalid={problem !== null}
              />
              <span id={ids.unit}>{spec.unit}</span>
            </span>
          ) : (
            <select
              id={ids.field}
              value={draft}
              onChange={(event) => setDraft(event.target.value)}
              aria-describedby={problem ? ids.problem : undefined}
              aria-invalid={problem !== null}
            >
              <option value="">Choose…</option>
              {spec.options.map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label}
                </option>
              ))}
            </select>
          )}
          <button type="submit">Lock in prediction</button>
          <button type="button" onClick={() => setPrediction({ kind: 'skipped' })}>
            Skip
          </button>
          {problem !== null && (
            <p id={ids.problem} className="challenge-problem" role="alert">
              {problem}
            </p>
          )}
          <p className="challenge-hint" role="status">
            {held ? 'The run waits for your prediction: lock one in, or skip.' : 'The run starts once you have locked in a prediction.'}
          </p>
        </form>
      ) : (
        <div className="challenge-watch">
          <p role="status">
            {prediction.kind === 'skipped'
              ? 'No prediction this time. '
              : `Your prediction, ${formatInUnit(prediction.value, spec)}, is locked in. `}
            {reveal ? 'The run is over: see the result below.' : 'Press Play and watch; the result appears when the run ends.'}
          </p>
          {!reveal && (
            <button type="button" onClick={() => useLab.getState().seek(recording?.durationMs ?? 0)} disabled={!ready}>
              Show the result now
            </button>
          )}
        </div>
      )}
      {reveal && <ChallengeResult reveal={reveal} edited={edited} onRetry={() => useTeach.getState().openChallenge(challenge.id)} />}
      <p className="challenge-links">
        <a href={withChallengeParam('', challenge.id)}>Link to this challenge</a>
        <button
          type="button"
          onClick={() => {
            syncChallengeParam(null);
            closeChallenge();
          }}
        >
          Close challenge
        </button>
      </p>
    </section>
  );
}
