import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { LazyMotion } from 'framer-motion';
import { App } from './ui/App.tsx';
import './ui/app.css';
import { readUrlParams } from './state/urlParams.ts';
import { startLab } from './state/startLab.ts';
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
createRoot(root).render(
  <StrictMode>
    <LazyMotion features={() => import('./ui/motionFeatures.ts').then((r) => r.default)} strict>
      <App params={params} />
    </LazyMotion>
  </StrictMode>,
);
