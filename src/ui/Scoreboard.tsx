import { useId } from 'react';
import type { Results } from '../sim/engine.ts';
import type { MechanismMetrics } from '../sim/metrics/types.ts';
import { MECHANISM_IDS, type MechanismId } from '../sim/scenario/types.ts';
import { MISSING, formatBytes, formatInteger, formatMs, formatPercent, formatRate } from './format.ts';
import { MECHANISM_LABELS } from './mechanisms.ts';

interface Column {
  header: string;
  cell: (metrics: MechanismMetrics) => string;
}

const COLUMNS: Column[] = [
  { header: 'Requests/s', cell: (m) => formatRate(m.requestsPerSec) },
  { header: 'Empty responses', cell: (m) => formatPercent(m.emptyRatio) },
  { header: 'Mean latency', cell: (m) => formatMs(m.latencyMs.mean) },
  { header: 'p95 latency', cell: (m) => formatMs(m.latencyMs.p95) },
  { header: 'Bytes (up + down)', cell: (m) => formatBytes(m.bytes.up + m.bytes.down) },
  { header: 'Peak open connections', cell: (m) => formatInteger(m.peakOpenConnections) },
  { header: 'Server utilization', cell: (m) => formatPercent(m.serverUtilization) },
  { header: 'Lost events', cell: (m) => formatInteger(m.events.lost) },
  { header: 'Duplicates', cell: (m) => formatInteger(m.events.duplicates) },
];

interface ScoreboardProps {
  mechanisms: readonly MechanismId[];
  results: Results;
}

/** Mechanism × metric for one finished run. */
export function Scoreboard({ mechanisms, results }: ScoreboardProps) {
  const captionId = useId();
  const hintId = useId();
  // Registry order, whatever order the scenario lists them in.
  const rows = MECHANISM_IDS.filter((id) => mechanisms.includes(id));
  return (
    <>
      <p className="scroll-hint" id={hintId}>
        The table scrolls sideways: swipe or use the arrow keys to see every column.
      </p>
      {/* Focusable so keyboard users can scroll it (WCAG 2.1.1); named after the table's caption. */}
      <div
        className="table-scroll"
        role="region"
        aria-labelledby={captionId}
        aria-describedby={hintId}
        tabIndex={0}
      >
        <table className="scoreboard">
          <caption id={captionId}>Scoreboard</caption>
          <thead>
            <tr>
              <th scope="col">Mechanism</th>
              {COLUMNS.map((column) => (
                <th scope="col" key={column.header}>
                  {column.header}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((id) => {
              const metrics = results[id];
              return (
                <tr key={id}>
                  <th scope="row">{MECHANISM_LABELS[id]}</th>
                  {COLUMNS.map((column) => (
                    <td key={column.header}>{metrics ? column.cell(metrics) : MISSING}</td>
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <p className="table-note">“{MISSING}” marks a figure that does not exist, such as a latency when no event was delivered.</p>
    </>
  );
}
