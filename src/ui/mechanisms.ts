import type { MechanismId } from '../sim/scenario/types.ts';
import { MECHANISM_VIEWS } from './mechanismViews.ts';

/** How each mechanism is named on screen: the registry's label (mechanismViews.ts). */
export const MECHANISM_LABELS: Record<MechanismId, string> = Object.fromEntries(
  Object.entries(MECHANISM_VIEWS).map(([id, v]) => [id, v.label]),
) as Record<MechanismId, string>;
