import { useId, useMemo } from 'react';
import { MECHANISM_IDS } from '../../sim/scenario/types.ts';
import { useLab } from '../../state/store.ts';
import { faultWindows, runEndMs } from '../comparison/figures.ts';
import { MECHANISM_VIEWS } from '../mechanismViews.ts';
import { formatSpeed, sliderToSpeed, speedToSlider, SPEED_SLIDER_MAX, SPEED_SLIDER_MIN } from './speedScale.ts';
import { stepOnce, useStep, type StepLane } from './stepping.ts';
import { formatDuration, formatSeconds } from './timeFormat.ts';
import { timelineKeyTarget } from './timelineKeys.ts';
import './time.css';

// The playback bar: play/pause, step, restart, speed and the timeline. Simulated time is always
// on screen. Nothing here moves simulated time itself: it sends commands to the store.

const useEndMs = () => useLab((s) => (s.recording ? runEndMs(s.recording) : s.scenario.durationSec * 1000));

function Clock() {
  const playheadMs = useLab((s) => s.playheadMs);
  const playing = useLab((s) => s.playing);
  const durationMs = useEndMs();
  const runMs = useLab((s) => s.scenario.durationSec * 1000);
  // The timeline runs past the scenario's duration by the engine's drain (requests and retries
  // still in flight finish); say so where the two numbers differ, so 121 s beside "of 120 s" reads right.
  const drain =
    durationMs > runMs ? `the ${formatDuration(runMs)} run, then ${formatDuration(durationMs - runMs)} while what was in flight finishes` : undefined;
  return (
    <p className="clock" title={drain}>
      <span className="visually-hidden">Simulated time: </span>
      <span className="clock-now">{formatSeconds(playheadMs, playing ? 1 : 2)}</span>
      <span className="clock-of"> / {formatDuration(durationMs, playing ? 1 : 2)}</span>
      {drain && <span className="visually-hidden"> ({drain})</span>}
    </p>
  );
}

/** The run's faults as bands under the timeline track; each jumps the playhead to its start. */
function FaultMarks({ durationMs }: { durationMs: number }) {
  const recording = useLab((s) => s.recording);
  const seek = useLab((s) => s.seek);
  const windows = useMemo(() => (recording ? faultWindows(recording) : []), [recording]);
  if (windows.length === 0 || durationMs <= 0) return null;
  return (
    <div className="fault-marks">
      {windows.map((w) => (
        <button
          type="button"
          key={`${w.kind}-${String(w.startMs)}`}
          className={`fault-mark is-${w.kind}`}
          style={{ left: `${String((100 * w.startMs) / durationMs)}%`, width: `${String((100 * (w.endMs - w.startMs)) / durationMs)}%` }}
          aria-label={w.label}
          title={`${w.label} (click to jump to its start)`}
          onClick={() => seek(w.startMs)}
        />
      ))}
    </div>
  );
}

function Timeline() {
  const playheadMs = useLab((s) => s.playheadMs);
  const durationMs = useEndMs();
  const seek = useLab((s) => s.seek);
  const ready = useLab((s) => s.recording !== null);
  const id = useId();
  return (
    <div className="timeline">
      <label className="control-label" htmlFor={id}>
        Timeline
      </label>
      <div className="timeline-track">
      <input
        id={id}
        type="range"
        min={0}
        max={durationMs}
        step="any"
        value={playheadMs}
        disabled={!ready}
        aria-valuetext={`${formatSeconds(playheadMs)} of ${formatDuration(durationMs)}`}
        onChange={(event) => seek(Number(event.target.value))}
        onKeyDown={(event) => {
          const target = timelineKeyTarget(event.key, event.shiftKey, playheadMs, durationMs);
          if (target === null || event.ctrlKey || event.metaKey || event.altKey) return;
          event.preventDefault();
          seek(target);
        }}
      />
      <FaultMarks durationMs={durationMs} />
      </div>
    </div>
  );
}

