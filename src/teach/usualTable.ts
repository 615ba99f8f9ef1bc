import type { MechanismTotals } from '../sim/metrics/types.ts';
import { MECHANISM_IDS, type MechanismId, type Scenario } from '../sim/scenario/types.ts';
import { formatBytes, formatInteger, formatMs, formatPercent, formatRate } from '../ui/format.ts';
import { MECHANISM_LABELS } from '../ui/mechanisms.ts';
import { connectionMemoryMb } from './closedForms.ts';

// "The usual table" (issue 13, item 3): the comparison table of the seed notes (shared/seed-notes.md,
// "Comparison Table") rebuilt for the current run. Each cell holds the usual word and the measured
// figure beside it, and a flag with one sentence where the measurement contradicts the word. SSE is
// not in the seed's table; its words are ours and say so.

export const FEATURES = ['communication', 'connection', 'latency', 'bandwidth', 'serverLoad', 'complexity', 'reliability'] as const;
export type Feature = (typeof FEATURES)[number];

export const FEATURE_LABELS: Record<Feature, string> = {
  communication: 'Communication',
  connection: 'Connection',
  latency: 'Latency',
  bandwidth: 'Bandwidth',
  serverLoad: 'Server load',
  complexity: 'Complexity',
  reliability: 'Reliability',
};

const OURS = ' (ours)';

export const USUAL_WORDS: Record<Feature, Record<MechanismId, string>> = {
  communication: { polling: 'Client-initiated', longPolling: 'Client-initiated', sse: `Server-initiated stream${OURS}`, websocket: 'Bidirectional', webhook: 'Server-initiated' },
  connection: { polling: 'Repeated HTTP', longPolling: 'Repeated HTTP', sse: `Persistent HTTP${OURS}`, websocket: 'Persistent TCP', webhook: 'HTTP callback' },
  latency: { polling: 'High', longPolling: 'Lower', sse: `Very low${OURS}`, websocket: 'Very low', webhook: 'Event-driven' },
  bandwidth: { polling: 'Inefficient', longPolling: 'More efficient', sse: `Efficient${OURS}`, websocket: 'Most efficient', webhook: 'Efficient' },
  serverLoad: { polling: 'High', longPolling: 'Moderate-High', sse: `Low${OURS}`, websocket: 'Low (if optimized)', webhook: 'Low' },
  complexity: { polling: 'Simple', longPolling: 'Moderate', sse: `Simple${OURS}`, websocket: 'Complex', webhook: 'Moderate' },
  reliability: { polling: 'High', longPolling: 'Moderate', sse: `High${OURS}`, websocket: 'High', webhook: 'Depends on retries' },
};

export interface Cell {
  word: string;
  measured: string;
  /** Why the measurement contradicts the word, in one sentence; null when it does not. */
  flag: string | null;
}

export interface UsualTableData {
  mechanisms: MechanismId[];
  cells: Record<Feature, Partial<Record<MechanismId, Cell>>>;
}

/** What the flag rules read: the run's totals per mechanism and the scenario. */
export interface TableContext {
  scenario: Scenario;
  totals: Partial<Record<MechanismId, MechanismTotals>>;
}

const bytesOf = (t: MechanismTotals) => t.bytes.up + t.bytes.down;
/** Bytes per delivered event, or null when nothing was delivered. */
export const bytesPerEvent = (t: MechanismTotals): number | null => (t.events.delivered > 0 ? bytesOf(t) / t.events.delivered : null);
/**
 * Stream requests beyond each client's first, per client. SSE clients also POST their own messages
 * (expected: clients × rate × duration), which are not reconnections.
 */
function reconnectsPerClient(id: MechanismId, t: MechanismTotals, scenario: Scenario): number {
  const { clients, clientMessages, durationSec } = scenario;
  const posts = id === 'sse' ? clients * clientMessages.ratePerSec * durationSec : 0;
  return Math.max(0, (t.requests - clients - posts) / clients);
}
/** A load difference smaller than this ratio is noise, not a contradiction. */
const LOAD_RATIO = 1.5;
const PUSH: readonly MechanismId[] = ['sse', 'websocket'];

function others(ctx: TableContext, ids: readonly MechanismId[]): MechanismTotals[] {
  return ids.flatMap((id) => (ctx.totals[id] ? [ctx.totals[id]] : []));
}

