import { useLab } from '../../state/store.ts';
import { describeEstimate } from '../../state/runBudget.ts';
import { formatInteger } from '../format.ts';
import { useSmoothProgress } from './useSmoothProgress.ts';
import './run.css';

// What the simulation is doing, with the one button that helps (issue 10, items 3 and 4):
// progress and "Cancel" while it runs; why it failed and "Retry"; the budget's estimate and
// "Run anyway" (only within what a tab can hold); after a cancel, "Run again". The last good
// results stay on screen in every case.

function Progress({ rerun }: { rerun: boolean }) {
  const progressMs = useLab((s) => s.progressMs);
  const durationSec = useLab((s) => s.scenario.durationSec);
  const cancelRun = useLab((s) => s.cancelRun);
  const shownMs = useSmoothProgress(progressMs, durationSec * 1000);
  const doneSec = Math.floor(progressMs / 1000);
  const text = `${rerun ? 'Re-running with the new settings' : 'Running the simulation'}… ${formatInteger(doneSec)} s of ${formatInteger(durationSec)} s`;
  return (
    <div className="lanes-progress run-status">
      <label htmlFor="lanes-progress-bar">{text}</label>
      <progress id="lanes-progress-bar" max={durationSec} value={Math.round(shownMs / 100) / 10} />
      <button type="button" onClick={cancelRun}>
        Cancel
      </button>
    </div>
  );
}

function Failure() {
  const runError = useLab((s) => s.runError);
  const runFailure = useLab((s) => s.runFailure);
  const retry = useLab((s) => s.retry);
  // "The simulation stopped responding." is already a whole sentence about the simulation.
  const whole = runFailure === 'unresponsive' || runFailure === 'crashed';
  return (
    <div className="run-status">
      <p className="lanes-error" role="alert">
        {whole ? runError : `The simulation failed: ${runError ?? 'unknown error'}`}
      </p>
      <button type="button" onClick={retry}>
        Retry
      </button>
    </div>
  );
}

function OverBudget() {
  const budget = useLab((s) => s.budget);
  const runAnyway = useLab((s) => s.runAnyway);
  if (!budget) return null;
  return (
    <div className="run-status run-budget">
      <p role="alert">{describeEstimate(budget)}</p>
      {budget.verdict === 'warn' && (
        <button type="button" onClick={runAnyway}>
          Run anyway
        </button>
      )}
    </div>
  );
}

function Cancelled({ kept }: { kept: boolean }) {
  const retry = useLab((s) => s.retry);
  return (
    <div className="run-status">
      <p role="status">Run cancelled.{kept ? ' The results shown are from the last run that finished.' : ''}</p>
      <button type="button" onClick={retry}>
        Run again
      </button>
    </div>
  );
}

export function RunStatus() {
  const status = useLab((s) => s.status);
  const hasRecording = useLab((s) => s.recording !== null);
  if (status === 'running') return <Progress rerun={hasRecording} />;
  if (status === 'error') return <Failure />;
  if (status === 'blocked') return <OverBudget />;
  if (status === 'cancelled') return <Cancelled kept={hasRecording} />;
  return null;
}
