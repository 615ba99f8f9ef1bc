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
import './charts.css';

// The six live charts. They read the playhead once per simulated second (not every frame) and show
// the run from 0 up to it; the run is shaped into points once, when it arrives.

interface ChartsViewProps {
  recording: RunRecording;
  /** The playhead's whole seconds, or the run's end. */
  playheadSec: number;
}

export function ChartsView({ recording, playheadSec }: ChartsViewProps) {
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
        <RequestsChart {...props} />
        <EmptyChart {...props} />
        <LatencyChart {...props} />
        <BytesChart {...props} />
        <ConnectionsChart {...props} />
        <LoadChart {...props} />
      </div>
    </div>
  );
}

export function Charts() {
  // A new run is drawn in a background render (useDeferredRecording), one chart at a time.
  const recording = useDeferredRecording();
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
  return <ChartsView recording={recording} playheadSec={atEnd ? recording.endMs / 1000 : second} />;
}