function SpeedControl() {
  const speed = useLab((s) => s.speed);
  const setSpeed = useLab((s) => s.setSpeed);
  return (
    <label className="speed">
      <span className="control-label">Speed</span>
      <input
        type="range"
        min={SPEED_SLIDER_MIN}
        max={SPEED_SLIDER_MAX}
        step={1}
        value={speedToSlider(speed)}
        aria-valuetext={formatSpeed(speed)}
        onChange={(event) => setSpeed(sliderToSpeed(Number(event.target.value)))}
      />
      <output className="speed-value">{formatSpeed(speed)}</output>
    </label>
  );
}

function RunProgress() {
  const status = useLab((s) => s.status);
  const progressMs = useLab((s) => s.progressMs);
  const durationMs = useLab((s) => s.scenario.durationSec * 1000);
  const runError = useLab((s) => s.runError);
  if (status === 'running') {
    return (
      <p className="run-progress" role="status">
        Simulating… <progress max={durationMs} value={progressMs} aria-label="Simulation progress" />
      </p>
    );
  }
  if (status === 'error') {
    return (
      <p className="run-progress run-error" role="alert">
        The simulation failed: {runError ?? 'unknown error'}
      </p>
    );
  }
  // Once ready the region stays (so the next run's progress is announced) but takes no room.
  return <p className="run-progress" role="status" />;
}

/** Which lane Step looks in: all of them, or one. */
function StepLaneChoice() {
  const id = useId();
  const lane = useStep((s) => s.lane);
  const setLane = useStep((s) => s.setLane);
  const mechanisms = useLab((s) => s.scenario.mechanisms);
  const ids = MECHANISM_IDS.filter((m) => mechanisms.includes(m));
  return (
    <>
      <label htmlFor={id} className="visually-hidden">
        Step through
      </label>
      <select id={id} className="step-lane" value={ids.includes(lane as never) ? lane : 'all'} onChange={(e) => setLane(e.target.value as StepLane)}>
        <option value="all">all lanes</option>
        {ids.map((m) => (
          <option key={m} value={m}>
            {MECHANISM_VIEWS[m].label} only
          </option>
        ))}
      </select>
    </>
  );
}

function StepSaid() {
  const said = useStep((s) => s.said);
  return (
    <p className="step-said" role="status">
      {said ?? ''}
    </p>
  );
}

/** `compact`: the embedded frame's bar — play/pause, clock and timeline only. */
export function TimeControls({ compact = false }: { compact?: boolean }) {
  const playing = useLab((s) => s.playing);
  const ready = useLab((s) => s.recording !== null);
  const togglePlay = useLab((s) => s.togglePlay);
  const restart = useLab((s) => s.restart);
  const seek = useLab((s) => s.seek);
  const pause = useLab((s) => s.pause);
  const endMs = useEndMs();
  const setHelpOpen = useLab((s) => s.setHelpOpen);
  return (
    <div className={`time-controls${compact ? ' is-compact' : ''}`} role="toolbar" aria-label="Playback">
      <div className="time-buttons">
        <button type="button" className="play" onClick={togglePlay} disabled={!ready}>
          <span aria-hidden="true">{playing ? '❚❚' : '▶'}</span> {playing ? 'Pause' : 'Play'}
        </button>
        {!compact && (
          <>
            <span className="step-group">
              <button type="button" onClick={stepOnce} disabled={!ready} title="Step to the next message (→)">
                <span aria-hidden="true">›</span> Step
              </button>
              <StepLaneChoice />
            </span>
            <button type="button" onClick={restart} disabled={!ready} title="Back to 0 s (R)">
              <span aria-hidden="true">↺</span> Restart
            </button>
            <button
              type="button"
              onClick={() => {
                pause();
                seek(endMs);
              }}
              disabled={!ready}
              title="Jump to the end of the run (End)"
            >
              <span aria-hidden="true">⇥|</span> Skip to end
            </button>
          </>
        )}
      </div>
      <Clock />
      <Timeline />
      {!compact && <SpeedControl />}
      <RunProgress />
      {!compact && (
        <button type="button" className="help-button" onClick={() => setHelpOpen(true)} aria-label="Keyboard shortcuts">
          ?
        </button>
      )}
      {!compact && <StepSaid />}
    </div>
  );
}
