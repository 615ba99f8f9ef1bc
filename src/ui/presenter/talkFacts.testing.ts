import { expect } from 'vitest';
import { recordRun, type RunRecording } from '../../sim/recording.ts';
import type { MechanismMetrics, MechanismTotals } from '../../sim/metrics/types.ts';
import { presetById } from '../../sim/presets/presets.ts';
import type { MechanismId, Scenario } from '../../sim/scenario/types.ts';
import { parseScenario } from '../../sim/scenario/validate.ts';
import { totalsAt } from '../../state/selectors.ts';
import { TRACE_CLIENTS } from '../../state/store.ts';
import type { Beat } from './beats.ts';

// A talk must be true: every beat points at something on the page, and every number a caption
// quotes is what the engine produces for that preset, read the way the lab shows it (totals at the
// beat's playhead, the per-second series, the lanes' trace of the first TRACE_CLIENTS clients).

export function scenarioOf(presetId: string): Scenario {
  const preset = presetById(presetId);
  if (!preset) throw new Error(`no preset ${presetId}`);
  const parsed = parseScenario(preset.scenario);
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  return parsed.scenario;
}

const recordings = new Map<string, RunRecording>();
export function recordingOf(presetId: string): RunRecording {
  let recording = recordings.get(presetId);
  if (!recording) {
    recording = recordRun(scenarioOf(presetId), TRACE_CLIENTS);
    recordings.set(presetId, recording);
  }
  return recording;
}

/** The same preset with some fields changed, for captions that compare with another setting. */
const variants = new Map<string, RunRecording>();
export function variantOf(presetId: string, name: string, change: (scenario: Scenario) => Scenario): RunRecording {
  const key = `${presetId}/${name}`;
  let recording = variants.get(key);
  if (!recording) {
    recording = recordRun(change(scenarioOf(presetId)), TRACE_CLIENTS);
    variants.set(key, recording);
  }
  return recording;
}
export const overHttp1 = (s: Scenario): Scenario => ({ ...s, http: { ...s.http, version: '1.1' } });

/** What a check can read about one beat. */
export class BeatFacts {
  constructor(
    readonly recording: RunRecording,
    readonly beat: Beat,
  ) {}
  get scenario(): Scenario {
    return this.recording.scenario;
  }
  /** The totals the scoreboard shows at the beat's playhead. */
  now(id: MechanismId): MechanismTotals {
    const totals = totalsAt(this.recording, id, this.beat.atMs);
    if (!totals) throw new Error(`no totals for ${id} at ${String(this.beat.atMs)} ms`);
    return totals;
  }
  final(id: MechanismId): MechanismMetrics {
    const metrics = this.recording.mechanisms[id]?.final;
    if (!metrics) throw new Error(`no results for ${id}`);
    return metrics;
  }
  series(id: MechanismId): MechanismMetrics['series'] {
    return this.final(id).series;
  }
  /**
   * The caption quotes `figure` as the lab shows it (formatInteger, formatMs, formatBytes): when the
   * engine's figures change, the failure names the figure the caption must now say.
   */
  shows(figure: string): void {
    expect(this.beat.caption, `the caption should quote ${figure}`).toContain(figure.replaceAll('\u00a0', ' '));
  }
  /** Messages of the traced clients on the wire at the beat's playhead. */
  inFlight(id: MechanismId) {
    const t = this.beat.atMs;
    return (this.recording.mechanisms[id]?.trace ?? []).filter((m) => m.sendMs <= t && t < m.arriveMs);
  }
}

export const maxOf = (xs: readonly number[]) => Math.max(...xs);
export const firstIndex = (xs: readonly number[], from: number, test: (x: number) => boolean) =>
  xs.findIndex((x, i) => i >= from && test(x));

/** One check per beat whose caption quotes a number, keyed by preset and beat index. */
export type FactChecks = Record<string, Record<number, (f: BeatFacts) => void>>;
