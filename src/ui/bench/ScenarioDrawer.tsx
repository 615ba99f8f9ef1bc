import { useEffect, useRef, type ReactNode } from 'react';
import { create } from 'zustand';

// The scenario's settings live in a drawer beside the bench (a bottom sheet on a phone), so the
// picture and the numbers keep the screen. It is not modal: the bench stays live while a slider
// moves, and the figures change beside it. Esc or Close shuts it and hands focus back.

interface DrawerState {
  open: boolean;
  setOpen: (open: boolean) => void;
}

export const useDrawer = create<DrawerState>()((set) => ({
  open: false,
  setOpen: (open) => set({ open }),
}));

const DRAWER_ID = 'scenario-drawer';

export function ScenarioDrawerButton() {
  const open = useDrawer((s) => s.open);
  const setOpen = useDrawer((s) => s.setOpen);
  return (
    <button type="button" className="drawer-button" aria-expanded={open} aria-controls={DRAWER_ID} onClick={() => setOpen(!open)}>
      <span aria-hidden="true">⚙</span> Scenario settings
    </button>
  );
}

export function ScenarioDrawer({ children }: { children: ReactNode }) {
  const open = useDrawer((s) => s.open);
  const setOpen = useDrawer((s) => s.setOpen);
  const heading = useRef<HTMLHeadingElement>(null);
  const opener = useRef<Element | null>(null);
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
      <div className="drawer-body">{children}</div>
    </aside>
  );
}
