import { describe, expect, it } from 'vitest';
import { PRESETS, presetById } from '../../sim/presets/presets.ts';
import { CHART_IDS, hasScript, highlightSelector, LANE_IDS, PRESENTER_SCRIPTS, REGION_IDS, scriptOf } from './scripts.ts';
import { BeatFacts, recordingOf, scenarioOf, type FactChecks } from './talkFacts.testing.ts';
import { CONNECTION_FACTS } from './talks/connections.facts.testing.ts';
import { POLLING_AND_PUSH_FACTS } from './talks/pollingAndPush.facts.testing.ts';
import { WEBHOOK_FACTS } from './talks/webhooks.facts.testing.ts';

// A talk must be true: every beat points at something on the page, and every number a caption
// quotes is what the engine produces for that preset (the checks, one file per group of talks, are
// in talks/*.facts.testing.ts; what they can read about a beat is in talkFacts.testing.ts).

const FACT_CHECKS: FactChecks = { ...POLLING_AND_PUSH_FACTS, ...WEBHOOK_FACTS, ...CONNECTION_FACTS };

const scripts = Object.entries(PRESENTER_SCRIPTS);
const allBeats = scripts.flatMap(([presetId, beats]) => beats.map((beat, index) => ({ presetId, index, beat })));

describe('presenter scripts', () => {
  it.each(PRESETS.map((p) => p.id))('ship for every preset: %s has a talk of four to seven beats', (presetId) => {
    const beats = scriptOf(presetId);
    expect(beats.length).toBeGreaterThanOrEqual(4);
    expect(beats.length).toBeLessThanOrEqual(7);
  });

  it.each(scripts)('%s belongs to an existing preset, and its beats run forward within the run', (presetId, beats) => {
    expect(presetById(presetId)).toBeDefined();
    const durationMs = scenarioOf(presetId).durationSec * 1000;
    beats.forEach((beat, i) => {
      expect(beat.atMs).toBeGreaterThanOrEqual(i === 0 ? 0 : (beats[i - 1]?.atMs ?? 0));
      expect(beat.atMs).toBeLessThanOrEqual(durationMs);
    });
  });

  it.each(scripts)('%s points only at elements the lab shows for that preset', (presetId, beats) => {
    const mechanisms = scenarioOf(presetId).mechanisms;
    for (const { highlight } of beats) {
      if (highlight.kind === 'region') expect(REGION_IDS).toContain(highlight.id);
      if (highlight.kind === 'chart') expect(CHART_IDS).toContain(highlight.id);
      if (highlight.kind === 'lane') {
        expect(LANE_IDS).toContain(highlight.id);
        expect(mechanisms).toContain(highlight.id);
      }
    }
  });

  it('keeps captions short: at most two sentences and 200 characters', () => {
    for (const { beat } of allBeats) {
      expect(beat.caption.length).toBeLessThanOrEqual(200);
      expect(beat.caption.split(/[.!?](?:\s|$)/).filter((s) => s.trim() !== '').length).toBeLessThanOrEqual(2);
    }
  });

  it('checks every caption that quotes a number against the engine', () => {
    const quoting = allBeats.filter(({ beat }) => /\d/.test(beat.caption)).map(({ presetId, index }) => `${presetId} #${String(index)}`);
    const checked = Object.entries(FACT_CHECKS).flatMap(([presetId, checks]) => Object.keys(checks).map((i) => `${presetId} #${i}`));
    expect(quoting.filter((key) => !checked.includes(key))).toEqual([]);
  });

  it('turns a highlight into the selector of its data attribute', () => {
    expect(highlightSelector({ kind: 'chart', id: 'requests' })).toBe('[data-chart="requests"]');
    expect(highlightSelector({ kind: 'lane', id: 'longPolling' })).toBe('[data-lane="longPolling"]');
    expect(highlightSelector({ kind: 'region', id: 'scoreboard' })).toBe('[data-region="scoreboard"]');
  });

  it('knows which presets have a script, and has none for unknown or inherited names', () => {
    expect(hasScript('payment-webhook-outage')).toBe(true);
    expect(hasScript('stock-ticker')).toBe(true);
    expect(hasScript(null)).toBe(false);
    expect(hasScript('constructor')).toBe(false);
    expect(scriptOf('toString')).toEqual([]);
  });
});

describe('every number a caption quotes is what the engine produces', () => {
  const checked = allBeats.filter(({ presetId, index }) => FACT_CHECKS[presetId]?.[index] !== undefined);
  it.each(checked.map((b) => [`${b.presetId} beat ${String(b.index + 1)}: ${b.beat.caption}`, b] as const))(
    '%s',
    (_, { presetId, index, beat }) => {
      FACT_CHECKS[presetId]?.[index]?.(new BeatFacts(recordingOf(presetId), beat));
    },
  );
});
