import { useLab } from '../../state/store.ts';
import { usePlayheadSecond } from '../../state/selectors.ts';
import { labUrl } from '../../state/urlSync.ts';
import { Lanes } from '../lanes/Lanes.tsx';
import { Charts } from '../charts/LazyCharts.tsx';
import { ChartsFillBox } from '../charts/chartBox.ts';
import { Comparison as Scoreboard } from '../comparison/Comparison.tsx';
import { TimeControls } from '../time/TimeControls.tsx';
import { Notice } from '../share/Notice.tsx';
import { useFrameLayout } from './useFrameLayout.ts';
import './embed.css';

// The page inside an iframe (`?embed`, issue 4 item 3): one view, compact time controls and a way
// out to the full lab, filling a 16:9 frame from 480×270 to 1920×1080 without page scrolling.

function OpenInLab() {
  // Re-rendered once a simulated second so the link carries a recent playhead.
  usePlayheadSecond();
  useLab((s) => s.scenario);
  return (
    <a className="embed-open" href={labUrl()} target="_blank" rel="noopener">
      Open in Push/Pull Lab<span aria-hidden="true"> ↗</span>
    </a>
  );
}

/** `small`: a frame about 480×270, where lanes sharing it with the scoreboard draw one client each. */
function EmbedView({ small }: { small: boolean }) {
  const view = useLab((s) => s.view);
  switch (view) {
    case 'lanes':
      return (
        <section aria-label="On the wire" data-region="lanes">
          <Lanes />
        </section>
      );
    case 'charts':
      return (
        <section aria-label="Live charts" data-region="charts">
          {/* Each chart takes the height the frame leaves it. */}
          <ChartsFillBox value={true}>
            <Charts />
          </ChartsFillBox>
        </section>
      );
    case 'scoreboard':
      return (
        <section aria-label="The numbers so far" data-region="scoreboard">
          <Scoreboard />
        </section>
      );
    default:
      return (
        <>
          <section aria-label="On the wire" data-region="lanes">
            <Lanes maxRows={small ? 1 : undefined} />
          </section>
          <section aria-label="The numbers so far" data-region="scoreboard">
            <Scoreboard />
          </section>
        </>
      );
  }
}

export function EmbedApp() {
  const name = useLab((s) => s.scenario.name);
  const view = useLab((s) => s.view);
  const { scale, designWidth, designHeight } = useFrameLayout();
  const small = designHeight < 360;
  return (
    <div
      className="embed"
      data-view={view}
      data-size={small ? 'small' : 'large'}
      style={{ width: designWidth, height: designHeight, transform: scale === 1 ? undefined : `scale(${String(scale)})` }}
    >
      <div className="embed-top">
        <header className="embed-bar">
          <h1 className="embed-title">{name}</h1>
          <OpenInLab />
        </header>
        <TimeControls compact />
      </div>
      <Notice />
      <main className="embed-body">
        <EmbedView small={small} />
      </main>
    </div>
  );
}
