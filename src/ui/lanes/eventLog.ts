import { MECHANISM_IDS, type MechanismId } from '../../sim/scenario/types.ts';
import type { TraceMessage } from '../../sim/trace/types.ts';
import type { RunRecording } from '../../sim/recording.ts';
import { MECHANISM_LABELS } from '../mechanisms.ts';
import { formatSeconds } from './laneText.ts';

// The messages of all lanes in order of arrival, so the event log can show the latest ones up to
// any playhead with one binary search, and summarise a stretch of time for screen readers.

export interface LogEntry {
  id: MechanismId;
  message: TraceMessage;
  /** Position in the log: a stable key. */
  index: number;
}

export class ArrivalLog {
  readonly entries: readonly LogEntry[];

  constructor(recording: RunRecording) {
    const all: Omit<LogEntry, 'index'>[] = [];
    for (const id of MECHANISM_IDS) {
      for (const message of recording.mechanisms[id]?.trace ?? []) all.push({ id, message });
    }
    // Array.prototype.sort is stable: equal arrival times keep the lanes' order.
    all.sort((a, b) => a.message.arriveMs - b.message.arriveMs);
    this.entries = all.map((entry, index) => ({ ...entry, index }));
  }

  /** How many messages have arrived by `ms` (inclusive). */
  arrivedBy(ms: number): number {
    let lo = 0;
    let hi = this.entries.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.entries[mid].message.arriveMs <= ms) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The last `limit` of the first `arrived` messages, newest first. */
  latest(arrived: number, limit: number): LogEntry[] {
    return this.entries.slice(Math.max(0, arrived - limit), arrived).reverse();
  }

  /**
   * One line for a screen reader about the messages that arrived in (fromMs, toMs], or null when
   * none did (then there is nothing new to say).
   */
  summary(fromMs: number, toMs: number): string | null {
    const from = this.arrivedBy(fromMs);
    const to = this.arrivedBy(toMs);
    if (to <= from) return null;
    const perLane = new Map<MechanismId, number>();
    for (let i = from; i < to; i++) {
      const id = this.entries[i].id;
      perLane.set(id, (perLane.get(id) ?? 0) + 1);
    }
    const n = to - from;
    const lanes = MECHANISM_IDS.filter((id) => perLane.has(id))
      .map((id) => `${MECHANISM_LABELS[id]} ${perLane.get(id) ?? 0}`)
      .join(', ');
    return `At ${formatSeconds(toMs)}: ${n} ${n === 1 ? 'message' : 'messages'} arrived (${lanes}).`;
  }
}
