import { useState } from 'react';
import { lazyPart } from '../lazyPart.tsx';
import { useTeach } from './teachStore.ts';

// The teaching features' entry (issue 13): the buttons that open them, and the lazily loaded
// panels. Mounted with one line in App.tsx, so the page layout can place it anywhere.

const TeachPanels = lazyPart(() => import('./TeachPanels.tsx').then((m) => m.default), <p role="status">Loading…</p>);

export function TeachMount() {
  const open = useTeach((s) => s.open);
  const setOpen = useTeach((s) => s.setOpen);
  const challengeId = useTeach((s) => s.challengeId);
  const requested = challengeId !== null || Object.values(open).some(Boolean);
  // Once loaded, the panels stay mounted: closing a dialog must not unmount it mid-close.
  const [loaded, setLoaded] = useState(requested);
  if (requested && !loaded) setLoaded(true);
  return (
    <div className="teach-mount">
      <div className="teach-buttons" role="group" aria-label="Teaching">
        <button type="button" aria-haspopup="dialog" onClick={() => setOpen('challenges', true)}>
          Challenges
        </button>
        <button type="button" aria-haspopup="dialog" onClick={() => setOpen('decide', true)}>
          Which mechanism?
        </button>
        <button type="button" aria-expanded={open.table} aria-controls={open.table ? 'teach-usual-table' : undefined} onClick={() => setOpen('table', !open.table)}>
          The usual table
        </button>
        <button type="button" aria-expanded={open.transcript} aria-controls={open.transcript ? 'teach-transcript' : undefined} onClick={() => setOpen('transcript', !open.transcript)}>
          Transcript
        </button>
      </div>
      {loaded && <TeachPanels />}
    </div>
  );
}
