import type { MechanismId } from '../../sim/scenario/types.ts';
import type { MechanismText } from '../views/view.ts';
import { MECHANISM_VIEWS } from '../mechanismViews.ts';

// Teaching text for each mechanism, read from its view (views/*.ts). The steps are numbered in the
// order the animation performs them: the view's step rule returns an index into them, so changing
// their number or order means changing it there too.

export const MECHANISM_TEXTS: Record<MechanismId, MechanismText> = Object.fromEntries(
  Object.entries(MECHANISM_VIEWS).map(([id, v]) => [id, v.text]),
) as Record<MechanismId, MechanismText>;
