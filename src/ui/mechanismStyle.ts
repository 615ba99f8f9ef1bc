import type { MechanismId } from '../sim/scenario/types.ts';
import { MECHANISM_VIEWS } from './mechanismViews.ts';

// Colour, line style and symbol per mechanism, read from the one registry (mechanismViews.ts).

export interface MechanismStyle {
  color: string;
  /** SVG stroke-dasharray; "none" for a solid line. */
  dash: string;
  /** A short symbol shown in legends beside the name. */
  symbol: string;
}

export const MECHANISM_STYLES: Record<MechanismId, MechanismStyle> = Object.fromEntries(
  Object.entries(MECHANISM_VIEWS).map(([id, v]) => [id, { color: v.color, dash: v.dash, symbol: v.symbol }]),
) as Record<MechanismId, MechanismStyle>;
