import { describe, expect, it } from 'vitest';
import { parseScenario } from '../sim/scenario/validate.ts';
import { recordRun } from '../sim/recording.ts';
import type { ScenarioInput } from '../sim/scenario/schema.ts';
import { formatLine, formatTranscript, linesUpTo, narrate } from './narrate.ts';
import { formatMs } from '../ui/format.ts';

const run = (input: ScenarioInput) => {
  const parsed = parseScenario({ version: 1, ...input });
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  return recordRun(parsed.scenario, 5);
};

describe('the narrated transcript', () => {
  it('tells one polling client’s cycle step by step, with the round trip of each answer', () => {
    const recording = run({ clients: 1, durationSec: 5, mechanisms: ['polling'], events: { ratePerSec: 0 }, polling: { intervalMs: 2000 } });
    const text = narrate(recording).map(formatLine);
    const [connect, request, response] = recording.mechanisms.polling!.trace;
    expect([connect.kind, request.kind, response.kind]).toEqual(['connect', 'request', 'response']);
    const at = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
    // d = 50 ms: the TCP + TLS 1.3 handshake is two round trips, a poll's answer one (+ service).
    expect(connect.arriveMs - connect.sendMs).toBeGreaterThanOrEqual(200);
    expect(response.arriveMs - request.sendMs).toBeGreaterThanOrEqual(100);
    expect(text.slice(0, 3)).toEqual([
      `${at(connect.arriveMs)} — Polling: client 1 opens a connection (handshake ${formatMs(connect.arriveMs - connect.sendMs)}).`,
      `${at(request.sendMs)} — Polling: client 1 sends a poll.`,
      `${at(response.arriveMs)} — Polling: client 1's poll comes back empty after ${formatMs(response.arriveMs - request.sendMs)}.`,
    ]);
  });

  it('gives every traced message one line, in time order', () => {
    const recording = run({ clients: 3, durationSec: 20, events: { ratePerSec: 1 }, webhook: { outages: [{ startSec: 5, durationSec: 5 }] } });
    const lines = narrate(recording);
    const messages = Object.values(recording.mechanisms).reduce((n, m) => n + m.trace.length, 0);
    expect(lines).toHaveLength(messages);
    for (let i = 1; i < lines.length; i++) expect(lines[i].atMs).toBeGreaterThanOrEqual(lines[i - 1].atMs);
    const webhook = lines.filter((l) => l.mechanism === 'webhook').map((l) => l.text);
    expect(webhook).toContain('receiver 1 answers attempt 1 with 503: it will be retried');
    expect(webhook.some((t) => /^the provider sends attempt [2-9] to receiver \d/.test(t))).toBe(true);
  });

  it('does not pair answers with requests when client messages share the lane', () => {
    const recording = run({ clients: 2, durationSec: 20, mechanisms: ['polling'], clientMessages: { ratePerSec: 1 } });
    const text = narrate(recording).map((l) => l.text);
    expect(text.some((t) => t.includes('sends an HTTP request'))).toBe(true);
    expect(text.some((t) => t.includes(' after '))).toBe(false);
  });

  it('finds the lines up to a playhead, inclusive', () => {
    const lines = narrate(run({ clients: 2, durationSec: 10, mechanisms: ['sse'] }));
    const t = lines[3].atMs;
    const n = linesUpTo(lines, t);
    expect(lines.slice(0, n).every((l) => l.atMs <= t)).toBe(true);
    expect(lines.slice(n).every((l) => l.atMs > t)).toBe(true);
    expect(linesUpTo(lines, -1)).toBe(0);
    expect(formatTranscript(lines.slice(0, n)).split('\n')).toHaveLength(n);
  });
});
