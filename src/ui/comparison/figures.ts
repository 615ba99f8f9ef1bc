import { MECHANISM_IDS, type MechanismId } from '../../sim/scenario/types.ts';
import type { MechanismTotals, OverloadSummary } from '../../sim/metrics/types.ts';
import type { RunRecording } from '../../sim/recording.ts';
import type { TraceSpan } from '../../sim/trace/types.ts';
import { warmupSecOf } from '../../sim/scenario/warmup.ts';
import { snapshotIndex } from '../../state/selectors.ts';

// The one place the views read the engine's window figures: the steady-state window
// (`totals.steady`, after the warm-up), out-of-order deliveries (`events.outOfOrder`), the end of
// a run including its drain (`recording.endMs`) and the faults the engine recorded as spans
// (server down, receivers answering 503, proxy cuts). Nothing here decides a protocol rule.

/** What the comparison was asked to show. */
export type FigureMode = 'steady' | 'whole';

/** The engine's totals over a window of the run: the whole run's, or the steady state's. */
export type WindowTotals = Omit<MechanismTotals, 'steady'>;

export interface ShownTotals {
  totals: WindowTotals;
  /**
   * What `totals` covers: 'steady' (the engine's steady-state window), 'warmup' (steady state was
   * asked for but the playhead is still in the warm-up, so these are the whole run so far) or
   * 'whole' (the whole run, as asked).
   */
  shown: 'steady' | 'warmup' | 'whole';
  fromSec: number;
  toSec: number;
}

/** Whether this recording has a steady-state window at all (a run shorter than its warm-up has none). */
export function hasSteady(recording: RunRecording): boolean {
  for (const mechanism of Object.values(recording.mechanisms)) {
    if (mechanism.totalsAt.at(-1)?.steady) return true;
  }
  return false;
}

/** Where the steady-state window starts: the engine's rule (warmupSec, or "auto"). */
export function warmupSec(recording: RunRecording): number {
  return warmupSecOf(recording.scenario);
}

/** The moment the snapshot at the playhead was taken, in ms (0 before the first). */
export function snapshotMs(recording: RunRecording, playheadMs: number): number {
  const at = snapshotIndex(recording, playheadMs);
  if (at < 0) return 0;
  return Math.min((at + 1) * recording.snapshotEverySec * 1000, runEndMs(recording));
}

/** A mechanism's figures at the playhead in `mode`; null before the first snapshot. */
export function steadyOrWhole(recording: RunRecording, id: MechanismId, mode: FigureMode, playheadMs: number): ShownTotals | null {
  const at = snapshotIndex(recording, playheadMs);
  const snapshots = recording.mechanisms[id]?.totalsAt;
  // A mechanism whose drain ended early keeps its last snapshot.
  const totals = at >= 0 && snapshots ? snapshots[Math.min(at, snapshots.length - 1)] : undefined;
  if (totals === undefined) return null;
  const toSec = snapshotMs(recording, playheadMs) / 1000;
  const steady = totals.steady;
  if (mode === 'steady' && steady) return { totals: steady, shown: 'steady', fromSec: steady.fromSec, toSec: steady.toSec };
  return { totals, shown: mode === 'steady' ? 'warmup' : 'whole', fromSec: 0, toSec };
}

/**
 * The engine's word on the server's request queue (server.maxQueuedRequests) over the whole run up
 * to the playhead, whichever window the table shows: an overload at start-up stays noted.
 */
export function overloadAt(recording: RunRecording, id: MechanismId, playheadMs: number): OverloadSummary | null {
  const at = snapshotIndex(recording, playheadMs);
  const snapshots = recording.mechanisms[id]?.totalsAt;
  if (at < 0 || !snapshots || snapshots.length === 0) return null;
  return snapshots[Math.min(at, snapshots.length - 1)].overload;
}

/** Events whose first delivery came after a later-created one for the same recipient. */
export function outOfOrder(totals: WindowTotals): number {
  return totals.events.outOfOrder;
}

