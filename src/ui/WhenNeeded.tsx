import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useLab } from '../state/store.ts';
import { usePresenter } from './presenter/presenterStore.ts';

// A part below the first screen (charts, explanations, event log, export) is drawn when it is
// needed, not during the first load: once the first run's figures are on screen, when its place
// comes into view (scrolling, a "More below" link), or else when the browser is idle, one part per
// idle period. (Not a transition: while the lab plays, every frame's update would restart a
// transition's render, and it would never finish.) Until then its place holds a one-line status,
// like a part whose code is still loading.

/** Parts waiting for an idle period, in page order: one is mounted per idle callback. */
const queue: (() => void)[] = [];
let scheduled = false;

/** The browser's next idle period (no deadline: a part never pushes in while the page is busy). */
const whenIdle = (run: () => void): void => {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(run);
  else setTimeout(run, 200);
};

function mountNextWhenIdle(): void {
  if (scheduled) return;
  scheduled = true;
  whenIdle(() => {
    scheduled = false;
    queue.shift()?.();
    if (queue.length > 0) mountNextWhenIdle();
  });
}

/**
 * `now`: the part is needed at once (e.g. the closed drawer holding it has been opened). A talk
 * (presenter mode) may light any part, so while one runs every part is drawn.
 */
export function WhenNeeded({ what, now = false, children }: { what: string; now?: boolean; children: ReactNode }) {
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
    queue.push(show);
    mountNextWhenIdle();
    return () => {
      observer?.disconnect();
      const at = queue.indexOf(show);
      if (at >= 0) queue.splice(at, 1);
    };
  }, [needed, settled]);
  if (needed) return children;
  return (
    <p ref={placeholder} className="lazy-loading when-needed" role="status">
      Loading {what}…
    </p>
  );
}
