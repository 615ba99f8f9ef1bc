import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { LazyMotion, domAnimation } from 'framer-motion';
import { App } from './ui/App.tsx';
import './ui/app.css';

const root = document.getElementById('root');
if (root === null) throw new Error('index.html has no #root element');

// LazyMotion with the DOM animation features only (no layout animations): the lab needs fades and
// enter/exit, and the smaller bundle matters for pages embedded in slides.
createRoot(root).render(
  <StrictMode>
    <LazyMotion features={domAnimation} strict>
      <App />
    </LazyMotion>
  </StrictMode>,
);
