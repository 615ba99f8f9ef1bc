import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';

// Debian's chromium when installed (Playwright cannot download its own browsers on every machine);
// CHROMIUM_PATH points at any other build; otherwise Playwright's bundled browser.
const systemChromium =
  process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);

const launchOptions = systemChromium
  ? {
      executablePath: systemChromium,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    }
  : {};

const isCI = Boolean(process.env.CI);
// E2E_PORT and E2E_DIST let several checkouts' test runs share one machine (default: dist/ on 4173).
const port = Number(process.env.E2E_PORT ?? 4173);
const distDir = process.env.E2E_DIST ?? 'dist';
const baseURL = `http://127.0.0.1:${port}`;

export default defineConfig({
  testDir: 'e2e',
  outputDir: process.env.E2E_DIST ? `test-results-${distDir}` : 'test-results',
  retries: isCI ? 1 : 0,
  workers: 2,
  reporter: 'list',
  use: { baseURL, launchOptions, trace: 'retain-on-failure' },
  projects: [
    {
      name: 'desktop',
      grepInvert: /@phone/,
      use: { ...devices['Desktop Chrome'], viewport: { width: 1280, height: 800 }, launchOptions },
    },
    {
      // An iPhone-sized screen in Chromium's mobile emulation (touch, meta viewport honoured). Only
      // the specs about what a phone user sees and does run here (layout, scoreboard, lab controls,
      // accessibility, teaching, comparing runs); the rest (worker supervision, exports, embeds in
      // slide-sized frames, talks on a projector, the site's network policy) run the same code and
      // browser either way, so repeating them on a phone screen only doubled the suite's time.
      name: 'phone',
      testMatch: /(lab|bench|scoreboard|teach|compare)\.spec\.ts$/,
      use: {
        ...devices['Pixel 7'],
        viewport: { width: 390, height: 844 },
        screen: { width: 390, height: 844 },
        launchOptions,
      },
    },
  ],
  // `npm run test:e2e` builds first; this only serves dist/. A server already on the port could be
  // serving an older build, so it is never reused: Playwright stops with "port already used" instead.
  webServer: {
    command: `npx vite preview --host 127.0.0.1 --port ${port} --strictPort --outDir ${distDir}`,
    url: baseURL,
    reuseExistingServer: false,
    timeout: 30_000,
  },
});
