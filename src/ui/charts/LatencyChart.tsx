import { useMemo } from 'react';
import { curveStepAfter, line } from 'd3-shape';
import type { LatencyCdfPoint } from '../../sim/recording.ts';
import { latencyCdfAt, totalsAt } from '../../state/selectors.ts';
import { MISSING, formatDurationMs, formatMs, formatRate } from '../format.ts';
import { MECHANISM_LABELS } from '../mechanisms.ts';
import { MECHANISM_STYLES } from '../mechanismStyle.ts';
import { AxisBottom, AxisLeft } from './Axes.tsx';
import { ChartCard } from './ChartCard.tsx';
import { describedSec, type ChartProps } from './chartProps.ts';
import { cdfStaircase, medianOf } from './chartData.ts';
import { describeAt } from './describe.ts';
import { latencyDomain, latencyScale, linearY, logTicks } from './scales.ts';
import { ComparisonTable, TheoryNotes } from './TheoryNotes.tsx';
import { theoryReferences, theoryValue } from './theory.ts';
import { useChartBox } from './chartBox.ts';

// The cumulative latency distribution at the playhead: for each latency, the share of events
// delivered at least that fast. Log x, because polling's latencies are 10–100× the others'. The
// x axis covers the whole run's latencies, so it stays put while the curves fill in.

const MARGIN = { top: 12, right: 16, bottom: 42, left: 58 };
const FALLBACK_WIDTH = 480;
const latencyOf = (p: LatencyCdfPoint) => p.latencyMs;
const fractionOf = (p: LatencyCdfPoint) => p.fraction;
const formatFraction = (fraction: number) => `${formatRate(fraction * 100)}\u00a0%`;

export function LatencyChart(props: ChartProps) {
  const { recording, run, playheadSec } = props;
  const playheadMs = playheadSec * 1000;
  const [measure, width, height] = useChartBox(FALLBACK_WIDTH);
  const innerWidth = Math.max(40, width - MARGIN.left - MARGIN.right);
  const innerHeight = height - MARGIN.top - MARGIN.bottom;

  const references = useMemo(
    () => theoryReferences(recording.scenario, run.mechanisms, (theory) => theory.meanLatencyMs),
    [recording, run],
  );
  const domain = useMemo(() => {
    const latencies = run.mechanisms.flatMap((id) => recording.mechanisms[id]?.cdfAt.at(-1)?.map(latencyOf) ?? []);
    return latencyDomain([...latencies, ...references.flatMap((r) => (r.ok ? [r.value] : []))]);
  }, [recording, run, references]);
  const x = useMemo(() => latencyScale(domain, innerWidth), [domain, innerWidth]);
  const y = useMemo(() => linearY(1, innerHeight), [innerHeight]);
  const path = useMemo(
    () =>
      line<LatencyCdfPoint>()
        .x((p) => x(Math.max(latencyOf(p), domain[0])))
        .y((p) => y(fractionOf(p)))
        .curve(curveStepAfter),
    [x, y, domain],
  );

  const curves = run.mechanisms.map((id) => {
    const cdf = latencyCdfAt(recording, id, playheadMs);
    return { id, cdf, d: path(cdfStaircase(cdf, domain[1])) ?? '' };
  });
  const rows = run.mechanisms.map((id) => {
    const theory = theoryValue(references, id);
    return {
      id,
      measured: formatMs(totalsAt(recording, id, playheadMs)?.latencyMs.mean),
      theory: theory === null ? MISSING : formatMs(theory),
    };
  });
  const values = curves.map(({ id, cdf }, i) => ({
    label: MECHANISM_LABELS[id],
    text:
      cdf.length === 0
        ? 'no event delivered yet'
        : `median ${formatMs(medianOf(cdf))}, mean ${rows[i].measured}${rows[i].theory === MISSING ? '' : ` (theory ${rows[i].theory})`}`,
  }));
  // Theory labels sit low in the plot: by the mean latency a curve has usually risen well above them.
  const drawn = references.flatMap((r) => (r.ok ? [{ id: r.id, at: x(r.value), value: r.value }] : []));
  const title = 'Latency distribution';

  return (
    <ChartCard
      chartId="latency"
      title={`${title} at ${formatRate(playheadSec)} s`}
      subtitle="Share of events delivered within a given time, from creation to arrival. Dashed verticals: theoretical mean."
    >
      <div className="chart-plot" ref={measure}>
        <svg role="img" aria-label={describeAt(title, describedSec(props), values)} width={width} height={height} className="chart-svg">
          <g transform={`translate(${MARGIN.left},${MARGIN.top})`}>
            <AxisLeft
              position={y}
              ticks={[0, 0.25, 0.5, 0.75, 1]}
              format={formatFraction}
              label="events delivered"
              innerWidth={innerWidth}
              innerHeight={innerHeight}
              marginLeft={MARGIN.left}
            />
            <AxisBottom
              position={x}
              ticks={logTicks(domain, Math.max(2, Math.floor(innerWidth / 60)))}
              format={formatDurationMs}
              label="latency (log scale)"
              innerWidth={innerWidth}
              innerHeight={innerHeight}
            />
            {curves.map(({ id, d }) => (
              <path
                key={id}
                className="chart-line"
                data-series={id}
                d={d}
                stroke={MECHANISM_STYLES[id].color}
                strokeDasharray={MECHANISM_STYLES[id].dash === 'none' ? undefined : MECHANISM_STYLES[id].dash}
                strokeWidth={2}
              />
            ))}
            {drawn.map((r, i) => {
              const flip = r.at > innerWidth * 0.6;
              return (
                <g key={r.id}>
                  <line className="chart-reference" data-reference={r.id} x1={r.at} x2={r.at} y2={innerHeight} stroke={MECHANISM_STYLES[r.id].color} />
                  <text className="chart-ref-label" x={flip ? r.at - 4 : r.at + 4} y={innerHeight - 6 - 13 * i} textAnchor={flip ? 'end' : 'start'}>
                    {`${MECHANISM_LABELS[r.id]} theory ${formatMs(r.value)}`}
                  </text>
                </g>
              );
            })}
          </g>
        </svg>
      </div>
      <ComparisonTable caption="Mean latency so far: simulation and theory" measuredHeader="Simulated" rows={rows} />
      <TheoryNotes references={references} />
    </ChartCard>
  );
}
