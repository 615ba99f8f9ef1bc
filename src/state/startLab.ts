import { createLabStore, installLabStore, useLab } from './store.ts';
import { createBrowserRunner } from './simRunner.ts';
import { startUrlSync } from './urlSync.ts';
import type { UrlParams } from './urlParams.ts';

/**
 * Start the lab in the page (main.tsx): make and install the store, apply the address (a link or
 * preset starts its own run), then run the default scenario if nothing else did.
 */
export function startLab(params: UrlParams): void {
  installLabStore(createLabStore({ createRunner: createBrowserRunner }));
  startUrlSync(params);
  useLab.getState().ensureRun();
}
