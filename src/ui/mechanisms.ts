import type { MechanismId } from '../sim/scenario/types.ts';

/** How each mechanism is named on screen. */
export const MECHANISM_LABELS: Record<MechanismId, string> = {
  polling: 'Polling',
  longPolling: 'Long polling',
  sse: 'SSE',
  websocket: 'WebSockets',
  webhook: 'Webhooks',
};
