import { useEffect } from 'react';
import { startPlaybackLoop } from '../state/playbackLoop.ts';
import { TimeControls } from './time/TimeControls.tsx';
import { ShortcutsHelp } from './time/LazyShortcutsHelp.tsx';
import { useKeyboardShortcuts } from './time/useKeyboardShortcuts.ts';
import { ControlsPanel } from './controls/ControlsPanel.tsx';
import { Lanes } from './lanes/Lanes.tsx';
import { EventLog } from './lanes/LazyEventLog.tsx';
import { Charts } from './charts/LazyCharts.tsx';
import { Scoreboard } from './scoreboard/Scoreboard.tsx';
import { Explainers } from './explain/LazyExplainers.tsx';
import type { UrlParams } from '../state/urlParams.ts';
import { EmbedApp } from './embed/LazyEmbedApp.tsx';
import { PresetPicker } from './share/PresetPicker.tsx';
import { ShareButtons } from './share/ShareButtons.tsx';
import { Notice } from './share/Notice.tsx';
import { ExportPanel } from './export/LazyExportPanel.tsx';
import { GifExport } from './export/gif/LazyGifExport.tsx';
import { Presenter } from './presenter/Presenter.tsx';
import { PresenterButton } from './presenter/PresenterButton.tsx';
import { useLab } from '../state/store.ts';
import { PanelBoundary } from './PanelBoundary.tsx';
import { TeachMount } from './teach/TeachMount.tsx';

export function App({ params }: { params: UrlParams }) {
  useEffect(() => startPlaybackLoop(), []);
  useKeyboardShortcuts();
  return (
    <>
      {params.embed ? (
        <PanelBoundary name="The embedded lab">
          <EmbedApp />
        </PanelBoundary>
      ) : (
        <Lab />
      )}
      <ShortcutsHelp />
      {!params.embed && (
        <PanelBoundary name="Presenter mode">
          <Presenter startWith={params.present ? params.preset : null} />
        </PanelBoundary>
      )}
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
      <PanelBoundary name="The time controls">
        <TimeControls />
      </PanelBoundary>
      <main className="lab">
        <aside className="lab-controls" aria-labelledby="controls-heading">
          <h2 id="controls-heading">Scenario</h2>
          <PanelBoundary name="The scenario controls">
            <ControlsPanel />
          </PanelBoundary>
        </aside>
        <div className="lab-stage">
          <section aria-labelledby="lanes-heading" data-region="lanes">
            <h2 id="lanes-heading">On the wire</h2>
            <PanelBoundary name="The lanes">
              <Lanes />
            </PanelBoundary>
          </section>
          <section aria-labelledby="scoreboard-heading" data-region="scoreboard">
            <h2 id="scoreboard-heading">The numbers so far</h2>
            <PanelBoundary name="The scoreboard">
              <Scoreboard />
            </PanelBoundary>
          </section>
          <section aria-labelledby="charts-heading" data-region="charts">
            <h2 id="charts-heading">Live charts</h2>
            <PanelBoundary name="The charts">
              <Charts />
            </PanelBoundary>
          </section>
          <section aria-labelledby="export-heading" data-region="export">
            <h2 id="export-heading">Export and import</h2>
            <PanelBoundary name="Export and import">
              <ExportPanel />
              <GifExport />
            </PanelBoundary>
          </section>
          <section aria-labelledby="explain-heading" data-region="explain">
            <h2 id="explain-heading">How each one works</h2>
            <PanelBoundary name="How each one works">
              <Explainers />
            </PanelBoundary>
          </section>
          <section aria-labelledby="log-heading" data-region="log">
            <h2 id="log-heading">Event log</h2>
            <PanelBoundary name="The event log">
              <EventLog />
            </PanelBoundary>
          </section>
        </div>
      </main>
    </>
  );
}
