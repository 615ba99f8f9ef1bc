import { useId, useState } from 'react';
import { useLab } from '../../state/store.ts';
import { MAX_SPEED, MIN_SPEED } from '../../state/playbackLimits.ts';
import { recommend } from '../../teach/decide.ts';
import { DEFAULT_REQUIREMENTS, type Requirements } from '../../teach/requirements.ts';
import { MECHANISM_LABELS } from '../mechanisms.ts';
import { useTeach } from './teachStore.ts';
import { useModalDialog } from '../useModalDialog.ts';

// "Which mechanism?" (issue 13, item 2): the requirements form, the recommendation with its
// reasons (recomputed as the figures change), and "Show me", which loads the user's figures with
// both candidates and plays them side by side.

interface NumberField {
  key: 'updatesPerSec' | 'clients' | 'acceptableDelaySec' | 'clientMessagesPerSec' | 'proxyIdleTimeoutSec';
  label: string;
  hint: string;
  min: number;
  max: number;
  integer?: boolean;
}

const NUMBER_FIELDS: readonly NumberField[] = [
  { key: 'updatesPerSec', label: 'Updates per second, per client', hint: 'e.g. 0.01 for one every 100 s', min: 0, max: 1000 },
  { key: 'clients', label: 'Clients', hint: '1 to 10,000', min: 1, max: 10000, integer: true },
  { key: 'acceptableDelaySec', label: 'Acceptable delay (s)', hint: 'how late an update may arrive, on average', min: 0.01, max: 3600 },
  { key: 'clientMessagesPerSec', label: 'Messages per second from each client', hint: 'only when both ways', min: 0, max: 100 },
  { key: 'proxyIdleTimeoutSec', label: 'A proxy cuts idle connections after (s)', hint: '0 = no such proxy', min: 0, max: 3600, integer: true },
];

type Drafts = Record<NumberField['key'], string>;

const initialDrafts: Drafts = {
  updatesPerSec: String(DEFAULT_REQUIREMENTS.updatesPerSec),
  clients: String(DEFAULT_REQUIREMENTS.clients),
  acceptableDelaySec: String(DEFAULT_REQUIREMENTS.acceptableDelayMs / 1000),
  clientMessagesPerSec: String(DEFAULT_REQUIREMENTS.clientMessagesPerSec),
  proxyIdleTimeoutSec: String(DEFAULT_REQUIREMENTS.proxyIdleTimeoutSec),
};

function readNumber(field: NumberField, draft: string): number | string {
  const value = Number(draft.trim().replace(/,/g, ''));
  if (draft.trim() === '' || !Number.isFinite(value) || value < field.min || value > field.max) {
    return `Enter a number from ${field.min.toLocaleString('en-US')} to ${field.max.toLocaleString('en-US')}.`;
  }
  if (field.integer === true && !Number.isInteger(value)) return 'Enter a whole number.';
  return value;
}

