import { useEffect } from 'react';
import { startPlaybackLoop } from '../state/playbackLoop.ts';
import { TimeControls } from './time/TimeControls.tsx';
import { ShortcutsHelp } from './time/ShortcutsHelp.tsx';
import { useKeyboardShortcuts } from './time/useKeyboardShortcuts.ts';
import { ControlsPanel } from './controls/ControlsPanel.tsx';
import { Lanes } from './lanes/Lanes.tsx';
import { EventLog } from './lanes/EventLog.tsx';
import { Charts } from './charts/Charts.tsx';
import { Scoreboard } from './scoreboard/Scoreboard.tsx';
import { Explainers } from './explain/Explainers.tsx';
import type { UrlParams } from '../state/urlParams.ts';
import { EmbedApp } from './embed/EmbedApp.tsx';
import { PresetPicker } from './share/PresetPicker.tsx';
import { ShareButtons } from './share/ShareButtons.tsx';
import { Notice } from './share/Notice.tsx';
import { ExportPanel } from './export/ExportPanel.tsx';
import { GifExport } from './export/gif/GifExport.tsx';
import { Presenter } from './presenter/Presenter.tsx';
import { PresenterButton } from './presenter/PresenterButton.tsx';
import { useLab } from '../state/store.ts';
import { TeachMount } from './teach/TeachMount.tsx';

export function App({ params }: { params: UrlParams }) {
  useEffect(() => startPlaybackLoop(), []);
  useKeyboardShortcuts();
  return (
    <>
      {params.embed ? <EmbedApp /> : <Lab />}
      <ShortcutsHelp />
      {!params.embed && <Presenter startWith={params.present ? params.preset : null} />}
    </>
  );
}

function Lab() {
  const presetId = useLab((s) => s.presetId);
  return (
    <>
      <header className="page-header">
        <h1>Push/Pull Lab</h1>
        <p>
          Five ways for a server to get news to its clients (polling, long polling, Server-Sent Events,
          WebSockets and webhooks) simulated side by side on the same stream of events, right here in your
          browser. Press play, watch the messages, and compare what each one costs.
        </p>
      </header>
      <Notice />
      <div className="lesson-bar">
        <PresetPicker />
        <PresenterButton presetId={presetId} />
        <ShareButtons />
        <TeachMount />
      </div>
      <TimeControls />
      <main className="lab">
        <aside className="lab-controls" aria-labelledby="controls-heading">
          <h2 id="controls-heading">Scenario</h2>
          <ControlsPanel />
        </aside>
        <div className="lab-stage">
          <section aria-labelledby="lanes-heading" data-region="lanes">
            <h2 id="lanes-heading">On the wire</h2>
            <Lanes />
          </section>
          <section aria-labelledby="scoreboard-heading" data-region="scoreboard">
            <h2 id="scoreboard-heading">The numbers so far</h2>
            <Scoreboard />
          </section>
          <section aria-labelledby="charts-heading" data-region="charts">
            <h2 id="charts-heading">Live charts</h2>
            <Charts />
          </section>
          <section aria-labelledby="export-heading" data-region="export">
            <h2 id="export-heading">Export and import</h2>
            <ExportPanel />
            <GifExport />
          </section>
          <section aria-labelledby="explain-heading" data-region="explain">
            <h2 id="explain-heading">How each one works</h2>
            <Explainers />
          </section>
          <section aria-labelledby="log-heading" data-region="log">
            <h2 id="log-heading">Event log</h2>
            <EventLog />
          </section>
        </div>
      </main>
    </>
  );
}
