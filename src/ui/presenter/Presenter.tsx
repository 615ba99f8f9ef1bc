import { useEffect, useState } from 'react';
import { lazyPart } from '../lazyPart.tsx';
import { usePresenter } from './presenterStore.ts';

// Presenter mode's shell, part of the first load: it starts the talk an address asks for, keeps
// the screen-reader announcement of each beat (a live region must exist before its text changes),
// and loads the caption bar and spotlight (PresenterBar.tsx) the first time a talk starts.

const PresenterBar = lazyPart(() => import('./PresenterBar.tsx').then((m) => m.PresenterBar), null);

interface PresenterProps {
  /** Start this preset's talk when the page opens (the `?preset=<id>&present=1` address). */
  startWith?: string | null;
}

export function Presenter({ startWith = null }: PresenterProps) {
  const presenting = usePresenter((s) => s.presenting);
  const beats = usePresenter((s) => s.beats);
  // Once loaded the bar stays mounted, so a second talk appears without a wait.
  const [barNeeded, setBarNeeded] = useState(false);
  if (presenting !== null && !barNeeded) setBarNeeded(true);

  useEffect(() => {
    if (startWith !== null) void usePresenter.getState().startPresenting(startWith);
  }, [startWith]);

  const beat = presenting ? beats[presenting.beat] : undefined;
  return (
    <>
      <p className="presenter-sr-only" aria-live="polite">
        {presenting && beat ? `Beat ${String(presenting.beat + 1)} of ${String(beats.length)}. ${beat.caption}` : ''}
      </p>
      {barNeeded && <PresenterBar />}
    </>
  );
}
