import type { UrlParams } from '../state/urlParams.ts';

// What a first visit opens on (issue 11, item 4): the preset that shows the headline lesson —
// polling's empty answers and added latency against push, on the same events — playing at a
// speed where each 100 ms trip takes a fifth of a second, so the lesson is on screen within about
// 30 s. A share link, a named preset or an embedded frame opens on what it names instead.

export const OPENING_PRESET_ID = 'first-look';
export const OPENING_SPEED = 0.5;

/** The address the page opened with, with the opening filled in when it names nothing. */
export function withOpening(params: UrlParams, hash: string): UrlParams {
  const namesSomething = params.embed || params.preset !== null || hash.replace(/^#/, '') !== '';
  return namesSomething ? params : { ...params, preset: OPENING_PRESET_ID, autoplay: true };
}
