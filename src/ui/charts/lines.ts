import type { MechanismId } from '../../sim/scenario/types.ts';
import { MECHANISM_STYLES } from '../mechanismStyle.ts';
import type { Point } from './chartData.ts';
import type { LineSpec } from './TimeChart.tsx';

/** A line in the mechanism's own colour and dash pattern, the same as in the lanes and legends. */
export function mechanismLine(
  id: MechanismId,
  points: readonly Point[] | undefined,
  options: { key?: string; strokeWidth?: number; opacity?: number } = {},
): LineSpec {
  const style = MECHANISM_STYLES[id];
  return {
    key: options.key ?? id,
    points: points ?? [],
    color: style.color,
    dash: style.dash,
    strokeWidth: options.strokeWidth ?? 2,
    opacity: options.opacity,
  };
}
