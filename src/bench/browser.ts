import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium, type Page } from '@playwright/test';

// `npm run bench`, browser part: the lab's smoothness goals (issue 3) measured in a real Chromium
// against the production build (`vite build` runs first):
// - frames per second while the default scenario plays at 1×;
// - time from a "Polling interval" change to new figures in the scoreboard (default scenario);
// - the longest main-thread task while a 10,000-client scenario is computed and played.
// Headless Chromium renders in software here, so fps is a floor for a desktop with a GPU.

const PORT = 4181;
const URL = `http://127.0.0.1:${String(PORT)}/`;
const CHROMIUM = process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

async function waitForServer(url: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`preview server did not start at ${url}`);
}

async function measureFps(page: Page, seconds: number): Promise<number> {
  return page.evaluate(
    (ms) =>
      new Promise<number>((resolve) => {
        let frames = 0;
        const start = performance.now();
        const tick = (now: number) => {
          frames++;
          if (now - start < ms) requestAnimationFrame(tick);
          else resolve((frames * 1000) / (now - start));
        };
        requestAnimationFrame(tick);
      }),
    seconds * 1000,
  );
}

/** Press a key on the "Polling interval" slider; ms from the input event to the scoreboard change. */
async function sliderToNumbersMs(page: Page, key: string): Promise<number> {
  const cell = page
    .getByRole('table', { name: 'Scoreboard' })
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: 'Polling', exact: true }) })
    .getByRole('cell')
    .first();
  const handle = await cell.elementHandle();
  const measured = page.evaluate(
    (el) =>
      new Promise<number>((resolve, reject) => {
        let startedAt = 0;
        const before = el.textContent;
        document.addEventListener('input', () => { startedAt = performance.now(); }, { capture: true, once: true });
        const observer = new MutationObserver(() => {
          if (startedAt > 0 && el.textContent !== before) {
            observer.disconnect();
            resolve(performance.now() - startedAt);
          }
        });
        observer.observe(el, { childList: true, characterData: true, subtree: true });
        setTimeout(() => { reject(new Error('the scoreboard did not change within 5 s')); }, 5000);
      }),
    handle,
  );
  await page.getByRole('slider', { name: 'Polling interval' }).press(key);
  return measured;
}

async function main(): Promise<void> {
  const server = spawn('npx', ['vite', 'preview', '--host', '127.0.0.1', '--port', String(PORT), '--strictPort'], {
    stdio: 'ignore',
  });
  const browser = await chromium.launch(CHROMIUM ? { executablePath: CHROMIUM, args: FLAGS } : {});
  try {
    await waitForServer(URL);
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(URL);
    await page.getByRole('table', { name: 'Scoreboard' }).waitFor({ timeout: 30_000 });
    await page.getByRole('button', { name: 'Play' }).waitFor();

    // Playback starts at 0.25×; measure at 1× (two notches of +).
    await page.locator('body').press('+');
    await page.locator('body').press('+');
    await page.getByText('1×', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Play' }).click();
    const fps = await measureFps(page, 5);
    await page.getByRole('button', { name: 'Pause' }).click();

    // Figures for the whole run, then alternate the slider one notch up and down.
    const timeline = page.getByRole('slider', { name: 'Timeline' });
    await timeline.fill(String(await timeline.getAttribute('max')));
    const changes: number[] = [];
    for (let i = 0; i < 6; i++) changes.push(await sliderToNumbersMs(page, i % 2 === 0 ? 'ArrowRight' : 'ArrowLeft'));
    changes.sort((a, b) => a - b);

    await page.evaluate(() => {
      const w = window as unknown as { longTasks: number[] };
      w.longTasks = [];
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) w.longTasks.push(entry.duration);
      }).observe({ type: 'longtask', buffered: false });
    });
    const clients = page.getByRole('slider', { name: 'Clients' });
    await clients.focus();
    await clients.press('End');
    await page.getByText(/10,000 clients/).first().waitFor({ timeout: 120_000 });
    await page.getByRole('button', { name: 'Play' }).waitFor({ timeout: 120_000 });
    await page.getByRole('button', { name: 'Play' }).click();
    const bigFps = await measureFps(page, 5);
    const longTasks = await page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks);

    const fmt = (x: number) => x.toFixed(1);
    console.log('');
    console.log(`Chromium ${browser.version()}, 1280×800, software rendering`);
    console.log(`default scenario playing at 1×:          ${fmt(fps)} fps   (goal ≥ 55)`);
    console.log(`"Polling interval" change → scoreboard:  median ${fmt(changes[3])} ms, max ${fmt(changes[changes.length - 1])} ms   (goal < 100 ms)`);
    console.log(`10,000 clients, run + 5 s of playback:   ${String(longTasks.length)} main-thread tasks over 50 ms` +
      (longTasks.length > 0 ? `, longest ${fmt(Math.max(...longTasks))} ms` : '') + `; ${fmt(bigFps)} fps while playing   (goal: none over 50 ms)`);
  } finally {
    await browser.close();
    server.kill();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
