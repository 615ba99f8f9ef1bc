import { useEffect } from 'react';
import { startPlaybackLoop } from '../state/playbackLoop.ts';
import { TimeControls } from './time/TimeControls.tsx';
import { ShortcutsHelp } from './time/LazyShortcutsHelp.tsx';
import { useKeyboardShortcuts, type KeyHandler } from './time/useKeyboardShortcuts.ts';
import { useStepLaneFocus } from './time/useStepLaneFocus.ts';
import { ControlsPanel } from './controls/LazyControlsPanel.tsx';
import { LaneLegend, Lanes } from './lanes/Lanes.tsx';
import { EventLog } from './lanes/LazyEventLog.tsx';
import { Charts } from './charts/LazyCharts.tsx';
import { Comparison } from './comparison/Comparison.tsx';
import { Explainers } from './explain/LazyExplainers.tsx';
import type { UrlParams } from '../state/urlParams.ts';
import { EmbedApp } from './embed/LazyEmbedApp.tsx';
import { PresetNotes, PresetPicker, ScenarioTitle } from './share/PresetPicker.tsx';
import { ShareButtons } from './share/ShareButtons.tsx';
import { Notice } from './share/Notice.tsx';
import { ExportPanel } from './export/LazyExportPanel.tsx';
import { GifExport } from './export/gif/LazyGifExport.tsx';
import { ScenarioDrop } from './export/ScenarioDrop.tsx';
import { Presenter } from './presenter/Presenter.tsx';
import { PresenterButton } from './presenter/PresenterButton.tsx';
import { handlePresenterKey } from './presenter/presenterStore.ts';
import { ScenarioDrawer, ScenarioDrawerButton } from './bench/ScenarioDrawer.tsx';
import { useLab } from '../state/store.ts';
import { PanelBoundary } from './PanelBoundary.tsx';
import { TeachMount } from './teach/TeachMount.tsx';
import { CompareButton } from './compare/CompareButton.tsx';
import { CompareView } from './compare/LazyCompare.tsx';
import { WhenNeeded } from './WhenNeeded.tsx';
import './bench/bench.css';

// The page is composed here: the features' key handlers (presenter keys before the lab's own), Step
// following the lane in focus, the page-wide drop target for scenario files, and the bench: on one
// screen the scenario's name, the time controls, a lane per mechanism and the comparison (in
// "Compare with…" mode, runs A and B side by side in their place); charts, explanations, the event
// log and export follow below it (drawn when needed, WhenNeeded.tsx), and the scenario's settings
// open in a drawer (a bottom sheet on a phone).

const KEY_HANDLERS: readonly KeyHandler[] = [handlePresenterKey];

export function App({ params }: { params: UrlParams }) {
  useEffect(() => startPlaybackLoop(), []);
  useKeyboardShortcuts(KEY_HANDLERS);
  useStepLaneFocus();
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

const MORE = [
  ['charts', 'Live charts'],
  ['explain', 'How each one works'],
  ['log', 'Event log'],
  ['export', 'Export and import'],
] as const;

/** Scrolls a section below the bench into view (no # links: the address hash holds the run). */
function scrollToSection(id: string): void {
  const heading = document.getElementById(`${id}-heading`);
  heading?.scrollIntoView({ block: 'start' });
  heading?.parentElement?.focus({ preventScroll: true });
}

function Lab() {
  const presetId = useLab((s) => s.presetId);
  // "Compare with…" mode: run A and run B side by side take the place of the lanes and the scoreboard.
  const comparing = useLab((s) => s.compare !== null);
  return (
    <>
      <header className="bench-header">
        <h1>Push/Pull Lab</h1>
        <div className="lesson-bar">
          <PresetPicker />
          <ScenarioDrawerButton />
          <CompareButton />
          <PresenterButton presetId={presetId} />
          <ShareButtons />
        </div>
      </header>
      <Notice />
      <div className="bench-lesson">
        <ScenarioTitle />
        <PresetNotes />
      </div>
      <div className="bench-time">
        <PanelBoundary name="The time controls">
          <TimeControls />
        </PanelBoundary>
      </div>
      <main className="bench">
        {comparing ? (
          <PanelBoundary name="The comparison of two runs">
            <CompareView />
          </PanelBoundary>
        ) : (
          <>
            <section className="bench-lanes" aria-labelledby="lanes-heading" data-region="lanes">
              <h2 id="lanes-heading" className="visually-hidden">
                On the wire
              </h2>
              <PanelBoundary name="The lanes">
                <Lanes legend={false} />
              </PanelBoundary>
            </section>
            <section className="bench-comparison" aria-labelledby="scoreboard-heading" data-region="scoreboard">
              <h2 id="scoreboard-heading" className="visually-hidden">
                The numbers so far
              </h2>
              <PanelBoundary name="The comparison">
                <Comparison />
              </PanelBoundary>
            </section>
          </>
        )}
        <LaneLegend />
        <nav className="bench-more" aria-label="More below">
          More below:{' '}
          {MORE.map(([id, name], i) => (
            <span key={id}>
              {i > 0 && ' · '}
              <button type="button" className="link-button" onClick={() => scrollToSection(id)}>
                {name}
              </button>
            </span>
          ))}
        </nav>
        <div className="bench-teach">
          <TeachMount />
        </div>
        <div className="bench-secondary">
          <section aria-labelledby="charts-heading" data-region="charts" tabIndex={-1}>
            <h2 id="charts-heading">Live charts</h2>
            <PanelBoundary name="The charts">
              <WhenNeeded what="charts" preload={Charts.preload}>
                <Charts oneByOne />
              </WhenNeeded>
            </PanelBoundary>
          </section>
          <section aria-labelledby="explain-heading" data-region="explain" tabIndex={-1}>
            <h2 id="explain-heading">How each one works</h2>
            <PanelBoundary name="How each one works">
              <WhenNeeded what="explanations" preload={Explainers.preload}>
                <Explainers />
              </WhenNeeded>
            </PanelBoundary>
          </section>
          <section aria-labelledby="log-heading" data-region="log" tabIndex={-1}>
            <h2 id="log-heading">Event log</h2>
            <PanelBoundary name="The event log">
              <WhenNeeded what="the event log" preload={EventLog.preload}>
                <EventLog />
              </WhenNeeded>
            </PanelBoundary>
          </section>
          <section aria-labelledby="export-heading" data-region="export" tabIndex={-1}>
            <h2 id="export-heading">Export and import</h2>
            <PanelBoundary name="Export and import">
              {/* The panel is drawn at once: it holds the page-wide drop target for scenario files. */}
              <ExportPanel />
              <WhenNeeded what="the video and GIF export" preload={GifExport.preload}>
                <GifExport />
              </WhenNeeded>
            </PanelBoundary>
          </section>
        </div>
      </main>
      <ScenarioDrawer preload={ControlsPanel.preload}>
        <PanelBoundary name="The scenario controls">
          <ControlsPanel />
        </PanelBoundary>
      </ScenarioDrawer>
      <ScenarioDrop />
    </>
  );
}
