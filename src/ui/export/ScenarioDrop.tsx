import { useEffect } from 'react';
import { clearLastImport, useLastImport } from './importMessage.ts';
import { MessageLines } from './MessageLines.tsx';
import { useScenarioDrop } from './useScenarioDrop.ts';
import './scenarioDrop.css';

// The page-wide drop target for scenario files, which the App mounts: a frame while files are
// dragged over the page, and the answer to a drop in view wherever the page is scrolled. The code
// that reads the file loads with the first drop.

export function ScenarioDrop() {
  const dragging = useScenarioDrop((files) => {
    void import('./scenarioImport.ts').then((m) => m.importScenarioFiles(files, 'dropped'));
  });
  const last = useLastImport((s) => s.last);
  const dropped = last?.from === 'dropped' ? last.message : null;

  // A successful drop needs no lasting note (the lab shows the new scenario); a failed one stays.
  useEffect(() => {
    if (dropped?.kind !== 'saved') return;
    const timer = setTimeout(clearLastImport, 6000);
    return () => clearTimeout(timer);
  }, [dropped]);

  return (
    <>
      {dragging && (
        <div className="scenario-drop-hint">
          <p>Drop a scenario file (.json) to load it</p>
        </div>
      )}
      {dropped && (
        <div className={`scenario-drop-result${dropped.kind === 'error' ? ' is-error' : ''}`} role={dropped.kind === 'error' ? 'alert' : 'status'}>
          <div className="scenario-drop-text">
            <MessageLines text={dropped.text} />
          </div>
          <button type="button" onClick={clearLastImport}>
            Dismiss
          </button>
        </div>
      )}
    </>
  );
}
