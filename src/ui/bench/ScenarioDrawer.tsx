import { useEffect, useLayoutEffect, useRef, type ReactNode } from 'react';
import { WhenNeeded } from '../WhenNeeded.tsx';
import { create } from 'zustand';

// The scenario's settings live in a drawer beside the bench (a bottom sheet on a phone), so the
// picture and the numbers keep the screen. It is not modal: the bench stays live while a slider
// moves, and the figures change beside it. It never covers the time controls: it starts below
// their bar (above it on a phone, where the bar is at the bottom). Esc or Close shuts it and
// hands focus back.

const PHONE = '(max-width: 40rem)';
const DRAWER_ID = 'scenario-drawer';

/** Keep the drawer clear of the time bar while it is open. */
function useClearOfTimeBar(open: boolean): void {
  useLayoutEffect(() => {
    if (!open) return;
    let frame = 0;
    const place = () => {
      frame = 0;
      const element = document.getElementById(DRAWER_ID);
      const bar = document.querySelector('.bench-time')?.getBoundingClientRect();
      if (!element || !bar) return;
      const phone = typeof window.matchMedia === 'function' && window.matchMedia(PHONE).matches;
      element.style.top = phone ? '' : `${String(Math.max(0, Math.round(bar.bottom)))}px`;
      element.style.bottom = phone ? `${String(Math.max(0, Math.round(window.innerHeight - bar.top)))}px` : '';
    };
    const schedule = () => {
      if (frame === 0) frame = requestAnimationFrame(place);
    };
    place();
    window.addEventListener('scroll', schedule, { passive: true });
    window.addEventListener('resize', schedule);
    return () => {
      cancelAnimationFrame(frame);
      window.removeEventListener('scroll', schedule);
      window.removeEventListener('resize', schedule);
    };
  }, [open]);
}

interface DrawerState {
  open: boolean;
  setOpen: (open: boolean) => void;
}

export const useDrawer = create<DrawerState>()((set) => ({
  open: false,
  setOpen: (open) => set({ open }),
}));

export function ScenarioDrawerButton() {
  const open = useDrawer((s) => s.open);
  const setOpen = useDrawer((s) => s.setOpen);
  return (
    <button type="button" className="drawer-button" aria-expanded={open} aria-controls={DRAWER_ID} onClick={() => setOpen(!open)}>
      <span aria-hidden="true">⚙</span> Scenario settings
    </button>
  );
}

/** `preload`: fetches the settings' code (they are drawn at idle, or at once when the drawer opens). */
export function ScenarioDrawer({ preload, children }: { preload?: () => Promise<unknown>; children: ReactNode }) {
  const open = useDrawer((s) => s.open);
  const setOpen = useDrawer((s) => s.setOpen);
  const heading = useRef<HTMLHeadingElement>(null);
  const opener = useRef<Element | null>(null);
  useClearOfTimeBar(open);
  useEffect(() => {
    if (open) {
      opener.current = document.activeElement;
      heading.current?.focus();
    } else if (opener.current instanceof HTMLElement) {
      opener.current.focus();
      opener.current = null;
    }
  }, [open]);
  return (
    <aside
      id={DRAWER_ID}
      className="scenario-drawer"
      aria-labelledby="controls-heading"
      hidden={!open}
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return;
        event.stopPropagation();
        setOpen(false);
      }}
    >
      <div className="drawer-head">
        <h2 id="controls-heading" tabIndex={-1} ref={heading}>
          Scenario settings
        </h2>
        <button type="button" aria-label="Close scenario settings" onClick={() => setOpen(false)}>
          Close
        </button>
      </div>
      <div className="drawer-body">
        {/* Not drawn during the first load: when the drawer opens, or when the browser is idle. */}
        <WhenNeeded what="the settings" now={open} preload={preload}>
          {children}
        </WhenNeeded>
      </div>
    </aside>
  );
}
