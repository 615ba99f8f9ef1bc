import { describe, expect, it } from 'vitest';
import { MetricsRecorder } from '../metrics/recorder.ts';
import { parseScenario } from '../scenario/validate.ts';
import { INITIAL_RTO_MS, Network, UNORDERED } from './network.ts';

// The loss rules of network.ts: SYNs wait the initial RTO of 1 s, doubling; a lost segment with
// more of its write behind it is repaired in one RTT; a lost last segment waits the RTO,
// SRTT + max(4·RTTVAR, rtoMs), doubling on repeats.

function networkOf(network: Record<string, unknown>): Network {
  const result = parseScenario({ version: 1, clients: 1, network });
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return new Network(result.scenario, 1, new MetricsRecorder(120, 0, 8, 64, 1, 1024));
}

/** Extra delays seen over many sends, rounded to the ms. */
function extraDelays(send: (t: number) => number, baseMs: number): Set<number> {
  const seen = new Set<number>();
  for (let i = 0; i < 4000; i++) {
    const t = i * 100_000; // far apart, so no send waits for an earlier one
    seen.add(Math.round(send(t) - t - baseMs));
  }
  return seen;
}

describe('loss recovery', () => {
  const d = 50;

  it('makes a lost SYN wait 1 s, then 2 s more (RFC 6298 §2.1), never the data RTO', () => {
    const net = networkOf({ latencyMs: d, lossRate: 0.3 });
    const delays = extraDelays((t) => net.transmitSyn(0, UNORDERED, true, t), d);
    expect(INITIAL_RTO_MS).toBe(1000);
    expect([...delays].sort((a, b) => a - b).slice(0, 4)).toEqual([0, 1000, 3000, 7000]);
  });

  it('computes the RTO as SRTT + max(4·RTTVAR, rtoMs): the 200 ms floor without jitter, 4J/3 above it', () => {
    expect(networkOf({ latencyMs: d }).rtoMs).toBe(2 * d + 200);
    // Jitter J each way: SRTT = 2d + J, RTTVAR = J/3.
    expect(networkOf({ latencyMs: d, jitterMs: 300 }).rtoMs).toBe(2 * d + 300 + 400);
    expect(networkOf({ latencyMs: d, jitterMs: 90 }).rtoMs).toBe(2 * d + 90 + 200);
  });

  it('costs a lost single-segment message one RTO, doubling when the retransmission is lost too', () => {
    const net = networkOf({ latencyMs: d, lossRate: 0.3 });
    const rto = net.rtoMs;
    const delays = extraDelays((t) => net.transmit(0, UNORDERED, false, 500, 0, t), d);
    expect([...delays].sort((a, b) => a - b).slice(0, 3)).toEqual([0, rto, rto + 2 * rto]);
  });

  it('repairs a loss with data behind it in one RTT (fast retransmit / RACK)', () => {
    const net = networkOf({ latencyMs: d, lossRate: 0.05, tls: 'none' });
    // Five segments: a loss among the first four costs SRTT = 2d; only a lost last one costs the RTO.
    const delays = extraDelays((t) => net.transmit(0, UNORDERED, false, 5 * 1448, 0, t), d);
    expect(delays.has(2 * d)).toBe(true);
    expect(delays.has(net.rtoMs)).toBe(true);
    expect([...delays].every((x) => x === 0 || x >= 2 * d)).toBe(true);
  });
});
