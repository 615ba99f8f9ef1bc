import { describe, expect, it } from 'vitest';
import type { TraceMessage } from '../../sim/trace/types.ts';
import { activeStep } from './activeStep.ts';

const msg = (kind: TraceMessage['kind'], up: boolean, sendMs: number, arriveMs: number, status: TraceMessage['status'] = 'ok'): TraceMessage => ({
  kind, client: 0, up, sendMs, arriveMs, events: 0, bytes: 100, status, attempt: 0,
});

describe('the step a mechanism is in', () => {
  const polling = [msg('request', true, 100, 150), msg('response', false, 151, 201)];
  it('follows a poll: asking, answering, waiting', () => {
    expect(activeStep('polling', polling, 50)).toBe(-1);
    expect(activeStep('polling', polling, 120)).toBe(0);
    expect(activeStep('polling', polling, 180)).toBe(1);
    expect(activeStep('polling', polling, 900)).toBe(2);
  });

  const longPoll = [msg('request', true, 0, 50), msg('response', false, 4000, 4050), msg('request', true, 4050, 4100)];
  it('shows a long poll parked at the server between its arrival and the answer', () => {
    expect(activeStep('longPolling', longPoll, 20)).toBe(0);
    expect(activeStep('longPolling', longPoll, 2000)).toBe(1);
    expect(activeStep('longPolling', longPoll, 4020)).toBe(2);
    expect(activeStep('longPolling', longPoll, 4070)).toBe(0);
  });

  it('shows an SSE event in flight, and the resume after a close', () => {
    const sse = [msg('request', true, 0, 50), msg('response', false, 51, 101), msg('sseEvent', false, 500, 550), msg('close', false, 900, 950)];
    expect(activeStep('sse', sse, 300)).toBe(1);
    expect(activeStep('sse', sse, 520)).toBe(2);
    expect(activeStep('sse', sse, 1200)).toBe(3);
  });

  it('tells WebSocket frames from pings', () => {
    const ws = [msg('upgrade', true, 0, 50), msg('upgradeResponse', false, 51, 101), msg('wsFrame', false, 300, 350), msg('ping', false, 600, 650)];
    expect(activeStep('websocket', ws, 20)).toBe(0);
    expect(activeStep('websocket', ws, 200)).toBe(1);
    expect(activeStep('websocket', ws, 320)).toBe(2);
    expect(activeStep('websocket', ws, 620)).toBe(3);
  });

  it('shows a webhook retry after a failed attempt', () => {
    const wh = [msg('webhookAttempt', false, 0, 50), msg('webhookResponse', true, 50, 100, 'failed')];
    expect(activeStep('webhook', wh, 20)).toBe(0);
    expect(activeStep('webhook', wh, 70)).toBe(2);
    expect(activeStep('webhook', wh, 500)).toBe(2);
  });
});
