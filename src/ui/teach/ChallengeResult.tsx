import type { Reveal } from '../../teach/reveal.ts';

// The reveal of a challenge: a region named "Result" (checks find it by that name).

const BOUND_WORDS = { exact: 'Closed form', lowerBound: 'Lower bound', upperBound: 'Upper bound' } as const;

export function ChallengeResult({ reveal, edited, onRetry }: { reveal: Reveal; edited: boolean; onRetry: () => void }) {
  const cf = reveal.closedForm;
  return (
    <section className="challenge-result" aria-label="Result">
      <h3>Result</h3>
      {edited && <p className="challenge-edited">You changed the scenario after opening the challenge: these figures are for your version.</p>}
      <dl>
        <dt>The run</dt>
        <dd>
          <strong>{reveal.simulatedText}</strong>
          {reveal.simulated.details.map((line) => (
            <span key={line} className="challenge-detail">
              {' '}
              {line}
            </span>
          ))}
        </dd>
        <dt>{cf ? BOUND_WORDS[cf.kind] : 'Closed form'}</dt>
        <dd>
          {cf ? (
            <>
              <strong>{reveal.closedFormText}</strong> <span className="challenge-formula">{cf.formula}</span>: {cf.worked}. {reveal.agreement}
            </>
          ) : (
            'None: no simple formula gives this figure, which is why the run is worth watching.'
          )}
        </dd>
        <dt>Your error</dt>
        <dd>{reveal.error ?? 'You skipped the prediction this time.'}</dd>
        <dt>Why</dt>
        <dd>{reveal.why}</dd>
      </dl>
      <button type="button" onClick={onRetry}>
        Try this challenge again
      </button>
    </section>
  );
}
