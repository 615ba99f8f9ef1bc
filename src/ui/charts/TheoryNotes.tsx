import type { MechanismId } from '../../sim/scenario/types.ts';
import { MECHANISM_LABELS } from '../mechanisms.ts';
import { MECHANISM_STYLES } from '../mechanismStyle.ts';
import type { TheoryReference } from './theory.ts';

// Simulation beside theory, as a small table under a chart, with the formulas used and, where a
// closed form does not apply to this scenario, the reason — so the learner sees why they differ.

export interface ComparisonRow {
  id: MechanismId;
  measured: string;
  theory: string;
}

interface ComparisonTableProps {
  caption: string;
  measuredHeader: string;
  rows: readonly ComparisonRow[];
}

export function ComparisonTable({ caption, measuredHeader, rows }: ComparisonTableProps) {
  if (rows.length === 0) return null;
  return (
    <table className="chart-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Mechanism</th>
          <th scope="col">{measuredHeader}</th>
          <th scope="col">Theory</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.id}>
            <th scope="row">
              <span aria-hidden="true" style={{ color: MECHANISM_STYLES[row.id].color }}>
                {MECHANISM_STYLES[row.id].symbol}
              </span>{' '}
              {MECHANISM_LABELS[row.id]}
            </th>
            <td>{row.measured}</td>
            <td>{row.theory}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Why a closed form does not apply, in plain view; the formulas used, one click away. */
export function TheoryNotes({ references }: { references: readonly TheoryReference[] }) {
  const reasons = references.flatMap((r) => (r.ok ? [] : [{ id: r.id, reason: r.reason }]));
  const formulas = references.flatMap((r) => (r.ok ? [{ id: r.id, formula: r.formula }] : []));
  return (
    <>
      {reasons.length > 0 && (
        <ul className="chart-notes">
          {reasons.map(({ id, reason }) => (
            <li key={id}>{`No theory line for ${MECHANISM_LABELS[id]}: ${reason}.`}</li>
          ))}
        </ul>
      )}
      {formulas.length > 0 && (
        <details className="chart-formulas">
          <summary>How the theory is computed</summary>
          <ul className="chart-notes">
            {formulas.map(({ id, formula }) => (
              <li key={id}>{`${MECHANISM_LABELS[id]}: ${formula}.`}</li>
            ))}
          </ul>
        </details>
      )}
    </>
  );
}
