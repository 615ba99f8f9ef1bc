import { describe, expect, it } from 'vitest';
import { heldRequests, openStreams, retryWaits } from './traceSpans.ts';
import { msg } from './testTrace.ts';

const spans = (items: { client: number; startMs: number; endMs: number }[]) =>
  items.map(({ client, startMs, endMs }) => [client, startMs, endMs]).sort((a, b) => a[0] - b[0] || a[1] - b[1]);

describe('heldRequests', () => {
  it('holds a long poll from its arrival until the response is sent', () => {
    const trace = [msg('request', 0, 200), msg('response', 0, 5250, { events: 1 }), msg('request', 0, 5300)];
    // The second request is still parked when the run ends at 9 s.
    expect(spans(heldRequests(trace, [], 9000, 1))).toEqual([
      [0, 250, 5250],
      [0, 5350, 9000],
    ]);
  });

  it('answers a quick POST that arrives while a long poll is parked without ending the hold', () => {
    const trace = [
      msg('request', 1, 200),
      msg('request', 1, 1000, { bytes: 800 }),
      msg('response', 1, 1051),
      msg('response', 1, 4000, { events: 2 }),
    ];
    expect(spans(heldRequests(trace, [], 9000, 1))).toEqual([[1, 250, 4000]]);
  });

  it('ends every hold of a client at a close, and of every client at a server restart', () => {
    const trace = [msg('request', 0, 200), msg('request', 1, 300), msg('close', 0, 3000), msg('request', 1, 7000)];
    expect(spans(heldRequests(trace, [6000], 9000, 1))).toEqual([
      [0, 250, 3000],
      [1, 350, 6000],
      [1, 7050, 9000],
    ]);
  });

  it('does not count plain service time or a request lost on the way as held', () => {
    const trace = [msg('request', 0, 0), msg('response', 0, 51), msg('request', 2, 100, { status: 'dropped' })];
    expect(heldRequests(trace, [], 9000, 1)).toEqual([]);
  });
});

describe('retryWaits', () => {
  const attempt = (client: number, n: number, sendMs: number, status: 'ok' | 'failed' = 'ok') =>
    msg('webhookAttempt', client, sendMs, { attempt: n, events: 1, status });
  const answer = (client: number, n: number, sendMs: number, status: 'ok' | 'failed' | 'timedOut') =>
    msg('webhookResponse', client, sendMs, { attempt: n, status });

  it('waits from the arrival of a 503 until the next attempt is sent', () => {
    const trace = [
      attempt(0, 1, 1000, 'failed'),
      answer(0, 1, 1050, 'failed'),
      attempt(0, 2, 2100, 'failed'),
      answer(0, 2, 2150, 'failed'),
      attempt(0, 3, 4200),
      answer(0, 3, 4255, 'ok'),
    ];
    expect(retryWaits(trace, 10_000, 60_000).map((w) => [w.startMs, w.endMs, w.nextAttempt])).toEqual([
      [1100, 2100, 2],
      [2200, 4200, 3],
    ]);
  });

  it('notices a late answer at the timeout, not when the answer arrives', () => {
    const trace = [attempt(3, 1, 1000), answer(3, 1, 12_000, 'timedOut'), attempt(3, 2, 12_000)];
    expect(retryWaits(trace, 10_000, 60_000).map((w) => [w.client, w.startMs, w.endMs])).toEqual([[3, 11_000, 12_000]]);
  });

  it('ends the wait when the next attempt starts opening its connection', () => {
    const trace = [attempt(0, 1, 1000, 'failed'), answer(0, 1, 1050, 'failed'), msg('connect', 0, 2100, { arriveMs: 2300 }), attempt(0, 2, 2300)];
    expect(retryWaits(trace, 10_000, 60_000).map((w) => [w.startMs, w.endMs])).toEqual([[1100, 2100]]);
  });

  it('has no wait after the last attempt fails, and no wait for a delivered event', () => {
    const trace = [attempt(0, 1, 1000), answer(0, 1, 1055, 'ok'), attempt(1, 8, 1000, 'failed'), answer(1, 8, 1050, 'failed')];
    expect(retryWaits(trace, 10_000, 60_000)).toEqual([]);
  });

  it('pairs each failure with its own next attempt when two deliveries fail at once', () => {
    const trace = [
      attempt(0, 1, 1000, 'failed'),
      answer(0, 1, 1050, 'failed'),
      attempt(0, 1, 1500, 'failed'),
      answer(0, 1, 1550, 'failed'),
      attempt(0, 2, 2100),
      attempt(0, 2, 2600),
    ];
    expect(retryWaits(trace, 10_000, 60_000).map((w) => [w.startMs, w.endMs])).toEqual([
      [1100, 2100],
      [1600, 2600],
    ]);
  });
});

describe('openStreams', () => {
  it('opens an SSE stream when the response head arrives and closes it at a close or a restart', () => {
    const trace = [
      msg('request', 0, 200),
      msg('response', 0, 251),
      msg('sseEvent', 0, 900, { events: 1 }),
      msg('close', 0, 5000),
      msg('request', 0, 8000),
      msg('response', 0, 8051),
      msg('request', 1, 200),
      msg('response', 1, 251),
    ];
    expect(spans(openStreams(trace, 'sse', [20_000], 30_000))).toEqual([
      [0, 301, 5000],
      [0, 8101, 20_000],
      [1, 301, 20_000],
    ]);
  });

  it('opens a WebSocket on the 101 answer only, not on a refused upgrade', () => {
    const trace = [
      msg('upgradeResponse', 0, 251),
      msg('upgradeResponse', 1, 251, { status: 'refused' }),
      msg('request', 1, 400),
      msg('response', 1, 451),
    ];
    expect(spans(openStreams(trace, 'websocket', [], 10_000))).toEqual([[0, 301, 10_000]]);
  });
});
