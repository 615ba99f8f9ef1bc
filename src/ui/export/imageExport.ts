import type { RunRecording } from '../../sim/recording.ts';
import type { ChartId } from '../charts/ChartCard.tsx';
import { mechanismsOf, mechanismsWithEmpties } from '../charts/chartData.ts';
import { MECHANISM_LABELS } from '../mechanisms.ts';
import { MECHANISM_STYLES } from '../mechanismStyle.ts';
import { exportFileName } from './fileNames.ts';
import { canvasToPngBlob, svgToCanvas } from './rasterize.ts';
import { snapshotSvg, type LegendEntry } from './svgSnapshot.ts';

// The pictures a person can export: all lanes stacked, or one chart. Each is found on the page by
// the data attributes the views carry for exports, and drawn from what is on screen right now.

export type ImageTargetId = 'lanes' | ChartId;

export interface ImageTarget {
  id: ImageTargetId;
  label: string;
  selector: string;
}

const chart = (id: ChartId, label: string): ImageTarget => ({ id, label, selector: `figure.chart-card[data-chart="${id}"]` });

export const IMAGE_TARGETS: readonly ImageTarget[] = [
  { id: 'lanes', label: 'Lanes (every mechanism, stacked)', selector: '[data-region="lanes"]' },
  chart('requests', 'Chart: requests per second'),
  chart('empty', 'Chart: empty responses'),
  chart('latency', 'Chart: latency distribution'),
  chart('bytes', 'Chart: bytes, overhead and payload'),
  chart('connections', 'Chart: open connections'),
  chart('load', 'Chart: server load'),
];

/** PNGs are drawn at twice the CSS size, sharp on high-density screens and slides. */
const PNG_SCALE = 2;

export interface ImageFile {
  blob: Blob;
  fileName: string;
}

/** The page background of the current colour scheme (light or dark). */
function schemeBackground(): string | undefined {
  const colour = getComputedStyle(document.documentElement).getPropertyValue('--bg').trim();
  return colour === '' ? undefined : colour;
}

function legendFor(target: ImageTargetId, recording: RunRecording): LegendEntry[] | undefined {
  if (target === 'lanes') return undefined;
  const ids = target === 'empty' ? mechanismsWithEmpties(recording) : mechanismsOf(recording);
  return ids.map((id) => ({ label: `${MECHANISM_STYLES[id].symbol} ${MECHANISM_LABELS[id]}`, color: MECHANISM_STYLES[id].color, dash: MECHANISM_STYLES[id].dash }));
}

function titleFor(target: ImageTargetId, root: Element, scenarioName: string, playheadMs: number): string {
  if (target === 'lanes') return `On the wire — ${scenarioName}, at ${(playheadMs / 1000).toFixed(1)} s`;
  const heading = root.querySelector('h3')?.textContent.trim() ?? target;
  // Time charts draw the run up to the playhead; the latency chart's own title already says when.
  const when = /\bat [\d.,]+ s\b/.test(heading) ? '' : `, 0–${Math.floor(playheadMs / 1000)} s`;
  return `${heading} — ${scenarioName}${when}`;
}

/** A standalone SVG or PNG of the target as it is drawn now; throws a readable Error if it cannot. */
export async function exportImage(
  targetId: ImageTargetId,
  format: 'svg' | 'png',
  recording: RunRecording,
  playheadMs: number,
): Promise<ImageFile> {
  const target = IMAGE_TARGETS.find((t) => t.id === targetId);
  const root = target ? document.querySelector(target.selector) : null;
  if (!target || !root?.querySelector('svg:not([aria-hidden="true"])')) {
    throw new Error(targetId === 'lanes' ? 'There are no lanes to draw: no mechanism is selected.' : 'That chart is not on the page.');
  }
  const scenarioName = recording.scenario.name;
  const snapshot = snapshotSvg(root, {
    title: titleFor(targetId, root, scenarioName, playheadMs),
    background: schemeBackground(),
    legend: legendFor(targetId, recording),
  });
  const fileName = exportFileName(scenarioName, targetId, playheadMs, format);
  if (format === 'svg') {
    return { blob: new Blob([`<?xml version="1.0" encoding="UTF-8"?>\n${snapshot.svg}\n`], { type: 'image/svg+xml' }), fileName };
  }
  const canvas = await svgToCanvas(snapshot.svg, snapshot.width, snapshot.height, PNG_SCALE);
  return { blob: await canvasToPngBlob(canvas), fileName };
}
