// @vitest-environment happy-dom
import { act, cleanup, render, screen, within } from '@testing-library/react';
import { MotionGlobalConfig } from 'framer-motion';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { useLab } from '../../state/store.ts';
import { Lanes } from './Lanes.tsx';
import { EventLog } from './EventLog.tsx';
import { msg, recordingOf } from './testTrace.ts';

MotionGlobalConfig.skipAnimations = true;
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const plain = (text: string | null) => (text ?? '').replaceAll('\u00a0', ' ');

// The store starts a run of the default scenario when it loads; let it finish so that it cannot
// overwrite the states these tests set.
beforeAll(async () => {
  await vi.waitFor(() => expect(useLab.getState().status).toBe('ready'), { timeout: 20_000 });
}, 30_000);

describe('Lanes', () => {
  it('shows the progress of the first run instead of lanes', () => {
    act(() => useLab.setState({ status: 'running', recording: null, progressMs: 12_400 }));
    render(<Lanes />);
    const bar = screen.getByRole('progressbar', { name: 'Running the simulation… 12 s of 120 s' });
    expect(bar.getAttribute('value')).toBe('12.4');
    expect(screen.queryByRole('region')).toBeNull();
  });

  it('shows why a run failed', () => {
    act(() => useLab.setState({ status: 'error', recording: null, runError: 'out of memory' }));
    render(<Lanes />);
    expect(screen.getByRole('alert').textContent).toBe('The simulation failed: out of memory');
  });

  it('draws one lane per mechanism of the run in registry order, and one legend for them', () => {
    const recording = recordingOf({ webhook: { trace: [] }, polling: { trace: [] }, sse: { trace: [] } });
    act(() => useLab.setState({ status: 'ready', recording, playheadMs: 0 }));
    render(<Lanes />);
    const names = screen.getAllByRole('region').map((lane) => lane.getAttribute('aria-labelledby'));
    expect(names).toEqual(['lane-polling-heading', 'lane-sse-heading', 'lane-webhook-heading']);
    const legend = screen.getByRole('list', { name: 'Legend' });
    const entries = within(legend).getAllByRole('listitem').map((li) => li.querySelector('strong')?.textContent);
    expect(entries).toContain('SSE event');
    expect(entries).toContain('Retry wait');
    // Nothing of long polling or WebSockets is on screen, so their shapes are not explained.
    expect(entries).not.toContain('Held request');
    expect(entries).not.toContain('WebSocket frame');
  });
});

describe('EventLog', () => {
  const recording = recordingOf({
    polling: { trace: [msg('request', 0, 0, { bytes: 700 }), msg('response', 0, 51, { bytes: 250 })] },
    sse: { trace: [msg('sseEvent', 1, 1000, { events: 1, bytes: 216 }), msg('sseEvent', 1, 1500, { events: 1, bytes: 216 })] },
  });

  it('lists the messages that arrived by the playhead, newest first, one sentence each', () => {
    act(() => useLab.setState({ status: 'ready', recording, playheadMs: 1200, playing: false }));
    render(<EventLog />);
    const items = within(screen.getByRole('list', { name: 'Latest messages, newest first' }))
      .getAllByRole('listitem')
      .map((li) => plain(li.textContent));
    expect(items).toEqual([
      '1.05 s · SSE · Client 2 ← Server: SSE event with 1 event (216 B), 50 ms on the wire',
      '0.10 s · Polling · Client 1 ← Server: empty response with no news (250 B), 50 ms on the wire',
      '0.05 s · Polling · Client 1 → Server: poll request (700 B), 50 ms on the wire',
    ]);
  });

  it('announces what arrived at most once a second while playing, and stays silent when paused', () => {
    vi.useFakeTimers();
    act(() => useLab.setState({ status: 'ready', recording, playheadMs: 0, playing: true }));
    const { container } = render(<EventLog />);
    const live = container.querySelector('[aria-live="polite"]');
    expect(plain(live?.textContent ?? null)).toBe('');
    act(() => useLab.setState({ playheadMs: 1100 }));
    act(() => {
      vi.advanceTimersByTime(999);
    });
    expect(plain(live?.textContent ?? null)).toBe('');
    act(() => {
      vi.advanceTimersByTime(1);
    });
    expect(plain(live?.textContent ?? null)).toBe('At 1.10 s: 3 messages arrived (Polling 2, SSE 1).');
    act(() => useLab.setState({ playing: false, playheadMs: 2000 }));
    act(() => {
      vi.advanceTimersByTime(3000);
    });
    expect(plain(live?.textContent ?? null)).toBe('At 1.10 s: 3 messages arrived (Polling 2, SSE 1).');
  });
});
