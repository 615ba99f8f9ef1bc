import './export.css';
import { useId, useRef, useState } from 'react';
import { useLab } from '../../state/store.ts';
import { useRecording } from '../../state/selectors.ts';
import { scoreboardCsv, scoreboardData, seriesCsv, seriesData, toJson } from './dataExport.ts';
import { downloadBlob } from './download.ts';
import { exportFileName, scenarioFileName } from './fileNames.ts';
import { IMAGE_TARGETS, exportImage, type ImageTargetId } from './imageExport.ts';
import { scenarioToFileText } from './scenarioFile.ts';
import { useLastImport, type ImportMessage } from './importMessage.ts';
import { importScenarioFiles } from './scenarioImport.ts';
import { MessageLines } from './MessageLines.tsx';

// "Export and import": pictures of the charts and lanes, the numbers behind them, and the scenario
// as a file. Everything is made in the page from the current state and saved as a download. A file
// coming in is read as text and only ever shown as text. Files dropped on the page arrive through
// the App's drop target (ScenarioDrop.tsx), which answers in its own place.

type Message = ImportMessage | null;

const CSV = 'text/csv;charset=utf-8';
const JSON_TYPE = 'application/json';

export function ExportPanel() {
  const id = useId();
  const recording = useRecording();
  const [target, setTarget] = useState<ImageTargetId>('lanes');
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<Message>(null);
  const last = useLastImport((state) => state.last);
  const imported = last?.from === 'picked' ? last.message : null;
  const fileInput = useRef<HTMLInputElement>(null);

  const save = (blob: Blob, fileName: string) => {
    downloadBlob(blob, fileName);
    setSaved({ kind: 'saved', text: `Saved ${fileName}.` });
  };

  const saveImage = async (format: 'svg' | 'png') => {
    if (!recording) return;
    setBusy(true);
    try {
      const file = await exportImage(target, format, recording, useLab.getState().playheadMs);
      save(file.blob, file.fileName);
    } catch (error) {
      setSaved({ kind: 'error', text: error instanceof Error ? error.message : 'The picture could not be made.' });
    } finally {
      setBusy(false);
    }
  };

  const saveData = (what: 'scoreboard' | 'series', format: 'csv' | 'json') => {
    if (!recording) return;
    const playheadMs = useLab.getState().playheadMs;
    let text: string;
    if (what === 'scoreboard') {
      const data = scoreboardData(recording, playheadMs);
      text = format === 'json' ? toJson(data) : scoreboardCsv(data);
    } else {
      const data = seriesData(recording, playheadMs);
      text = format === 'json' ? toJson(data) : seriesCsv(data);
    }
    save(new Blob([text], { type: format === 'csv' ? CSV : JSON_TYPE }), exportFileName(recording.scenario.name, what, playheadMs, format));
  };

  const saveScenario = () => {
    const { scenario } = useLab.getState();
    save(new Blob([scenarioToFileText(scenario)], { type: JSON_TYPE }), scenarioFileName(scenario.name));
  };

  const noRun = recording === null;
  const noRunId = `${id}-no-run`;
  const disabledProps = { disabled: noRun || busy, 'aria-describedby': noRun ? noRunId : undefined };

  return (
    <div className="export-panel">
      {noRun && (
        <p className="export-note" id={noRunId}>
          Pictures and data are available once the first run is ready.
        </p>
      )}
      <div className="export-groups">
        <section className="export-group" aria-labelledby={`${id}-images`}>
          <h3 id={`${id}-images`}>Pictures</h3>
          <p className="export-intro">The lanes or one chart as drawn at the playhead, with a title, on the page’s background.</p>
          <label className="export-field">
            Picture of
            <select value={target} onChange={(e) => setTarget(e.target.value as ImageTargetId)}>
              {IMAGE_TARGETS.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.label}
                </option>
              ))}
            </select>
          </label>
          <div className="export-actions">
            <button type="button" {...disabledProps} onClick={() => void saveImage('png')}>
              PNG
            </button>
            <button type="button" {...disabledProps} onClick={() => void saveImage('svg')}>
              SVG
            </button>
          </div>
        </section>

        <section className="export-group" aria-labelledby={`${id}-data`}>
          <h3 id={`${id}-data`}>Data</h3>
          <p className="export-intro">
            Raw numbers for a spreadsheet or a notebook: the scoreboard at the playhead (one row per mechanism), and every
            per-second series up to the playhead (one row per mechanism and second).
          </p>
          <div className="export-data-row" role="group" aria-label="Scoreboard">
            <span aria-hidden="true">
              Scoreboard
            </span>
            <button type="button" {...disabledProps} onClick={() => saveData('scoreboard', 'csv')} aria-label="Scoreboard CSV">
              CSV
            </button>
            <button type="button" {...disabledProps} onClick={() => saveData('scoreboard', 'json')} aria-label="Scoreboard JSON">
              JSON
            </button>
          </div>
          <div className="export-data-row" role="group" aria-label="Per-second series">
            <span aria-hidden="true">
              Per-second series
            </span>
            <button type="button" {...disabledProps} onClick={() => saveData('series', 'csv')} aria-label="Per-second series CSV">
              CSV
            </button>
            <button type="button" {...disabledProps} onClick={() => saveData('series', 'json')} aria-label="Per-second series JSON">
              JSON
            </button>
          </div>
        </section>

        <section className="export-group" aria-labelledby={`${id}-scenario`}>
          <h3 id={`${id}-scenario`}>Scenario file</h3>
          <p className="export-intro">
            Every setting of the lab as a JSON file, to keep, edit or send. Load one with the button, or drop a .json file
            anywhere on the page.
          </p>
          <div className="export-actions">
            <button type="button" onClick={saveScenario}>
              Export JSON
            </button>
            <button type="button" onClick={() => fileInput.current?.click()}>
              Import JSON file…
            </button>
            <input
              ref={fileInput}
              type="file"
              accept=".json,application/json"
              hidden
              aria-label="Scenario file to import"
              onChange={(e) => {
                const files = [...(e.target.files ?? [])];
                // Clearing the value lets the same file be picked again after fixing it.
                e.target.value = '';
                if (files.length > 0) void importScenarioFiles(files, 'picked');
              }}
            />
          </div>
          {imported?.kind === 'error' ? (
            <div className="export-error" role="alert">
              <MessageLines text={imported.text} />
            </div>
          ) : null}
          <p className="export-status" role="status">
            {imported?.kind === 'saved' ? imported.text : ''}
          </p>
        </section>
      </div>
      {saved?.kind === 'error' ? (
        <p className="export-error" role="alert">
          {saved.text}
        </p>
      ) : null}
      <p className="export-status" role="status">
        {saved?.kind === 'saved' ? saved.text : ''}
      </p>
    </div>
  );
}
