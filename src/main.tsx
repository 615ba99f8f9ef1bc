import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { LazyMotion } from 'framer-motion';
import { App } from './ui/App.tsx';
import './ui/app.css';
import { readUrlParams } from './state/urlParams.ts';
import { startLab } from './state/startLab.ts';
import { firstWorkerStarted } from './state/simRunner.ts';
import { useLab } from './state/store.ts';
import { openChallengeFromUrl } from './ui/teach/challengeUrl.ts';
import { OPENING_PRESET_ID, OPENING_SPEED, withOpening } from './ui/opening.ts';

const root = document.getElementById('root');
if (root === null) throw new Error('index.html has no #root element');

// The store starts here and nowhere else; the address is read before the first render, so a
// shared link never flashes the default run. An address that names nothing (no link, preset or
// challenge) opens on the opening lesson, playing.
const search = window.location.search;
const address = readUrlParams(search);
const params = new URLSearchParams(search).has('challenge') ? address : withOpening(address, window.location.hash);
startLab(params);
if (params.preset === OPENING_PRESET_ID && params.autoplay) useLab.getState().setSpeed(OPENING_SPEED);
if (!params.embed) openChallengeFromUrl(search);

// LazyMotion with the DOM animation features only (no layout animations): the lab needs fades and
// enter/exit, and the smaller bundle matters for pages embedded in slides.
const drawPage = (): void => {
  createRoot(root).render(
    <StrictMode>
      <LazyMotion features={() => import('./ui/motionFeatures.ts').then((r) => r.default)} strict>
        <App params={params} />
      </LazyMotion>
    </StrictMode>,
  );
};

// The first run's worker (started by startLab) needs a few moments of the main thread to start;
// drawing the first screen takes the main thread for a while (≈ 0.2 s at 4× CPU throttling), so
// the page draws once the worker has started, and the first figures arrive ≈ 0.3 s sooner. It
// waits 100 ms at most: a page whose worker cannot start still draws (and says why).
const WAIT_FOR_WORKER_MS = 100;
void Promise.race([firstWorkerStarted, new Promise((resolve) => setTimeout(resolve, WAIT_FOR_WORKER_MS))]).then(drawPage);
