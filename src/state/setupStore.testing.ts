import { beforeEach } from 'vitest';
import { createLabStore, installLabStore, useLab } from './store.ts';
import { createInlineRunner } from './inlineRunner.testing.ts';

// Vitest setup (vite.config.ts): every test gets a fresh lab store that has run the default
// scenario, as the page's store has after loading. One is installed at once too, for a file's
// beforeAll hooks.

function freshStore(): void {
  installLabStore(createLabStore({ createRunner: createInlineRunner }));
  useLab.getState().ensureRun();
}

freshStore();
beforeEach(freshStore);
