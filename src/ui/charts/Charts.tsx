import { useMemo } from 'react';
import type { RunRecording } from '../../sim/recording.ts';
import { useLab } from '../../state/store.ts';
import { secondIndex, useDeferredRecording, usePlayheadSecond } from '../../state/selectors.ts';
import { BytesChart } from './BytesChart.tsx';
import { shapeRun } from './chartData.ts';
import type { ChartProps } from './chartProps.ts';
import { EmptyChart } from './EmptyChart.tsx';
import { LatencyChart } from './LatencyChart.tsx';
import { ChartLegend } from './Legend.tsx';
import { ConnectionsChart, LoadChart, RequestsChart } from './SimpleCharts.tsx';
import { faultWindows } from '../comparison/figures.ts';
import { useOneByOne } from '../WhenNeeded.tsx';
import './charts.css';

// The six live charts. They read the playhead once per simulated second (not every frame) and show
// the run from 0 up to it; the run is shaped into points once, when it arrives.

interface ChartsViewProps {
  recording: RunRecording;
  /** The playhead's whole seconds, or the run's end. */
  playheadSec: number;
  /** How many of the six to draw (the rest keep their place, empty): all unless given. */
  drawn?: number;
}

const CHARTS = [RequestsChart, EmptyChart, LatencyChart, BytesChart, ConnectionsChart, LoadChart];

export function ChartsView({ recording, playheadSec, drawn = CHARTS.length }: ChartsViewProps) {
  const run = useMemo(() => shapeRun(recording), [recording]);
  const faults = useMemo(() => faultWindows(recording), [recording]);
  const props: ChartProps = {
    recording,
    run,
    playheadSec,
    index: secondIndex(recording, playheadSec * 1000),
    faults,
  };
  return (
    <div className="charts">
      <ChartLegend mechanisms={run.mechanisms} />
      <div className="charts-grid">
        {CHARTS.map((Chart, i) =>
          i < drawn ? <Chart key={i} {...props} /> : <div key={i} className="chart-card chart-card-waiting" aria-hidden="true" />,
        )}
      </div>
    </div>
  );
}

/**
 * `oneByOne`: on the page, the first drawing of the charts takes one chart per idle period
 * (WhenNeeded.tsx), so it never holds up the first screen; embeds and talks draw all six at once.
 */
export function Charts({ oneByOne = false }: { oneByOne?: boolean }) {
  // A new run is drawn in a background render (useDeferredRecording).
  const recording = useDeferredRecording();
  const drawn = useOneByOne(CHARTS.length, !oneByOne);
  const second = usePlayheadSecond();
  // A run may end between two whole seconds: at the end, show everything.
  const atEnd = useLab((s) => recording !== null && s.playheadMs >= recording.endMs);
  const status = useLab((s) => s.status);
  if (!recording) {
    return (
      <p className="charts-status" role="status">
        {status === 'error' ? 'No charts: the simulation failed.' : 'The charts appear when the first run is ready…'}
      </p>
    );
  }
  return <ChartsView recording={recording} playheadSec={atEnd ? recording.endMs / 1000 : second} drawn={drawn} />;
}
