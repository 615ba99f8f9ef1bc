import type { MechanismId } from '../../sim/scenario/types.ts';
import { MECHANISM_STYLES } from '../mechanismStyle.ts';
import type { Point } from './chartData.ts';
import type { LineSpec } from './TimeChart.tsx';

/**
 * Stroke widths by registry order, widest first: lines that lie on top of each other (polling,
 * long polling and webhooks all near 5 requests/s) show as nested stripes of every colour instead
 * of the last one drawn hiding the others.
 */
const NESTED_WIDTHS: Record<MechanismId, number> = { polling: 5, longPolling: 3.75, sse: 2.75, websocket: 2, webhook: 1.5 };

/** The width of a mechanism's line where lines may overlap. */
export const nestedWidth = (id: MechanismId): number => NESTED_WIDTHS[id];

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
    strokeWidth: options.strokeWidth ?? nestedWidth(id),
    opacity: options.opacity,
  };
}
