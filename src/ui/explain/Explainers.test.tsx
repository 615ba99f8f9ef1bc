// @vitest-environment happy-dom
import { act, cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { MechanismMetrics } from '../../sim/metrics/types.ts';
import type { RunRecording } from '../../sim/recording.ts';
import { DEFAULT_SCENARIO } from '../../sim/scenario/defaults.ts';
import type { MechanismId } from '../../sim/scenario/types.ts';
import type { TraceMessage } from '../../sim/trace/types.ts';
import { useLab } from '../../state/store.ts';
import { Explainers } from './Explainers.tsx';

const msg = (kind: TraceMessage['kind'], up: boolean, sendMs: number, arriveMs: number): TraceMessage => ({
  kind, client: 0, up, sendMs, arriveMs, events: kind === 'response' ? 1 : 0, bytes: 100, status: 'ok', attempt: 0, connection: 0,
});

const TRACES: Partial<Record<MechanismId, TraceMessage[]>> = {
  polling: [msg('request', true, 500, 550), msg('response', false, 551, 601)],
  longPolling: [msg('request', true, 0, 50), msg('response', false, 3000, 3050), msg('request', true, 3050, 3100)],
};

function load(ids: MechanismId[], playheadMs: number) {
  const mechanisms: RunRecording['mechanisms'] = {};
  for (const id of ids) {
    const final = { series: {} } as MechanismMetrics;
    mechanisms[id] = { final, totalsAt: [], cdfAt: [], trace: TRACES[id] ?? [], spans: [], endMs: 10_000 };
  }
  const scenario = { ...DEFAULT_SCENARIO, mechanisms: ids };
  act(() => useLab.setState({ scenario, recording: { scenario, durationMs: 10_000, endMs: 10_000, snapshotEverySec: 1, traceClients: 5, mechanisms }, playheadMs }));
}

const card = (name: string) => screen.getByText(name, { selector: 'summary' }).closest('details') as HTMLElement;
const currentStep = (name: string) => card(name).querySelector('[aria-current="step"]')?.textContent ?? null;

afterEach(cleanup);

describe('the explanations', () => {
  it('have an open card per mechanism in the scenario, with numbered steps, pros, cons and uses', () => {
    load(['polling', 'longPolling'], 0);
    render(<Explainers />);
    const titles = [...document.querySelectorAll('details > summary')].map((s) => s.textContent.replace(/^[^A-Za-z]+/, ''));
    expect(titles).toEqual(['Polling', 'Long polling']);
    const polling = card('Polling');
    expect(polling.hasAttribute('open')).toBe(true);
    expect(within(polling).getAllByRole('list')[0].tagName).toBe('OL');
    expect(within(polling).getAllByRole('list')[0].children).toHaveLength(4);
    expect(within(polling).getByRole('heading', { name: 'Pros' })).toBeTruthy();
    expect(within(polling).getByRole('heading', { name: 'Cons' })).toBeTruthy();
    expect(within(polling).getByText('Use it for:')).toBeTruthy();
  });

  it('light up the step the first client is in, and only that one', () => {
    load(['polling', 'longPolling'], 520);
    render(<Explainers />);
    expect(currentStep('Polling')).toMatch(/^The client sends a GET/);
    expect(currentStep('Long polling')).toMatch(/^The server parks the request/);
    expect(card('Polling').querySelectorAll('[aria-current]')).toHaveLength(1);
  });

  it('move the lit step as the playhead moves', () => {
    load(['polling', 'longPolling'], 20);
    render(<Explainers />);
    expect(currentStep('Long polling')).toMatch(/^The client sends a GET/);
    act(() => useLab.setState({ playheadMs: 1500 }));
    expect(currentStep('Polling')).toMatch(/^The client waits one interval/);
    expect(currentStep('Long polling')).toMatch(/^The server parks the request/);
    act(() => useLab.setState({ playheadMs: 3070 }));
    expect(currentStep('Long polling')).toMatch(/^The client asks again at once/);
  });

  it('say when a proxy refused the WebSocket upgrade, and light no WebSocket step then', () => {
    TRACES.websocket = [msg('upgrade', true, 0, 50), { ...msg('upgradeResponse', false, 50, 100), status: 'refused' }, msg('request', true, 100, 150)];
    load(['websocket'], 120);
    render(<Explainers />);
    expect(within(card('WebSockets')).getByText(/a proxy refuses the upgrade: the lane falls back to long polling/)).toBeTruthy();
    expect(currentStep('WebSockets')).toBeNull();
  });

  it('say nothing about a refused upgrade when the upgrade worked', () => {
    TRACES.websocket = [msg('upgrade', true, 0, 50), msg('upgradeResponse', false, 50, 100)];
    load(['websocket'], 120);
    render(<Explainers />);
    expect(within(card('WebSockets')).queryByText(/refuses the upgrade/)).toBeNull();
    expect(currentStep('WebSockets')).toMatch(/^From then on the connection stays open/);
  });

  it('light nothing before the first message', () => {
    load(['polling'], 300);
    render(<Explainers />);
    expect(currentStep('Polling')).toBeNull();
  });
});
