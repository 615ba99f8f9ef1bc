import { describe, expect, it } from 'vitest';
import type { MechanismMetrics, MechanismTotals } from '../../sim/metrics/types.ts';
import { recordRun, type RunRecording } from '../../sim/recording.ts';
import { DEFAULT_SCENARIO } from '../../sim/scenario/defaults.ts';
import { parseScenario } from '../../sim/scenario/validate.ts';
import { metricsWith } from '../lanes/testTrace.ts';
import { faultWindows, hasSteady, outOfOrder, runEndMs, steadyOrWhole } from './figures.ts';

// The accessors read the engine's steady-state window, ordering count, end of run and fault spans.

const base = (): MechanismTotals => {
  const { series: _series, ...totals } = metricsWith(3);
  return totals;
};

function recordingWith(snapshots: MechanismTotals[], extra: Partial<RunRecording> = {}): RunRecording {
  const final: MechanismMetrics = metricsWith(3);
  return {
    scenario: { ...DEFAULT_SCENARIO, mechanisms: ['polling'] },
    durationMs: 3000,
    endMs: 3000,
    snapshotEverySec: 1,
    traceClients: 5,
    mechanisms: { polling: { final, totalsAt: snapshots, cdfAt: [], trace: [], spans: [], endMs: 3000 } },
    ...extra,
  };
}

function recorded(input: Record<string, unknown>): RunRecording {
  const parsed = parseScenario({ version: 1, ...input });
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  return recordRun(parsed.scenario, 3);
}

describe('the comparison’s figures', () => {
  it('have no steady state to offer when every snapshot is still in the warm-up', () => {
    const recording = recordingWith([{ ...base(), steady: null }, { ...base(), steady: null }, { ...base(), steady: null }]);
    expect(hasSteady(recording)).toBe(false);
    expect(steadyOrWhole(recording, 'polling', 'steady', 2500)).toMatchObject({ shown: 'warmup', fromSec: 0, toSec: 2 });
    expect(steadyOrWhole(recording, 'polling', 'whole', 2500)).toMatchObject({ shown: 'whole', fromSec: 0, toSec: 2 });
  });

  it('use the steady-state window when there is one, and the whole run during the warm-up', () => {
    const steady = { ...base(), steady: undefined, requestsPerSec: 7, fromSec: 1, toSec: 3 };
    delete steady.steady;
    const recording = recordingWith([{ ...base(), steady: null }, { ...base(), steady: null }, { ...base(), steady }]);
    expect(hasSteady(recording)).toBe(true);
    expect(steadyOrWhole(recording, 'polling', 'steady', 3000)).toMatchObject({ shown: 'steady', fromSec: 1, toSec: 3 });
    expect(steadyOrWhole(recording, 'polling', 'steady', 3000)?.totals.requestsPerSec).toBe(7);
    expect(steadyOrWhole(recording, 'polling', 'whole', 3000)?.shown).toBe('whole');
    expect(steadyOrWhole(recording, 'polling', 'steady', 1500)?.shown).toBe('warmup');
    expect(steadyOrWhole(recording, 'polling', 'steady', 500)).toBeNull();
  });

  it('read the out-of-order count and the end of the run, drain included, from the recording', () => {
    const counted = base();
    expect(outOfOrder({ ...counted, events: { ...counted.events, outOfOrder: 4 } })).toBe(4);
    expect(runEndMs(recordingWith([]))).toBe(3000);
    expect(runEndMs(recordingWith([], { endMs: 4200 }))).toBe(4200);
  });

  it('mark the faults the engine recorded, each in the lanes of the mechanisms it touched', () => {
    const recording = recorded({
      durationSec: 120,
      clients: 3,
      mechanisms: ['polling', 'webhook'],
      webhook: { outages: [{ startSec: 30, durationSec: 30 }] },
      faults: { serverRestarts: [{ atSec: 40, downSec: 5 }] },
    });
    const windows = faultWindows(recording);
    expect(windows.map((w) => w.label)).toEqual(['Receiver outage 30–60 s', 'Server down (restart) 40–45 s']);
    expect(windows[0].mechanisms).toEqual(['webhook']);
    expect(windows[1].mechanisms).toEqual(['polling', 'webhook']);
  });

  it('gather proxy cuts within a second of each other into one mark', () => {
    const recording = recorded({
      durationSec: 60,
      clients: 3,
      mechanisms: ['sse'],
      clientStartSpreadSec: 0,
      proxy: { idleTimeoutSec: 20 },
      sse: { heartbeatSec: 0 },
      events: { ratePerSec: 0 },
    });
    const cuts = faultWindows(recording).filter((w) => w.kind === 'proxyCut');
    const spans = recording.mechanisms.sse?.spans.filter((s) => s.kind === 'proxyCut') ?? [];
    expect(spans.length).toBeGreaterThanOrEqual(3);
    // Three clients that connected together are cut together, every 20 s of silence (plus the retry).
    expect(cuts.length).toBeGreaterThanOrEqual(2);
    expect(cuts.length).toBeLessThan(spans.length);
    for (const cut of cuts) {
      expect(cut.label).toMatch(/^Proxy cut idle connections \d+(\.\d)?–\d+(\.\d)? s$/);
      expect(spans.some((s) => s.startMs >= cut.startMs && s.startMs < cut.endMs)).toBe(true);
    }
  });
});
