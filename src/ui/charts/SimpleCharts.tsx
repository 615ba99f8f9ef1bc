import { useMemo } from 'react';
import { formatBytes, formatInteger, formatPercent, formatRate } from '../format.ts';
import { MECHANISM_LABELS } from '../mechanisms.ts';
import { ChartCard } from './ChartCard.tsx';
import { describedSec, type ChartProps } from './chartProps.ts';
import { valueAt, yAt } from './chartData.ts';
import { describeAt } from './describe.ts';
import { mechanismLine } from './lines.ts';
import { niceMax } from './scales.ts';
import { TimeChart } from './TimeChart.tsx';

// The three charts that are one line per mechanism and nothing more: requests per second, open
// connections (with memory on a second axis) and server load.

const formatPercentTick = (percent: number) => `${formatRate(percent)}\u00a0%`;

export function RequestsChart(props: ChartProps) {
  const { run, playheadSec, index } = props;
  const lines = useMemo(() => run.mechanisms.map((id) => mechanismLine(id, run.points[id]?.requests)), [run]);
  const title = 'Requests per second';
  const values = run.mechanisms.map((id) => ({
    label: MECHANISM_LABELS[id],
    text: formatRate(yAt(run.points[id]?.requests, index)),
  }));
  return (
    <ChartCard chartId="requests" title={title} subtitle="HTTP requests sent each second, handshakes and webhook attempts included.">
      <TimeChart
        ariaLabel={describeAt(title, describedSec(props), values)}
        bands={props.faults}
        durationSec={run.durationSec}
        playheadSec={playheadSec}
        y={{ kind: 'linear', max: niceMax(run.max.requests), label: 'requests/s', format: formatRate }}
        lines={lines}
      />
    </ChartCard>
  );
}

export function ConnectionsChart(props: ChartProps) {
  const { recording, run, playheadSec, index } = props;
  const lines = useMemo(() => run.mechanisms.map((id) => mechanismLine(id, run.points[id]?.openConnections)), [run]);
  // Memory = open connections × memory per connection (DESIGN.md §5): one set of lines, two units.
  const kbPerConnection = recording.scenario.server.memoryPerConnectionKb;
  const formatKb = (kb: number | null) => formatBytes(kb === null ? null : kb * 1000);
  const title = 'Open connections';
  const values = run.mechanisms.map((id) => {
    const memoryKb = valueAt(recording.mechanisms[id]?.final.series.memoryKb ?? [], index);
    return {
      label: MECHANISM_LABELS[id],
      text: `${formatInteger(yAt(run.points[id]?.openConnections, index))} (${formatKb(memoryKb)} of memory)`,
    };
  });
  return (
    <ChartCard
      chartId="connections"
      title={`${title} and server memory`}
      subtitle={`Connections open at the server at the end of each second; each holds ${formatKb(kbPerConnection)} of memory (right axis).`}
    >
      <TimeChart
        ariaLabel={describeAt(title, describedSec(props), values)}
        bands={props.faults}
        durationSec={run.durationSec}
        playheadSec={playheadSec}
        y={{ kind: 'linear', max: niceMax(run.max.openConnections, 5), label: 'open connections', format: formatInteger }}
        secondary={kbPerConnection > 0 ? { label: 'memory', factor: kbPerConnection, format: formatKb } : undefined}
        lines={lines}
      />
    </ChartCard>
  );
}

export function LoadChart(props: ChartProps) {
  const { run, playheadSec, index } = props;
  const lines = useMemo(() => run.mechanisms.map((id) => mechanismLine(id, run.points[id]?.loadPercent)), [run]);
  const title = 'Server load';
  const values = run.mechanisms.map((id) => {
    const percent = yAt(run.points[id]?.loadPercent, index);
    return { label: MECHANISM_LABELS[id], text: formatPercent(percent === null ? null : percent / 100) };
  });
  return (
    <ChartCard chartId="load" title={`${title} (% of worker time busy)`} subtitle="Time the server's workers spent handling this mechanism's work, each second.">
      <TimeChart
        ariaLabel={describeAt(title, describedSec(props), values)}
        bands={props.faults}
        durationSec={run.durationSec}
        playheadSec={playheadSec}
        y={{ kind: 'linear', max: niceMax(run.max.loadPercent), label: '% busy', format: formatPercentTick }}
        lines={lines}
      />
    </ChartCard>
  );
}
