import { useEffect, useMemo, useState } from 'react';
import { MotionConfig } from 'framer-motion';
import { MECHANISM_IDS, type MechanismId } from '../../sim/scenario/types.ts';
import type { RunRecording } from '../../sim/recording.ts';
import { useDeferredRecording, usePlayheadMs } from '../../state/selectors.ts';
import { RunStatus } from '../run/RunStatus.tsx';
import { TraceNotice } from '../run/TraceNotice.tsx';
import { Lane } from './Lane.tsx';
import { COMPACT_ROW_HEIGHT } from './laneGeometry.ts';
import { faultWindows } from '../comparison/figures.ts';
import { Legend } from './Legend.tsx';
import './lanes.css';

// The lanes of every mechanism in the run, in registry order, and their shared legend. Only the
// grid reads the playhead, so it is the one part of the page that renders every frame.

/** Lanes side by side at this window width (the grid's minimum lane width is 22rem). */
const lanesAcross = (width: number) => Math.max(1, Math.floor((width - 32) / 352));

/**
 * How many traced clients each lane draws so every lane fits on one screen with the comparison:
 * two rows on a small window, more as height allows, all five when the lanes fit in one line.
 */
export function rowsFor(width: number, height: number, lanes: number, traced: number): number {
  if (width < 640) return Math.min(traced, 3);
  const lines = Math.ceil(lanes / lanesAcross(width));
  const byHeight = lines <= 1 ? (height >= 760 ? 5 : 4) : height >= 1000 ? 5 : height >= 880 ? 4 : height >= 840 ? 3 : 2;
  return Math.max(1, Math.min(traced, byHeight));
}

function useWindowSize(): [number, number] {
  const read = (): [number, number] => (typeof window === 'undefined' ? [1280, 800] : [window.innerWidth, window.innerHeight]);
  const [size, setSize] = useState(read);
  useEffect(() => {
    const onResize = () => setSize(read());
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);
  return size;
}

function LaneGrid({ recording, mechanisms, maxRows }: { recording: RunRecording; mechanisms: readonly MechanismId[]; maxRows?: number }) {
  const playheadMs = usePlayheadMs();
  const [width, height] = useWindowSize();
  const rows = Math.min(maxRows ?? Infinity, rowsFor(width, height, mechanisms.length, recording.traceClients));
  const faults = useMemo(() => faultWindows(recording), [recording]);
  return (
    <div className="lanes-grid" data-lanes={mechanisms.length}>
      {mechanisms.map((id) => (
        <Lane key={id} id={id} recording={recording} playheadMs={playheadMs} rows={rows} rowHeight={COMPACT_ROW_HEIGHT} faults={faults} />
      ))}
    </div>
  );
}

/** The legend of the lanes' shapes, folded: one line until opened. */
export function LaneLegend() {
  const recording = useDeferredRecording();
  const mechanisms = useMemo(() => (recording ? MECHANISM_IDS.filter((id) => recording.mechanisms[id]) : []), [recording]);
  if (mechanisms.length === 0) return null;
  return (
    <details className="lane-legend-details">
      <summary>What the shapes in the lanes mean</summary>
      <Legend mechanisms={mechanisms} />
    </details>
  );
}

/**
 * `legend`: draw the legend under the lanes (the bench places it further down itself).
 * `maxRows`: at most this many traced clients per lane (an embedded frame sharing a small frame).
 */
export function Lanes({ legend = true, maxRows }: { legend?: boolean; maxRows?: number }) {
  // A new run's lanes are built in a background render, one lane at a time (useDeferredRecording).
  const recording = useDeferredRecording();
  const mechanisms = useMemo(() => (recording ? MECHANISM_IDS.filter((id) => recording.mechanisms[id]) : []), [recording]);
  return (
    <MotionConfig reducedMotion="user">
      <div className="lanes">
        <RunStatus />
        <TraceNotice />
        {recording && mechanisms.length === 0 && <p className="lanes-empty">No mechanism is selected: turn one on to see its lane.</p>}
        {recording && mechanisms.length > 0 && (
          <>
            <LaneGrid recording={recording} mechanisms={mechanisms} maxRows={maxRows} />
            {legend && <LaneLegend />}
          </>
        )}
      </div>
    </MotionConfig>
  );
}
