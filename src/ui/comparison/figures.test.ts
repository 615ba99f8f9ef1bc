import { describe, expect, it } from 'vitest';
import type { MechanismMetrics, MechanismTotals } from '../../sim/metrics/types.ts';
import type { RunRecording } from '../../sim/recording.ts';
import { DEFAULT_SCENARIO } from '../../sim/scenario/defaults.ts';
import { metricsWith } from '../lanes/testTrace.ts';
import { faultWindows, hasSteady, outOfOrder, runEndMs, steadyOrWhole } from './figures.ts';

// The accessors read fields newer engines add when a recording has them, and fall back honestly
// when it does not.

const base = (): MechanismTotals => {
  const { series: _series, ...totals } = metricsWith(3);
  return totals;
};

function recordingWith(snapshots: unknown[], extra: Record<string, unknown> = {}): RunRecording {
  const final: MechanismMetrics = metricsWith(3);
  return {
    scenario: { ...DEFAULT_SCENARIO, mechanisms: ['polling'] },
    durationMs: 3000,
    endMs: 3000,
    snapshotEverySec: 1,
    traceClients: 5,
    mechanisms: { polling: { final, totalsAt: snapshots as MechanismTotals[], cdfAt: [], trace: [], spans: [] } },
    ...extra,
  };
}

describe('the comparison’s figures', () => {
  it('use the whole run when the recording has no steady state, and say so', () => {
    const recording = recordingWith([base(), base(), base()]);
    expect(hasSteady(recording)).toBe(false);
    expect(steadyOrWhole(recording, 'polling', 'steady', 2500)).toMatchObject({ shown: 'whole', fromSec: 0, toSec: 2 });
  });

  it('use the steady-state window when there is one, and the whole run during the warm-up', () => {
    const steady = { ...base(), requestsPerSec: 7, fromSec: 1, toSec: 3 };
    const recording = recordingWith([{ ...base(), steady: null }, { ...base(), steady: null }, { ...base(), steady }]);
    expect(hasSteady(recording)).toBe(true);
    expect(steadyOrWhole(recording, 'polling', 'steady', 3000)).toMatchObject({ shown: 'steady', fromSec: 1, toSec: 3 });
    expect(steadyOrWhole(recording, 'polling', 'steady', 3000)?.totals.requestsPerSec).toBe(7);
    expect(steadyOrWhole(recording, 'polling', 'whole', 3000)?.shown).toBe('whole');
    expect(steadyOrWhole(recording, 'polling', 'steady', 1500)?.shown).toBe('warmup');
    expect(steadyOrWhole(recording, 'polling', 'steady', 500)).toBeNull();
  });

  it('read out-of-order counts and the end of the run only where the engine records them', () => {
    expect(outOfOrder(base())).toBeNull();
    const counted = base();
    expect(outOfOrder({ ...counted, events: { ...counted.events, outOfOrder: 4 } as MechanismTotals['events'] })).toBe(4);
    expect(runEndMs(recordingWith([]))).toBe(3000);
    expect(runEndMs(recordingWith([], { endMs: 4200 }))).toBe(4200);
  });

  it('take fault windows from the scenario, named as a mark on the timeline says them', () => {
    const recording = recordingWith([]);
    recording.scenario = {
      ...recording.scenario,
      durationSec: 120,
      mechanisms: ['polling', 'webhook'],
      webhook: { ...recording.scenario.webhook, outages: [{ startSec: 30, durationSec: 30 }] },
      faults: { serverRestarts: [{ atSec: 40, downSec: 5 }] },
    };
    recording.durationMs = 120_000;
    expect(faultWindows(recording).map((w) => w.label)).toEqual(['Receiver outage 30–60 s', 'Server down (restart) 40–45 s']);
    // Without webhooks in the run no receiver is down.
    recording.scenario = { ...recording.scenario, mechanisms: ['polling'] };
    expect(faultWindows(recording).map((w) => w.kind)).toEqual(['serverDown']);
  });
});
