// @vitest-environment happy-dom
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { recordRun } from '../../sim/recording.ts';
import { DEFAULT_SCENARIO } from '../../sim/scenario/defaults.ts';
import { useLab } from '../../state/store.ts';
import { TraceNotice } from './TraceNotice.tsx';

afterEach(cleanup);

describe('the lanes say when they stop', () => {
  it('records where a capped trace ends and says so under the lanes; a whole trace says nothing', () => {
    // 1,000 events a second to each of 5 traced clients for 60 s: 300,000 messages, over the cap.
    const busy = { ...DEFAULT_SCENARIO, clients: 5, durationSec: 60, mechanisms: ['sse' as const], events: { ...DEFAULT_SCENARIO.events, ratePerSec: 1000, audience: 'broadcast' as const } };
    const recording = recordRun(busy, 5);
    const endMs = recording.mechanisms.sse?.traceEndMs;
    expect(endMs).toBeGreaterThan(30_000);
    expect(endMs).toBeLessThan(60_000);
    act(() => useLab.setState({ recording }));
    render(<TraceNotice />);
    expect(screen.getByRole('note').textContent).toBe(
      `The lanes stop where the recorded messages run out (SSE at ${String(Math.floor((endMs ?? 0) / 1000))} s): a run this long and busy has more messages than the lab keeps for drawing. The scoreboard and charts count every message to the end.`,
    );
    act(() => useLab.setState({ recording: recordRun({ ...busy, durationSec: 5 }, 5) }));
    expect(screen.queryByRole('note')).toBeNull();
  });
});
