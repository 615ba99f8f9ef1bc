import './share.css';
import { useLab } from '../../state/store.ts';

// Input the lab could not use (a damaged link, an unknown preset name) is reported here, as text:
// nothing from the address is ever rendered as HTML. The state the lab kept stays on screen.

export function Notice() {
  const notice = useLab((s) => s.notice);
  const setNotice = useLab((s) => s.setNotice);
  if (notice === null) return null;
  const [first, ...details] = notice.split('\n');
  return (
    <div className="notice" role="alert">
      <p className="notice-text">{first}</p>
      {details.length > 0 && (
        <ul className="notice-details">
          {details.map((line, index) => (
            <li key={index}>{line}</li>
          ))}
        </ul>
      )}
      <button type="button" className="notice-dismiss" onClick={() => setNotice(null)}>
        Dismiss
      </button>
    </div>
  );
}
