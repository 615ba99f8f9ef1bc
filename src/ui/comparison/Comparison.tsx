import { useId, useState, type CSSProperties } from 'react';
import { MECHANISM_IDS, type MechanismId } from '../../sim/scenario/types.ts';
import type { RunRecording } from '../../sim/recording.ts';
import { usePlayheadSecond, useRecording } from '../../state/selectors.ts';
import { useLab } from '../../state/store.ts';
import { MISSING, formatInteger } from '../format.ts';
import { MECHANISM_VIEWS } from '../mechanismViews.ts';
import { MechanismRowHeader } from '../MechanismRowHeader.tsx';
import { CLAIMS, type ClaimColumn } from '../scoreboard/claims.ts';
import { COLUMN_GROUPS, COMPARISON_COLUMNS, GROUP_NAMES, VERDICT_ORDER, barFractions, type ColumnGroup } from './columns.ts';
import { hasSteady, overloadAt, runEndMs, snapshotMs, steadyOrWhole, warmupSec, type FigureMode, type ShownTotals } from './figures.ts';
import type { OverloadSummary } from '../../sim/metrics/types.ts';
import { lowest, verdictText } from './verdict.ts';
import './comparison.css';
import { BreakAtSlashes } from '../BreakAtSlashes.tsx';

// The comparison: mechanism × figure at the playhead, a bar beside every figure so the shape of
// the comparison shows at a glance, the single lowest of each column marked (a tie marks nothing),
// a one-line verdict computed from the same numbers, and what the usual comparison table claims,
// once per column. The caption's moment is the snapshot's, which the clock never runs ahead of.

const round = (sec: number) => String(Math.round(sec));

function windowText(shown: ShownTotals | undefined, recording: RunRecording): string {
  if (!shown) return 'whole run';
  if (shown.shown === 'steady') return `steady state ${round(shown.fromSec)}–${round(shown.toSec)} s`;
  if (shown.shown === 'warmup') return `whole run (steady state starts after the ${round(warmupSec(recording))} s warm-up)`;
  return 'whole run';
}

/** "after 42 s of 120 s" during the run; past its end, how much of the drain has been shown. */
function momentText(atSec: number, recording: RunRecording): string {
  const durationSec = recording.durationMs / 1000;
  if (atSec <= durationSec) return `after ${String(atSec)} s of ${round(durationSec)} s`;
  return `after the ${round(durationSec)} s run and ${round(atSec - durationSec)} s of drain`;
}

function Caption({ id, recording, playheadMs, shown }: { id: string; recording: RunRecording; playheadMs: number; shown: ShownTotals | undefined }) {
  const atSec = Math.round(snapshotMs(recording, playheadMs) / 1000);
  const detail = !shown
    ? ' — figures appear after the first simulated second'
    : ` — ${windowText(shown, recording)}, ${momentText(atSec, recording)}, all ${formatInteger(recording.scenario.clients)} clients`;
  return (
    <caption id={id}>
      <span className="caption-text">
        Scoreboard
        <span className="caption-detail">{detail}</span>
      </span>
    </caption>
  );
}

const CLAIM_HEADERS: Record<ClaimColumn, string> = {
  latency: 'latency',
  bandwidth: 'bandwidth',
  serverLoad: 'server load',
  reliability: 'reliability',
};

/** The usual table's claims, one readable line per column it has an opinion on. */
function ClaimNotes({ ids }: { ids: readonly MechanismId[] }) {
  const columns = COMPARISON_COLUMNS.filter((c) => c.claim !== undefined);
  return (
    <div className="claims-note">
      <p className="claims-intro">
        The usual comparison table says (check it against the columns above; SSE is not in that table, so its entries are
        our reading):
      </p>
      <ul>
        {columns.map((column) => {
          const claim = column.claim as ClaimColumn;
          return (
            <li key={column.key}>
              <strong>{column.header}</strong> — the usual table says {CLAIM_HEADERS[claim]}:{' '}
              {ids.map((id) => `${MECHANISM_VIEWS[id].label} ${CLAIMS[claim][id].replace(' (ours)', '').toLowerCase()}`).join(', ')}.
            </li>
          );
        })}
      </ul>
    </div>
  );
}

function Unfinished({ ids, shown, atEnd }: { ids: readonly MechanismId[]; shown: (ShownTotals | null)[]; atEnd: boolean }) {
  const pending = ids
    .map((id, i) => ({ id, n: shown[i]?.totals.events.pending ?? 0 }))
    .filter((p) => p.n > 0)
    .map((p) => `${MECHANISM_VIEWS[p.id].label} ${formatInteger(p.n)}`);
  if (pending.length === 0) {
    if (!atEnd) return null;
    // "0 of 0 delivered" says nothing: a run without events says so (events.ratePerSec 0).
    const none = shown.every((s) => (s?.totals.events.created ?? 0) === 0);
    return <p className="comparison-note">{none ? 'No events were created in this run, so there was nothing to deliver.' : 'Every event was delivered or given up on by the end.'}</p>;
  }
  return (
    <p className="comparison-note">
      {atEnd ? 'Unfinished at the end (neither delivered nor lost): ' : 'On their way or waiting at this moment (not yet delivered): '}
      {pending.join(', ')} events.
    </p>
  );
}

