import { startTransition, useEffect, useRef, useState, type ReactNode } from 'react';
import { useLab } from '../state/store.ts';

// A part below the first screen (charts, explanations, event log, export) is drawn when it is
// needed, not during the first load: once the first run's figures are on screen, when its place
// comes into view (scrolling, a "More below" link), or else when the browser is idle, one part per
// idle period. Each mount is a transition, so React renders it in slices and a click or key press
// does not wait for it. Until then its place holds a one-line status, like a part whose code is
// still loading.

/** Parts waiting for an idle period, in page order: one is mounted per idle callback. */
const queue: (() => void)[] = [];
let scheduled = false;

const whenIdle = (run: () => void): void => {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(run, { timeout: 3000 });
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

/** `now`: the part is needed at once (e.g. the closed drawer holding it has been opened). */
export function WhenNeeded({ what, now = false, children }: { what: string; now?: boolean; children: ReactNode }) {
  const [needed, setNeeded] = useState(now);
  if (now && !needed) setNeeded(true);
  const placeholder = useRef<HTMLParagraphElement>(null);
  // The first run has answered (figures, an error or a refusal): the first screen is complete.
  const settled = useLab((s) => s.status !== 'idle' && s.status !== 'running');
  useEffect(() => {
    // Nothing below is drawn before the first screen is complete: until the figures arrive the
    // bench is shorter, and a part that shows through then would compete with them.
    if (needed || !settled) return;
    const show = () => startTransition(() => setNeeded(true));
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
