import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { LazyMotion } from 'framer-motion';
import { App } from './ui/App.tsx';
import './ui/app.css';
import { readUrlParams } from './state/urlParams.ts';
import { startLab } from './state/startLab.ts';
import { openChallengeFromUrl } from './ui/teach/challengeUrl.ts';

const root = document.getElementById('root');
if (root === null) throw new Error('index.html has no #root element');

// The store starts here and nowhere else; the address is read before the first render, so a
// shared link never flashes the default run.
const params = readUrlParams(window.location.search);
startLab(params);
if (!params.embed) openChallengeFromUrl(window.location.search);

// LazyMotion with the DOM animation features only (no layout animations): the lab needs fades and
// enter/exit, and the smaller bundle matters for pages embedded in slides.
createRoot(root).render(
  <StrictMode>
    <LazyMotion features={() => import('./ui/motionFeatures.ts').then((r) => r.default)} strict>
      <App params={params} />
    </LazyMotion>
  </StrictMode>,
);
