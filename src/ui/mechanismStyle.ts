import type { MechanismId } from '../sim/scenario/types.ts';

// One colour and one line style per mechanism, everywhere (lanes, charts, scoreboard). Colours are
// the Okabe–Ito palette, distinguishable with the common colour-vision deficiencies; the dash
// pattern carries the same information for anyone who cannot tell them apart, and in print.

export interface MechanismStyle {
  color: string;
  /** SVG stroke-dasharray; "none" for a solid line. */
  dash: string;
  /** A short symbol shown in legends beside the name. */
  symbol: string;
}

export const MECHANISM_STYLES: Record<MechanismId, MechanismStyle> = {
  polling: { color: '#E69F00', dash: 'none', symbol: '●' },
  longPolling: { color: '#56B4E9', dash: '8 4', symbol: '■' },
  sse: { color: '#009E73', dash: '2 3', symbol: '▲' },
  websocket: { color: '#0072B2', dash: '10 3 2 3', symbol: '◆' },
  webhook: { color: '#CC79A7', dash: '4 2', symbol: '▼' },
};
