import { describe, expect, it } from 'vitest';
import { TraceRecorder } from './recorder.ts';
import { connectionId, NO_CONNECTION } from './types.ts';

const main = (client: number, ordinal = 1) => connectionId(client, 'main', ordinal);

describe('TraceRecorder', () => {
  it('keeps only the sampled clients, and server-wide spans once', () => {
    const trace = new TraceRecorder(2);
    trace.record('request', 1, true, 0, 50, 0, 700, 'ok', 0, main(1));
    trace.record('request', 2, true, 0, 50, 0, 700, 'ok', 0, main(2));
    trace.open('held', 2, main(2), 50);
    trace.span('serverDown', -1, NO_CONNECTION, 1000, 2000);
    expect(trace.messages.map((m) => m.client)).toEqual([1]);
    expect(trace.spans.map((s) => [s.kind, s.client])).toEqual([['serverDown', -1]]);
    const untraced = new TraceRecorder(0);
    untraced.span('serverDown', -1, NO_CONNECTION, 1000, 2000);
    expect(untraced.spans).toEqual([]);
  });

  it('ends an open span when it is answered, or every open span of a connection when it is cut', () => {
    const trace = new TraceRecorder(2);
    trace.open('held', 0, main(0), 250);
    trace.open('stream', 1, main(1), 250);
    trace.open('held', 1, main(1), 300);
    trace.end('held', main(0), 900, 'answered');
    trace.cut(main(1), 1250, 'proxyCut');
    trace.end('held', main(1), 1300, 'timedOut'); // already ended by the cut: no effect
    expect(trace.spans.map((s) => [s.kind, s.client, s.endMs, s.outcome])).toEqual([
      ['held', 0, 900, 'answered'],
      ['stream', 1, 1250, 'proxyCut'],
      ['held', 1, 1250, 'proxyCut'],
    ]);
  });

  it('marks dropped only what was in flight on the cut connection, or on every connection of the client', () => {
    const trace = new TraceRecorder(1);
    const side = connectionId(0, 'side', 1);
    trace.record('request', 0, true, 900, 950, 0, 700, 'ok', 0, main(0));
    trace.record('request', 0, true, 1000, 1050, 0, 800, 'ok', 0, side);
    trace.record('response', 0, false, 1100, 1150, 1, 450, 'ok', 0, main(0));
    trace.markDropped(0, main(0), 1120);
    expect(trace.messages.map((m) => m.status)).toEqual(['ok', 'ok', 'dropped']);
    trace.record('response', 0, false, 1200, 1250, 0, 250, 'ok', 0, side);
    trace.markDropped(0, NO_CONNECTION, 1210);
    expect(trace.messages.map((m) => m.status)).toEqual(['ok', 'ok', 'dropped', 'dropped']);
  });

  it('stops at its caps and says which one it hit', () => {
    const trace = new TraceRecorder(1, 2, 1);
    for (let i = 0; i < 3; i++) trace.record('ping', 0, false, i, i + 50, 0, 2, 'ok', 0, main(0));
    trace.span('proxyCut', 0, main(0), 10, 10);
    expect([trace.messages.length, trace.truncated, trace.spansTruncated]).toEqual([2, true, false]);
    trace.open('stream', 0, main(0, 2), 20);
    trace.cut(main(0, 2), 30, 'serverDown'); // the span that did not fit ends nothing
    expect([trace.spans.length, trace.spansTruncated]).toEqual([1, true]);
    expect(trace.spans[0].kind).toBe('proxyCut');
  });
});
