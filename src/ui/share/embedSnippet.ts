import type { ShareView } from '../../state/shareState.ts';

// The <iframe> snippet "Copy embed code" produces. Attribute values are escaped: the URL and the
// scenario name come from the user's state, and the snippet is pasted into other people's pages.

export const EMBED_VIEWS: { view: ShareView; label: string }[] = [
  { view: 'lanes+scoreboard', label: 'Lanes and scoreboard' },
  { view: 'lanes', label: 'Lanes (messages on the wire)' },
  { view: 'charts', label: 'Live charts' },
  { view: 'scoreboard', label: 'Scoreboard' },
];

/** 16:9 frame sizes from the smallest the embed layout supports to full HD. */
export const EMBED_SIZES: { width: number; height: number }[] = [
  { width: 480, height: 270 },
  { width: 640, height: 360 },
  { width: 960, height: 540 },
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
];

/** Playback speeds offered for a frame: the lab's slow study speed up to a quick overview. */
export const EMBED_SPEEDS: readonly number[] = [0.25, 0.5, 1, 2, 5, 10];

/**
 * The start time field's text as a playhead in ms, or null when it is not a number of seconds
 * from 0 to the run's duration.
 */
export function startMsOf(text: string, durationSec: number): number | null {
  if (text.trim() === '') return null;
  const seconds = Number(text);
  if (!Number.isFinite(seconds) || seconds < 0 || seconds > durationSec) return null;
  return Math.round(seconds * 1000);
}

const escapeAttribute = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function embedSnippet(url: string, title: string, width: number, height: number): string {
  return (
    `<iframe src="${escapeAttribute(url)}" width="${String(width)}" height="${String(height)}" ` +
    `title="${escapeAttribute(`Push/Pull Lab: ${title}`)}" style="border:0" loading="lazy" allow="fullscreen"></iframe>`
  );
}
