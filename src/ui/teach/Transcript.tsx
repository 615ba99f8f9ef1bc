import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useLab } from '../../state/store.ts';
import { formatLine, formatTranscript, linesUpTo, narrate } from '../../teach/narrate.ts';
import { copyText } from '../share/copyText.ts';
import { useTeach } from './teachStore.ts';

// "Transcript" (issue 13, item 5): the run told step by step up to the playhead, as plain text for
// screen readers and for copying into notes. It follows the playhead at most four times a second.

const SHOWN_LINES = 400;
const STEP_MS = 250;

export function Transcript() {
  const open = useTeach((s) => s.open.transcript);
  const setOpen = useTeach((s) => s.setOpen);
  const recording = useLab((s) => s.recording);
  // Rounded down so playback re-renders the list a few times a second, not every frame.
  const playheadMs = useLab((s) => (s.playing ? Math.floor(s.playheadMs / STEP_MS) * STEP_MS : s.playheadMs));
  const lines = useMemo(() => (recording ? narrate(recording) : []), [recording]);
  const [status, setStatus] = useState('');
  const field = useRef<HTMLTextAreaElement>(null);
  const list = useRef<HTMLOListElement>(null);
  const headingId = useId();
  const count = linesUpTo(lines, playheadMs);
  // The newest step stays in view as the run plays.
  useEffect(() => {
    if (list.current) list.current.scrollTop = list.current.scrollHeight;
  }, [count, open]);
  if (!open) return null;
  const shown = lines.slice(Math.max(0, count - SHOWN_LINES), count);
  const text = formatTranscript(lines.slice(0, count));
  return (
    <section id="teach-transcript" className="teach-panel transcript" aria-labelledby={headingId}>
      <h2 id={headingId}>Transcript</h2>
      <p>
        What the first {recording?.traceClients ?? 0} clients of each mechanism send and receive, up to the playhead:{' '}
        {count === 0 ? 'nothing yet.' : `${String(count)} steps${count > SHOWN_LINES ? `, the last ${String(SHOWN_LINES)} shown` : ''}.`}
      </p>
      <ol ref={list} className="transcript-lines" start={count - shown.length + 1} tabIndex={0} aria-label="Steps so far">
        {shown.map((line, index) => (
          <li key={count - shown.length + index}>{formatLine(line)}</li>
        ))}
      </ol>
      <div className="transcript-actions">
        <button
          type="button"
          disabled={count === 0}
          onClick={() =>
            void copyText(text, field.current).then((copied) => setStatus(copied ? 'Steps copied.' : 'Press Ctrl+C (⌘C) to copy the selected text.'))
          }
        >
          Copy as text
        </button>
        <button type="button" onClick={() => setOpen('transcript', false)}>
          Hide steps
        </button>
        <p role="status" className="transcript-status">
          {status}
        </p>
      </div>
      <label className="visually-hidden">
        Steps as plain text
        <textarea ref={field} readOnly value={text} tabIndex={-1} />
      </label>
    </section>
  );
}
