import type { MechanismId } from '../../sim/scenario/types.ts';
import type { MechanismTotals } from '../../sim/metrics/types.ts';
import type { RunRecording } from '../../sim/recording.ts';
import { snapshotIndex } from '../../state/selectors.ts';

// The one place the views read engine figures that newer engines add: the steady-state window
// (`totals.steady`, after `warmupSec`), out-of-order deliveries (`events.outOfOrder`), the end of a
// run including its drain (`recording.endMs`) and fault windows. Each accessor uses the engine's
// field when the recording has it and otherwise falls back honestly (whole run, "not counted",
// duration, the scenario's own fault inputs), saying which one it used.

/** What the comparison was asked to show. */
export type FigureMode = 'steady' | 'whole';

/** The engine's totals over a window of the run: the whole run's, or the steady state's. */
export type WindowTotals = Omit<MechanismTotals, 'steady'>;

export interface ShownTotals {
  totals: WindowTotals;
  /**
   * What `totals` covers: 'steady' (the engine's steady-state window), 'warmup' (steady state was
   * asked for but the playhead is still in the warm-up, so these are the whole run so far) or
   * 'whole' (whole run, asked for or the only thing this recording has).
   */
  shown: 'steady' | 'warmup' | 'whole';
  fromSec: number;
  toSec: number;
}

interface SteadyFields {
  fromSec: number;
  toSec: number;
}

function isSteady(value: unknown): value is WindowTotals & SteadyFields {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.fromSec === 'number' && typeof v.toSec === 'number' && typeof v.requestsPerSec === 'number' && typeof v.events === 'object';
}

/** The recording's steady-state window of `totals`: the window, null while warming up, undefined when not recorded. */
function steadyOf(totals: MechanismTotals): (WindowTotals & SteadyFields) | null | undefined {
  if (!('steady' in totals)) return undefined;
  const steady = (totals as { steady: unknown }).steady;
  if (steady === null) return null;
  return isSteady(steady) ? steady : undefined;
}

/** Whether this recording carries steady-state figures at all. */
export function hasSteady(recording: RunRecording): boolean {
  for (const mechanism of Object.values(recording.mechanisms)) {
    const last = mechanism.totalsAt.at(-1);
    if (last !== undefined) return steadyOf(last) !== undefined;
  }
  return false;
}

/** The scenario's warm-up, when the scenario has one. */
export function warmupSec(recording: RunRecording): number | null {
  const value = (recording.scenario as unknown as Record<string, unknown>).warmupSec;
  return typeof value === 'number' ? value : null;
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
  const totals = at >= 0 ? recording.mechanisms[id]?.totalsAt[at] : undefined;
  if (totals === undefined) return null;
  const toSec = snapshotMs(recording, playheadMs) / 1000;
  const steady = steadyOf(totals);
  if (mode === 'steady' && steady) return { totals: steady, shown: 'steady', fromSec: steady.fromSec, toSec: steady.toSec };
  const shown = mode === 'steady' && steady === null ? 'warmup' : 'whole';
  return { totals, shown, fromSec: 0, toSec };
}

/** Events delivered out of creation order, or null when this engine does not count them. */
export function outOfOrder(totals: WindowTotals): number | null {
  const value = (totals.events as unknown as Record<string, unknown>).outOfOrder;
  return typeof value === 'number' ? value : null;
}

/** The end of the run's timeline: the engine's end (drain included) when recorded, else its duration. */
export function runEndMs(recording: RunRecording): number {
  const value = (recording as unknown as Record<string, unknown>).endMs;
  return typeof value === 'number' && Number.isFinite(value) ? Math.max(value, recording.durationMs) : recording.durationMs;
}

export type FaultKind = 'receiverOutage' | 'serverDown';

export interface FaultWindow {
  kind: FaultKind;
  startMs: number;
  endMs: number;
  /** "Receiver outage 30–90 s": what a mark of it is called. */
  label: string;
}

const FAULT_NAMES: Record<FaultKind, string> = { receiverOutage: 'Receiver outage', serverDown: 'Server down (restart)' };

const secondsText = (ms: number) => String(Math.round(ms / 100) / 10);

export function faultLabel(kind: FaultKind, startMs: number, endMs: number): string {
  return `${FAULT_NAMES[kind]} ${secondsText(startMs)}–${secondsText(endMs)} s`;
}

/**
 * The windows in which a fault holds: the scenario's receiver outages (webhooks only) and server
 * restarts, clipped to the run. These are inputs of the scenario, not protocol rules.
 */
export function faultWindows(recording: RunRecording): FaultWindow[] {
  const { scenario } = recording;
  const endMs = runEndMs(recording);
  const windows: FaultWindow[] = [];
  const add = (kind: FaultKind, startMs: number, durationMs: number) => {
    const end = Math.min(endMs, startMs + durationMs);
    if (startMs < endMs && end > startMs) windows.push({ kind, startMs, endMs: end, label: faultLabel(kind, startMs, end) });
  };
  if (scenario.mechanisms.includes('webhook')) {
    for (const outage of scenario.webhook.outages) add('receiverOutage', outage.startSec * 1000, outage.durationSec * 1000);
  }
  for (const restart of scenario.faults.serverRestarts) add('serverDown', restart.atSec * 1000, restart.downSec * 1000);
  return windows.sort((a, b) => a.startMs - b.startMs);
}

/** The fault windows that hold at `ms`. */
export function faultsAt(windows: readonly FaultWindow[], ms: number): FaultWindow[] {
  return windows.filter((w) => w.startMs <= ms && ms < w.endMs);
}
