import { useMemo, type CSSProperties } from 'react';
import type { MechanismId } from '../../sim/scenario/types.ts';
import type { RunRecording } from '../../sim/recording.ts';
import { MECHANISM_LABELS } from '../mechanisms.ts';
import { MECHANISM_STYLES } from '../mechanismStyle.ts';
import { formatInteger, formatPercent } from '../format.ts';
import { buildLaneModel, laneSnapshot, type LaneModel, type LaneSnapshot } from './laneState.ts';
import { LaneFigure } from './LaneFigure.tsx';

// One mechanism's lane: its name, the moving picture of the traced clients, and small readouts of
// the server side. Open connections, load and requests come from the per-second series, which
// cover every client; the picture and the held and retry counts cover the traced clients only.

interface Props {
  id: MechanismId;
  recording: RunRecording;
  playheadMs: number;
}

function Readouts({ id, model, snapshot }: { id: MechanismId; model: LaneModel; snapshot: LaneSnapshot }) {
  return (
    <dl className="lane-readouts">
      {model.parksRequests && (
        <div>
          <dt>Held at the server</dt>
          <dd>
            {snapshot.held.length} of {model.rows} shown
          </dd>
        </div>
      )}
      {id === 'webhook' && (
        <div>
          <dt>Waiting to retry</dt>
          <dd>
            {snapshot.retries.length} among the {model.rows} shown
          </dd>
        </div>
      )}
      <div>
        <dt>Open connections</dt>
        <dd>{formatInteger(snapshot.openConnections)}</dd>
      </div>
      <div>
        <dt>Server load</dt>
        <dd>{formatPercent(snapshot.serverLoad)}</dd>
      </div>
      <div>
        <dt>{id === 'webhook' ? 'Attempts' : 'Requests'} in the last second</dt>
        <dd>{formatInteger(snapshot.requestsLastSecond)}</dd>
      </div>
    </dl>
  );
}

export function Lane({ id, recording, playheadMs }: Props) {
  const mechanism = recording.mechanisms[id];
  const model = useMemo(() => (mechanism ? buildLaneModel(id, mechanism, recording) : null), [id, mechanism, recording]);
  if (!mechanism || !model) return null;
  const snapshot = laneSnapshot(model, mechanism, recording, playheadMs);
  const style = MECHANISM_STYLES[id];
  const clients = recording.scenario.clients;
  const headingId = `lane-${id}-heading`;
  return (
    <section className="lane" aria-labelledby={headingId} data-lane={id} style={{ '--lane-color': style.color } as CSSProperties}>
      <h3 id={headingId} className="lane-heading">
        <span className="lane-symbol" aria-hidden="true">
          {style.symbol}
        </span>{' '}
        {MECHANISM_LABELS[id]}
      </h3>
      <LaneFigure id={id} model={model} snapshot={snapshot} playheadMs={playheadMs} />
      <Readouts id={id} model={model} snapshot={snapshot} />
      {model.upgradeRefused && (
        <p className="lane-note">
          A proxy refused the WebSocket upgrade
          {recording.scenario.websocket.fallback === 'longPolling' ? ', so the clients fell back to long polling.' : '.'}
        </p>
      )}
      {clients > model.rows && (
        <p className="lane-note">
          Showing {model.rows} of {formatInteger(clients)} {id === 'webhook' ? 'receivers' : 'clients'} — the numbers cover
          all {formatInteger(clients)}.
        </p>
      )}
    </section>
  );
}
