import type { Beat } from './beats.ts';
import { CONNECTION_TALKS } from './talks/connections.ts';
import { POLLING_AND_PUSH_TALKS } from './talks/pollingAndPush.ts';
import { WEBHOOK_TALKS } from './talks/webhooks.ts';

// Presenter mode's talks, one per preset, gathered from talks/ (one file per group of talks); what a
// beat is and how it points at the page is in beats.ts. Every number a caption quotes is checked
// against the engine in scripts.test.ts.

export { CHART_IDS, LANE_IDS, REGION_IDS, highlightSelector, type Beat, type Highlight, type RegionId } from './beats.ts';

export const PRESENTER_SCRIPTS: Readonly<Record<string, readonly Beat[]>> = {
  ...POLLING_AND_PUSH_TALKS,
  ...WEBHOOK_TALKS,
  ...CONNECTION_TALKS,
};

/** The beats of a preset's talk, or none. */
export function scriptOf(presetId: string | null): readonly Beat[] {
  if (presetId === null || !Object.hasOwn(PRESENTER_SCRIPTS, presetId)) return [];
  return PRESENTER_SCRIPTS[presetId] ?? [];
}

export function hasScript(presetId: string | null): boolean {
  return scriptOf(presetId).length > 0;
}
