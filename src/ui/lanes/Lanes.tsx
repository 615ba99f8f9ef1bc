import { useMemo } from 'react';
import { MotionConfig } from 'framer-motion';
import { MECHANISM_IDS, type MechanismId } from '../../sim/scenario/types.ts';
import type { RunRecording } from '../../sim/recording.ts';
import { useLab } from '../../state/store.ts';
import { usePlayheadMs, useRecording } from '../../state/selectors.ts';
import { formatInteger } from '../format.ts';
import { Lane } from './Lane.tsx';
import { Legend } from './Legend.tsx';
import './lanes.css';

// The lanes of every mechanism in the run, in registry order, and their shared legend. Only the
// grid reads the playhead, so it is the one part of the page that renders every frame.

function RunProgress({ rerun }: { rerun: boolean }) {
  const progressMs = useLab((s) => s.progressMs);
  const durationSec = useLab((s) => s.scenario.durationSec);
  const doneSec = Math.floor(progressMs / 1000);
  const text = `${rerun ? 'Re-running with the new settings' : 'Running the simulation'}… ${formatInteger(doneSec)} s of ${formatInteger(durationSec)} s`;
  return (
    <div className="lanes-progress">
      <label htmlFor="lanes-progress-bar">{text}</label>
      <progress id="lanes-progress-bar" max={durationSec} value={Math.min(doneSec, durationSec)} />
    </div>
  );
}

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
  const status = useLab((s) => s.status);
  const runError = useLab((s) => s.runError);
  const mechanisms = useMemo(() => (recording ? MECHANISM_IDS.filter((id) => recording.mechanisms[id]) : []), [recording]);
  return (
    <MotionConfig reducedMotion="user">
      <div className="lanes">
        {status === 'error' && (
          <p className="lanes-error" role="alert">
            The simulation failed: {runError ?? 'unknown error'}
          </p>
        )}
        {status === 'running' && <RunProgress rerun={recording !== null} />}
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
