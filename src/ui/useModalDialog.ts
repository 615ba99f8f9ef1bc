import { useEffect, useRef, type RefObject } from 'react';

// A <dialog> shown modally while `open`: the browser keeps focus inside it while it is open. Focus
// is moved in (to `focusOnOpen` when given) and handed back to what opened it on close explicitly,
// so it does not depend on each browser's dialog focusing.

export function useModalDialog(open: boolean, focusOnOpen?: RefObject<HTMLElement | null>) {
  const dialog = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLElement | null>(null);
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) {
      opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      element.showModal();
      focusOnOpen?.current?.focus();
    }
    if (!open && element.open) {
      element.close();
      opener.current?.focus();
      opener.current = null;
    }
  }, [open, focusOnOpen]);
  return dialog;
}
