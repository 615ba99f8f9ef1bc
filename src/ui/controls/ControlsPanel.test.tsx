// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SCENARIO } from '../../sim/scenario/defaults.ts';
import { useLab } from '../../state/store.ts';
import { ControlsPanel } from './ControlsPanel.tsx';
import { ALL_SLIDERS, toPosition } from './sliderSpecs.ts';

const lab = () => useLab.getState();
const setField = vi.fn<ReturnType<typeof lab>['setField']>();

const slider = (name: string) => screen.getByRole<HTMLInputElement>('slider', { name });
const intervalSpec = ALL_SLIDERS.find((s) => s.name === 'Polling interval');
if (!intervalSpec) throw new Error('no Polling interval slider');
/** Moves the Polling interval slider to where `ms` sits on its log scale. */
const dragIntervalTo = (ms: number) => {
  fireEvent.change(slider('Polling interval'), { target: { value: String(toPosition(intervalSpec, ms)) } });
};

beforeEach(() => {
  // Each test has a fresh store (src/state/setupStore.testing.ts): spy on its own setField.
  setField.mockReset();
  setField.mockImplementation(lab().setField);
  useLab.setState({ scenario: DEFAULT_SCENARIO, fieldErrors: {}, setField });
  render(<ControlsPanel />);
});

afterEach(cleanup);

describe('the scenario controls', () => {
  it('name every slider, switch and check as the issue words them', () => {
    for (const name of ['Clients', 'Event rate', 'Payload size', 'Latency', 'Jitter', 'Packet loss', 'Polling interval',
      'Long-poll timeout', 'SSE retry', 'WebSocket heartbeat', 'Webhook retry base', 'Webhook attempts', 'Proxy idle timeout']) {
      expect(slider(name).type).toBe('range');
    }
    for (const name of ['Polling', 'Long polling', 'SSE', 'WebSockets', 'Webhooks', 'Receiver outage']) {
      expect(screen.getByRole('checkbox', { name }).getAttribute('type')).toBe('checkbox');
    }
  });

  it('group the sliders under Workload, Network, Server and one legend per mechanism', () => {
    const legends = screen.getAllByRole('group').map((g) => g.querySelector('legend')?.textContent);
    expect(legends).toEqual(expect.arrayContaining(['Workload', 'Network', 'Server', 'Polling', 'Long polling', 'SSE',
      'WebSockets', 'Webhooks', 'Mechanisms']));
    const polling = screen.getAllByRole('group').find((g) => g.querySelector('legend')?.textContent === 'Polling');
    expect(within(polling as HTMLElement).getByRole('slider', { name: 'Polling interval' })).toBeTruthy();
  });

  it('show each value with its unit', () => {
    expect(slider('Polling interval').getAttribute('aria-valuetext')).toBe('2 s');
    expect(screen.getByText('2 s')).toBeTruthy();
    expect(slider('Latency').getAttribute('aria-valuetext')).toBe('50 ms one way');
    expect(slider('Clients').getAttribute('aria-valuetext')).toBe('10');
  });

  it('send a moved Polling interval to the store as a clean value in milliseconds', () => {
    dragIntervalTo(5000);
    expect(setField).toHaveBeenCalledWith('polling.intervalMs', 5000);
    expect(lab().scenario.polling.intervalMs).toBe(5000);
    expect(slider('Polling interval').getAttribute('aria-valuetext')).toBe('5 s');
  });

  it('re-run at once on the first move and then at most once per throttle window, ending on the last value', async () => {
    dragIntervalTo(5000);
    dragIntervalTo(10_000);
    dragIntervalTo(20_000);
    expect(setField.mock.calls).toEqual([['polling.intervalMs', 5000]]);
    // The slider follows the pointer before the store does.
    expect(slider('Polling interval').getAttribute('aria-valuetext')).toBe('20 s');
    await waitFor(() => expect(setField).toHaveBeenLastCalledWith('polling.intervalMs', 20_000));
    expect(setField).toHaveBeenCalledTimes(2);
  });

  it('switch between HTTP/1.1 and HTTP/2 with the HTTP/2 check', () => {
    const http2 = screen.getByRole<HTMLInputElement>('checkbox', { name: 'HTTP/2' });
    expect(http2.checked).toBe(false);
    fireEvent.click(http2);
    expect(setField).toHaveBeenLastCalledWith('http.version', '2');
    expect(lab().scenario.http.version).toBe('2');
    fireEvent.click(screen.getByRole('checkbox', { name: 'HTTP/2' }));
    expect(lab().scenario.http.version).toBe('1.1');
  });

  it('offer a Reset button once a value differs from the default, and reset with it', () => {
    expect(screen.queryByRole('button', { name: 'Reset Polling interval' })).toBeNull();
    dragIntervalTo(10_000);
    fireEvent.click(screen.getByRole('button', { name: 'Reset Polling interval' }));
    expect(lab().scenario.polling.intervalMs).toBe(DEFAULT_SCENARIO.polling.intervalMs);
    expect(screen.queryByRole('button', { name: 'Reset Polling interval' })).toBeNull();
  });

  it('show the store’s validation message beside the control that caused it', () => {
    act(() => {
      lab().setField('network.latencyMs', -5);
    });
    const message = screen.getByRole('alert');
    expect(message.textContent).toMatch(/latencyMs/);
    expect(slider('Latency').getAttribute('aria-describedby')).toContain(message.id);
    expect(lab().scenario.network.latencyMs).toBe(DEFAULT_SCENARIO.network.latencyMs);
  });

  it('turn on a receiver outage in the second quarter of the run, as its description says', () => {
    const outage = screen.getByRole('checkbox', { name: 'Receiver outage' });
    expect(screen.getByText('Webhook receivers answer 503 from 30 s to 60 s.').id).toBe(outage.getAttribute('aria-describedby'));
    fireEvent.click(outage);
    expect(lab().scenario.webhook.outages).toEqual([{ startSec: 30, durationSec: 30 }]);
    fireEvent.click(outage);
    expect(lab().scenario.webhook.outages).toEqual([]);
  });

  it('turn mechanisms off but keep the last one on, and say why', () => {
    fireEvent.click(screen.getByRole('checkbox', { name: 'Webhooks' }));
    expect(lab().scenario.mechanisms).not.toContain('webhook');
    act(() => useLab.setState({ scenario: { ...DEFAULT_SCENARIO, mechanisms: ['sse'] } }));
    const sse = screen.getByRole<HTMLInputElement>('checkbox', { name: 'SSE' });
    expect(sse.disabled).toBe(true);
    expect(document.getElementById(sse.getAttribute('aria-describedby') ?? '')?.textContent).toMatch(/nothing to simulate/);
    expect(screen.getByRole<HTMLInputElement>('checkbox', { name: 'Polling' }).disabled).toBe(false);
  });
});
