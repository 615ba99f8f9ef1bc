import { MECHANISM_IDS } from '../../sim/scenario/types.ts';
import { MECHANISM_LABELS } from '../../sim/mechanisms/labels.ts';
import { useRecording } from '../../state/selectors.ts';
import { formatInteger } from '../format.ts';

// The lanes say when they stop (issue 10, item 6): the trace of the sampled clients has a cap, and
// a long, busy run reaches it. The scoreboard and charts count every message to the end; the
// lanes are empty after the last message kept. This says so, once, for every mechanism affected.

export function TraceNotice() {
  const recording = useRecording();
  if (!recording) return null;
  const cut = MECHANISM_IDS.flatMap((id) => {
    const endMs = recording.mechanisms[id]?.traceEndMs;
    return endMs === undefined ? [] : [`${MECHANISM_LABELS[id]} at ${formatInteger(Math.floor(endMs / 1000))} s`];
  });
  if (cut.length === 0) return null;
  return (
    <p className="trace-notice" role="note">
      The lanes stop where the recorded messages run out ({cut.join(', ')}): a run this long and busy has more messages
      than the lab keeps for drawing. The scoreboard and charts count every message to the end.
    </p>
  );
}
