import type { MechanismId } from '../sim/scenario/types.ts';
import type { MechanismView } from './views/view.ts';
import { pollingView } from './views/polling.ts';
import { longPollingView } from './views/longPolling.ts';
import { sseView } from './views/sse.ts';
import { websocketView } from './views/websocket.ts';
import { webhookView } from './views/webhook.ts';

// Everything the page knows about each mechanism, by id: one view file each in views/ (name,
// colour and line style, nouns, words, flags, legend shapes, teaching text and step rule). A new
// mechanism adds its view file and one line here, next to its module in the engine's registry.

export const MECHANISM_VIEWS: Record<MechanismId, MechanismView> = {
  polling: pollingView,
  longPolling: longPollingView,
  sse: sseView,
  websocket: websocketView,
  webhook: webhookView,
};

export const viewOf = (id: MechanismId): MechanismView => MECHANISM_VIEWS[id];

/** "Client 3", "Receiver 1": a traced party by its 0-based index. */
export const clientName = (id: MechanismId, client: number): string => {
  const noun = MECHANISM_VIEWS[id].clientNoun;
  return `${noun.charAt(0).toUpperCase()}${noun.slice(1)} ${String(client + 1)}`;
};

/** The other end of a lane ("Server", "Provider"). */
export const serverName = (id: MechanismId): string => MECHANISM_VIEWS[id].serverNoun;
