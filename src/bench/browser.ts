import { existsSync } from 'node:fs';
import { DEFAULT_SHARE_STATE, encodeShareState } from '../state/shareState.ts';
import { chromium, type Page } from '@playwright/test';
import { startPreviewServer } from './previewServer.ts';
import { CPU_SLOWDOWN, measureFirstLoad } from './timeToInteractive.ts';

// `npm run bench`, browser part: the lab's smoothness and first-load goals measured in a real
// Chromium against the production build in dist/ (built by src/bench/main.ts just before):
// - frames per second while the default scenario plays at 1×;
// - time from a "Polling interval" change to new figures in the scoreboard (default scenario);
// - the longest main-thread task while a 10,000-client scenario is computed and played;
// - time to interactive of a first visit with the CPU slowed 4×.
// Headless Chromium renders in software here, so fps is a floor for a desktop with a GPU.
// Quick mode runs every step with a smaller workload (1,000 clients, shorter windows, one first
// load) so CI notices when the benchmark breaks; its figures are printed without goals.

const CHROMIUM = process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export interface BrowserFigures {
  chromium: string;
  fps: number;
  sliderMedianMs: number;
  sliderMaxMs: number;
  bigClients: number;
  bigLongTasks: number[];
  bigFps: number;
  ttiMs: number;
  fcpMs: number;
  readyMs: number;
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
    .filter({ has: page.getByRole('rowheader', { name: /^\W*Polling$/ }) })
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

/** Two notches of + from the default 0.25×; the Speed slider reads out the speed it is at. */
async function setSpeedToOne(page: Page): Promise<void> {
  await page.locator('body').press('+');
  await page.locator('body').press('+');
  const speed = page.getByRole('slider', { name: 'Speed' });
  await page.waitForFunction((el) => el.getAttribute('aria-valuetext') === '1×', await speed.elementHandle(), { timeout: 5000 });
}

async function measureLab(page: Page, url: string, quick: boolean): Promise<Omit<BrowserFigures, 'chromium' | 'ttiMs' | 'fcpMs' | 'readyMs'>> {
  const windowSec = quick ? 1 : 5;
  // A link to the default scenario: the page itself opens on a lesson that plays by itself.
  await page.goto(`${url}#${encodeShareState(DEFAULT_SHARE_STATE)}`);
  await page.getByRole('table', { name: 'Scoreboard' }).waitFor({ timeout: 30_000 });
  await page.getByRole('button', { name: 'Play' }).waitFor();

  await setSpeedToOne(page);
  await page.getByRole('button', { name: 'Play' }).click();
  const fps = await measureFps(page, windowSec);
  await page.getByRole('button', { name: 'Pause' }).click();

  // Figures for the whole run, then alternate the slider one notch up and down (in the settings drawer).
  await page.getByRole('button', { name: /Scenario settings/ }).click();
  const timeline = page.getByRole('slider', { name: 'Timeline' });
  await timeline.fill(String(await timeline.getAttribute('max')));
  const changes: number[] = [];
  for (let i = 0; i < (quick ? 2 : 6); i++) changes.push(await sliderToNumbersMs(page, i % 2 === 0 ? 'ArrowRight' : 'ArrowLeft'));
  changes.sort((a, b) => a - b);

  await page.evaluate(() => {
    const w = window as unknown as { longTasks: number[] };
    w.longTasks = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) w.longTasks.push(entry.duration);
    }).observe({ type: 'longtask', buffered: false });
  });
  // The Clients slider is logarithmic over 1…10,000 in 1,000 positions: 750 is 1,000 clients.
  const bigClients = quick ? 1000 : 10_000;
  await page.getByRole('slider', { name: 'Clients' }).fill(quick ? '750' : '1000');
  await page.getByText(`${bigClients.toLocaleString('en-US')} clients`).first().waitFor({ timeout: 120_000 });
  await page.getByRole('button', { name: 'Play' }).waitFor({ timeout: 120_000 });
  await page.getByRole('button', { name: 'Play' }).click();
  const bigFps = await measureFps(page, windowSec);
  const bigLongTasks = await page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks);
  return {
    fps,
    sliderMedianMs: changes[Math.floor(changes.length / 2)],
    sliderMaxMs: changes[changes.length - 1],
    bigClients,
    bigLongTasks,
    bigFps,
  };
}

export async function runBrowserBench(quick: boolean): Promise<BrowserFigures> {
  const server = await startPreviewServer('dist');
  try {
    const browser = await chromium.launch(CHROMIUM ? { executablePath: CHROMIUM, args: FLAGS } : {});
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      const lab = await measureLab(page, server.url, quick);
      await page.close();
      const loads = [];
      for (let i = 0; i < (quick ? 1 : 3); i++) loads.push(await measureFirstLoad(browser, server.url));
      loads.sort((a, b) => a.ttiMs - b.ttiMs);
      const load = loads[Math.floor(loads.length / 2)];
      return { chromium: browser.version(), ...lab, ttiMs: load.ttiMs, fcpMs: load.fcpMs, readyMs: load.readyMs };
    } finally {
      await browser.close();
    }
  } finally {
    server.stop();
  }
}

export function printBrowserFigures(f: BrowserFigures, quick: boolean): void {
  const fmt = (x: number) => x.toFixed(1);
  const goal = (text: string) => (quick ? '' : `   (goal ${text})`);
  const window = quick ? '1 s' : '5 s';
  const longest = f.bigLongTasks.length > 0 ? `, longest ${fmt(Math.max(...f.bigLongTasks))} ms` : '';
  console.log('');
  console.log(`Chromium ${f.chromium}, 1280×800, software rendering${quick ? ' — quick mode: small workload, no goals' : ''}`);
  console.log(`default scenario playing at 1×:          ${fmt(f.fps)} fps${goal('≥ 55')}`);
  console.log(`"Polling interval" change → scoreboard:  median ${fmt(f.sliderMedianMs)} ms, max ${fmt(f.sliderMaxMs)} ms${goal('< 100 ms')}`);
  console.log(`${f.bigClients.toLocaleString('en-US')} clients, run + ${window} of playback:   ${String(f.bigLongTasks.length)} main-thread tasks over 50 ms` +
    `${longest}; ${fmt(f.bigFps)} fps while playing${goal('none over 50 ms')}`);
  console.log(`first visit, CPU ${String(CPU_SLOWDOWN)}× slower:           interactive at ${fmt(f.ttiMs)} ms ` +
    `(first paint ${fmt(f.fcpMs)} ms, Play enabled ${fmt(f.readyMs)} ms; median of ${quick ? '1' : '3'})${goal('< 1500 ms')}`);
}
