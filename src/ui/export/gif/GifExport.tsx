import './gifExport.css';
import { useEffect, useId, useRef, useState, type RefObject, type SyntheticEvent } from 'react';
import { useLab } from '../../../state/store.ts';
import { usePlayheadSecond } from '../../../state/selectors.ts';
import { formatInteger } from '../../format.ts';
import { captureGif, captureVideo } from './captureFrames.ts';
import { downloadBlob } from '../download.ts';
import { GIF_ELEMENTS, type GifElementId } from './gifElements.ts';
import { gifFileName } from './gifFileName.ts';
import { DEFAULT_FPS, DEFAULT_SPEED, FPS_CHOICES, MAX_FRAMES, MAX_WINDOW_SEC, SPEED_CHOICES, defaultWindow, planFrames, type PlanField } from './gifFrames.ts';
import { snapshotSvg } from '../svgSnapshot.ts';
import { svgToCanvas } from '../rasterize.ts';
import { SLIDE_SIZES, slideSizeById, type SlideSizeId } from '../video/slideFrame.ts';
import type { SlideVideoCodec } from '../video/videoEncode.ts';

// "Video and animated GIF": records a stretch of the run, as the page draws it, at a slide
// resolution, into an MP4 (WebCodecs, where the browser can encode one) or a looping GIF, for
// slide tools that cannot embed the live lab. Start and duration follow the playhead until edited.

/** An MP4 with one of the video codecs, or a GIF. */
type Format = SlideVideoCodec | 'gif';

const FORMAT_LABELS: Record<Format, string> = {
  vp9: 'MP4 video, VP9 (the same bytes every time)',
  avc: 'MP4 video, H.264 (for tools that play only H.264; bytes vary per export)',
  gif: 'Animated GIF',
};
const FORMATS = ['vp9', 'avc', 'gif'] as const satisfies readonly Format[];

/**
 * The video codecs this browser can encode at `size` (undefined while it is being asked). Asking
 * loads the muxer and starts a trial encoder, hundreds of milliseconds of main-thread work on a slow
 * machine, so it waits until `wanted`: the form is in view or in use.
 */
function useVideoCodecs(size: { width: number; height: number }, wanted: boolean): SlideVideoCodec[] | undefined {
  const [found, setFound] = useState<{ key: string; codecs: SlideVideoCodec[] } | null>(null);
  const key = `${String(size.width)}x${String(size.height)}`;
  useEffect(() => {
    if (!wanted) return;
    let live = true;
    import('../video/videoEncode.ts')
      .then(({ videoCodecsFor }) => videoCodecsFor(size.width, size.height))
      .then((codecs) => live && setFound({ key, codecs }))
      .catch(() => live && setFound({ key, codecs: [] }));
    return () => {
      live = false;
    };
  }, [wanted, key, size.width, size.height]);
  return found?.key === key ? found.codecs : undefined;
}

/** Calls `onSeen(true)` once `element` comes into view (unless `seen` already); `onSeen` must be stable. */
function useInViewOnce(element: RefObject<HTMLElement | null>, seen: boolean, onSeen: (seen: true) => void): void {
  useEffect(() => {
    if (seen || !element.current || typeof IntersectionObserver !== 'function') return;
    const observer = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && onSeen(true));
    observer.observe(element.current);
    return () => observer.disconnect();
  }, [element, seen, onSeen]);
}

interface Progress {
  done: number;
  total: number;
}

const isAbort = (error: unknown) => error instanceof DOMException && error.name === 'AbortError';

