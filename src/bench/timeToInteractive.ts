import type { Browser } from '@playwright/test';
import { DEFAULT_SHARE_STATE, encodeShareState } from '../state/shareState.ts';

// Time to interactive of a first visit with the CPU slowed 4× (Chrome DevTools Protocol
// Emulation.setCPUThrottlingRate), in a fresh browser context so nothing is cached. "Interactive"
// here: the first screen's Play button is enabled (the first run's figures are on screen, so every
// control answers) and the main thread has had QUIET_MS without a task over 50 ms; the figure is the
// later of the button's enabling and the end of the last long task before that quiet window — the
// same rule as Lighthouse's TTI with a shorter window, measured from navigation start.
// The probe waits inside the page (a promise the benchmark awaits), not with Playwright's
// waitForFunction: that installs Playwright's injected script in the page and polls it every frame,
// main-thread work of the measuring tool (≈ 150 ms at 4×) that would be counted as the page's own.

export const CPU_SLOWDOWN = 4;
const QUIET_MS = 2000;

export interface FirstLoad {
  /** First contentful paint, ms after navigation start. */
  fcpMs: number;
  /** The Play button enabled, ms after navigation start. */
  readyMs: number;
  ttiMs: number;
  longTasks: number;
}

interface BenchProbe {
  longTasks: [number, number][];
  readyAt: number | null;
  /** Resolves once Play is enabled and then QUIET_MS have passed without a long task. */
  quiet: Promise<void>;
}

/** Installed before the page's own scripts: records long tasks, when Play becomes enabled, and the quiet after. */
function installProbe(quietMs: number): void {
  let settle = (): void => undefined;
  const probe: BenchProbe = { longTasks: [], readyAt: null, quiet: new Promise((resolve) => { settle = resolve; }) };
  (window as unknown as { benchProbe: BenchProbe }).benchProbe = probe;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) probe.longTasks.push([entry.startTime, entry.duration]);
  }).observe({ type: 'longtask', buffered: true });
  const waitForQuiet = (): void => {
    const lastEnd = Math.max(probe.readyAt ?? 0, ...probe.longTasks.map(([start, duration]) => start + duration));
    if (performance.now() - lastEnd >= quietMs) settle();
    else setTimeout(waitForQuiet, 250);
  };
  const check = (): void => {
    const play = [...document.querySelectorAll('button')].find((b) => b.textContent.trim().endsWith('Play'));
    if (play && !play.disabled && document.querySelector('table')) {
      probe.readyAt = performance.now();
      setTimeout(waitForQuiet, 250);
    } else requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
}

const timeout = (ms: number, what: string): Promise<never> =>
  new Promise((_, reject) => setTimeout(() => { reject(new Error(`first load: ${what} within ${String(ms / 1000)} s`)); }, ms).unref());

export async function measureFirstLoad(browser: Browser, url: string): Promise<FirstLoad> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const page = await context.newPage();
    await page.addInitScript(installProbe, QUIET_MS);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
    // The default scenario by link: the bare address opens on a lesson that plays by itself, and a
    // page that keeps animating never goes quiet, so it would have no time to interactive.
    await page.goto(`${url}#${encodeShareState(DEFAULT_SHARE_STATE)}`);
    await Promise.race([
      page.evaluate(() => (window as unknown as { benchProbe: BenchProbe }).benchProbe.quiet),
      timeout(120_000, 'the page was not interactive and quiet'),
    ]);
    return await page.evaluate(() => {
      const { longTasks, readyAt } = (window as unknown as { benchProbe: BenchProbe }).benchProbe;
      const ready = readyAt ?? 0;
      const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN;
      return {
        fcpMs: fcp,
        readyMs: ready,
        ttiMs: Math.max(ready, ...longTasks.map(([start, duration]) => start + duration)),
        longTasks: longTasks.length,
      };
    });
  } finally {
    await context.close();
  }
}
