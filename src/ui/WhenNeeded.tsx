import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useLab } from '../state/store.ts';
import { whenIdle } from '../state/whenIdle.ts';
import { usePresenter } from './presenter/presenterStore.ts';

// A part below the first screen (charts, explanations, event log, export) is drawn when it is
// needed, not during the first load: once the first run's figures are on screen, when its place
// comes into view (scrolling, a "More below" link), or else when the browser is idle. Parts are
// drawn one at a time, in page order: a part's code is fetched first, and it is drawn in the idle
// period after it has arrived (two parts whose code arrived together would otherwise be drawn in
// one frame). A part of several heavy pieces (the six charts) draws one piece per idle period too
// (useOneByOne), so no single task after the first figures draws more than one. (Not a
// transition: while the lab plays, every frame's update would restart a transition's render, and
// it would never finish.) Until then its place holds a one-line status, like a part whose code is
// still loading.

/** A part waiting to be drawn: first its code is fetched (`prepare`), then it is drawn (`show`). */
interface Waiting {
  prepare?: () => Promise<unknown>;
  show: () => void;
}

/** Parts waiting for an idle period, in page order: one is drawn at a time. */
const queue: Waiting[] = [];
let scheduled = false;

const unqueue = (show: () => void): void => {
  const at = queue.findIndex((waiting) => waiting.show === show);
  if (at >= 0) queue.splice(at, 1);
};

/**
 * Draws the next waiting part in an idle period, once its code has arrived, and only then looks at
 * the next one: two parts whose code arrived together would otherwise be drawn in the same frame.
 */
function mountNextWhenIdle(): void {
  if (scheduled) return;
  scheduled = true;
  whenIdle(() => {
    const next = queue.shift();
    const draw = (): void => {
      scheduled = false;
      next?.show();
      if (queue.length > 0) mountNextWhenIdle();
    };
    const prepared = next?.prepare?.();
    // A part whose code fails to load is drawn anyway: its PanelBoundary shows the failure.
    if (prepared) prepared.then(() => { whenIdle(draw); }, () => { whenIdle(draw); });
    else draw();
  });
}

/**
 * `now`: the part is needed at once (e.g. the closed drawer holding it has been opened). A talk
 * (presenter mode) may light any part, so while one runs every part is drawn.
 */
interface WhenNeededProps {
  what: string;
  now?: boolean;
  /** Fetches the part's code (a lazy part's `preload`), so drawing it never waits on the network. */
  preload?: () => Promise<unknown>;
  children: ReactNode;
}

export function WhenNeeded({ what, now = false, preload, children }: WhenNeededProps) {
  const presenting = usePresenter((s) => s.presenting !== null);
  const [needed, setNeeded] = useState(now || presenting);
  if ((now || presenting) && !needed) setNeeded(true);
  const placeholder = useRef<HTMLParagraphElement>(null);
  // The first run has answered (figures, an error or a refusal): the first screen is complete.
  const settled = useLab((s) => s.status !== 'idle' && s.status !== 'running');
  useEffect(() => {
    // Nothing below is drawn before the first screen is complete: until the figures arrive the
    // bench is shorter, and a part that shows through then would compete with them.
    if (needed || !settled) return;
    const show = () => setNeeded(true);
    const element = placeholder.current;
    const observer = typeof IntersectionObserver === 'function' && element
      ? new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && show())
      : null;
    if (element) observer?.observe(element);
    queue.push({ prepare: preload, show });
    mountNextWhenIdle();
    return () => {
      observer?.disconnect();
      unqueue(show);
    };
  }, [needed, settled, preload]);
  if (needed) return children;
  return (
    <p ref={placeholder} className="lazy-loading when-needed" role="status">
      Loading {what}…
    </p>
  );
}

/**
 * How many of a part's `count` pieces to draw: the first at once, then one more per idle period,
 * ahead of the parts still waiting below it (the part is being drawn, so it is finished first);
 * all of them at once when `all` (a view that needs them together) or while a talk runs (it may
 * light any piece), as WhenNeeded draws every part then.
 */
export function useOneByOne(count: number, all: boolean): number {
  const presenting = usePresenter((s) => s.presenting !== null);
  const [drawn, setDrawn] = useState(1);
  const everything = all || presenting;
  const done = everything || drawn >= count;
  useEffect(() => {
    if (done) return;
    const next = () => setDrawn((n) => n + 1);
    queue.unshift({ show: next });
    mountNextWhenIdle();
    return () => unqueue(next);
  }, [done, drawn]);
  return everything ? count : Math.min(drawn, count);
}
