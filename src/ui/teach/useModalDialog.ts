import { useEffect, useRef } from 'react';

// A <dialog> shown modally while `open`, giving focus back to what opened it on close.

export function useModalDialog(open: boolean) {
  const dialog = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLElement | null>(null);
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) {
      opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      element.showModal();
    }
    if (!open && element.open) {
      element.close();
      opener.current?.focus();
    }
  }, [open]);
  return dialog;
}
