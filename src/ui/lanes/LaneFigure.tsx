import { AnimatePresence, m as motion, useReducedMotion } from 'framer-motion';
import type { MechanismId } from '../../sim/scenario/types.ts';
import { clientName, MECHANISM_VIEWS, serverName } from '../mechanismViews.ts';
import {
  handshakePosition,
  laneLayout,
  lingerOpacity,
  snapProgress,
  tripProgress,
  visibleLabels,
  type LaneLayout,
} from './laneGeometry.ts';
import type { Flight, LaneModel, LaneSnapshot } from './laneState.ts';
import { glyphOf, isDropped, shortLabel } from './messageKinds.ts';
import { describeLane } from './laneText.ts';
import { MessageGlyph } from './MessageGlyph.tsx';
import { ServerBadges } from './ServerBadges.tsx';
import { useElementWidth } from '../useElementWidth.ts';

// The moving picture of one lane: a row per traced client, the server column at the right, and
// every message placed from the playhead (STYLE.md §9). framer-motion only brings open streams
// and the server's badges in and out; it never moves a message.

interface Props {
  id: MechanismId;
  model: LaneModel;
  snapshot: LaneSnapshot;
  playheadMs: number;
  /** Traced clients drawn (the first `rows`), at most model.rows. */
  rows: number;
  rowHeight: number;
}

interface PlacedFlight {
  flight: Flight;
  position: number;
  label: string;
  above: boolean;
  /** Pixels along the row that keep glyphs snapped to the same place (reduced motion) apart. */
  dx: number;
}

const STACK_PX = 14;

/** With reduced motion messages snap to three places: those sharing one are set side by side, toward the middle. */
function spreadSnapped(placed: PlacedFlight[]): PlacedFlight[] {
  const seen = new Map<string, number>();
  return placed.map((item) => {
    const key = `${String(item.flight.message.client)}:${String(item.position)}:${String(item.above)}`;
    const k = seen.get(key) ?? 0;
    seen.set(key, k + 1);
    const inward = item.position >= 0.75 ? -1 : 1;
    return k === 0 ? item : { ...item, dx: inward * k * STACK_PX };
  });
}

function placeFlight(flight: Flight, id: MechanismId, playheadMs: number, connectMs: number, reduced: boolean): PlacedFlight {
  const { message } = flight;
  const raw = tripProgress(message.sendMs, message.arriveMs, playheadMs);
  const progress = reduced ? snapProgress(raw) : raw;
  // Webhook connections are opened by the provider, every other one by the client.
  const position =
    message.kind === 'connect'
      ? handshakePosition(progress, (message.arriveMs - message.sendMs) / connectMs, MECHANISM_VIEWS[id].serverOpens)
      : message.up ? progress : 1 - progress;
  const label = isDropped(message) ? `${shortLabel(message, id)} · dropped` : shortLabel(message, id);
  return { flight, position, label, above: message.up || message.kind === 'connect', dx: 0 };
}

function FlightMark({ placed, id, layout, playheadMs, showLabel, reduced }: {
  placed: PlacedFlight;
  id: MechanismId;
  layout: LaneLayout;
  playheadMs: number;
  showLabel: boolean;
  reduced: boolean;
}) {
  const { message } = placed.flight;
  const glyph = glyphOf(message);
  const dropped = isDropped(message);
  const color = MECHANISM_VIEWS[id].color;
  return (
    <g
      transform={`translate(${layout.x(placed.position) + placed.dx} ${layout.rowY(message.client)})`}
      opacity={lingerOpacity(playheadMs - message.arriveMs, reduced)}
    >
      <g opacity={dropped ? 0.45 : 1}>
        <MessageGlyph glyph={glyph} color={color} direction={message.up ? 1 : -1} />
      </g>
      {dropped && <MessageGlyph glyph="dropped" color={color} />}
      {showLabel && (
        <text
          y={placed.above ? -Math.round(layout.rowHeight * 0.25) : Math.round(layout.rowHeight * 0.45)}
          textAnchor="middle"
          className={`flight-label${glyph === 'failed' || glyph === 'refused' ? ' is-error' : ''}`}
        >
          {placed.label}
        </text>
      )}
    </g>
  );
}

