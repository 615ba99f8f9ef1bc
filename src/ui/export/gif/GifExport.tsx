import './gifExport.css';
import { useEffect, useId, useRef, useState, type SyntheticEvent } from 'react';
import { useLab } from '../../../state/store.ts';
import { usePlayheadSecond } from '../../../state/selectors.ts';
import { formatInteger } from '../../format.ts';
import { captureGif } from './captureFrames.ts';
import { downloadBlob } from '../download.ts';
import { GIF_ELEMENTS, type GifElementId } from './gifElements.ts';
import { gifFileName } from './gifFileName.ts';
import { DEFAULT_FPS, DEFAULT_SPEED, FPS_CHOICES, MAX_FRAMES, MAX_WINDOW_SEC, SPEED_CHOICES, defaultWindow, planFrames, type PlanField } from './gifFrames.ts';
import { snapshotSvg } from '../svgSnapshot.ts';
import { svgToCanvas } from '../rasterize.ts';

// "Animated GIF": records a stretch of the run, as the page draws it, into a looping GIF for slide
// tools that cannot embed the live lab. Start and duration follow the playhead until edited.

interface Progress {
  done: number;
  total: number;
}

const isAbort = (error: unknown) => error instanceof DOMException && error.name === 'AbortError';

export function GifExport() {
  const id = useId();
  const recording = useLab((s) => s.recording);
  const scenarioDurationSec = useLab((s) => s.scenario.durationSec);
  const playheadSec = usePlayheadSecond();
  const [elementId, setElementId] = useState<GifElementId>('lanes');
  const [startText, setStartText] = useState<string | null>(null);
  const [durationText, setDurationText] = useState<string | null>(null);
  const [speed, setSpeed] = useState<number>(DEFAULT_SPEED);
  const [fps, setFps] = useState<number>(DEFAULT_FPS);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [status, setStatus] = useState('');
  const controller = useRef<AbortController | null>(null);
  const makeButton = useRef<HTMLButtonElement>(null);
  const cancelButton = useRef<HTMLButtonElement>(null);
  const busy = progress !== null;

  // Leaving the page section mid-capture stops the capture (and puts the playhead back).
  useEffect(() => () => controller.current?.abort(), []);
  useEffect(() => {
    if (busy) cancelButton.current?.focus();
  }, [busy]);

  const runDurationMs = recording?.endMs ?? scenarioDurationSec * 1000;
  const defaults = defaultWindow(playheadSec * 1000, runDurationMs);
  const start = startText ?? String(defaults.startSec);
  const duration = durationText ?? String(defaults.durationSec);
  const result = planFrames({ startSec: Number(start), durationSec: Number(duration), speed, fps, runDurationMs });
  const badField: PlanField | null = result.ok ? null : result.field;
  const errorId = `${id}-error`;
  const fieldProps = (field: PlanField) =>
    badField === field ? { 'aria-invalid': true as const, 'aria-describedby': errorId } : { 'aria-invalid': false as const };

  const make = async () => {
    if (!result.ok || busy || !recording) return;
    const element = GIF_ELEMENTS.find((e) => e.id === elementId) ?? GIF_ELEMENTS[0];
    const scenarioName = useLab.getState().scenario.name;
    const { plan } = result;
    const abort = new AbortController();
    controller.current = abort;
    // The window stays as submitted while the capture moves the playhead.
    setStartText(start);
    setDurationText(duration);
    setStatus('');
    setProgress({ done: 0, total: plan.timesMs.length });
    try {
      const gif = await captureGif({
        selector: element.selector,
        plan,
        title: scenarioName,
        signal: abort.signal,
        onProgress: (done, total) => setProgress({ done, total }),
        snapshot: snapshotSvg,
        rasterize: svgToCanvas,
      });
      const fileName = gifFileName(scenarioName, element.id, plan.startMs, plan.endMs);
      downloadBlob(new Blob([gif.bytes], { type: 'image/gif' }), fileName);
      setStatus(
        `Saved ${fileName}: ${formatInteger(gif.frames)} frames, ${formatInteger(gif.width)} × ${formatInteger(gif.height)} px, ${formatInteger(Math.ceil(gif.bytes.length / 1024))} kB.`,
      );
    } catch (error) {
      setStatus(isAbort(error) ? 'Cancelled: no GIF was saved.' : `The GIF could not be made: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      controller.current = null;
      setStartText(startText);
      setDurationText(durationText);
      setProgress(null);
      makeButton.current?.focus();
    }
  };

  const onSubmit = (event: SyntheticEvent) => {
    event.preventDefault();
    void make();
  };

  return (
    <section className="gif-export" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>Animated GIF</h3>
      <p className="gif-export-intro">
        For slide tools that cannot embed the live lab: a looping picture of a stretch of the run, drawn exactly as the page
        draws it. The same run and settings always give the same file.
      </p>
      <form onSubmit={onSubmit} noValidate>
        <fieldset className="gif-export-fields" disabled={busy}>
          <legend className="visually-hidden">What to record</legend>
          <label className="gif-export-field is-wide">
            Element
            <select value={elementId} onChange={(e) => setElementId(e.target.value as GifElementId)}>
              {GIF_ELEMENTS.map((e) => (
                <option key={e.id} value={e.id}>
                  {e.label}
                </option>
              ))}
            </select>
          </label>
          <label className="gif-export-field">
            Start (s into the run)
            <input type="number" inputMode="decimal" min={0} step={0.1} value={start} onChange={(e) => setStartText(e.target.value)} {...fieldProps('start')} />
          </label>
          <label className="gif-export-field">
            Duration (s)
            <input
              type="number"
              inputMode="decimal"
              min={0.1}
              max={MAX_WINDOW_SEC}
              step={0.1}
              value={duration}
              onChange={(e) => setDurationText(e.target.value)}
              {...fieldProps('duration')}
            />
          </label>
          <label className="gif-export-field">
            Speed (1× = real time)
            <select value={speed} onChange={(e) => setSpeed(Number(e.target.value))}>
              {SPEED_CHOICES.map((s) => (
                <option key={s} value={s}>
                  {s}×
                </option>
              ))}
            </select>
          </label>
          <label className="gif-export-field">
            Frames per second
            <select value={fps} onChange={(e) => setFps(Number(e.target.value))}>
              {FPS_CHOICES.map((f) => (
                <option key={f} value={f}>
                  {f}
                </option>
              ))}
            </select>
          </label>
        </fieldset>
        {result.ok ? (
          <p className="gif-export-summary">
            {formatInteger(result.plan.timesMs.length)} frames (at most {MAX_FRAMES}), {((result.plan.timesMs.length * result.plan.frameDelayMs) / 1000).toFixed(1)} s of
            animation, showing {result.plan.startMs / 1000}–{result.plan.endMs / 1000} s of the run.
          </p>
        ) : (
          <p className="gif-export-error" id={errorId}>
            {result.message}
          </p>
        )}
        <div className="gif-export-actions">
          <button ref={makeButton} type="submit" disabled={busy || !result.ok || !recording}>
            Make GIF
          </button>
          {progress && (
            <>
              <progress max={progress.total} value={progress.done} aria-label="GIF frames recorded" />
              <span>
                Frame {formatInteger(progress.done)} of {formatInteger(progress.total)}
              </span>
              <button ref={cancelButton} type="button" onClick={() => controller.current?.abort()}>
                Cancel
              </button>
            </>
          )}
        </div>
        <p className="gif-export-status" role="status">
          {status}
        </p>
      </form>
    </section>
  );
}
