import { describe, expect, it } from 'vitest';
import { recordRun } from '../../sim/recording.ts';
import { parseScenario } from '../../sim/scenario/validate.ts';
import { laneSpans } from './traceSpans.ts';
import { span } from './testTrace.ts';

const rows = (items: { client: number; startMs: number; endMs: number }[]) => items.map(({ client, startMs, endMs }) => [client, startMs, endMs]);

describe('laneSpans', () => {
  it('sorts the engine spans of a lane into held requests, streams, waits, outages and cuts', () => {
    const lane = laneSpans(
      [
        span('held', 0, 250, 5250, { outcome: 'answered' }),
        span('stream', 1, 300, 4000, { outcome: 'proxyCut' }),
        span('retryWait', 1, 4050, 7050),
        span('serverDown', -1, 6000, 8000),
        span('receiverDown', -1, 1000, 2000),
        span('proxyCut', 1, 4000, 4000),
        span('deadLetter', 2, 3000, 3000, { attempt: 8 }),
      ],
      10_000,
    );
    expect(rows(lane.held)).toEqual([[0, 250, 5250]]);
    expect(lane.held[0].outcome).toBe('answered');
    expect(rows(lane.streams)).toEqual([[1, 300, 4000]]);
    expect(rows(lane.retries)).toEqual([[1, 4050, 7050]]);
    expect(lane.outages).toEqual([
      { kind: 'serverDown', startMs: 6000, endMs: 8000 },
      { kind: 'receiverDown', startMs: 1000, endMs: 2000 },
    ]);
    expect(rows(lane.cuts)).toEqual([[1, 4000, 4000]]);
  });

  it('draws a span still open when the run stopped up to the end of the run, and drops what starts after it', () => {
    const lane = laneSpans([span('held', 0, 5350, Infinity), span('retryWait', 0, 9000, 12_000), span('retryWait', 0, 11_000, 12_000)], 10_000);
    expect(rows(lane.held)).toEqual([[0, 5350, 10_000]]);
    expect(rows(lane.retries)).toEqual([[0, 9000, 10_000]]);
  });
});

describe('the spans of a recorded run', () => {
  // One long-poll client, no events, a 2 s timeout: every request is parked on arrival and
  // answered empty 2 s after its service (1 ms) ends (writing the answer costs no more, with
  // pushServiceMs 0); the next one is sent on the answer's arrival.
  const scenario = parseScenario({
    version: 1,
    durationSec: 10,
    clientStartSpreadSec: 0,
    drainSec: 0,
    clients: 1,
    mechanisms: ['longPolling', 'webhook'],
    events: { ratePerSec: 0 },
    server: { pushServiceMs: 0 },
    longPolling: { timeoutMs: 2000 },
    webhook: { outages: [{ startSec: 3, durationSec: 4 }] },
  });
  if (!scenario.ok) throw new Error(scenario.errors.join('\n'));
  const recording = recordRun(scenario.scenario, 1);

  it('holds each long poll from its arrival until the timeout answer, and keeps the last one open at the end', () => {
    const lane = laneSpans(recording.mechanisms.longPolling?.spans ?? [], recording.durationMs);
    // Request 1 leaves after the handshake (TCP + TLS 1.3: 4 × 50 ms, plus the server's 1.25 ms of
    // worker time to accept the connection, 0.05 ms, and do the TLS handshake, 1.2 ms) at 201.25 ms,
    // arrives at 251.25; held to 251.25 + 1 + 2000 = 2252.25; the answer arrives 2302.25, the next
    // request 2352.25, and so on every 2101 ms. The fifth is still parked when the run stops at 10 s.
    expect(rows(lane.held)).toEqual([
      [0, 251.25, 2252.25],
      [0, 2352.25, 4353.25],
      [0, 4453.25, 6454.25],
      [0, 6554.25, 8555.25],
      [0, 8655.25, 10_000],
    ]);
    expect(lane.held.map((h) => h.outcome)).toEqual(['timedOut', 'timedOut', 'timedOut', 'timedOut', 'open']);
  });

  it('marks the receivers outage once, as the scenario placed it', () => {
    expect(laneSpans(recording.mechanisms.webhook?.spans ?? [], recording.durationMs).outages).toEqual([
      { kind: 'receiverDown', startMs: 3000, endMs: 7000 },
    ]);
  });
});
