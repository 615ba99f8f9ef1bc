import { useMemo, type CSSProperties } from 'react';
import type { MechanismId } from '../../sim/scenario/types.ts';
import type { RunRecording } from '../../sim/recording.ts';
import { MECHANISM_VIEWS } from '../mechanismViews.ts';
import { formatInteger, formatPercent } from '../format.ts';
import { formatDuration } from '../time/timeFormat.ts';
import { faultsAt, type FaultWindow } from '../comparison/figures.ts';
import { buildLaneModel, laneSnapshot, type LaneModel, type LaneSnapshot } from './laneState.ts';
import { LaneFigure } from './LaneFigure.tsx';
import { COMPACT_ROW_HEIGHT } from './laneGeometry.ts';
import { LaneStep } from './LaneStep.tsx';

// One mechanism's lane: its name, what its first client is doing now (one line), the moving
// picture of the traced clients, and one line of server-side readouts. Open connections, load and
// requests come from the per-second series, which cover every client; the picture and the held
// and retry counts cover the traced clients only. A fault holding at the playhead is named in the
// lane, and a readout the fault makes stale (connections during a restart) says so.

interface Props {
  id: MechanismId;
  recording: RunRecording;
  playheadMs: number;
  /** Traced clients to draw (all by default). */
  rows?: number;
  rowHeight?: number;
  faults?: readonly FaultWindow[];
  /** Which run this lane is of when two are compared ("A: current"); it leads the heading. */
  run?: { key: string; label: string };
}

function Readouts({ id, model, snapshot, rows, serverDown }: { id: MechanismId; model: LaneModel; snapshot: LaneSnapshot; rows: number; serverDown: boolean }) {
  const view = MECHANISM_VIEWS[id];
  const held = snapshot.held.filter((h) => h.client < rows).length;
  const retries = snapshot.retries.filter((r) => r.client < rows).length;
  return (
    <dl className="lane-readouts">
      {model.parksRequests && (
        <div>
          <dt>Held at server</dt>
          <dd>
            {held} of {rows}
          </dd>
        </div>
      )}
      {view.retries && (
        <div>
          <dt>Retry waits</dt>
          <dd>
            {retries} of {rows}
          </dd>
        </div>
      )}
      <div>
        <dt>Connections</dt>
        <dd>{serverDown ? '0 (server down)' : formatInteger(snapshot.openConnections)}</dd>
      </div>
      <div>
        <dt>Load</dt>
        <dd>{formatPercent(snapshot.serverLoad)}</dd>
      </div>
      <div>
        <dt>{view.requestNoun} last s</dt>
        <dd>{formatInteger(snapshot.requestsLastSecond)}</dd>
      </div>
    </dl>
  );
}

const FAULT_IN_LANE: Record<FaultWindow['kind'], string> = {
  serverDown: 'Server down: every connection dropped, new ones refused',
  receiverOutage: 'Receivers answering 503',
  proxyCut: 'A proxy cut idle connections',
};

const NO_FAULTS: readonly FaultWindow[] = [];

export function Lane({ id, recording, playheadMs, rows = Infinity, rowHeight = COMPACT_ROW_HEIGHT, faults = NO_FAULTS, run }: Props) {
  const mechanism = recording.mechanisms[id];
  const model = useMemo(() => (mechanism ? buildLaneModel(id, mechanism, recording) : null), [id, mechanism, recording]);
  const note = useMemo(() => (mechanism ? MECHANISM_VIEWS[id].note?.(mechanism, recording.scenario) : null), [id, mechanism, recording]);
  if (!mechanism || !model) return null;
  const snapshot = laneSnapshot(model, mechanism, recording, playheadMs);
  const view = MECHANISM_VIEWS[id];
  const clients = recording.scenario.clients;
  const shownRows = Math.min(rows, model.rows);
  const headingId = run ? `lane-${run.key}-${id}-heading` : `lane-${id}-heading`;
  const now = faultsAt(faults, playheadMs).filter((f) => f.mechanisms.includes(id));
  const serverDown = now.some((f) => f.kind === 'serverDown');
  return (
    <section
      className={`lane${now.length > 0 ? ' has-fault' : ''}`}
      aria-labelledby={headingId}
      data-lane={id}
      data-run={run?.key}
      style={{ '--lane-color': view.color } as CSSProperties}
    >
      <div className="lane-head">
        <h3 id={headingId} className="lane-heading">
          {run && <span className="lane-run">{run.label} · </span>}
          <span className="lane-symbol" aria-hidden="true">
            {view.symbol}
          </span>{' '}
          {view.label}
        </h3>
        <span className="lane-shown">
          {shownRows >= clients
            ? `${clients === 1 ? 'the' : 'all'} ${formatInteger(clients)} ${view.clientNoun}${clients === 1 ? '' : 's'} drawn`
            : `${String(shownRows)} of ${formatInteger(clients)} ${view.clientNoun}s drawn; figures cover all`}
        </span>
      </div>
      {now.map((fault) => (
        <p key={fault.label} className="lane-fault" role="note">
          {FAULT_IN_LANE[fault.kind]} ({fault.label.replace(/^\D+/, '')})
        </p>
      ))}
      {snapshot.endedAtMs !== null && (
        <p className="lane-ended" role="note">
          Finished at {formatDuration(snapshot.endedAtMs)}: nothing left in flight; figures as at its end
        </p>
      )}
      <LaneStep id={id} recording={recording} playheadMs={playheadMs} />
      <LaneFigure id={id} model={model} snapshot={snapshot} playheadMs={playheadMs} rows={shownRows} rowHeight={rowHeight} />
      <Readouts id={id} model={model} snapshot={snapshot} rows={shownRows} serverDown={serverDown} />
      {note && <p className="lane-note">{note.lane}</p>}
    </section>
  );
}
