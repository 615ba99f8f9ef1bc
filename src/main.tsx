import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { LazyMotion, domAnimation } from 'framer-motion';
import { App } from './ui/App.tsx';
import './ui/app.css';
import { readUrlParams } from './state/urlParams.ts';
import { startUrlSync } from './state/urlSync.ts';
import { useLab } from './state/store.ts';
import { OPENING_PRESET_ID, OPENING_SPEED, withOpening } from './ui/opening.ts';

const root = document.getElementById('root');
if (root === null) throw new Error('index.html has no #root element');

// The address is read before the first render, so a shared link never flashes the default run.
// An address that names nothing opens on the opening lesson, playing.
const params = withOpening(readUrlParams(window.location.search), window.location.hash);
startUrlSync(params);
if (params.preset === OPENING_PRESET_ID && params.autoplay) useLab.getState().setSpeed(OPENING_SPEED);

// LazyMotion with the DOM animation features only (no layout animations): the lab needs fades and
// enter/exit, and the smaller bundle matters for pages embedded in slides.
createRoot(root).render(
  <StrictMode>
    <LazyMotion features={domAnimation} strict>
      <App params={params} />
    </LazyMotion>
  </StrictMode>,
);
