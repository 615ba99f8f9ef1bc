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

const escapeAttribute = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function embedSnippet(url: string, title: string, width: number, height: number): string {
  return (
    `<iframe src="${escapeAttribute(url)}" width="${String(width)}" height="${String(height)}" ` +
    `title="${escapeAttribute(`Push/Pull Lab: ${title}`)}" style="border:0" loading="lazy" allow="fullscreen"></iframe>`
  );
}
