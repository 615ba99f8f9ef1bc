import type { Browser } from '@playwright/test';
import { DEFAULT_SHARE_STATE, encodeShareState } from '../state/shareState.ts';

// Time to interactive of a first visit with the CPU slowed 4× (Chrome DevTools Protocol
// Emulation.setCPUThrottlingRate), in a fresh browser context so nothing is cached. "Interactive"
// here: the first screen's Play button is enabled (the first run's figures are on screen, so every
// control answers) and the main thread has had QUIET_MS without a task over 50 ms; the figure is the
// later of the button's enabling and the end of the last long task before that quiet window — the
// same rule as Lighthouse's TTI with a shorter window, measured from navigation start.

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
}

/** Installed before the page's own scripts: records long tasks and when Play becomes enabled. */
function installProbe(): void {
  const probe: BenchProbe = { longTasks: [], readyAt: null };
  (window as unknown as { benchProbe: BenchProbe }).benchProbe = probe;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) probe.longTasks.push([entry.startTime, entry.duration]);
  }).observe({ type: 'longtask', buffered: true });
  const check = (): void => {
    const play = [...document.querySelectorAll('button')].find((b) => b.textContent.trim().endsWith('Play'));
    if (play && !play.disabled && document.querySelector('table')) probe.readyAt = performance.now();
    else requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
}

export async function measureFirstLoad(browser: Browser, url: string): Promise<FirstLoad> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const page = await context.newPage();
    await page.addInitScript(installProbe);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
    // The default scenario by link: the bare address opens on a lesson that plays by itself, and a
    // page that keeps animating never goes quiet, so it would have no time to interactive.
    await page.goto(`${url}#${encodeShareState(DEFAULT_SHARE_STATE)}`);
    await page.waitForFunction(() => (window as unknown as { benchProbe: BenchProbe }).benchProbe.readyAt !== null, null, { timeout: 60_000 });
    await page.waitForFunction(
      (quietMs) => {
        const { longTasks, readyAt } = (window as unknown as { benchProbe: BenchProbe }).benchProbe;
        const lastEnd = Math.max(readyAt ?? 0, ...longTasks.map(([start, duration]) => start + duration));
        return performance.now() - lastEnd >= quietMs;
      },
      QUIET_MS,
      { timeout: 60_000, polling: 250 },
    );
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
