import { Fragment, useId } from 'react';
import { MECHANISM_IDS } from '../../sim/scenario/types.ts';
import { snapshotIndex, totalsAt, usePlayheadSecond, useRecording } from '../../state/selectors.ts';
import { MISSING, formatInteger } from '../format.ts';
import { MECHANISM_LABELS } from '../mechanisms.ts';
import { MECHANISM_STYLES } from '../mechanismStyle.ts';
import { bestRows } from './bestValues.ts';
import { CLAIMS } from './claims.ts';
import { SCORE_COLUMNS } from './columns.ts';
import './scoreboard.css';

// Mechanism × metric at the playhead (the last whole simulated second), the best of each column
// marked, and beside each measured value the claim of the seed notes' table it tests.

/** "claim: …", free to wrap between words but never at the hyphen of "Moderate-High". */
function Claim({ text }: { text: string }) {
  return (
    <span className="claim">
      claim:{' '}
      {text.split(' ').map((word, i) => (
        <Fragment key={i}>
          {i > 0 && ' '}
          {word.includes('-') ? <span className="nowrap">{word}</span> : word}
        </Fragment>
      ))}
    </span>
  );
}

export function Scoreboard() {
  const captionId = useId();
  const hintId = useId();
  const recording = useRecording();
  const second = usePlayheadSecond();
  if (!recording) return <p className="table-note">The scoreboard appears when the first run finishes.</p>;

  const playheadMs = Math.min(second * 1000, recording.endMs);
  const rows = MECHANISM_IDS.filter((id) => recording.mechanisms[id]);
  const totals = rows.map((id) => totalsAt(recording, id, playheadMs));
  const best = SCORE_COLUMNS.map((column) => bestRows(totals.map((t) => (t ? column.value(t) : null))));
  // The moment the totals were taken (snapshots are sparser than every second in very long runs).
  const snapshot = snapshotIndex(recording, playheadMs);
  const shownMs = Math.min((snapshot + 1) * recording.snapshotEverySec * 1000, recording.endMs);
  const runSec = Math.round(recording.durationMs / 1000);
  // Past durationSec the run is in its drain: events finish, nothing new is created.
  const when =
    shownMs <= recording.durationMs
      ? `${String(Math.round(shownMs / 1000))} s of ${String(runSec)} s`
      : `the ${String(runSec)} s run and ${String(Math.round((shownMs - recording.durationMs) / 1000))} s of drain`;
  const detail =
    snapshot < 0
      ? ' — figures appear after the first simulated second'
      : ` after ${when}, all ${formatInteger(recording.scenario.clients)} clients`;
  return (
    <>
      <p className="scroll-hint" id={hintId}>
        The table scrolls sideways: swipe or use the arrow keys to see every column.
      </p>
      <div className="table-scroll" role="region" aria-labelledby={captionId} aria-describedby={hintId} tabIndex={0}>
        <table className="scoreboard">
          <caption id={captionId}>
            <span className="caption-text">
              Scoreboard
              <span className="caption-detail">{detail}</span>
            </span>
          </caption>
          <thead>
            <tr>
              <th scope="col">Mechanism</th>
              {SCORE_COLUMNS.map((column) => (
                <th scope="col" key={column.header}>
                  {column.header}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((id, row) => {
              const t = totals[row];
              return (
                <tr key={id}>
                  <th scope="row">
                    <span aria-hidden="true" className="row-symbol" style={{ color: MECHANISM_STYLES[id].color }}>
                      {MECHANISM_STYLES[id].symbol}
                    </span>
                    {MECHANISM_LABELS[id]}
                  </th>
                  {SCORE_COLUMNS.map((column, col) => {
                    const isBest = best[col][row];
                    const small = t && column.detail ? column.detail(t) : null;
                    return (
                      <td key={column.header} className={isBest ? 'best' : undefined}>
                        <span className="figure">
                          {t ? column.format(t) : MISSING}
                          {isBest && (
                            <span className="best-mark">
                              <span aria-hidden="true"> ★</span>
                              <span className="visually-hidden"> (best)</span>
                            </span>
                          )}
                        </span>
                        {small && <span className="detail">{small}</span>}
                        {column.claim && <Claim text={CLAIMS[column.claim][id]} />}
                      </td>
                    );
                  })}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <p className="table-note">
        ★ marks the best value in each column (lowest; nothing is marked when all are equal). “claim” is what the usual
        comparison table says; the number beside it is what this run measured. “{MISSING}” marks a figure that does not
        exist, such as a latency when no event was delivered.
      </p>
    </>
  );
}
