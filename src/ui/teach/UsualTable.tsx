import { useId, useMemo } from 'react';
import { useLab } from '../../state/store.ts';
import type { MechanismTotals } from '../../sim/metrics/types.ts';
import type { MechanismId } from '../../sim/scenario/types.ts';
import { FEATURES, FEATURE_LABELS, usualTable } from '../../teach/usualTable.ts';
import { MECHANISM_LABELS } from '../mechanisms.ts';
import { useTeach } from './teachStore.ts';

// "The usual table" (issue 13, item 3): the seed notes' comparison table for the run on screen,
// each usual word beside the measured figure, contradictions flagged in words (not colour only).

export function UsualTable() {
  const open = useTeach((s) => s.open.table);
  const setOpen = useTeach((s) => s.setOpen);
  const recording = useLab((s) => s.recording);
  const headingId = useId();
  const table = useMemo(() => {
    if (!recording) return null;
    const totals: Partial<Record<MechanismId, MechanismTotals>> = {};
    for (const [id, mechanism] of Object.entries(recording.mechanisms) as [MechanismId, { final: MechanismTotals }][]) totals[id] = mechanism.final;
    return usualTable({ scenario: recording.scenario, totals });
  }, [recording]);
  if (!open) return null;
  const flags = table ? FEATURES.reduce((n, f) => n + table.mechanisms.filter((id) => table.cells[f][id]?.flag).length, 0) : 0;
  return (
    <section id="teach-usual-table" className="teach-panel usual-table" aria-labelledby={headingId}>
      <h2 id={headingId}>The usual table</h2>
      {table && recording ? (
        <>
          <p>
            The comparison table every interview guide prints, with what this run measured beside each word (whole run of “
            {recording.scenario.name}”). {flags === 0 ? 'Nothing here contradicts the usual words.' : `${String(flags)} cells contradict the usual word; each says why.`}
          </p>
          {/* Focusable, so a keyboard can scroll the table sideways on a narrow screen. */}
          <div className="usual-table-scroll" tabIndex={0} role="region" aria-label="Scrollable: each mechanism in a column">
            <table>
              <caption>The usual table</caption>
              <thead>
                <tr>
                  <td />
                  {table.mechanisms.map((id) => (
                    <th key={id} scope="col">
                      {MECHANISM_LABELS[id]}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {FEATURES.map((feature) => (
                  <tr key={feature}>
                    <th scope="row">{FEATURE_LABELS[feature]}</th>
                    {table.mechanisms.map((id) => {
                      const cell = table.cells[feature][id];
                      if (!cell) return <td key={id} />;
                      return (
                        <td key={id} className={cell.flag ? 'usual-flagged' : undefined}>
                          <span className="usual-word">{cell.word}</span>
                          <span className="usual-measured">{cell.measured}</span>
                          {cell.flag && (
                            <span className="usual-flag">
                              <span aria-hidden="true">⚑ </span>
                              <strong>Contradicted:</strong> {cell.flag}
                            </span>
                          )}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : (
        <p role="status">The run is being computed…</p>
      )}
      <button type="button" onClick={() => setOpen('table', false)}>
        Hide table
      </button>
    </section>
  );
}
