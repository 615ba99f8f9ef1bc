// @vitest-environment happy-dom
import { cleanup, render, screen, within } from '@testing-library/react';
import { MotionGlobalConfig } from 'framer-motion';
import { afterEach, describe, expect, it } from 'vitest';
import { Lane } from './Lane.tsx';
import { DEFAULT_SCENARIO } from '../../sim/scenario/defaults.ts';
import { msg, recordingOf, span } from './testTrace.ts';

// Badges appear at once: happy-dom's Web Animations reject when a running animation is torn down.
MotionGlobalConfig.skipAnimations = true;
afterEach(cleanup);

const plain = (text: string | null) => (text ?? '').replaceAll('\u00a0', ' ');
const readout = (term: string) => {
  const dt = screen.getByText(term, { selector: 'dt' });
  return plain(dt.nextElementSibling?.textContent ?? null);
};

describe('Lane', () => {
  const longPolling = recordingOf(
    {
      longPolling: {
        trace: [
          msg('request', 0, 200),
          msg('request', 1, 200),
          msg('request', 2, 200),
          msg('response', 2, 1700, { events: 2, bytes: 650 }),
        ],
        spans: [span('held', 0, 250, Infinity), span('held', 1, 250, Infinity), span('held', 2, 250, 1700, { outcome: 'answered' })],
        series: { openConnections: [40, 40, 40], serverUtilization: [0.002, 0.004, 0.004], requests: [40, 3, 5] },
      },
    },
    { clients: 40 },
    3,
  );

  it('draws a row per traced client facing the server, and says in words what is on the wire', () => {
    render(<Lane id="longPolling" recording={longPolling} playheadMs={1725} />);
    const lane = screen.getByRole('region', { name: 'Long polling' });
    const figure = within(lane).getByRole('img');
    expect(figure.getAttribute('aria-label')).toBe(
      'Long polling: 2 requests held at the server, 1 response in flight carrying 2 events.',
    );
    for (const name of ['Client 1', 'Client 2', 'Client 3', 'Client 4', 'Client 5', 'Server']) {
      expect(within(figure).getByText(name)).toBeTruthy();
    }
    expect(within(figure).getByText('2 events')).toBeTruthy();
    // Held since their arrival at 250 ms: 1.475 s at the playhead.
    expect(within(figure).getAllByText('1.5 s', { exact: false, normalizer: plain })).toHaveLength(2);
  });

  it('shows the server-side readouts of the last whole second and how many clients it samples', () => {
    render(<Lane id="longPolling" recording={longPolling} playheadMs={1725} />);
    expect(readout('Held at server')).toBe('2 of 5');
    expect(readout('Connections')).toBe('40');
    expect(readout('Load')).toBe('0.2 %');
    expect(readout('Requests last s')).toBe('40');
    expect(screen.getByText('5 of 40 clients drawn; figures cover all', { normalizer: plain })).toBeTruthy();
  });

  it('past its own end, while another mechanism still drains, keeps its last second and says it finished', () => {
    const sse = recordingOf(
      { sse: { trace: [], series: { openConnections: [40, 40, 38], serverUtilization: [0.001, 0.001, 0.002], requests: [40, 0, 2] }, endMs: 3000 } },
      { clients: 40 },
      3,
    );
    // Polling's drain ran to 5.4 s; SSE had nothing left in flight at 3 s.
    const draining = { ...sse, endMs: 5400 };
    render(<Lane id="sse" recording={draining} playheadMs={2500} />);
    expect(screen.queryByText(/^Finished at/)).toBeNull();
    cleanup();
    render(<Lane id="sse" recording={draining} playheadMs={5400} />);
    expect(screen.getByRole('note').textContent).toBe('Finished at 3 s: nothing left in flight; figures as at its end');
    expect(readout('Connections')).toBe('38');
    expect(readout('Requests last s')).toBe('2');
  });

  it('draws only the rows it is given room for, and says so', () => {
    render(<Lane id="longPolling" recording={longPolling} playheadMs={1725} rows={3} />);
    const figure = screen.getByRole('img');
    expect(within(figure).getByText('Client 3')).toBeTruthy();
    expect(within(figure).queryByText('Client 4')).toBeNull();
    expect(readout('Held at server')).toBe('2 of 3');
    expect(screen.getByText('3 of 40 clients drawn; figures cover all', { normalizer: plain })).toBeTruthy();
  });

  it('names a server restart in the lane while it lasts and does not show connections it dropped', () => {
    const faults = [{ kind: 'serverDown' as const, startMs: 1000, endMs: 6000, label: 'Server down (restart) 1–6 s', mechanisms: ['longPolling' as const] }];
    render(<Lane id="longPolling" recording={longPolling} playheadMs={1725} faults={faults} />);
    expect(screen.getByRole('note').textContent).toBe('Server down: every connection dropped, new ones refused (1–6 s)');
    expect(readout('Connections')).toBe('0 (server down)');
  });

  it('names the receivers and the provider in a webhook lane and counts down a retry wait', () => {
    const webhooks = recordingOf(
      {
        webhook: {
          trace: [
            msg('webhookAttempt', 0, 1000, { attempt: 1, events: 1, status: 'failed' }),
            msg('webhookResponse', 0, 1050, { attempt: 1, status: 'failed' }),
            msg('webhookAttempt', 0, 3100, { attempt: 2, events: 1 }),
          ],
          spans: [span('retryWait', 0, 1100, 3100, { attempt: 2 })],
        },
      },
      { clients: 2 },
    );
    render(<Lane id="webhook" recording={webhooks} playheadMs={1600} />);
    const figure = screen.getByRole('img');
    expect(figure.getAttribute('aria-label')).toBe('Webhooks: 1 delivery waiting to retry.');
    expect(within(figure).getByText('Receiver 1')).toBeTruthy();
    expect(within(figure).getByText('Receiver 2')).toBeTruthy();
    expect(within(figure).queryByText('Receiver 3')).toBeNull();
    expect(within(figure).getByText('Provider')).toBeTruthy();
    // The engine decided the wait when the 503 came back at 1.1 s: attempt 2 leaves at 3.1 s.
    expect(within(figure).getByText('1.5 s', { normalizer: plain })).toBeTruthy();
    expect(readout('Retry waits')).toBe('1 of 2');
    expect(screen.getByText('all 2 receivers drawn', { normalizer: plain })).toBeTruthy();
  });

  it('labels a message in flight by what it is, and marks one lost when its connection was cut', () => {
    const sse = recordingOf({
      sse: {
        trace: [
          msg('sseEvent', 0, 1000, { events: 1 }),
          msg('sseEvent', 1, 1000, { events: 1, status: 'dropped' }),
          msg('sseHeartbeat', 2, 1000),
        ],
      },
    });
    render(<Lane id="sse" recording={sse} playheadMs={1020} />);
    const figure = screen.getByRole('img');
    expect(figure.getAttribute('aria-label')).toBe('SSE: 1 SSE event in flight, 1 keep-alive message in flight, 1 message being dropped.');
    expect(within(figure).getByText('data:')).toBeTruthy();
    expect(within(figure).getByText('data: · dropped')).toBeTruthy();
    expect(within(figure).getByText('heartbeat')).toBeTruthy();
  });

  it('says under a WebSocket lane that a proxy refused the upgrade, and what the clients did then', () => {
    const trace = [msg('upgrade', 0, 0), msg('upgradeResponse', 0, 50, { status: 'refused' }), msg('request', 0, 100)];
    const refused = (fallback: 'longPolling' | 'none') =>
      recordingOf({ websocket: { trace } }, { websocket: { ...DEFAULT_SCENARIO.websocket, fallback } });
    const { unmount } = render(<Lane id="websocket" recording={refused('longPolling')} playheadMs={120} />);
    expect(screen.getByText('A proxy refused the WebSocket upgrade, so the clients fell back to long polling.')).toBeTruthy();
    unmount();
    render(<Lane id="websocket" recording={refused('none')} playheadMs={120} />);
    expect(screen.getByText('A proxy refused the WebSocket upgrade.')).toBeTruthy();
  });

  it('adds no note under a WebSocket lane whose upgrade went through', () => {
    const upgraded = recordingOf({ websocket: { trace: [msg('upgrade', 0, 0), msg('upgradeResponse', 0, 50)] } });
    render(<Lane id="websocket" recording={upgraded} playheadMs={120} />);
    expect(screen.queryByText(/refused the WebSocket upgrade/)).toBeNull();
  });
});
