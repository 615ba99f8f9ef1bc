import { describe, expect, it } from 'vitest';
import { buildLaneModel, laneSnapshot } from './laneState.ts';
import { msg, recordingOf, span } from './testTrace.ts';

describe('the state of a lane at a playhead', () => {
  const recording = recordingOf(
    {
      longPolling: {
        trace: [
          msg('request', 0, 200),
          msg('request', 1, 200),
          msg('response', 0, 2300, { events: 2, bytes: 650 }),
          msg('request', 0, 2350),
        ],
        spans: [span('held', 0, 250, 2300, { outcome: 'answered' }), span('held', 1, 250, Infinity), span('held', 0, 2400, Infinity)],
        series: { openConnections: [2, 40, 40], serverUtilization: [0.001, 0.25, 0.5], requests: [2, 7, 9] },
      },
    },
    { clients: 40 },
    3,
  );
  const mechanism = recording.mechanisms.longPolling!;
  const model = buildLaneModel('longPolling', mechanism, recording);

  it('has one row per traced client, at most the clients of the scenario', () => {
    expect(model.rows).toBe(5);
    expect(buildLaneModel('longPolling', mechanism, recordingOf({ longPolling: { trace: [] } }, { clients: 2 })).rows).toBe(2);
  });

  it('lists the messages in flight and the requests held at the server', () => {
    const at = laneSnapshot(model, mechanism, recording, 2325);
    expect(at.flights.map((f) => [f.message.kind, f.message.client])).toEqual([['response', 0]]);
    expect(at.held.map((h) => h.client)).toEqual([1]);
    expect(laneSnapshot(model, mechanism, recording, 2000).held.map((h) => h.client)).toEqual([0, 1]);
  });

  it('keeps a message that just arrived for a moment after its arrival', () => {
    const at = laneSnapshot(model, mechanism, recording, 2400);
    expect(at.flights.map((f) => [f.message.kind, f.message.client])).toEqual([
      ['response', 0],
      ['request', 0],
    ]);
  });

  it('reads the server-side figures of the last whole second, and none before the first', () => {
    const at = laneSnapshot(model, mechanism, recording, 2500);
    expect([at.openConnections, at.serverLoad, at.requestsLastSecond]).toEqual([40, 0.25, 7]);
    const start = laneSnapshot(model, mechanism, recording, 500);
    expect([start.openConnections, start.serverLoad, start.requestsLastSecond]).toEqual([null, null, null]);
  });

  it('draws the engine spans it was given: a hold until the run ends, an outage, a proxy cut for a moment after it', () => {
    const sse = recordingOf({
      sse: { trace: [], spans: [span('stream', 0, 50, 4000, { outcome: 'proxyCut' }), span('proxyCut', 0, 4000, 4000), span('serverDown', -1, 6000, 8000)] },
    });
    const sseModel = buildLaneModel('sse', sse.mechanisms.sse!, sse);
    const at = (ms: number) => laneSnapshot(sseModel, sse.mechanisms.sse!, sse, ms);
    expect(at(3999).streams.map((s) => s.client)).toEqual([0]);
    expect([at(4000).streams, at(4500).cuts.map((c) => c.client), at(5500).cuts]).toEqual([[], [0], []]);
    expect(at(7000).outages.map((o) => o.kind)).toEqual(['serverDown']);
    expect(at(8000).outages).toEqual([]);
    // The request still held at the end of the 3 s run is drawn up to the end.
    expect(model.held.items.map((h) => h.endMs)).toEqual([2300, 3000, 3000]);
  });

  it('parks requests only in the lanes that hold them', () => {
    expect(model.parksRequests).toBe(true);
    const polling = recordingOf({ polling: { trace: [msg('request', 0, 0), msg('response', 0, 3000)] } });
    const pollingModel = buildLaneModel('polling', polling.mechanisms.polling!, polling);
    expect(pollingModel.parksRequests).toBe(false);
    expect(pollingModel.held.items).toEqual([]);
  });
});
