import { useId, type CSSProperties } from 'react';
import { MISSING } from '../format.ts';
import { MECHANISM_VIEWS } from '../mechanismViews.ts';
import type { FigureMode } from '../comparison/figures.ts';
import { COMPARE_COLUMNS, absText, relText, type CompareRow, type Delta } from './delta.ts';

// The figures of run A and run B side by side: a row per mechanism, a column per figure, and in
// each cell A's figure, B's and the difference (absolute and relative) with which way is better.
// Better and worse are words, not colour only.

const DIRECTION_WORDS: Record<NonNullable<Delta['direction']>, string> = {
  better: 'better',
  worse: 'worse',
  same: 'no change',
  changed: '',
};

function Cell({ d, format, header }: { d: Delta; format: (value: number | null) => string; header: string }) {
  const abs = absText(d, format);
  const rel = relText(d);
  const word = d.direction ? DIRECTION_WORDS[d.direction] : '';
  return (
    <td data-direction={d.direction ?? undefined} data-header={header}>
      <span className="compare-a">
        <span className="compare-run">A</span> {d.a === null ? MISSING : format(d.a)}
      </span>
      <span className="compare-b">
        <span className="compare-run">B</span> {d.b === null ? MISSING : format(d.b)}
      </span>
      {d.abs !== null && (
        <span className="compare-delta">
          {d.direction === 'same' ? 'no change' : `${abs}${rel ? ` (${rel})` : ''}`}
          {word && d.direction !== 'same' && <span className="compare-word"> {word}</span>}
        </span>
      )}
    </td>
  );
}

export function CompareTable({ rows, mode, bLabel, stale }: { rows: readonly CompareRow[]; mode: FigureMode; bLabel: string; stale: boolean }) {
  const captionId = useId();
  const what = mode === 'steady' ? 'steady state (after the warm-up)' : 'whole run';
  return (
    <div className="compare-table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
      <table className="scoreboard compare-table">
        <caption id={captionId}>
          Compare runs
          <span className="caption-detail">
            {' '}
            — {what}, at the end of each run, all clients; A: current, {bLabel}
            {stale ? ' (B is being re-run with A’s new settings; its figures are from before)' : ''}
          </span>
        </caption>
        <thead>
          <tr>
            <th scope="col">Mechanism</th>
            {COMPARE_COLUMNS.map((column) => (
              <th scope="col" key={column.key}>
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const view = MECHANISM_VIEWS[row.id];
            return (
              <tr key={row.id} style={{ '--row-color': view.color } as CSSProperties}>
                <th scope="row">
                  <span aria-hidden="true" className="row-symbol">
                    {view.symbol}
                  </span>
                  {view.label}
                </th>
                {COMPARE_COLUMNS.map((column, c) => (
                  <Cell key={column.key} d={row.deltas[c]} format={column.format} header={column.header} />
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="comparison-note">
        Each cell: run A’s figure, run B’s, and B − A (relative to A in brackets; “from 0” when A had none). For every figure but
        open connections and memory, lower is better; fewer connections can also mean clients that were cut off, so those two
        give no verdict. Requests are per client per minute; bytes are per delivered event.
      </p>
    </div>
  );
}
