import type { MechanismId } from '../../sim/scenario/types.ts';

// The qualitative claims of the seed notes' comparison table (shared/seed-notes.md, "Comparison
// Table"), shown beside the measured value so a learner can check each one. SSE is not in that
// table; its entries are ours and say so.

export type ClaimColumn = 'latency' | 'bandwidth' | 'serverLoad' | 'reliability';

const OURS = ' (ours)';

export const CLAIMS: Record<ClaimColumn, Record<MechanismId, string>> = {
  latency: { polling: 'High', longPolling: 'Lower', sse: `Very low${OURS}`, websocket: 'Very low', webhook: 'Event-driven' },
  bandwidth: {
    polling: 'Inefficient',
    longPolling: 'More efficient',
    sse: `Efficient${OURS}`,
    websocket: 'Most efficient',
    webhook: 'Efficient',
  },
  serverLoad: { polling: 'High', longPolling: 'Moderate-High', sse: `Low${OURS}`, websocket: 'Low (if optimized)', webhook: 'Low' },
  reliability: { polling: 'High', longPolling: 'Moderate', sse: `High${OURS}`, websocket: 'High', webhook: 'Depends on retries' },
};
