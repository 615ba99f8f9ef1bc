import type { MechanismTotals } from '../../sim/metrics/types.ts';
import { formatBytes, formatInteger, formatMs, formatPercent, formatRate } from '../format.ts';
import type { ClaimColumn } from './claims.ts';

export interface ScoreColumn {
  header: string;
  value: (t: MechanismTotals) => number | null;
  format: (t: MechanismTotals) => string;
  /** A second, smaller figure under the first (e.g. the overhead share of the bytes). */
  detail?: (t: MechanismTotals) => string | null;
  claim?: ClaimColumn;
}

const bytes = (t: MechanismTotals) => t.bytes.up + t.bytes.down;

export const SCORE_COLUMNS: ScoreColumn[] = [
  { header: 'Requests/s', value: (t) => t.requestsPerSec, format: (t) => formatRate(t.requestsPerSec) },
  { header: 'Empty responses', value: (t) => t.emptyRatio, format: (t) => formatPercent(t.emptyRatio) },
  { header: 'Mean latency', value: (t) => t.latencyMs.mean, format: (t) => formatMs(t.latencyMs.mean), claim: 'latency' },
  { header: 'p95 latency', value: (t) => t.latencyMs.p95, format: (t) => formatMs(t.latencyMs.p95) },
  {
    header: 'Bytes (up + down)',
    value: bytes,
    format: (t) => formatBytes(bytes(t)),
    // Headers, framing and handshakes as a share of everything sent: what push saves.
    detail: (t) => (bytes(t) > 0 ? `${formatPercent(t.bytes.overhead / bytes(t))} overhead` : null),
    claim: 'bandwidth',
  },
  { header: 'Peak open connections', value: (t) => t.peakOpenConnections, format: (t) => formatInteger(t.peakOpenConnections) },
  { header: 'Server load', value: (t) => t.serverUtilization, format: (t) => formatPercent(t.serverUtilization), claim: 'serverLoad' },
  { header: 'Lost events', value: (t) => t.events.lost, format: (t) => formatInteger(t.events.lost), claim: 'reliability' },
  { header: 'Duplicates', value: (t) => t.events.duplicates, format: (t) => formatInteger(t.events.duplicates) },
];
