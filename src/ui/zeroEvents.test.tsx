// @vitest-environment happy-dom
import { act, cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { recordRun, type RunRecording } from '../sim/recording.ts';
import type { Scenario } from '../sim/scenario/types.ts';
import { scenarioOf } from '../sim/testing/helpers.ts';
import { useLab } from '../state/store.ts';
import { ChartsView } from './charts/Charts.tsx';
import { Comparison } from './comparison/Comparison.tsx';
import { EventLog } from './lanes/EventLog.tsx';
import { Lanes } from './lanes/Lanes.tsx';

// Issue 10: a run without events, or with events of no size, divides by zero wherever a figure is
// "per event" or "per answer". Every view must draw such an engine recording with no NaN or
// Infinity in any attribute (an SVG coordinate, a bar's width, a label) or text, and say what is
// missing in words instead.

afterEach(cleanup);

const recordings = new Map<string, RunRecording>();
function recordingOf(events: Partial<Scenario['events']>): RunRecording {
  const key = JSON.stringify(events);
  let recording = recordings.get(key);
  if (!recording) {
    recording = recordRun(scenarioOf({ durationSec: 12, drainSec: 5, events }), 5);
    recordings.set(key, recording);
  }
  return recording;
}

/** Attributes and texts under `root` that hold NaN or Infinity. */
function notANumber(root: Element): string[] {
  const found: string[] = [];
  for (const el of root.querySelectorAll('*')) {
    for (const a of el.attributes) if (/NaN|Infinity/.test(a.value)) found.push(`<${el.tagName} ${a.name}="${a.value}">`);
  }
  for (const m of (root.textContent ?? '').matchAll(/.{0,30}(NaN|Infinity).{0,30}/g)) found.push(m[0]);
  return found;
}

function views(recording: RunRecording, playheadMs: number) {
  return [
    ['charts', <ChartsView key="charts" recording={recording} playheadSec={playheadMs / 1000} />],
    ['comparison', <Comparison key="comparison" />],
    ['lanes', <Lanes key="lanes" />],
    ['event log', <EventLog key="log" />],
  ] as const;
}

const CASES = [
  ['no events', { ratePerSec: 0 }],
  ['events of 0 bytes', { payloadBytes: 0 }],
  ['no events of 0 bytes', { ratePerSec: 0, payloadBytes: 0 }],
] as const;

describe('a run without events, or with empty ones', () => {
  for (const [what, events] of CASES) {
    it(`draws charts, comparison, lanes and log for ${what} without NaN or Infinity, at the start, the middle and the end`, () => {
      const recording = recordingOf(events);
      for (const playheadMs of [0, 500, 6000, recording.durationMs, recording.endMs]) {
        act(() => useLab.setState({ recording, status: 'ready', playheadMs, playing: false }));
        for (const [name, view] of views(recording, playheadMs)) {
          const { container } = render(view);
          expect(container.querySelectorAll('*').length, name).toBeGreaterThan(3);
          expect(notANumber(container), `${name} at ${String(playheadMs)} ms`).toEqual([]);
          cleanup();
        }
      }
    });
  }

  it('says in words that there are no events, instead of a figure made of 0 ÷ 0', () => {
    const recording = recordingOf({ ratePerSec: 0 });
    act(() => useLab.setState({ recording, status: 'ready', playheadMs: recording.endMs, playing: false }));
    const comparison = render(<Comparison />).container;
    expect(comparison.textContent).toContain('No events were created in this run, so there was nothing to deliver.');
    // Per-event figures and latencies do not exist: a dash, never "0 %" or "NaN ms".
    expect(comparison.textContent).not.toMatch(/NaN|Infinity/);
    cleanup();
    const charts = render(<ChartsView recording={recording} playheadSec={recording.endMs / 1000} />).container;
    expect(charts.textContent).toContain('No theory line for Polling: there are no events.');
  });

  it('still says every event was resolved when there were events', () => {
    const recording = recordingOf({ payloadBytes: 0 });
    act(() => useLab.setState({ recording, status: 'ready', playheadMs: recording.endMs, playing: false }));
    const { container } = render(<Comparison />);
    expect(container.textContent).toContain('Every event was delivered or given up on by the end.');
  });
});
