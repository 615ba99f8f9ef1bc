import { expect, test } from '@playwright/test';
import { createServer, type ViteDevServer } from 'vite';

// The README's quick start is `npm ci && npm run dev`: the lab must run from Vite's dev server as
// well as from the build, whose code the other tests exercise. The two differ where it matters
// here: the dev server serves the simulation worker's imports as modules, unbundled (a classic
// worker could not load them, and the lab then says "The simulation stopped unexpectedly").

let server: ViteDevServer;
let url: string;

test.beforeAll(async () => {
  server = await createServer({ server: { host: '127.0.0.1', port: 0 }, logLevel: 'error' });
  await server.listen();
  const address = server.httpServer?.address();
  if (address === null || address === undefined || typeof address === 'string') throw new Error('the dev server has no port');
  url = `http://127.0.0.1:${String(address.port)}/`;
});

test.afterAll(async () => {
  await server.close();
});

test('the dev server runs the lab: the first run comes back from its worker with figures', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  await page.goto(url);
  // The dev server transforms modules on first request, so the first load is slower than the build's.
  await expect(page.getByRole('slider', { name: 'Timeline' })).toBeEnabled({ timeout: 60_000 });
  const scoreboard = page.getByRole('table', { name: 'Scoreboard' });
  await expect(scoreboard.getByRole('row', { name: /Polling/ })).toBeVisible();
  await expect(page.getByText('The simulation stopped unexpectedly.')).toHaveCount(0);
  expect(errors).toEqual([]);
});
