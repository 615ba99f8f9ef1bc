import { describe, expect, it } from 'vitest';
import { describeLane, logSentence, spanSentence } from './laneText.ts';
import { ArrivalLog } from './eventLog.ts';
import { buildLaneModel, laneSnapshot } from './laneState.ts';
import { msg, recordingOf, span } from './testTrace.ts';
import { connectionId } from '../../sim/trace/types.ts';

const plain = (text: string) => text.replaceAll('\u00a0', ' ');

describe('logSentence', () => {
  it('says when, where, who to whom, what and how long, in one line', () => {
    const response = msg('response', 1, 12_350, { arriveMs: 12_400, events: 1, bytes: 1150 });
    expect(plain(logSentence(response, 'longPolling'))).toBe(
      '12.40 s · Long polling · Client 2 ← Server: response with 1 event (1.15 kB), 50 ms on the wire',
    );
  });

  it('names the two ends of a webhook lane and counts attempts', () => {
    const failed = msg('webhookResponse', 0, 3050, { arriveMs: 3100, attempt: 2, status: 'failed', bytes: 250 });
    expect(plain(logSentence(failed, 'webhook'))).toBe('3.10 s · Webhooks · Receiver 1 → Provider: 503: attempt 2 failed (250 B), 50 ms on the wire');
  });

  it('tells an empty poll, a handshake and a message lost when its connection was cut', () => {
    expect(plain(logSentence(msg('response', 0, 1000, { bytes: 250 }), 'polling'))).toContain('empty response with no news');
    expect(plain(logSentence(msg('connect', 4, 0, { arriveMs: 200 }), 'sse'))).toBe(
      '0.20 s · SSE · Client 5 ⇄ Server: handshake opening a new connection, 200 ms',
    );
    expect(plain(logSentence(msg('wsFrame', 2, 900, { events: 1, bytes: 204, status: 'dropped' }), 'websocket'))).toBe(
      '0.95 s · WebSockets · Client 3 ← Server: frame with 1 event (204 B), dropped when the connection was cut',
    );
  });

  it('tells a client-message POST from a poll by the connection it used', () => {
    const post = msg('request', 0, 0, { bytes: 850, connection: connectionId(0, 'side', 1) });
    expect(plain(logSentence(post, 'polling'))).toContain('Server: client-message POST (850 B)');
    expect(plain(logSentence({ ...post, kind: 'response', up: false }, 'polling'))).toContain('answer to the client-message POST');
    expect(plain(logSentence(msg('request', 0, 0, { bytes: 700 }), 'polling'))).toContain('Server: poll request (700 B)');
  });
});

describe('describeLane', () => {
  it('sums up held requests and what is in flight, with the events responses carry', () => {
    const recording = recordingOf({
      longPolling: {
        trace: [
          msg('request', 0, 200),
          msg('request', 1, 200),
          msg('request', 2, 200),
          msg('request', 3, 200),
          msg('response', 3, 1000, { events: 2 }),
          msg('response', 4, 1010, { events: 1 }),
        ],
        spans: [span('held', 0, 250, Infinity), span('held', 1, 250, Infinity), span('held', 2, 250, Infinity), span('held', 3, 250, 1000)],
      },
    });
    const model = buildLaneModel('longPolling', recording.mechanisms.longPolling!, recording);
    const snapshot = laneSnapshot(model, recording.mechanisms.longPolling!, recording, 1020);
    expect(describeLane('longPolling', snapshot, 1020)).toBe(
      'Long polling: 3 requests held at the server, 2 responses in flight carrying 3 events.',
    );
  });

  it('says when the server is down, a client waits to reconnect and a proxy just cut a connection', () => {
    const recording = recordingOf({
      sse: { trace: [], spans: [span('serverDown', -1, 4000, 9000), span('proxyCut', 1, 4500, 4500), span('retryWait', 1, 4550, 7550)] },
    });
    const model = buildLaneModel('sse', recording.mechanisms.sse!, recording);
    expect(describeLane('sse', laneSnapshot(model, recording.mechanisms.sse!, recording, 5000), 5000)).toBe(
      'SSE: the server is down, 1 client waiting to reconnect, 1 connection just cut by the proxy.',
    );
  });

  it('says so when nothing is on the wire', () => {
    const recording = recordingOf({ sse: { trace: [msg('sseEvent', 0, 100, { events: 1 })] } });
    const model = buildLaneModel('sse', recording.mechanisms.sse!, recording);
    expect(describeLane('sse', laneSnapshot(model, recording.mechanisms.sse!, recording, 5000), 5000)).toBe('SSE: nothing on the wire.');
  });
});

describe('ArrivalLog', () => {
  const recording = recordingOf({
    polling: { trace: [msg('request', 0, 0), msg('response', 0, 51)] },
    sse: { trace: [msg('sseEvent', 1, 20, { events: 1 }), msg('sseEvent', 1, 3000, { events: 1 })] },
  });
  const log = new ArrivalLog(recording);

  it('orders every lane’s messages by arrival and shows the latest up to the playhead, newest first', () => {
    expect(log.arrivedBy(101)).toBe(3);
    expect(log.latest(log.arrivedBy(101), 2).map((e) => [e.id, e.message?.kind])).toEqual([
      ['polling', 'response'],
      ['sse', 'sseEvent'],
    ]);
    expect(log.latest(log.arrivedBy(10), 30)).toEqual([]);
  });

  it('summarises a stretch of time per lane, and has nothing to say when nothing arrived', () => {
    expect(plain(log.summary(0, 101) ?? '')).toBe('At 0.10 s: 3 messages arrived (Polling 2, SSE 1).');
    expect(log.summary(101, 2000)).toBeNull();
  });

  it('puts what the engine decided between the messages: a hold when it ends, a wait and an outage when they begin', () => {
    const withSpans = new ArrivalLog(
      recordingOf({
        longPolling: {
          trace: [msg('request', 0, 200), msg('response', 0, 2300)],
          spans: [span('held', 0, 250, 2300, { outcome: 'timedOut' }), span('held', 0, 2400, Infinity)],
        },
        webhook: {
          trace: [],
          spans: [span('receiverDown', -1, 1000, 5000), span('retryWait', 0, 1100, 3100, { attempt: 2 }), span('deadLetter', 0, 9000, 9000, { attempt: 8 })],
        },
      }),
    );
    const lines = withSpans
      .latest(withSpans.arrivedBy(3000), 30)
      .map((e) => plain(e.message ? logSentence(e.message, e.id) : spanSentence(e.span, e.id)));
    expect(lines).toEqual([
      '2.35 s · Long polling · Client 1 ← Server: empty response after the long-poll timeout, 50 ms on the wire',
      '2.30 s · Long polling · Client 1: request held 2.05 s at the server, answered empty at the timeout',
      '1.10 s · Webhooks · Receiver 1: waits 2.00 s before attempt 2',
      '1.00 s · Webhooks · Receivers: every attempt is answered 503 for 4.00 s',
      '0.25 s · Long polling · Client 1 → Server: long-poll request, 50 ms on the wire',
    ]);
    // The hold still open when the run stopped has no end to report; the summary counts messages.
    expect(withSpans.entries).toHaveLength(6);
    expect(plain(withSpans.summary(0, 3000) ?? '')).toBe('At 3.00 s: 2 messages arrived (Long polling 2).');
  });
});
