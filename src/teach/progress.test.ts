import { describe, expect, it } from 'vitest';
import { parseProgress, progressLabel, serializeProgress, type Progress } from './progress.ts';

describe('challenge progress in localStorage', () => {
  const ids = ['wasted-polls', 'bidirectional-chat', 'polling-latency'];

  it('round-trips predictions and errors, an infinite error included', () => {
    const progress: Progress = {
      'wasted-polls': { prediction: { kind: 'number', value: 40 }, errorRatio: 0.4 },
      'bidirectional-chat': { prediction: { kind: 'choice', value: 'websocket' }, errorRatio: 0 },
      'polling-latency': { prediction: { kind: 'number', value: 3 }, errorRatio: Infinity },
    };
    const back = parseProgress(serializeProgress(progress), ids);
    expect(back['wasted-polls']).toEqual(progress['wasted-polls']);
    expect(back['bidirectional-chat']).toEqual(progress['bidirectional-chat']);
    expect(back['polling-latency'].errorRatio).toBeGreaterThan(1e300);
  });

  it('drops damaged entries and unknown challenges instead of failing', () => {
    expect(parseProgress('{not json', ids)).toEqual({});
    expect(parseProgress('[1,2]', ids)).toEqual({});
    const text = JSON.stringify({
      'wasted-polls': { prediction: { kind: 'number', value: 'lots' } },
      'bidirectional-chat': { prediction: { kind: 'choice', value: 'sse' }, errorRatio: -3 },
      'no-such-challenge': { prediction: { kind: 'skipped' } },
    });
    expect(parseProgress(text, ids)).toEqual({ 'bidirectional-chat': { prediction: { kind: 'choice', value: 'sse' }, errorRatio: null } });
  });

  it('labels each state for the list', () => {
    expect(progressLabel(undefined, false)).toBe('Not tried yet');
    expect(progressLabel({ prediction: { kind: 'skipped' }, errorRatio: null }, false)).toBe('Watched without a prediction');
    expect(progressLabel({ prediction: { kind: 'number', value: 1 }, errorRatio: 0.05 }, false)).toBe('Done: within 10 %');
    expect(progressLabel({ prediction: { kind: 'number', value: 1 }, errorRatio: 0.34 }, false)).toBe('Done: 34 % off');
    expect(progressLabel({ prediction: { kind: 'choice', value: 'sse' }, errorRatio: 1 }, true)).toBe('Done: you picked another answer');
  });
});
