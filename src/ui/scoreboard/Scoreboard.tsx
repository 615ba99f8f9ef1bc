import { useId } from 'react';
import { MECHANISM_IDS } from '../../sim/scenario/types.ts';
import { totalsAt, usePlayheadSecond, useRecording } from '../../state/selectors.ts';
import { useLab } from '../../state/store.ts';
import { MISSING, formatInteger } from '../format.ts';
import { MECHANISM_LABELS } from '../mechanisms.ts';
import { MECHANISM_STYLES } from '../mechanismStyle.ts';
import { bestRows } from './bestValues.ts';
import { CLAIMS } from './claims.ts';
import { SCORE_COLUMNS } from './columns.ts';
import './scoreboard.css';

// Mechanism × metric at the playhead (the last whole simulated second), the best of each column
// marked, and beside each measured value the claim of the seed notes' table it tests.

export function Scoreboard() {
  const captionId = useId();
  const hintId = useId();
  const recording = useRecording();
  const second = usePlayheadSecond();
  const clients = useLab((s) => s.scenario.clients);
  if (!recording) return <p className="table-note">The scoreboard appears when the first run finishes.</p>;

  const playheadMs = Math.min(second * 1000, recording.durationMs);
  const rows = MECHANISM_IDS.filter((id) => recording.mechanisms[id]);
  const totals = rows.map((id) => totalsAt(recording, id, playheadMs));
  const best = SCORE_COLUMNS.map((column) => bestRows(totals.map((t) => (t ? column.value(t) : null))));
  const shownSec = totals[0] === null ? 0 : Math.min(Math.floor(playheadMs / 1000), Math.ceil(recording.durationMs / 1000));
  return (
    <>
      <p className="scroll-hint" id={hintId}>
        The table scrolls sideways: swipe or use the arrow keys to see every column.
      </p>
      <div className="table-scroll" role="region" aria-labelledby={captionId} aria-describedby={hintId} tabIndex={0}>
        <table className="scoreboard">
          <caption id={captionId}>
            Scoreboard
            <span className="caption-detail">
              {totals[0] === null
                ? ' — figures appear after the first simulated second'
                : ` after ${String(shownSec)} s of ${String(Math.round(recording.durationMs / 1000))} s, all ${formatInteger(clients)} clients`}
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
                    return (
                      <td key={column.header} className={isBest ? 'best' : undefined}>
                        <span className="figure">{t ? column.format(t) : MISSING}</span>
                        {isBest && (
                          <span className="best-mark">
                            <span aria-hidden="true"> ★</span>
                            <span className="visually-hidden"> (best)</span>
                          </span>
                        )}
                        {column.claim && <span className="claim">claim: {CLAIMS[column.claim][id]}</span>}
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
