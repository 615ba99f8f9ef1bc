import { describe, expect, it } from 'vitest';
import { exportFileName, playheadTag, scenarioFileName, scenarioSlug } from './fileNames.ts';

describe('export file names', () => {
  it('are named after the scenario, what they hold and the playhead second', () => {
    expect(exportFileName('Chat room', 'latency', 42_700, 'png')).toBe('chat-room-latency-t042s.png');
    expect(exportFileName('Chat room', 'scoreboard', 42_000, 'csv')).toBe('chat-room-scoreboard-t042s.csv');
    expect(exportFileName('Chat room', 'lanes', 0, 'svg')).toBe('chat-room-lanes-t000s.svg');
  });

  it('name a scenario file after the scenario alone', () => {
    expect(scenarioFileName('Chat room')).toBe('chat-room.scenario.json');
  });

  it('keep three digits of seconds at least, and more for long runs', () => {
    expect(playheadTag(999)).toBe('t000s');
    expect(playheadTag(7_000)).toBe('t007s');
    expect(playheadTag(86_400_000)).toBe('t86400s');
  });

  it('slug any name to lower-case letters, digits and single hyphens', () => {
    expect(scenarioSlug('Payment webhooks — receiver outage (5 min)')).toBe('payment-webhooks-receiver-outage-5-min');
    expect(scenarioSlug('  ../../etc/passwd ')).toBe('etc-passwd');
    expect(scenarioSlug('10,000 idle connections')).toBe('10-000-idle-connections');
  });

  it('fall back to "scenario" when nothing of the name is left', () => {
    expect(scenarioSlug('')).toBe('scenario');
    expect(scenarioSlug('日本語')).toBe('scenario');
    expect(scenarioFileName('!!!')).toBe('scenario.scenario.json');
  });
});
