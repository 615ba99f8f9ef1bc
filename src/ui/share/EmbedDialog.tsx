import './share.css';
import { useEffect, useId, useRef, useState } from 'react';
import type { ShareView } from '../../state/shareState.ts';
import { useLab } from '../../state/store.ts';
import { embedUrl } from '../../state/urlSync.ts';
import { copyText } from './copyText.ts';
import { EMBED_SIZES, EMBED_SPEEDS, EMBED_VIEWS, embedSnippet, startMsOf } from './embedSnippet.ts';

// Build the <iframe> for a slide: which view, which 16:9 size, where it starts and how fast it
// plays, autoplay and loop. The snippet reproduces the current scenario; start time and speed
// ride in the link's own playhead and speed fields (shareState.ts).

export function EmbedDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const snippetField = useRef<HTMLTextAreaElement>(null);
  const opener = useRef<HTMLElement | null>(null);
  const [view, setView] = useState<ShareView>('lanes+scoreboard');
  const [sizeIndex, setSizeIndex] = useState(1);
  const [autoplay, setAutoplay] = useState(true);
  const [loop, setLoop] = useState(true);
  const [status, setStatus] = useState('');
  const [startText, setStartText] = useState('0');
  const [speed, setSpeed] = useState(1);
  const name = useLab((s) => s.scenario.name);
  const durationSec = useLab((s) => s.scenario.durationSec);
  const ids = { title: useId(), view: useId(), size: useId(), start: useId(), speed: useId(), snippet: useId() };

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) {
      opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      setStatus('');
      // Start where the page stands now, at a speed a slide can show (the lab's 0.25× is for study).
      const lab = useLab.getState();
      setStartText(String(Math.floor(lab.playheadMs / 1000)));
      setSpeed(EMBED_SPEEDS.includes(lab.speed) ? lab.speed : 1);
      element.showModal();
    }
    if (!open && element.open) {
      element.close();
      opener.current?.focus();
    }
  }, [open]);

  const size = EMBED_SIZES[sizeIndex] ?? EMBED_SIZES[1];
  const startMs = startMsOf(startText, durationSec);
  const url = open ? embedUrl(view, { autoplay, loop }, { playheadMs: startMs ?? 0, speed }) : '';
  const snippet = embedSnippet(url, name, size.width, size.height);

  return (
    <dialog
      ref={dialog}
      className="embed-dialog"
      aria-labelledby={ids.title}
      onClose={onClose}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <h2 id={ids.title}>Embed this run in a slide or page</h2>
      <div className="embed-options">
        <label htmlFor={ids.view}>Show</label>
        <select id={ids.view} value={view} onChange={(event) => setView(event.target.value as ShareView)}>
          {EMBED_VIEWS.map((option) => (
            <option key={option.view} value={option.view}>
              {option.label}
            </option>
          ))}
        </select>
        <label htmlFor={ids.size}>Frame size (16:9)</label>
        <select id={ids.size} value={sizeIndex} onChange={(event) => setSizeIndex(Number(event.target.value))}>
          {EMBED_SIZES.map((option, index) => (
            <option key={option.width} value={index}>
              {option.width} × {option.height}
            </option>
          ))}
        </select>
        <label htmlFor={ids.start}>Start time</label>
        <span className="embed-start">
          <input
            id={ids.start}
            type="number"
            inputMode="decimal"
            min={0}
            max={durationSec}
            step={1}
            value={startText}
            aria-invalid={startMs === null}
            aria-describedby={`${ids.start}-unit`}
            onChange={(event) => setStartText(event.target.value)}
          />{' '}
          <span id={`${ids.start}-unit`}>
            {startMs === null ? `s — enter 0 to ${String(durationSec)}; the frame starts at 0 s` : `s of ${String(durationSec)} s`}
          </span>
        </span>
        <label htmlFor={ids.speed}>Speed</label>
        <select id={ids.speed} value={speed} onChange={(event) => setSpeed(Number(event.target.value))}>
          {EMBED_SPEEDS.map((option) => (
            <option key={option} value={option}>
              {option}×
            </option>
          ))}
        </select>
        <label className="embed-check">
          <input type="checkbox" checked={autoplay} onChange={(event) => setAutoplay(event.target.checked)} /> Play on load
        </label>
        <label className="embed-check">
          <input type="checkbox" checked={loop} onChange={(event) => setLoop(event.target.checked)} /> Loop at the end
        </label>
      </div>
      <label htmlFor={ids.snippet}>Embed code</label>
      <textarea id={ids.snippet} ref={snippetField} readOnly rows={5} value={snippet} />
      <div className="embed-actions">
        <button
          type="button"
          onClick={() =>
            void copyText(snippet, snippetField.current).then((copied) =>
              setStatus(copied ? 'Embed code copied.' : 'Press Ctrl+C (⌘C) to copy the selected code.'),
            )
          }
        >
          Copy embed code
        </button>
        <button
          type="button"
          onClick={() => window.open(url, '_blank', `popup,width=${String(size.width)},height=${String(size.height)}`)}
        >
          Preview at {size.width} × {size.height}
        </button>
        <a href={url} target="_blank" rel="noopener">
          Preview in a new tab
        </a>
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
      <p role="status" className="share-status">
        {status}
      </p>
    </dialog>
  );
}
