import './share.css';
import { useRef, useState } from 'react';
import { currentShareUrl } from '../../state/urlSync.ts';
import { copyText } from './copyText.ts';
import { EmbedDialog } from './LazyEmbedDialog.tsx';

// "Copy link" copies the address that reproduces this exact run (scenario, playhead, speed, view);
// "Embed…" builds the <iframe> snippet for slides.

export function ShareButtons() {
  const [status, setStatus] = useState('');
  const [link, setLink] = useState('');
  const [embedOpen, setEmbedOpen] = useState(false);
  const field = useRef<HTMLInputElement>(null);
  const copyLink = async () => {
    const url = currentShareUrl();
    setLink(url);
    const copied = await copyText(url, field.current);
    setStatus(copied ? 'Link copied.' : 'Press Ctrl+C (⌘C) to copy the selected link.');
  };
  return (
    <div className="share-buttons">
      <button type="button" onClick={() => void copyLink()}>
        Copy link
      </button>
      <button type="button" onClick={() => setEmbedOpen(true)} aria-haspopup="dialog">
        Embed…
      </button>
      <label className={link === '' ? 'visually-hidden' : 'share-link-field'}>
        <span className="visually-hidden">Link to this run</span>
        <input ref={field} type="text" readOnly value={link} tabIndex={link === '' ? -1 : 0} />
      </label>
      <p className="share-status" role="status">
        {status}
      </p>
      <EmbedDialog open={embedOpen} onClose={() => setEmbedOpen(false)} />
    </div>
  );
}
