import { create } from 'zustand';
import type { MechanismId } from '../../sim/scenario/types.ts';
import type { TraceMessage } from '../../sim/trace/types.ts';
import type { RunRecording } from '../../sim/recording.ts';
import { useLab } from '../../state/store.ts';
import { MECHANISM_VIEWS } from '../mechanismViews.ts';
import { describeMessage, route } from '../lanes/laneText.ts';
import { formatSeconds } from '../lanes/laneText.ts';
import { runEndMs } from '../comparison/figures.ts';

// Step (button or →): move the playhead to the next message sent or arriving in the chosen lane,
// or in any lane, pause, and say what happened there in words. The lane is chosen in the time
// bar, or by moving into a lane (focus or a click): the lane in focus is the lane stepped through.

export type StepLane = MechanismId | 'all';

interface StepState {
  lane: StepLane;
  /** What the last step found, for the live region; null before the first step. */
  said: string | null;
  setLane: (lane: StepLane) => void;
}

export const useStep = create<StepState>()((set) => ({
  lane: 'all',
  said: null,
  setLane: (lane) => set({ lane }),
}));

export interface NextMessage {
  id: MechanismId;
  message: TraceMessage;
  atMs: number;
  /** True when the moment is the message's arrival, false when it is its sending. */
  arrives: boolean;
}

/** The first send or arrival after `afterMs` in the lanes `lanes`, or null when there is none before the end. */
export function nextMessage(recording: RunRecording, lanes: readonly MechanismId[], afterMs: number): NextMessage | null {
  let found: NextMessage | null = null;
  for (const id of lanes) {
    for (const message of recording.mechanisms[id]?.trace ?? []) {
      if (message.sendMs > afterMs && (found === null || message.sendMs < found.atMs)) found = { id, message, atMs: message.sendMs, arrives: false };
      if (message.arriveMs > afterMs && (found === null || message.arriveMs < found.atMs)) found = { id, message, atMs: message.arriveMs, arrives: true };
    }
  }
  return found !== null && found.atMs <= runEndMs(recording) ? found : null;
}

/** "12.35 s · Polling: Client 2 → Server, poll request sent." */
export function stepSentence(next: NextMessage): string {
  const { id, message } = next;
  const what = describeMessage(message, id);
  return `${formatSeconds(next.atMs)} · ${MECHANISM_VIEWS[id].label}: ${route(message, id)}, ${what} ${next.arrives ? 'arrives' : 'sent'}.`;
}

/** Take one step and announce it. */
export function stepOnce(): void {
  const lab = useLab.getState();
  const { recording, playheadMs } = lab;
  if (!recording) return;
  const enabled = lab.scenario.mechanisms.filter((id) => recording.mechanisms[id]);
  // A lane chosen before it was turned off no longer counts: Step looks in every lane again.
  const chosen = useStep.getState().lane;
  const lane = chosen !== 'all' && enabled.includes(chosen) ? chosen : 'all';
  const lanes = lane === 'all' ? enabled : [lane];
  const next = nextMessage(recording, lanes, playheadMs);
  lab.pause();
  const where = lane === 'all' ? 'any lane' : `the ${MECHANISM_VIEWS[lane].label} lane`;
  if (next === null) {
    lab.seek(runEndMs(recording));
    useStep.setState({ said: `No more messages in ${where}: at the end of the run.` });
    return;
  }
  lab.seek(next.atMs);
  useStep.setState({ said: stepSentence(next) });
}
