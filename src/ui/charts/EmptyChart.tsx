import { useMemo } from 'react';
import { MISSING, formatRate } from '../format.ts';
import { MECHANISM_LABELS } from '../mechanisms.ts';
import { MECHANISM_STYLES } from '../mechanismStyle.ts';
import { ChartCard } from './ChartCard.tsx';
import { describedSec, type ChartProps } from './chartProps.ts';
import { mechanismsWithEmpties, yAt } from './chartData.ts';
import { describeAt, formatShare, listInWords } from './describe.ts';
import { mechanismLine } from './lines.ts';
import { ComparisonTable, TheoryNotes } from './TheoryNotes.tsx';
import { theoryReferences, theoryValue } from './theory.ts';
import { TimeChart, type ReferenceSpec } from './TimeChart.tsx';

// Empty responses as a share of answers. The share within one second jumps about (a handful of
// answers per second), so the running share since the start is drawn boldly: that is the figure
// that settles onto the closed form e^(−λT) as the run goes on.

const formatPercentTick = (percent: number) => `${formatRate(percent)}\u00a0%`;
const fromPercent = (percent: number | null) => (percent === null ? null : percent / 100);

export function EmptyChart(props: ChartProps) {
  const { recording, run, playheadSec, index } = props;
  const ids = useMemo(() => mechanismsWithEmpties(recording), [recording]);
  const references = useMemo(
    () => theoryReferences(recording.scenario, ids, (theory) => theory.emptyRatio),
    [recording, ids],
  );
  const lines = useMemo(
    () =>
      ids.flatMap((id) => [
        mechanismLine(id, run.points[id]?.emptyPerSecond, { key: `${id}-second`, strokeWidth: 1, opacity: 0.45 }),
        mechanismLine(id, run.points[id]?.emptySoFar, { key: `${id}-so-far` }),
      ]),
    [ids, run],
  );
  const referenceLines = useMemo(
    () =>
      references.flatMap((r): ReferenceSpec[] =>
        r.ok
          ? [{ key: r.id, value: r.value * 100, label: `${MECHANISM_LABELS[r.id]} theory ${formatShare(r.value)}`, color: MECHANISM_STYLES[r.id].color }]
          : [],
      ),
    [references],
  );

  const others = run.mechanisms.filter((id) => !ids.includes(id)).map((id) => MECHANISM_LABELS[id]);
  const othersNote =
    others.length > 0 ? `Not drawn: ${listInWords(others)}, which send only when there is news and never answer empty.` : '';
  const rows = ids.map((id) => {
    const theory = theoryValue(references, id);
    return { id, measured: formatShare(fromPercent(yAt(run.points[id]?.emptySoFar, index))), theory: theory === null ? MISSING : formatShare(theory) };
  });
  const title = 'Empty responses, share of answers so far';
  const values = rows.map((row) => ({
    label: MECHANISM_LABELS[row.id],
    text: row.theory === MISSING ? row.measured : `${row.measured} (theory ${row.theory})`,
  }));

  return (
    <ChartCard
      chartId="empty"
      title="Empty responses (% of answers)"
      subtitle="Thick line: share of all answers so far that carried no event. Thin line: the share within each second."
    >
      <TimeChart
        ariaLabel={describeAt(title, describedSec(props), values, othersNote)}
        bands={props.faults}
        durationSec={run.durationSec}
        playheadSec={playheadSec}
        y={{ kind: 'linear', max: 100, label: '% of answers empty', format: formatPercentTick }}
        lines={lines}
        references={referenceLines}
      />
      <ComparisonTable caption="Empty answers so far: simulation and theory" measuredHeader="Simulated" rows={rows} />
      <TheoryNotes references={references} />
      {othersNote !== '' && <p className="chart-note">{othersNote}</p>}
    </ChartCard>
  );
}