/** One plain line per mechanism whose server refused work because its request queue was full. */
function Overloaded({ ids, overloads }: { ids: readonly MechanismId[]; overloads: (OverloadSummary | null)[] }) {
  const lines = ids.flatMap((id, i) => {
    const o = overloads[i];
    if (!o?.overloaded) return [];
    const requests = o.refused === 1 ? 'request' : 'requests';
    return [{ id, text: `${MECHANISM_VIEWS[id].label}: server overloaded, ${formatInteger(o.refused)} ${requests} refused with a 503 (queue full at ${formatInteger(o.queueLimit)}).` }];
  });
  if (lines.length === 0) return null;
  return (
    <div className="comparison-note overload-note">
      {lines.map((line) => (
        <p key={line.id}>{line.text}</p>
      ))}
    </div>
  );
}

function ModeSwitch({ mode, setMode }: { mode: FigureMode; setMode: (mode: FigureMode) => void }) {
  const name = useId();
  return (
    <fieldset className="segmented">
      <legend className="visually-hidden">Figures over</legend>
      {(['steady', 'whole'] as const).map((m) => (
        <label key={m}>
          <input type="radio" name={name} checked={mode === m} onChange={() => setMode(m)} />
          {m === 'steady' ? 'Steady state' : 'Whole run'}
        </label>
      ))}
    </fieldset>
  );
}

function GroupSwitch({ group, setGroup }: { group: ColumnGroup | 'all'; setGroup: (g: ColumnGroup | 'all') => void }) {
  const name = useId();
  return (
    <fieldset className="segmented group-switch">
      <legend className="visually-hidden">Columns shown</legend>
      {[...COLUMN_GROUPS, 'all' as const].map((g) => (
        <label key={g}>
          <input type="radio" name={name} checked={group === g} onChange={() => setGroup(g)} />
          {g === 'all' ? 'All' : GROUP_NAMES[g]}
        </label>
      ))}
    </fieldset>
  );
}

export function Comparison() {
  const captionId = useId();
  const recording = useRecording();
  const second = usePlayheadSecond();
  const atEnd = useLab((s) => s.recording !== null && s.playheadMs >= runEndMs(s.recording));
  const [mode, setMode] = useState<FigureMode>('steady');
  const [group, setGroup] = useState<ColumnGroup | 'all'>('requests');
  if (!recording) return <p className="comparison-note">The scoreboard appears when the first run finishes.</p>;

  const playheadMs = atEnd ? runEndMs(recording) : second * 1000;
  const ids = MECHANISM_IDS.filter((id) => recording.mechanisms[id]);
  const shown = ids.map((id) => steadyOrWhole(recording, id, mode, playheadMs));
  const context = { clients: recording.scenario.clients };
  const values = COMPARISON_COLUMNS.map((column) => shown.map((s) => (s ? column.value(s.totals, context) : null)));
  const best = COMPARISON_COLUMNS.map((column, c) => {
    const winners = lowest(values[c], column.format);
    return winners.length === 1 ? winners[0] : -1;
  });
  const bars = values.map(barFractions);
  const verdict = verdictText(
    COMPARISON_COLUMNS,
    VERDICT_ORDER,
    ids.map((id, i) => ({ label: MECHANISM_VIEWS[id].label, totals: shown[i]?.totals ?? null })),
    context,
  );
  const first = shown.find((s) => s !== null) ?? undefined;
  return (
    <div className="comparison" data-group={group}>
      <div className="comparison-head">
        <p className="verdict">
          <strong>Verdict:</strong>{' '}
          {verdict ?? (ids.length < 2 ? 'one mechanism in this run, so nothing to compare it with.' : 'the verdict appears when two mechanisms have figures.')}
        </p>
        {hasSteady(recording) && <ModeSwitch mode={mode} setMode={setMode} />}
        <GroupSwitch group={group} setGroup={setGroup} />
      </div>
      <div className="table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
        <table className="scoreboard comparison-table">
          <Caption id={captionId} recording={recording} playheadMs={playheadMs} shown={first} />
          <thead>
            <tr>
              <th scope="col">Mechanism</th>
              {COMPARISON_COLUMNS.map((column) => (
                <th scope="col" key={column.key} data-group={column.group}>
                  <BreakAtSlashes text={column.header} longerThan={12} />
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {ids.map((id, row) => {
              return (
                <tr key={id} style={{ '--row-color': MECHANISM_VIEWS[id].color } as CSSProperties}>
                  <MechanismRowHeader id={id} />
                  {COMPARISON_COLUMNS.map((column, c) => {
                    const value = values[c][row];
                    const isBest = best[c] === row;
                    const bar = bars[c][row];
                    return (
                      <td key={column.key} data-group={column.group} className={isBest ? 'best' : undefined}>
                        <span className="figure">
                          {value === null ? MISSING : column.format(value)}
                          {isBest && (
                            <span className="best-mark">
                              <span aria-hidden="true"> ★</span>
                              <span className="visually-hidden"> (lowest)</span>
                            </span>
                          )}
                        </span>
                        {bar !== null && <span className="bar" aria-hidden="true" style={{ width: `${String(Math.round(bar * 100))}%` }} />}
                      </td>
                    );
                  })}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <Unfinished ids={ids} shown={shown} atEnd={atEnd} />
      <Overloaded ids={ids} overloads={ids.map((id) => overloadAt(recording, id, playheadMs))} />
      <p className="comparison-note comparison-legend">
        {COMPARISON_COLUMNS.filter((c) => c.means !== undefined)
          .map((c) => `${c.header}: ${c.means ?? ''}`)
          .join('; ')}
        . ★ marks the single lowest figure of a column (nothing is marked on a tie); bars compare each figure with the
        largest in its column. “{MISSING}” marks a figure that does not exist, such as a latency when nothing was delivered.
      </p>
      <ClaimNotes ids={ids} />
    </div>
  );
}