export function DecisionForm() {
  const open = useTeach((s) => s.open.decide);
  const setOpen = useTeach((s) => s.setOpen);
  const dialog = useModalDialog(open);
  const baseId = useId();
  const [drafts, setDrafts] = useState<Drafts>(initialDrafts);
  const [choices, setChoices] = useState(DEFAULT_REQUIREMENTS);
  const close = () => setOpen('decide', false);

  const errors: Partial<Record<NumberField['key'], string>> = {};
  const numbers: Partial<Record<NumberField['key'], number>> = {};
  for (const field of NUMBER_FIELDS) {
    const value = readNumber(field, drafts[field.key]);
    if (typeof value === 'string') errors[field.key] = value;
    else numbers[field.key] = value;
  }
  const valid = Object.keys(errors).length === 0;
  const requirements: Requirements | null = valid
    ? {
        ...choices,
        updatesPerSec: numbers.updatesPerSec ?? 0,
        clients: numbers.clients ?? 1,
        acceptableDelayMs: (numbers.acceptableDelaySec ?? 1) * 1000,
        clientMessagesPerSec: numbers.clientMessagesPerSec ?? 0,
        proxyIdleTimeoutSec: numbers.proxyIdleTimeoutSec ?? 0,
      }
    : null;
  // Closed forms only (no run): cheap enough to recompute on every keystroke.
  const recommendation = requirements ? recommend(requirements) : null;

  const showMe = () => {
    if (!recommendation) return;
    const lab = useLab.getState();
    lab.loadScenario(recommendation.scenario);
    lab.setSpeed(Math.min(MAX_SPEED, Math.max(MIN_SPEED, recommendation.scenario.durationSec / 30)));
    lab.play();
    close();
  };

  const radio = <K extends 'direction' | 'receiver'>(name: K, value: Requirements[K], text: string) => (
    <label className="decide-choice">
      <input type="radio" name={`${baseId}-${name}`} checked={choices[name] === value} onChange={() => setChoices({ ...choices, [name]: value })} /> {text}
    </label>
  );
  const check = (name: 'http2' | 'proxyBlocksWebSocket' | 'serverless', text: string) => (
    <label className="decide-choice">
      <input type="checkbox" checked={choices[name]} onChange={(event) => setChoices({ ...choices, [name]: event.target.checked })} /> {text}
    </label>
  );

  return (
    <dialog
      ref={dialog}
      className="teach-dialog decide-dialog"
      aria-labelledby={`${baseId}-title`}
      onClose={close}
      onCancel={(event) => {
        event.preventDefault();
        close();
      }}
    >
      <h2 id={`${baseId}-title`}>Which mechanism?</h2>
      <div className="decide-layout">
      <form className="decide-form" onSubmit={(event) => event.preventDefault()} noValidate>
        <div className="decide-numbers">
          {NUMBER_FIELDS.map((field) => {
            const id = `${baseId}-${field.key}`;
            const error = errors[field.key];
            if (field.key === 'clientMessagesPerSec' && choices.direction !== 'both') return null;
            return (
              <div key={field.key} className="decide-number">
                <label htmlFor={id}>{field.label}</label>
                <input
                  id={id}
                  type="text"
                  inputMode="decimal"
                  autoComplete="off"
                  value={drafts[field.key]}
                  onChange={(event) => setDrafts({ ...drafts, [field.key]: event.target.value })}
                  aria-invalid={error !== undefined}
                  aria-describedby={`${id}-hint`}
                />
                <span id={`${id}-hint`} className={error ? 'decide-error' : 'decide-hint'}>
                  {error ?? field.hint}
                </span>
              </div>
            );
          })}
        </div>
        <fieldset>
          <legend>Direction</legend>
          {radio('direction', 'serverToClient', 'Server → client only')}
          {radio('direction', 'both', 'Both ways')}
        </fieldset>
        <fieldset>
          <legend>Who receives the updates</legend>
          {radio('receiver', 'browser', 'A browser')}
          {radio('receiver', 'server', 'Another organisation’s server')}
        </fieldset>
        <fieldset>
          <legend>Infrastructure</legend>
          {check('http2', 'HTTP/2 available')}
          {check('proxyBlocksWebSocket', 'A proxy blocks WebSockets')}
          {check('serverless', 'Serverless (no long-lived connections)')}
        </fieldset>
        <div className="decide-number">
          <label htmlFor={`${baseId}-loss`}>How bad is a lost event?</label>
          <select
            id={`${baseId}-loss`}
            value={choices.lossCost}
            onChange={(event) => setChoices({ ...choices, lossCost: event.target.value as Requirements['lossCost'] })}
          >
            <option value="harmless">Harmless (the next update replaces it)</option>
            <option value="costly">Costly (someone notices)</option>
            <option value="unacceptable">Unacceptable (a payment, an order)</option>
          </select>
        </div>
      </form>
      <section className="decide-result" aria-label="Recommendation" aria-live="polite">
        {recommendation ? (
          <>
            <p className="decide-verdict">
              Use <strong>{MECHANISM_LABELS[recommendation.mechanism]}</strong>; fall back to{' '}
              <strong>{MECHANISM_LABELS[recommendation.fallback]}</strong>.
            </p>
            <ul>
              {recommendation.reasons.map((reason) => (
                <li key={reason}>{reason}</li>
              ))}
            </ul>
            {recommendation.notes.length > 0 && (
              <>
                <h3>Also</h3>
                <ul>
                  {recommendation.notes.map((note) => (
                    <li key={note}>{note}</li>
                  ))}
                </ul>
              </>
            )}
            <p className="decide-assumption">Estimates assume a 50 ms network delay each way and an unloaded server; “Show me” runs them in the engine.</p>
          </>
        ) : (
          <p>Correct the highlighted figures to see a recommendation.</p>
        )}
      </section>
      </div>
      <div className="decide-actions">
        <button type="button" onClick={showMe} disabled={!recommendation}>
          Show me
        </button>
        <button type="button" onClick={close}>
          Close
        </button>
      </div>
    </dialog>
  );
}
