import { useId, useMemo, useState } from 'react';
import { useLab } from '../../state/store.ts';
import { useRecording } from '../../state/selectors.ts';
import { describeEstimate } from '../../state/runBudget.ts';
import { formatInteger } from '../format.ts';
import { RunStatus } from '../run/RunStatus.tsx';
import { hasSteady, type FigureMode } from '../comparison/figures.ts';
import '../comparison/comparison.css';
import { changedPaths, changesText, runBLabel } from './compareFields.ts';
import { compareRows, effectText, focusMechanism, windowText } from './delta.ts';
import { CompareTable } from './CompareTable.tsx';
import { CompareLanes } from './CompareLanes.tsx';
import { useCompareUi } from './compareUi.ts';
import './compare.css';

// Two runs side by side (issue 13, item 4): in compare mode this takes the bench's place of the
// lanes and the scoreboard. It says what B changes, how B's run is going (it has its own progress,
// budget and cancel), the one-line summary, the table of both runs' figures with their deltas, and
// the lanes of both runs under the one timeline.

function RunBStatus() {
  const status = useLab((s) => s.compareStatus);
  const progressMs = useLab((s) => s.compareProgressMs);
  const durationSec = useLab((s) => s.compareScenario?.durationSec ?? s.scenario.durationSec);
  const error = useLab((s) => s.compareError);
  const budget = useLab((s) => s.compareBudget);
  const { cancelCompare, retryCompare, runCompareAnyway } = useLab.getState();
  if (status === 'running') {
    return (
      <div className="run-status" role="status">
        Running B… {formatInteger(Math.floor(progressMs / 1000))} s of {formatInteger(durationSec)} s{' '}
        <button type="button" onClick={cancelCompare}>
          Cancel B
        </button>
      </div>
    );
  }
  if (status === 'error') {
    return (
      <div className="run-status">
        <p className="lanes-error" role="alert">
          Run B failed: {error}
        </p>
        <button type="button" onClick={retryCompare}>
          Retry B
        </button>
      </div>
    );
  }
  if (status === 'blocked' && budget) {
    return (
      <div className="run-status run-budget">
        <p role="alert">Run B: {describeEstimate(budget)}</p>
        {budget.verdict === 'warn' && (
          <button type="button" onClick={runCompareAnyway}>
            Run B anyway
          </button>
        )}
      </div>
    );
  }
  if (status === 'cancelled') {
    return (
      <div className="run-status">
        <p role="status">Run B cancelled.</p>
        <button type="button" onClick={retryCompare}>
          Run B again
        </button>
      </div>
    );
  }
  return null;
}

export function CompareView() {
  const headingId = useId();
  const a = useRecording();
  const scenario = useLab((s) => s.scenario);
  const compare = useLab((s) => s.compare);
  const variant = useLab((s) => s.compareScenario);
  const b = useLab((s) => s.compareRecording);
  const leave = useLab((s) => s.leaveCompare);
  const openPicker = useCompareUi((s) => s.setDialogOpen);
  const [mode, setMode] = useState<FigureMode>('steady');
  const modeName = useId();
  // Steady state only when both runs have one (a run shorter than its warm-up has none).
  const shownMode: FigureMode = mode === 'steady' && a && b && hasSteady(a) && hasSteady(b) ? 'steady' : 'whole';
  const rows = useMemo(() => (a && b ? compareRows(a, b, shownMode) : null), [a, b, shownMode]);
  if (compare === null) return null;
  const bLabel = runBLabel(compare, variant);
  const paths = changedPaths(compare);
  const focus = rows ? focusMechanism(rows, paths) : null;
  const focusRow = rows?.find((r) => r.id === focus);
  const stale = (a !== null && a.scenario !== scenario) || (b !== null && b.scenario !== variant);
  return (
    <section className="compare-view" aria-labelledby={headingId} data-region="compare">
      <div className="compare-head">
        <h2 id={headingId}>Two runs side by side</h2>
        <div className="compare-buttons">
          <button type="button" aria-haspopup="dialog" onClick={() => openPicker(true)}>
            Change B…
          </button>
          <button type="button" onClick={leave}>
            Leave comparison
          </button>
        </div>
      </div>
      <p className="compare-who">
        <strong>A: current</strong> is the scenario on screen; <strong>{bLabel}</strong> is the same scenario with that change.
        Same seed, so both runs see the very same events.
      </p>
      {/* Run A's own progress, budget or failure (the lanes show it on the normal bench). */}
      <RunStatus />
      <RunBStatus />
      {variant && (
        <p className="compare-summary" aria-live="polite">
          {changesText(compare, scenario, variant)}
          {focusRow ? ` — ${effectText(focusRow)}.` : '.'}
        </p>
      )}
      {rows && a && b ? (
        <>
          <fieldset className="segmented">
            <legend className="visually-hidden">Figures over</legend>
            {(['steady', 'whole'] as const).map((m) => (
              <label key={m}>
                <input type="radio" name={modeName} checked={mode === m} onChange={() => setMode(m)} />
                {m === 'steady' ? 'Steady state' : 'Whole run'}
              </label>
            ))}
          </fieldset>
          <CompareTable rows={rows} bLabel={bLabel} windows={{ a: windowText(a, shownMode), b: windowText(b, shownMode) }} stale={stale} />
          <CompareLanes a={a} b={b} bLabel={bLabel} initial={focus} />
        </>
      ) : (
        <p role="status">The figures appear when both runs have finished.</p>
      )}
    </section>
  );
}
