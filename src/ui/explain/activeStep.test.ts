import { describe, expect, it } from 'vitest';
import { connectionId, type TraceMessage, type TraceSpan } from '../../sim/trace/types.ts';
import { span } from '../lanes/testTrace.ts';
import { activeStep } from './activeStep.ts';
import { MECHANISM_TEXTS } from './mechanismTexts.ts';

type Extra = Partial<Pick<TraceMessage, 'status' | 'attempt' | 'client' | 'events' | 'connection'>>;
const msg = (kind: TraceMessage['kind'], up: boolean, sendMs: number, arriveMs: number, extra: Extra = {}): TraceMessage => ({
  kind,
  client: 0,
  up,
  sendMs,
  arriveMs,
  events: 0,
  bytes: 100,
  status: 'ok',
  attempt: 0,
  connection: connectionId(0, 'main', 1),
  ...extra,
});

/** The step at each playhead, as 1-based numbers the way the page shows them (0 = none lit). */
const stepsAt = (id: Parameters<typeof activeStep>[0], trace: TraceMessage[], times: number[], spans: TraceSpan[] = []) =>
  times.map((t) => activeStep(id, { trace, spans }, t) + 1);

describe('the step a mechanism is in', () => {
  it('follows a poll: the client asks, the server looks, the answer travels, the client waits', () => {
    const polling = [
      msg('connect', true, 500, 700),
      msg('request', true, 700, 750),
      msg('response', false, 751, 801, { events: 1 }),
      msg('request', true, 2801, 2851),
    ];
    expect(stepsAt('polling', polling, [100, 600, 720, 750.5, 780, 1500, 2820])).toEqual([0, 1, 1, 2, 3, 4, 1]);
  });

  it('shows a long poll parked at the server, and the re-ask after each answer as the blind window', () => {
    const longPoll = [
      msg('connect', true, 0, 200),
      msg('request', true, 200, 250),
      msg('response', false, 4000, 4050, { events: 1 }),
      msg('request', true, 4050, 4100),
    ];
    const held = [span('held', 0, 250, 4000, { outcome: 'answered' }), span('held', 0, 4100, Infinity)];
    expect(stepsAt('longPolling', longPoll, [100, 220, 2000, 4020, 4070, 4500], held)).toEqual([1, 1, 2, 3, 4, 2]);
  });

  it('starts a long poll over while the client waits to retry after its request was cut', () => {
    const cut = [msg('request', true, 200, 250), msg('close', false, 3000, 3050), msg('request', true, 4050, 4100)];
    const spans = [span('held', 0, 250, 3000, { outcome: 'proxyCut' }), span('retryWait', 0, 3050, 4050)];
    expect(stepsAt('longPolling', cut, [1000, 3500, 4060], spans)).toEqual([2, 1, 1]);
  });

  it('follows an SSE stream through events, heartbeats, a drop and the resume with replay', () => {
    const sse = [
      msg('request', true, 0, 50),
      msg('response', false, 51, 101),
      msg('sseEvent', false, 500, 550, { events: 1 }),
      msg('sseHeartbeat', false, 700, 750),
      msg('close', false, 900, 950),
      msg('connect', true, 3950, 4150),
      msg('request', true, 4150, 4200),
      msg('response', false, 4201, 4251, { events: 2 }),
      msg('sseEvent', false, 5000, 5050, { events: 1 }),
    ];
    const spans = [span('stream', 0, 50, 900, { outcome: 'proxyCut' }), span('retryWait', 0, 950, 3950), span('stream', 0, 4200, Infinity)];
    expect(stepsAt('sse', sse, [20, 80, 300, 520, 720, 920, 2000, 4000, 4220, 4300, 5020], spans)).toEqual([
      1, 2, 2, 3, 2, 4, 4, 4, 4, 2, 3,
    ]);
  });

  it('tells WebSocket frames from pings, and a reconnect from the first handshake', () => {
    const ws = [
      msg('upgrade', true, 0, 50),
      msg('upgradeResponse', false, 51, 101),
      msg('wsFrame', false, 300, 350, { events: 1 }),
      msg('ping', false, 600, 650),
      msg('pong', true, 650, 700),
      msg('close', false, 1000, 1050),
      msg('upgrade', true, 2000, 2050),
      msg('upgradeResponse', false, 2051, 2101),
    ];
    const spans = [
      span('stream', 0, 50, 1000, { outcome: 'proxyCut' }),
      span('retryWait', 0, 1050, 2000, { attempt: 1 }),
      span('stream', 0, 2050, Infinity),
    ];
    expect(stepsAt('websocket', ws, [20, 200, 320, 620, 680, 800, 1020, 1500, 2020, 2080, 2500], spans)).toEqual([
      1, 2, 3, 4, 4, 2, 5, 5, 5, 5, 2,
    ]);
  });

  it('lights no step once a proxy refuses the upgrade and the lane falls back', () => {
    const refused = [msg('upgrade', true, 0, 50), msg('upgradeResponse', false, 50, 100, { status: 'refused' }), msg('request', true, 100, 150)];
    expect(stepsAt('websocket', refused, [20, 70, 120, 300])).toEqual([1, 0, 0, 0]);
  });

  it('follows a webhook through a failed attempt, its retry, and a dead letter after the last attempt', () => {
    const wh = [
      msg('webhookAttempt', false, 0, 50, { attempt: 1 }),
      msg('webhookResponse', true, 55, 105, { attempt: 1 }),
      msg('webhookAttempt', false, 1000, 1050, { attempt: 1, status: 'failed' }),
      msg('webhookResponse', true, 1050, 1100, { attempt: 1, status: 'failed' }),
      msg('connect', true, 2100, 2300),
      msg('webhookAttempt', false, 2300, 2350, { attempt: 2, status: 'failed' }),
      msg('webhookResponse', true, 2350, 2400, { attempt: 2, status: 'failed' }),
    ];
    // The engine waits 1 s after the first 503 arrives, and gives up when the second one does.
    const lastAttempt = [span('retryWait', 0, 1100, 2100, { attempt: 2 }), span('deadLetter', 0, 2400, 2400, { attempt: 2 })];
    expect(stepsAt('webhook', wh, [20, 52, 80, 500, 1020, 1070, 1500, 2200, 2320, 2380, 3000], lastAttempt)).toEqual([
      1, 2, 2, 2, 1, 3, 3, 3, 3, 3, 4,
    ]);
    // With more attempts allowed, the second failure only leads to another retry.
    const anotherRetry = [span('retryWait', 0, 1100, 2100, { attempt: 2 }), span('retryWait', 0, 2400, 6400, { attempt: 3 })];
    expect(stepsAt('webhook', wh, [3000], anotherRetry)).toEqual([3]);
  });

  it('reads only the first client, and ignores messages cut in flight and client-message POSTs', () => {
    const trace = [
      msg('request', true, 0, 50),
      msg('response', false, 51, 101),
      msg('request', true, 300, 350, { client: 1 }),
      msg('request', true, 1000, 1050, { connection: connectionId(0, 'side', 1) }),
      msg('request', true, 2000, 2050, { status: 'dropped' }),
    ];
    expect(stepsAt('polling', trace, [320, 1020, 2020])).toEqual([4, 4, 4]);
  });

  it('finds the message that arrived last even when an earlier one was on the wire longer', () => {
    // A slow handshake overlapping quicker messages: the search must not stop too early.
    const trace = [msg('connect', true, 0, 5000), msg('request', true, 100, 150), msg('response', false, 151, 201)];
    expect(stepsAt('polling', trace, [6000, 3000])).toEqual([1, 1]); // arrived last; still in flight
  });

  it('only ever names a step that exists in the text', () => {
    const counts = Object.values(MECHANISM_TEXTS).map((t) => t.steps.length);
    expect(Math.min(...counts)).toBeGreaterThanOrEqual(3);
    expect(Math.max(...counts)).toBeLessThanOrEqual(5);
    expect(MECHANISM_TEXTS.polling.steps).toHaveLength(4);
    expect(MECHANISM_TEXTS.websocket.steps).toHaveLength(5);
    expect(MECHANISM_TEXTS.webhook.steps).toHaveLength(4);
  });
});
