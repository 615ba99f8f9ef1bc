import { AnimatePresence, m as motion, type Transition } from 'framer-motion';
import type { LaneLayout } from './laneGeometry.ts';
import type { LaneSnapshot } from './laneState.ts';

// Badges: a held request in the server column counting up how long it has been parked, and a
// retry wait counting down to the next attempt, at the end that waits (the provider for webhooks,
// the client for a reconnect). framer-motion brings them in and out.

interface Props {
  snapshot: LaneSnapshot;
  layout: LaneLayout;
  color: string;
  playheadMs: number;
  transition: Transition;
  /** Whether the server side waits to retry (a webhook provider) rather than the client. */
  retriesAtServer: boolean;
}

/** Seconds for a badge: "3.2 s" below ten seconds, "12 s" above. */
const badgeSeconds = (ms: number) => `${(ms / 1000).toFixed(ms < 9950 ? 1 : 0)}\u00a0s`;

const badge = { initial: { opacity: 0, scale: 0.6 }, animate: { opacity: 1, scale: 1 }, exit: { opacity: 0, scale: 0.6 } };

export function ServerBadges({ snapshot, layout, color, playheadMs, transition, retriesAtServer }: Props) {
  const serverMid = layout.serverX + layout.serverWidth / 2;
  const retryX = retriesAtServer ? serverMid : layout.clientX + 36;
  // One retry badge per receiver: the wait that ends first, with how many are queued behind it.
  const retriesByRow = new Map<number, { endMs: number; startMs: number; waiting: number }>();
  for (const wait of snapshot.retries) {
    const row = retriesByRow.get(wait.client);
    if (!row || wait.endMs < row.endMs) retriesByRow.set(wait.client, { ...wait, waiting: (row?.waiting ?? 0) + 1 });
    else row.waiting += 1;
  }
  return (
    <AnimatePresence>
      {snapshot.held.map((held) => (
        <motion.g key={`held-${held.client}-${held.startMs}`} {...badge} transition={transition}>
          <g transform={`translate(${serverMid} ${layout.rowY(held.client)})`}>
            <rect x={-29} y={-9} width={58} height={18} rx={9} fill="var(--bg)" stroke="var(--fg)" strokeWidth={1.5} />
            <rect x={-29} y={-9} width={58} height={18} rx={9} fill={color} fillOpacity={0.45} />
            <path d="M-21 -4V4M-17 -4V4" stroke="var(--fg)" strokeWidth={2} />
            <text x={5} y={4} textAnchor="middle" className="badge-label">
              {badgeSeconds(playheadMs - held.startMs)}
            </text>
          </g>
        </motion.g>
      ))}
      {[...retriesByRow].map(([client, wait]) => (
        <motion.g key={`retry-${client}-${wait.startMs}`} {...badge} transition={transition}>
          <g transform={`translate(${retryX} ${layout.rowY(client)})`}>
            <rect x={-29} y={-9} width={58} height={18} rx={9} fill="var(--bg)" stroke="var(--fg)" strokeWidth={1.5} strokeDasharray="3 2" />
            <path d="M-23 -5H-15L-23 5H-15Z" fill="none" stroke="var(--fg)" strokeWidth={1.25} />
            <text x={6} y={4} textAnchor="middle" className="badge-label">
              {badgeSeconds(Math.max(0, wait.endMs - playheadMs))}
            </text>
            {wait.waiting > 1 && (
              <g transform="translate(27 -9)">
                <circle r={7.5} fill="var(--fg)" />
                <text y={3.5} textAnchor="middle" className="badge-count">
                  {wait.waiting}
                </text>
              </g>
            )}
          </g>
        </motion.g>
      ))}
    </AnimatePresence>
  );
}
