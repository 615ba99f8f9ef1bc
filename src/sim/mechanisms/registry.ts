import type { MechanismRegistry } from './mechanism.ts';
import { pollingModule } from './polling.ts';
import { longPollingModule } from './longPolling.ts';
import { sseModule } from './sse.ts';
import { websocketModule } from './websocket.ts';
import { webhookModule } from './webhook.ts';

/** Every mechanism by id. Adding one is a new module and one line here (STYLE.md §6). */
export const MECHANISMS: MechanismRegistry = {
  polling: pollingModule,
  longPolling: longPollingModule,
  sse: sseModule,
  websocket: websocketModule,
  webhook: webhookModule,
};
