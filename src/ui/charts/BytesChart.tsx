import { useMemo } from 'react';
import { formatBytes } from '../format.ts';
import { MECHANISM_LABELS } from '../mechanisms.ts';
import { ChartCard } from './ChartCard.tsx';
import { describedSec, type ChartProps } from './chartProps.ts';
import { yAt } from './chartData.ts';
import { describeAt } from './describe.ts';
import { mechanismLine, nestedWidth } from './lines.ts';
import { decadeMax } from './scales.ts';
import { TimeChart } from './TimeChart.tsx';

// Bytes sent so far, overhead and payload as two lines per mechanism on a symmetric-log axis. Running
// totals rather than bytes per second: a quiet stream's per-second bytes jump between 0 and a spike
// every few seconds (a barcode), while the totals climb smoothly and their slopes compare at a
// glance. The mechanisms differ in overhead by orders of magnitude (a kilobyte of headers per poll
// against a few bytes of framing per WebSocket frame); the payload is the same events for all.

export function BytesChart(props: ChartProps) {
  const { run, playheadSec, index } = props;
  const lines = useMemo(
    () =>
      run.mechanisms.flatMap((id) => [
        mechanismLine(id, run.points[id]?.bytesPayload, { key: `${id}-payload`, strokeWidth: 1.25, opacity: 0.5 }),
        mechanismLine(id, run.points[id]?.bytesOverhead, { key: `${id}-overhead`, strokeWidth: Math.max(2.5, nestedWidth(id)) }),
      ]),
    [run],
  );
  const title = 'Bytes sent so far';
  const values = run.mechanisms.map((id) => ({
    label: MECHANISM_LABELS[id],
    text: `overhead ${formatBytes(yAt(run.points[id]?.bytesOverhead, index))} and payload ${formatBytes(yAt(run.points[id]?.bytesPayload, index))}`,
  }));
  return (
    <ChartCard
      chartId="bytes"
      title="Bytes sent so far: overhead and payload"
      subtitle={
        <>
          <span className="chart-key chart-key-thick" aria-hidden="true" /> Thick: overhead (headers, handshakes,
          framing). <span className="chart-key chart-key-thin" aria-hidden="true" /> Thin, faint: payload (the
          events themselves). Both directions, added up from 0 s; the axis is logarithmic.
        </>
      }
    >
      <TimeChart
        ariaLabel={describeAt(title, describedSec(props), values)}
        bands={props.faults}
        durationSec={run.durationSec}
        playheadSec={playheadSec}
        y={{ kind: 'symlog', max: decadeMax(run.max.bytes), label: 'bytes so far', format: formatBytes }}
        lines={lines}
      />
    </ChartCard>
  );
}
