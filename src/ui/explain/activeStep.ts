import type { MechanismId } from '../../sim/scenario/types.ts';
import { viewOf } from '../mechanismViews.ts';
import { stepMoment, type LaneRecord } from './stepMoment.ts';

/**
 * The step (0-based, as in the view's text) that client 0 of `id`'s lane is in at `playheadMs`,
 * read from what the engine recorded (stepMoment.ts); −1 before its first message, or when no
 * step describes what it does.
 */
export function activeStep(id: MechanismId, lane: LaneRecord, playheadMs: number): number {
  const moment = stepMoment(lane, playheadMs);
  return moment ? viewOf(id).step(moment) : -1;
}
