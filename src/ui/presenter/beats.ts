import type { ChartId } from '../charts/ChartCard.tsx';
import { MECHANISM_IDS, type MechanismId } from '../../sim/scenario/types.ts';

// Presenter mode (issue 4, item 4): a preset can carry a short talk, one beat per slide. A beat
// moves the playhead, says one thing in a sentence or two and points at the part of the lab that
// shows it: what a beat is, what it may point at, and the helpers the talks (talks/) are written with.

export const REGION_IDS = ['lanes', 'scoreboard', 'charts', 'explain', 'log'] as const;
export type RegionId = (typeof REGION_IDS)[number];

export const CHART_IDS = ['requests', 'empty', 'latency', 'bytes', 'connections', 'load'] as const satisfies readonly ChartId[];

export const LANE_IDS = MECHANISM_IDS;

/** The element a beat points at: a page region, one mechanism's lane, or one chart. */
export type Highlight =
  | { kind: 'region'; id: RegionId }
  | { kind: 'lane'; id: MechanismId }
  | { kind: 'chart'; id: ChartId };

export interface Beat {
  caption: string;
  /** Where the playhead goes, in simulated ms. */
  atMs: number;
  highlight: Highlight;
  /** Start playing from atMs instead of pausing there. */
  play?: boolean;
}

/** The CSS selector of a highlight's element (the data attributes the lab's views carry). */
export function highlightSelector(highlight: Highlight): string {
  return `[data-${highlight.kind}="${highlight.id}"]`;
}

/** What a beat points at, as the talks write it: region(…), lane(…) or chart(…). */
export const region = (id: RegionId): Highlight => ({ kind: 'region', id });
export const lane = (id: MechanismId): Highlight => ({ kind: 'lane', id });
export const chart = (id: ChartId): Highlight => ({ kind: 'chart', id });
