import { defineConfig } from 'vitest/config';
import type { Plugin } from 'vite';
import react from '@vitejs/plugin-react';

// index.html's content security policy is for the built site; the dev server's hot-reload client
// needs an inline script, <style> tags and a WebSocket, so the tag is dropped there.
const dropCspInDev: Plugin = {
  name: 'drop-csp-in-dev',
  apply: 'serve',
  transformIndexHtml: (html) => html.replace(/<meta\s+http-equiv="Content-Security-Policy"[^>]*>/, ''),
};

// Relative base: the static site must work from any sub-path and inside an iframe (DESIGN.md §1).
export default defineConfig({
  base: './',
  plugins: [react(), dropCspInDev],
  build: {
    rolldownOptions: {
      output: {
        // Everything the first screen imports statically goes into one chunk beside the entry:
        // each file a page loads costs the main thread a few milliseconds to request and link
        // (≈ 6 ms at 4× CPU throttling), and left alone the bundler splits the first load into
        // fifteen, many of them under 1 kB (modules the later parts share with the page).
        codeSplitting: { groups: [{ name: 'page', tags: ['$initial'] }] },
      },
    },
  },
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
    environment: 'node',
    // A fresh lab store for every test (src/state/store.ts makes none on import).
    setupFiles: ['src/state/setupStore.testing.ts'],
    // Engine runs and property tests take one to three seconds alone; on a 2-core CI machine under
    // load they take several times that. A timeout is not an assertion: speed is `npm run bench`'s.
    testTimeout: 20_000,
  },
});
