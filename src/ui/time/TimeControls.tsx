import { useLab } from '../../state/store.ts';
import { formatSpeed, sliderToSpeed, speedToSlider, SPEED_SLIDER_MAX, SPEED_SLIDER_MIN } from './speedScale.ts';
import { formatDuration, formatSeconds } from './timeFormat.ts';
import { timelineKeyTarget } from './timelineKeys.ts';
import './time.css';

// The playback bar: play/pause, step, restart, speed and the timeline. Simulated time is always
// on screen. Nothing here moves simulated time itself: it sends commands to the store.

function Clock() {
  const playheadMs = useLab((s) => s.playheadMs);
  const durationMs = useLab((s) => s.recording?.endMs ?? s.scenario.durationSec * 1000);
  return (
    <p className="clock">
      <span className="visually-hidden">Simulated time: </span>
      <span className="clock-now">{formatSeconds(playheadMs)}</span>
      <span className="clock-of"> / {formatDuration(durationMs)}</span>
    </p>
  );
}

function Timeline() {
  const playheadMs = useLab((s) => s.playheadMs);
  const durationMs = useLab((s) => s.recording?.endMs ?? s.scenario.durationSec * 1000);
  const seek = useLab((s) => s.seek);
  const ready = useLab((s) => s.recording !== null);
  return (
    <label className="timeline">
      <span className="control-label">Timeline</span>
      <input
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
    </label>
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
        step={0.01}
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
  const computeMs = useLab((s) => s.computeMs);
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
  return (
    <p className="run-progress" role="status">
      {computeMs === null ? '' : `Simulated in ${String(Math.round(computeMs))} ms`}
    </p>
  );
}

/** `compact`: the embedded frame's bar — play/pause, clock and timeline only. */
export function TimeControls({ compact = false }: { compact?: boolean }) {
  const playing = useLab((s) => s.playing);
  const ready = useLab((s) => s.recording !== null);
  const togglePlay = useLab((s) => s.togglePlay);
  const step = useLab((s) => s.step);
  const restart = useLab((s) => s.restart);
  const setHelpOpen = useLab((s) => s.setHelpOpen);
  return (
    <div className={`time-controls${compact ? ' is-compact' : ''}`} role="toolbar" aria-label="Playback">
      <div className="time-buttons">
        <button type="button" className="play" onClick={togglePlay} disabled={!ready}>
          <span aria-hidden="true">{playing ? '❚❚' : '▶'}</span> {playing ? 'Pause' : 'Play'}
        </button>
        {!compact && (
          <>
            <button type="button" onClick={step} disabled={!ready} title="Step to the next message (→)">
              <span aria-hidden="true">⇥</span> Step
            </button>
            <button type="button" onClick={restart} disabled={!ready} title="Back to 0 s (R)">
              <span aria-hidden="true">↺</span> Restart
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
    </div>
  );
}