/** The end of the run's timeline: the engine's end, drain included. */
export function runEndMs(recording: RunRecording): number {
  return Math.max(recording.endMs, recording.durationMs);
}

export type FaultKind = 'receiverOutage' | 'serverDown' | 'proxyCut';

export interface FaultWindow {
  kind: FaultKind;
  startMs: number;
  endMs: number;
  /** "Receiver outage 30–90 s": what a mark of it is called. */
  label: string;
  /** The mechanisms whose runs the engine recorded it in. */
  mechanisms: readonly MechanismId[];
}

const FAULT_NAMES: Record<FaultKind, string> = {
  receiverOutage: 'Receiver outage',
  serverDown: 'Server down (restart)',
  proxyCut: 'Proxy cut idle connections',
};

const secondsText = (ms: number) => String(Math.round(ms / 100) / 10);

export function faultLabel(kind: FaultKind, startMs: number, endMs: number): string {
  return `${FAULT_NAMES[kind]} ${secondsText(startMs)}–${secondsText(endMs)} s`;
}

/** Span kinds that are faults, and what the page calls them. */
const FAULT_OF_SPAN: Partial<Record<TraceSpan['kind'], FaultKind>> = {
  serverDown: 'serverDown',
  receiverDown: 'receiverOutage',
  proxyCut: 'proxyCut',
};

/**
 * The faults the engine recorded (its spans): server restarts, receiver outages and proxy cuts,
 * clipped to the run. Proxy cuts are instants on single connections of the sampled clients; those
 * in the same or the next second are one mark ("Proxy cut idle connections 30–31 s"), so the
 * timeline stays readable.
 */
export function faultWindows(recording: RunRecording): FaultWindow[] {
  const endMs = runEndMs(recording);
  const found = new Map<string, { kind: FaultKind; startMs: number; endMs: number; mechanisms: Set<MechanismId> }>();
  const cutSeconds = new Map<number, Set<MechanismId>>();
  for (const id of MECHANISM_IDS) {
    const spans = recording.mechanisms[id]?.spans ?? [];
    for (const span of spans) {
      const kind = FAULT_OF_SPAN[span.kind];
      if (kind === undefined) continue;
      if (kind === 'proxyCut') {
        const second = Math.floor(span.startMs / 1000);
        let ids = cutSeconds.get(second);
        if (!ids) cutSeconds.set(second, (ids = new Set()));
        ids.add(id);
        continue;
      }
      const key = `${kind}:${String(span.startMs)}`;
      const window = found.get(key) ?? { kind, startMs: span.startMs, endMs: Math.min(endMs, span.endMs), mechanisms: new Set<MechanismId>() };
      window.mechanisms.add(id);
      found.set(key, window);
    }
  }
  const windows: FaultWindow[] = [];
  for (const w of found.values()) {
    if (w.startMs < endMs && w.endMs > w.startMs) windows.push({ ...w, mechanisms: [...w.mechanisms], label: faultLabel(w.kind, w.startMs, w.endMs) });
  }
  const seconds = [...cutSeconds.keys()].sort((a, b) => a - b);
  for (let i = 0; i < seconds.length; ) {
    let j = i;
    const ids = new Set(cutSeconds.get(seconds[i]));
    while (j + 1 < seconds.length && seconds[j + 1] - seconds[j] <= 1) {
      j++;
      for (const id of cutSeconds.get(seconds[j]) ?? []) ids.add(id);
    }
    const startMs = seconds[i] * 1000;
    const stopMs = Math.min(endMs, (seconds[j] + 1) * 1000);
    windows.push({ kind: 'proxyCut', startMs, endMs: stopMs, mechanisms: [...ids], label: faultLabel('proxyCut', startMs, stopMs) });
    i = j + 1;
  }
  return windows.sort((a, b) => a.startMs - b.startMs);
}

/** The fault windows that hold at `ms`. */
export function faultsAt(windows: readonly FaultWindow[], ms: number): FaultWindow[] {
  return windows.filter((w) => w.startMs <= ms && ms < w.endMs);
}
