import { useEffect, useRef } from 'react';
import { useLab } from '../../state/store.ts';
import { SHORTCUTS } from './shortcuts.ts';
import './time.css';

// A modal <dialog>: the browser traps focus and restores it to the opener when it closes.

export function ShortcutsHelp() {
  const open = useLab((s) => s.helpOpen);
  const setHelpOpen = useLab((s) => s.setHelpOpen);
  const dialog = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) element.showModal();
    if (!open && element.open) element.close();
  }, [open]);

  return (
    <dialog
      ref={dialog}
      className="shortcuts-help"
      aria-labelledby="shortcuts-title"
      onClose={() => setHelpOpen(false)}
      onCancel={(event) => {
        event.preventDefault();
        setHelpOpen(false);
      }}
    >
      <h2 id="shortcuts-title">Keyboard shortcuts</h2>
      <table>
        <caption className="visually-hidden">Keys and what they do</caption>
        <tbody>
          {SHORTCUTS.map(({ keys, action }) => (
            <tr key={action}>
              <th scope="row">
                {keys.map((k) => (
                  <kbd key={k}>{k}</kbd>
                ))}
              </th>
              <td>{action}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="shortcuts-note">Shortcuts pause while you type in a field or move a focused slider.</p>
      <button type="button" onClick={() => setHelpOpen(false)} autoFocus>
        Close
      </button>
    </dialog>
  );
}
