import { useId, useMemo, useState } from 'react';
import { MotionConfig } from 'framer-motion';
import { MECHANISM_IDS, type MechanismId } from '../../sim/scenario/types.ts';
import type { RunRecording } from '../../sim/recording.ts';
import { usePlayheadMs } from '../../state/selectors.ts';
import { MECHANISM_VIEWS } from '../mechanismViews.ts';
import { faultWindows } from '../comparison/figures.ts';
import { Lane } from '../lanes/Lane.tsx';
import { COMPACT_ROW_HEIGHT } from '../lanes/laneGeometry.ts';
import '../lanes/lanes.css';

// The lanes of run A and run B in step: one playhead (the bench's timeline) drives a lane of each
// run for the chosen mechanism, or for every mechanism, A above B. Each lane's heading says which
// run it is of.

const ROWS = 3;

function Pair({ id, a, b, bLabel, playheadMs }: { id: MechanismId; a: RunRecording; b: RunRecording; bLabel: string; playheadMs: number }) {
  const faultsA = useMemo(() => faultWindows(a), [a]);
  const faultsB = useMemo(() => faultWindows(b), [b]);
  return (
    <div className="compare-lane-pair">
      <Lane id={id} recording={a} playheadMs={playheadMs} rows={ROWS} rowHeight={COMPACT_ROW_HEIGHT} faults={faultsA} run={{ key: 'a', label: 'A: current' }} />
      {b.mechanisms[id] ? (
        <Lane id={id} recording={b} playheadMs={playheadMs} rows={ROWS} rowHeight={COMPACT_ROW_HEIGHT} faults={faultsB} run={{ key: 'b', label: bLabel }} />
      ) : (
        <p className="lanes-empty">{bLabel} does not run {MECHANISM_VIEWS[id].label}.</p>
      )}
    </div>
  );
}

export function CompareLanes({ a, b, bLabel, initial }: { a: RunRecording; b: RunRecording; bLabel: string; initial: MechanismId | null }) {
  const selectId = useId();
  const playheadMs = usePlayheadMs();
  const ids = MECHANISM_IDS.filter((id) => a.mechanisms[id]);
  const [chosen, setChosen] = useState<MechanismId | 'all'>(initial ?? (ids.length > 0 ? ids[0] : 'all'));
  const shown = chosen === 'all' || !ids.includes(chosen) ? ids : [chosen];
  return (
    <MotionConfig reducedMotion="user">
      {/* "lanes": what Export's lanes image and GIF capture while two runs are compared. */}
      <div className="compare-lanes lanes" data-region="lanes">
        <div className="compare-lanes-head">
          <label htmlFor={selectId}>Lanes of</label>
          <select id={selectId} value={chosen} onChange={(e) => setChosen(e.target.value as MechanismId | 'all')}>
            {ids.map((id) => (
              <option key={id} value={id}>
                {MECHANISM_VIEWS[id].label}
              </option>
            ))}
            <option value="all">Every mechanism</option>
          </select>
          <span className="compare-lanes-note">A and B follow the same timeline.</span>
        </div>
        {shown.map((id) => (
          <Pair key={id} id={id} a={a} b={b} bLabel={bLabel} playheadMs={playheadMs} />
        ))}
      </div>
    </MotionConfig>
  );
}