/** The flag rules, one per (feature, mechanism) that has one. Each returns a sentence or null. */
export function flagFor(feature: Feature, id: MechanismId, ctx: TableContext): string | null {
  const t = ctx.totals[id];
  if (!t) return null;
  const d = ctx.scenario.network.latencyMs;
  const label = MECHANISM_LABELS[id];
  switch (feature) {
    case 'connection': {
      if (!PUSH.includes(id)) return null;
      const reconnects = reconnectsPerClient(id, t, ctx.scenario);
      return reconnects >= 1
        ? `Each client reconnected ${formatRate(reconnects)} times: proxy cuts or restarts turned the persistent connection into a repeated one.`
        : null;
    }
    case 'latency': {
      const mean = t.latencyMs.mean;
      if (mean === null) return null;
      if (id === 'polling') {
        return mean <= 3 * d ? `A mean of ${formatMs(mean)}, within three network delays: polls this frequent are not slow, only costly.` : null;
      }
      if (id === 'longPolling') {
        const polling = ctx.totals.polling?.latencyMs.mean ?? null;
        return polling !== null && mean >= polling ? `Long polling was no faster than polling here (${formatMs(mean)} against ${formatMs(polling)}).` : null;
      }
      return mean > 3 * d
        ? `A mean of ${formatMs(mean)}, over three network delays of ${formatMs(d)}: connection setup, losses, cuts or retries kept events waiting.`
        : null;
    }
    case 'bandwidth': {
      const own = bytesPerEvent(t);
      if (own === null) return null;
      const push = others(ctx, PUSH).map(bytesPerEvent).filter((b): b is number => b !== null);
      if (id === 'polling' && push.length > 0 && own <= 1.5 * Math.min(...push)) {
        return `${formatBytes(own)} per event, within 1.5× of push: when most polls carry news (or headers are small), polling wastes little.`;
      }
      if (id === 'longPolling') {
        const polling = ctx.totals.polling ? bytesPerEvent(ctx.totals.polling) : null;
        return polling !== null && own >= polling
          ? `${formatBytes(own)} per event against polling’s ${formatBytes(polling)}: each long poll answers with a few events and a full set of headers, so it saved nothing here.`
          : null;
      }
      if (id === 'websocket') {
        const rivals = MECHANISM_IDS.filter((other) => other !== 'websocket' && ctx.totals[other])
          .map((other) => ({ other, bytes: bytesPerEvent(ctx.totals[other] as MechanismTotals) }))
          .filter((r): r is { other: MechanismId; bytes: number } => r.bytes !== null && r.bytes < own);
        return rivals.length > 0
          ? `${MECHANISM_LABELS[rivals[0].other]} used fewer bytes per event (${formatBytes(rivals[0].bytes)} against ${formatBytes(own)}).`
          : null;
      }
      return null;
    }
    case 'serverLoad': {
      const util = t.serverUtilization ?? 0;
      const polling = ctx.totals.polling;
      if (id === 'polling') {
        const pushUtil = others(ctx, PUSH).map((p) => p.serverUtilization ?? 0);
        return pushUtil.length > 0 && util * LOAD_RATIO <= Math.max(...pushUtil)
          ? `Polling kept the server less busy than push did (${formatPercent(util)}): writing every event to every open stream costs work too.`
          : null;
      }
      if (PUSH.includes(id) && polling && t.peakMemoryKb >= 2 * polling.peakMemoryKb && t.peakMemoryKb > 0) {
        return `${label} held ${formatRate(t.peakMemoryKb / 1024)} MB for ${formatInteger(t.peakOpenConnections)} open connections, against polling’s ${formatRate(polling.peakMemoryKb / 1024)} MB: little CPU, but memory for every idle client.`;
      }
      if (polling && util > LOAD_RATIO * (polling.serverUtilization ?? 0)) {
        const cause = id === 'longPolling' ? 'every answer is a full request' : id === 'webhook' ? 'every event is a signed request' : 'every event is written to every open connection';
        return `${formatPercent(util)} busy, over 1.5× polling’s ${formatPercent(polling.serverUtilization)}: ${cause}.`;
      }
      return null;
    }
    case 'reliability': {
      if (id === 'webhook') return null;
      if (id === 'longPolling') {
        return t.events.lost === 0 && t.events.duplicates === 0 && t.events.delivered > 0
          ? 'Nothing was lost or duplicated: each long poll asks for what came after the last event it saw, as reliable as polling here.'
          : null;
      }
      return t.events.lost > 0 ? `${formatInteger(t.events.lost)} events were lost, ${formatPercent(t.events.lost / Math.max(1, t.events.created))} of those created.` : null;
    }
    default:
      return null;
  }
}

function measuredText(feature: Feature, id: MechanismId, t: MechanismTotals, ctx: TableContext): string {
  const clients = ctx.scenario.clients;
  switch (feature) {
    case 'communication':
      return id === 'webhook'
        ? `${formatInteger(t.requests)} POSTs from the provider`
        : `${formatRate(t.requestsPerSec)} requests/s from the clients`;
    case 'connection':
      return `${formatRate(t.requests / clients)} requests per client, ${formatInteger(t.peakOpenConnections)} open at the peak`;
    case 'latency':
      return t.latencyMs.mean === null ? 'nothing delivered' : `mean ${formatMs(t.latencyMs.mean)}, p95 ${formatMs(t.latencyMs.p95)}`;
    case 'bandwidth': {
      const perEvent = bytesPerEvent(t);
      return perEvent === null ? `${formatBytes(bytesOf(t))}, nothing delivered` : `${formatBytes(perEvent)} per event, ${formatPercent(t.bytes.overhead / bytesOf(t))} overhead`;
    }
    case 'serverLoad':
      return `${formatPercent(t.serverUtilization)} busy, ${formatRate(connectionMemoryMb(t.peakOpenConnections, ctx.scenario.server.memoryPerConnectionKb))} MB at the peak`;
    case 'complexity':
      return 'not measured: a property of the code, not of the run';
    case 'reliability':
      return `${formatInteger(t.events.lost)} lost, ${formatInteger(t.events.duplicates)} duplicates of ${formatInteger(t.events.created)}`;
  }
}

export function usualTable(ctx: TableContext): UsualTableData {
  const mechanisms = MECHANISM_IDS.filter((id) => ctx.totals[id]);
  const cells = Object.fromEntries(FEATURES.map((feature) => [feature, {}])) as UsualTableData['cells'];
  for (const feature of FEATURES) {
    for (const id of mechanisms) {
      const t = ctx.totals[id] as MechanismTotals;
      cells[feature][id] = { word: USUAL_WORDS[feature][id], measured: measuredText(feature, id, t, ctx), flag: flagFor(feature, id, ctx) };
    }
  }
  return { mechanisms, cells };
}