const CODEC_NAMES: Record<SlideVideoCodec, string> = { avc: 'H.264', vp9: 'VP9' };

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
  const [formatChoice, setFormatChoice] = useState<Format>('vp9');
  const [sizeId, setSizeId] = useState<SlideSizeId>('1280x720');
  const size = slideSizeById(sizeId);
  const section = useRef<HTMLElement>(null);
  const [wanted, setWanted] = useState(false);
  useInViewOnce(section, wanted, setWanted);
  const codecs = useVideoCodecs(size, wanted);
  // The chosen video codec where this browser can encode it at this size, else the other, else GIF.
  const format: Format =
    formatChoice === 'gif' || codecs === undefined || codecs.includes(formatChoice) ? formatChoice : (codecs[0] ?? 'gif');
  const codec = format === 'gif' ? null : format;
  const waitingForCodecs = codec !== null && codecs === undefined;
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
    if (!result.ok || busy || !recording || waitingForCodecs) return;
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
      const request = {
        selector: element.selector,
        plan,
        title: scenarioName,
        size,
        signal: abort.signal,
        onProgress: (done: number, total: number) => setProgress({ done, total }),
        snapshot: snapshotSvg,
        rasterize: svgToCanvas,
      };
      const file = codec ? await captureVideo({ ...request, codec }) : await captureGif(request);
      const fileName = gifFileName(scenarioName, element.id, plan.startMs, plan.endMs, codec ? 'mp4' : 'gif');
      downloadBlob(new Blob([file.bytes], { type: codec ? 'video/mp4' : 'image/gif' }), fileName);
      const kind = codec ? `, ${CODEC_NAMES[codec]} video` : '';
      setStatus(
        `Saved ${fileName}: ${formatInteger(file.frames)} frames, ${formatInteger(file.width)} × ${formatInteger(file.height)} px${kind}, ${formatInteger(Math.ceil(file.bytes.length / 1024))} kB.`,
      );
    } catch (error) {
      const what = codec ? 'video' : 'GIF';
      setStatus(isAbort(error) ? `Cancelled: no ${what} was saved.` : `The ${what} could not be made: ${error instanceof Error ? error.message : String(error)}`);
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
    <section ref={section} className="gif-export" aria-labelledby={`${id}-heading`} onFocus={() => setWanted(true)} onChange={() => setWanted(true)}>
      <h3 id={`${id}-heading`}>Video and animated GIF</h3>
      <p className="gif-export-intro">
        For slide tools that cannot embed the live lab (Google Slides, Keynote and PowerPoint take MP4): a stretch of the run at a
        slide resolution, drawn exactly as the page draws it. The same run and settings give the same file, as VP9 video or GIF;
        this browser’s H.264 encoder, for tools that play only H.264 (Keynote), varies a few bytes between exports.
      </p>
      <form onSubmit={onSubmit} noValidate>
        <fieldset className="gif-export-fields" disabled={busy}>
          <legend className="visually-hidden">What to record</legend>
          <label className="gif-export-field">
            Format
            <select
              value={format}
              onChange={(e) => setFormatChoice(e.target.value as Format)}
              aria-describedby={codecs?.length === 0 ? `${id}-codec` : undefined}
            >
              {FORMATS.map((f) => (
                <option key={f} value={f} disabled={f !== 'gif' && codecs !== undefined && !codecs.includes(f)}>
                  {FORMAT_LABELS[f]}
                </option>
              ))}
            </select>
          </label>
          <label className="gif-export-field">
            Size
            <select value={sizeId} onChange={(e) => setSizeId(e.target.value as SlideSizeId)}>
              {SLIDE_SIZES.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.label}
                </option>
              ))}
            </select>
          </label>
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
          <button ref={makeButton} type="submit" disabled={busy || !result.ok || !recording || waitingForCodecs}>
            {codec ? 'Make video' : 'Make GIF'}
          </button>
          {progress && (
            <>
              <progress max={progress.total} value={progress.done} aria-label="Frames recorded" />
              <span>
                Frame {formatInteger(progress.done)} of {formatInteger(progress.total)}
              </span>
              <button ref={cancelButton} type="button" onClick={() => controller.current?.abort()}>
                Cancel
              </button>
            </>
          )}
        </div>
        {codecs?.length === 0 && (
          <p className="gif-export-summary" id={`${id}-codec`}>
            This browser cannot encode video at this size (no WebCodecs H.264 or VP9), so the export is a GIF.
          </p>
        )}
        <p className="gif-export-status" role="status">
          {status}
        </p>
      </form>
    </section>
  );
}
