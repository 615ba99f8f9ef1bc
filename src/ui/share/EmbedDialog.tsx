import './share.css';
import { useEffect, useId, useRef, useState } from 'react';
import type { ShareView } from '../../state/shareState.ts';
import { useLab } from '../../state/store.ts';
import { embedUrl } from '../../state/urlSync.ts';
import { copyText } from './copyText.ts';
import { EMBED_SIZES, EMBED_VIEWS, embedSnippet } from './embedSnippet.ts';

// Build the <iframe> for a slide: which view, which 16:9 size, autoplay and loop. The snippet
// reproduces the current scenario and playhead.

export function EmbedDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const snippetField = useRef<HTMLTextAreaElement>(null);
  const opener = useRef<HTMLElement | null>(null);
  const [view, setView] = useState<ShareView>('lanes+scoreboard');
  const [sizeIndex, setSizeIndex] = useState(1);
  const [autoplay, setAutoplay] = useState(true);
  const [loop, setLoop] = useState(true);
  const [status, setStatus] = useState('');
  const name = useLab((s) => s.scenario.name);
  const ids = { title: useId(), view: useId(), size: useId(), snippet: useId() };

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) {
      opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      setStatus('');
      element.showModal();
    }
    if (!open && element.open) {
      element.close();
      opener.current?.focus();
    }
  }, [open]);

  const size = EMBED_SIZES[sizeIndex] ?? EMBED_SIZES[1];
  const url = open ? embedUrl(view, { autoplay, loop }) : '';
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
