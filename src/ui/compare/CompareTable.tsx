import { useId, type CSSProperties } from 'react';
import { MISSING } from '../format.ts';
import { MECHANISM_VIEWS } from '../mechanismViews.ts';
import { COMPARE_COLUMNS, absText, relText, type CompareColumn, type CompareRow, type Delta } from './delta.ts';
import { BreakAtSlashes } from '../BreakAtSlashes.tsx';
import { MechanismRowHeader } from '../MechanismRowHeader.tsx';

// The figures of run A and run B side by side: a row per mechanism, a column per figure, and in
// each cell A's figure, B's and the difference (absolute and relative) with which way is better.
// Better and worse are words, not colour only.

const DIRECTION_WORDS: Record<NonNullable<Delta['direction']>, string> = {
  better: 'better',
  worse: 'worse',
  same: 'no change',
  changed: '',
};

function Cell({ d, column }: { d: Delta; column: CompareColumn }) {
  const { format, header } = column;
  const abs = absText(d, column.formatDifference ?? format);
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
      {d.abs !== null && d.direction === 'same' && <span className="compare-delta compare-same">no change</span>}
      {d.abs !== null && d.direction !== 'same' && (
        <span className="compare-delta">
          <span className="compare-abs">{abs}</span> {rel && <span className="compare-rel">({rel})</span>}{' '}
          {word && <span className="compare-word">{word}</span>}
        </span>
      )}
    </td>
  );
}

interface Props {
  rows: readonly CompareRow[];
  bLabel: string;
  /** What each run's figures cover: "steady state 5–30 s". */
  windows: { a: string; b: string };
  stale: boolean;
}

export function CompareTable({ rows, bLabel, windows, stale }: Props) {
  const captionId = useId();
  const what = windows.a === windows.b ? `${windows.a} in both runs` : `A ${windows.a}, B ${windows.b} (each run’s warm-up follows its own settings)`;
  return (
    <div className="compare-table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
      <table className="scoreboard compare-table">
        <caption id={captionId}>
          Compare runs
          <span className="caption-detail">
            {' '}
            — A: current, {bLabel}; {what}, at the end of each run, all clients
            {stale ? ' (B is being re-run with A’s new settings; its figures are from before)' : ''}
          </span>
        </caption>
        <thead>
          <tr>
            <th scope="col">Mechanism</th>
            {COMPARE_COLUMNS.map((column) => (
              <th scope="col" key={column.key}>
                <BreakAtSlashes text={column.header} />
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            return (
              <tr key={row.id} style={{ '--row-color': MECHANISM_VIEWS[row.id].color } as CSSProperties}>
                <MechanismRowHeader id={row.id} />
                {COMPARE_COLUMNS.map((column, c) => (
                  <Cell key={column.key} d={row.deltas[c]} column={column} />
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="comparison-note">
        Each cell: run A’s figure, run B’s, and B − A (relative to A in brackets; “from 0” when A had none; “no change” when the difference is too small to print). For every figure but
        open connections and memory, lower is better; fewer connections can also mean clients that were cut off, so those two
        give no verdict. Requests are per client per minute; bytes are per delivered event.
      </p>
    </div>
  );
}
