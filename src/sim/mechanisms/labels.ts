import type { MechanismId } from '../scenario/types.ts';

// Each mechanism's human name, in tables, the CLI and the page. Its own module, so the page can
// name mechanisms without loading the engine (which runs in the worker); each mechanism module
// takes its label from here.

export const MECHANISM_LABELS: Record<MechanismId, string> = {
  polling: 'Polling',
  longPolling: 'Long polling',
  sse: 'SSE',
  websocket: 'WebSockets',
  webhook: 'Webhooks',
};
