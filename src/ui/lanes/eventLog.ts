import { MECHANISM_IDS, type MechanismId } from '../../sim/scenario/types.ts';
import type { TraceMessage, TraceSpan } from '../../sim/trace/types.ts';
import type { RunRecording } from '../../sim/recording.ts';
import { MECHANISM_LABELS } from '../mechanisms.ts';
import { formatSeconds } from './laneText.ts';

// The messages of all lanes in order of arrival, with what the engine decided between them (a
// request held and answered, a stream cut, a wait before a retry, an outage), so the event log
// can show the latest ones up to any playhead with one binary search, and summarise a stretch of
// time for screen readers.

interface EntryBase {
  id: MechanismId;
  /** When it shows in the log: a message's arrival, a span's decided moment. */
  atMs: number;
  /** Position in the log: a stable key. */
  index: number;
}

export type LogEntry = EntryBase & ({ message: TraceMessage; span?: undefined } | { span: TraceSpan; message?: undefined });

/**
 * When a span is worth a line, and at which moment: a held request or a stream when it ends (an
 * end the engine decided, not the end of the run), everything else when it begins.
 */
function spanMoment(span: TraceSpan): number | null {
  if (span.kind === 'held' || span.kind === 'stream') return span.outcome === 'open' ? null : span.endMs;
  return span.startMs;
}

export class ArrivalLog {
  readonly entries: readonly LogEntry[];

  constructor(recording: RunRecording) {
    // One object per entry, numbered after the sort (a run's trace can hold a million messages:
    // a second copy of every entry doubled the time and the garbage of a big run's arrival).
    const all: LogEntry[] = [];
    for (const id of MECHANISM_IDS) {
      const lane = recording.mechanisms[id];
      if (!lane) continue;
      for (const message of lane.trace) all.push({ id, atMs: message.arriveMs, index: 0, message });
      for (const span of lane.spans) {
        const atMs = spanMoment(span);
        if (atMs !== null && atMs <= recording.durationMs) all.push({ id, atMs, index: 0, span });
      }
    }
    // Array.prototype.sort is stable: equal times keep the lanes' order, messages before spans.
    all.sort((a, b) => a.atMs - b.atMs);
    for (let index = 0; index < all.length; index++) all[index].index = index;
    this.entries = all;
  }

  /** How many entries are due by `ms` (inclusive). */
  arrivedBy(ms: number): number {
    let lo = 0;
    let hi = this.entries.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.entries[mid].atMs <= ms) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The last `limit` of the first `arrived` entries, newest first. */
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
    const perLane = new Map<MechanismId, number>();
    let n = 0;
    for (let i = from; i < to; i++) {
      const entry = this.entries[i];
      if (!entry.message) continue;
      perLane.set(entry.id, (perLane.get(entry.id) ?? 0) + 1);
      n += 1;
    }
    if (n === 0) return null;
    const lanes = MECHANISM_IDS.filter((id) => perLane.has(id))
      .map((id) => `${MECHANISM_LABELS[id]} ${perLane.get(id) ?? 0}`)
      .join(', ');
    return `At ${formatSeconds(toMs)}: ${n} ${n === 1 ? 'message' : 'messages'} arrived (${lanes}).`;
  }
}
