import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { MECHANISMS } from '../sim/mechanisms/registry.ts';
import { MECHANISM_IDS } from '../sim/scenario/types.ts';
import { LEGEND } from './lanes/messageKinds.ts';
import { clientName, MECHANISM_VIEWS, serverName } from './mechanismViews.ts';

// What the page knows per mechanism lives in one view file each (views/), registered in
// mechanismViews.ts (issue 11, item 8): no other file of the page branches on a mechanism's id.

const UI = dirname(fileURLToPath(import.meta.url));
const IDS = MECHANISM_IDS.join('|');
const QUOTED = `['"\`](?:${IDS})['"\`]`;
// `x === 'sse'`, `'sse' !== x`, `case 'sse':`.
const BRANCH = new RegExp(`[!=]==?\\s*${QUOTED}|${QUOTED}\\s*[!=]==?|\\bcase\\s+${QUOTED}\\s*:`, 'g');

/** Each place in `text` that compares something with a mechanism's id, as the text matched. */
const idBranches = (text: string): string[] => [...text.matchAll(BRANCH)].map((m) => m[0]);

/** The page's source files outside views/ and the registry, tests left out, relative to src/ui. */
function pageFiles(): string[] {
  return readdirSync(UI, { recursive: true, encoding: 'utf8' })
    .map((file) => file.split('\\').join('/'))
    .filter((file) => /\.tsx?$/.test(file) && !/\.test\.tsx?$/.test(file) && !file.startsWith('views/') && file !== 'mechanismViews.ts');
}

describe('the mechanism-view registry', () => {
  it('has one view for every mechanism the engine registers, named with the engine module’s label', () => {
    expect(Object.keys(MECHANISM_VIEWS).sort()).toEqual([...MECHANISM_IDS].sort());
    expect(Object.keys(MECHANISM_VIEWS).sort()).toEqual(Object.keys(MECHANISMS).sort());
    for (const id of MECHANISM_IDS) expect(MECHANISM_VIEWS[id].label, id).toBe(MECHANISMS[id].label);
  });

  it('gives every view its own colour, line style and symbol', () => {
    const views = Object.values(MECHANISM_VIEWS);
    for (const key of ['color', 'dash', 'symbol'] as const) expect(new Set(views.map((v) => v[key])).size, key).toBe(views.length);
  });

  it('names both ends of a lane from the view’s nouns', () => {
    expect([clientName('polling', 0), clientName('webhook', 2), serverName('sse'), serverName('webhook')]).toEqual([
      'Client 1',
      'Receiver 3',
      'Server',
      'Provider',
    ]);
  });

  it('lists in the legend every shape a view can draw, and lists each entry for some view', () => {
    const glyphs = new Set(LEGEND.map((entry) => entry.glyph));
    for (const id of MECHANISM_IDS) for (const glyph of MECHANISM_VIEWS[id].legend) expect(glyphs.has(glyph), `${id}: ${glyph}`).toBe(true);
    for (const entry of LEGEND) expect(entry.mechanisms.length, entry.glyph).toBeGreaterThan(0);
    expect(LEGEND.find((entry) => entry.glyph === 'held')?.mechanisms).toEqual(['longPolling', 'websocket']);
  });
});

describe('the page’s files outside the views', () => {
  it('never branch on a mechanism’s id', () => {
    const files = pageFiles();
    expect(files).toContain('lanes/laneText.ts');
    const found = files.flatMap((file) => idBranches(readFileSync(join(UI, file), 'utf8')).map((match) => `${file}: ${match}`));
    expect(found).toEqual([]);
  });

  it('are read by a check that finds comparisons with an id on either side and case labels, not ids as data', () => {
    const source = [
      "const a = id === 'webhook' ? 1 : 2;",
      'if ("sse" !== kind) return;',
      "switch (id) { case 'longPolling': break; }",
      "highlight: lane('polling'), mechanisms: ['sse', 'websocket']",
    ].join('\n');
    expect(idBranches(source)).toEqual(["=== 'webhook'", '"sse" !==', "case 'longPolling':"]);
  });
});