/** The server down (over the server column) and the receivers down (over the client column). */
function OutageBands({ snapshot, layout }: { snapshot: LaneSnapshot; layout: LaneLayout }) {
  return (
    <>
      {snapshot.outages.map((outage) => {
        const atServer = outage.kind === 'serverDown';
        const x = atServer ? layout.serverX : 0;
        const width = atServer ? layout.serverWidth - 1 : layout.clientX;
        return (
          <g key={`${outage.kind}-${outage.startMs}`} className="lane-outage">
            <rect x={x} y={layout.top - 22} width={width} height={layout.height - layout.top + 20} rx={6} />
            <text x={x + width / 2} y={layout.height - 6} textAnchor="middle" className="lane-outage-label">
              {atServer ? 'down' : '503'}
            </text>
          </g>
        );
      })}
    </>
  );
}

export function LaneFigure({ id, model, snapshot, playheadMs, rows: shownRows, rowHeight }: Props) {
  const [ref, width] = useElementWidth(400);
  const reduced = useReducedMotion() ?? false;
  const layout = laneLayout(width, shownRows, rowHeight);
  const color = MECHANISM_VIEWS[id].color;
  const transition = reduced ? { duration: 0 } : { duration: 0.18 };
  const serverMid = layout.serverX + layout.serverWidth / 2;
  const connectMs = Math.max(1, 2 * model.oneWayMs);
  const rows = Array.from({ length: shownRows }, (_, i) => i);
  const shown = snapshot.flights.filter((flight) => flight.message.client < shownRows);
  const unspread = shown.map((flight) => placeFlight(flight, id, playheadMs, connectMs, reduced));
  const placed = reduced ? spreadSnapped(unspread) : unspread;
  const labelled = visibleLabels(
    placed.map(({ flight, position, label, above, dx }) => ({
      x: layout.x(position) + dx,
      row: flight.message.client,
      above,
      text: label,
      inFlight: playheadMs <= flight.endMs,
    })),
  );
  return (
    <div ref={ref} className="lane-figure">
      <svg width={layout.width} height={layout.height} role="img" aria-label={describeLane(id, snapshot, playheadMs)}>
        <motion.rect
          x={layout.serverX}
          y={Math.max(1, layout.top - 22)}
          width={layout.serverWidth - 1}
          height={layout.height - Math.max(1, layout.top - 22) - 1}
          rx={6}
          fill={color}
          stroke="var(--border)"
          initial={false}
          animate={{ fillOpacity: snapshot.held.length + snapshot.retries.length > 0 ? 0.3 : 0.1 }}
          transition={transition}
        />
        <text x={serverMid} y={layout.top - 5} textAnchor="middle" className="lane-end-label">
          {serverName(id)}
        </text>
        <OutageBands snapshot={snapshot} layout={layout} />
        {rows.map((row) => (
          <g key={row}>
            <text x={0} y={layout.rowY(row) + 4} className="lane-client-label">
              {clientName(id, row)}
            </text>
            <line x1={layout.clientX} x2={layout.serverX} y1={layout.rowY(row)} y2={layout.rowY(row)} className="lane-row-line" />
            <rect x={layout.clientX - 4} y={layout.rowY(row) - 9} width={4} height={18} className="lane-client-node" />
          </g>
        ))}
        <AnimatePresence>
          {snapshot.streams.filter((stream) => stream.client < shownRows).map((stream) => (
            <motion.line
              key={`stream-${stream.client}-${stream.startMs}`}
              x1={layout.clientX}
              x2={layout.serverX}
              y1={layout.rowY(stream.client)}
              y2={layout.rowY(stream.client)}
              stroke={color}
              strokeWidth={6}
              className="lane-stream"
              initial={{ opacity: 0 }}
              animate={{ opacity: 1 }}
              exit={{ opacity: 0 }}
              transition={transition}
            />
          ))}
        </AnimatePresence>
        {snapshot.cuts.map((cut) => (
          <g key={`cut-${cut.client}-${cut.startMs}`} transform={`translate(${layout.serverX - 10} ${layout.rowY(cut.client)})`}>
            <MessageGlyph glyph="proxyCut" color={color} />
          </g>
        ))}
        <ServerBadges
          snapshot={{
            ...snapshot,
            held: snapshot.held.filter((h) => h.client < shownRows),
            retries: snapshot.retries.filter((r) => r.client < shownRows),
          }}
          layout={layout}
          color={color}
          playheadMs={playheadMs}
          transition={transition}
          retriesAtServer={MECHANISM_VIEWS[id].serverOpens}
        />
        {placed.map((item, i) => (
          <FlightMark
            key={item.flight.key}
            placed={item}
            id={id}
            layout={layout}
            playheadMs={playheadMs}
            showLabel={labelled[i]}
            reduced={reduced}
          />
        ))}
      </svg>
    </div>
  );
}
