import { useEffect, useMemo, useState } from 'react';
import { useLab } from '../../state/store.ts';
import { useDeferredRecording } from '../../state/selectors.ts';
import { ArrivalLog } from './eventLog.ts';
import { logSentence, spanSentence } from './laneText.ts';
import './lanes.css';

// The text alternative of the lanes: the latest messages up to the playhead, and what the engine
// decided between them (holds, waits, cuts, outages), one sentence each, newest first. It
// re-renders only when an entry comes due, not every frame. While playing, a polite live region
// says at most once per second of wall time what arrived since it last spoke; when paused it
// stays silent.

const SHOWN = 30;
const ANNOUNCE_EVERY_MS = 1000;

export function EventLog() {
  // Indexing a new run's whole trace happens in a background render (useDeferredRecording).
  const recording = useDeferredRecording();
  const log = useMemo(() => (recording ? new ArrivalLog(recording) : null), [recording]);
  const arrived = useLab((s) => (log ? log.arrivedBy(s.playheadMs) : 0));
  const playing = useLab((s) => s.playing);
  const entries = useMemo(() => (log ? log.latest(arrived, SHOWN) : []), [log, arrived]);
  const [announcement, setAnnouncement] = useState('');

  useEffect(() => {
    if (!playing || !log) return;
    let fromMs = useLab.getState().playheadMs;
    const timer = setInterval(() => {
      const toMs = useLab.getState().playheadMs;
      const line = log.summary(fromMs, toMs);
      if (line !== null) setAnnouncement(line);
      fromMs = toMs;
    }, ANNOUNCE_EVERY_MS);
    return () => clearInterval(timer);
  }, [playing, log]);

  if (!recording) return <p className="event-log-empty">The log fills in once the simulation has run.</p>;
  return (
    <div>
      <p className="event-log-note">
        Messages of the traced clients in every lane, newest first, stamped with their arrival time, with the holds,
        waits, cuts and outages between them.
      </p>
      {entries.length === 0 ? (
        <p className="event-log-empty">Nothing has arrived yet: press Play.</p>
      ) : (
        <ol className="event-log" reversed start={arrived} tabIndex={0} aria-label="Latest messages, newest first">
          {entries.map((entry) => (
            <li key={entry.index}>{entry.message ? logSentence(entry.message, entry.id) : spanSentence(entry.span, entry.id)}</li>
          ))}
        </ol>
      )}
      <p className="visually-hidden" aria-live="polite" aria-atomic="true">
        {announcement}
      </p>
    </div>
  );
}
