import { useRef } from 'react';
import { useLab } from '../../state/store.ts';
import { useModalDialog } from '../useModalDialog.ts';
import { PRESENTER_KEYS } from '../presenter/presenterKeys.ts';
import { SHORTCUTS } from './shortcuts.ts';
import './time.css';

// A modal <dialog> (useModalDialog.ts) listing the keys; focus goes to its Close button.

function KeyTable({ caption, rows }: { caption: string; rows: readonly { keys: readonly string[]; action: string }[] }) {
  return (
    <table>
      <caption className="visually-hidden">{caption}</caption>
      <tbody>
        {rows.map(({ keys, action }) => (
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
  );
}

export function ShortcutsHelp() {
  const open = useLab((s) => s.helpOpen);
  const setHelpOpen = useLab((s) => s.setHelpOpen);
  const closeButton = useRef<HTMLButtonElement>(null);
  const dialog = useModalDialog(open, closeButton);

  return (
    <dialog
      ref={dialog}
      className="shortcuts-help"
      aria-labelledby="shortcuts-title"
      aria-modal="true"
      onClose={() => setHelpOpen(false)}
      onCancel={(event) => {
        event.preventDefault();
        setHelpOpen(false);
      }}
    >
      <h2 id="shortcuts-title">Keyboard shortcuts</h2>
      <KeyTable caption="Keys and what they do" rows={SHORTCUTS} />
      <h3>While presenting a talk</h3>
      <KeyTable caption="Keys of presenter mode" rows={PRESENTER_KEYS} />
      <p className="shortcuts-note">
        Shortcuts pause while you type in a field. On a focused slider the arrow keys move the slider; on the
        Timeline, Shift + arrow jumps 10 s.
      </p>
      <button type="button" ref={closeButton} onClick={() => setHelpOpen(false)}>
        Close
      </button>
    </dialog>
  );
}
