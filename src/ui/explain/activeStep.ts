import type { MechanismId } from '../../sim/scenario/types.ts';
import type { TraceMessage } from '../../sim/trace/types.ts';

/**
 * The step (0-based, as in mechanismTexts.ts) that client 0 of a lane is in at the playhead, read
 * from its trace: what is in flight now, or else what happened last. −1 before anything happened.
 */
export function activeStep(id: MechanismId, trace: readonly TraceMessage[], playheadMs: number): number {
  let inFlight: TraceMessage | null = null;
  let last: TraceMessage | null = null;
  for (const m of trace) {
    if (m.client !== 0 || m.sendMs > playheadMs) continue;
    if (m.arriveMs > playheadMs && m.status !== 'dropped') {
      if (!inFlight || m.sendMs >= inFlight.sendMs) inFlight = m;
    } else if (!last || m.arriveMs >= last.arriveMs) {
      last = m;
    }
  }
  if (!inFlight && !last) return -1;
  switch (id) {
    case 'polling':
      if (inFlight) return inFlight.up ? 0 : 1;
      return 2;
    case 'longPolling':
      if (inFlight) return inFlight.up ? 0 : 2;
      // The request arrived and no answer has left: it is parked. Else the client asks again.
      return last?.kind === 'request' ? 1 : 3;
    case 'sse':
      if (inFlight) return inFlight.kind === 'sseEvent' ? 2 : inFlight.kind === 'close' ? 3 : inFlight.up ? 0 : 1;
      return last?.kind === 'close' ? 3 : 1;
    case 'websocket':
      if (inFlight) {
        if (inFlight.kind === 'wsFrame') return 2;
        if (inFlight.kind === 'ping' || inFlight.kind === 'pong') return 3;
        return 0;
      }
      return 1;
    case 'webhook':
      if (inFlight) {
        if (inFlight.kind === 'webhookAttempt' || inFlight.kind === 'connect') return 0;
        return inFlight.status === 'ok' ? 1 : 2;
      }
      if (last?.kind === 'webhookResponse' && last.status !== 'ok') return 2;
      return 1;
  }
}
