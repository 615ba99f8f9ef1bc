import { useMemo } from 'react';
import { MotionConfig } from 'framer-motion';
import { MECHANISM_IDS, type MechanismId } from '../../sim/scenario/types.ts';
import type { RunRecording } from '../../sim/recording.ts';
import { usePlayheadMs, useRecording } from '../../state/selectors.ts';
import { RunStatus } from '../run/RunStatus.tsx';
import { TraceNotice } from '../run/TraceNotice.tsx';
import { Lane } from './Lane.tsx';
import { Legend } from './Legend.tsx';
import './lanes.css';

// The lanes of every mechanism in the run, in registry order, and their shared legend. Only the
// grid reads the playhead, so it is the one part of the page that renders every frame.

function LaneGrid({ recording, mechanisms }: { recording: RunRecording; mechanisms: readonly MechanismId[] }) {
  const playheadMs = usePlayheadMs();
  return (
    <div className="lanes-grid">
      {mechanisms.map((id) => (
        <Lane key={id} id={id} recording={recording} playheadMs={playheadMs} />
      ))}
    </div>
  );
}

export function Lanes() {
  const recording = useRecording();
  const mechanisms = useMemo(() => (recording ? MECHANISM_IDS.filter((id) => recording.mechanisms[id]) : []), [recording]);
  return (
    <MotionConfig reducedMotion="user">
      <div className="lanes">
        <RunStatus />
        <TraceNotice />
        {recording && mechanisms.length === 0 && <p className="lanes-empty">No mechanism is selected: turn one on to see its lane.</p>}
        {recording && mechanisms.length > 0 && (
          <>
            <LaneGrid recording={recording} mechanisms={mechanisms} />
            <Legend mechanisms={mechanisms} />
          </>
        )}
      </div>
    </MotionConfig>
  );
}
