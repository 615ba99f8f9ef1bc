import type { Browser, Page } from '@playwright/test';
import { DEFAULT_SHARE_STATE, encodeShareState } from '../state/shareState.ts';

// `npm run bench`, browser part: a change of the Clients slider to a big run (10,000 clients of
// the default scenario; 1,000 in quick mode), timed in the page from the slider's input event to
// the first frame with the new results, with every main-thread task over 50 ms in that time and
// in a settling second after it (the views that take a new run in a deferred render). "Arrival"
// is the part from the first result message of a worker to the end: the goal is no task
// over 100 ms there (issue 10, item 3). The page is watched from inside (a cheap check every
// 20 ms, not Playwright's locators, whose accessible-name queries over the big page are long tasks
// of their own), and a wrapper around Worker.onmessage notes when result messages arrive.
//
// The number of workers is forced through the DevTools protocol's hardware-concurrency override
// (the lab runs navigator.hardwareConcurrency − 1 workers), so the same production build runs
// one worker, or one per core for the parallel figure, without any switch in the lab's code.

export interface BigChange {
  workers: number;
  /** Input event to the first frame with the new results. */
  wallMs: number;
  /** Durations of the tasks over 50 ms from the input event to the end of the settling second. */
  longTasks: number[];
  /** Durations of those that overlap the arrival (first result message on). */
  arrivalLongTasks: number[];
}

interface ChangeProbe {
  longTasks: [number, number][];
  inputAt: number;
  firstResultAt: number;
  /** Workers given a job since the input event. */
  workers: Set<Worker>;
}

/** Installed before the page's scripts: long tasks, the Clients input event, result messages. */
function installChangeProbe(): void {
  const probe: ChangeProbe = { longTasks: [], inputAt: 0, firstResultAt: 0, workers: new Set() };
  (window as unknown as { changeProbe: ChangeProbe }).changeProbe = probe;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) probe.longTasks.push([entry.startTime, entry.duration]);
  }).observe({ type: 'longtask', buffered: true });
  const handler = Object.getOwnPropertyDescriptor(Worker.prototype, 'onmessage');
  // eslint-disable-next-line @typescript-eslint/unbound-method -- an event handler attribute's accessors, called below with the worker as `this`
  const { get: read, set: write } = handler ?? {};
  if (!read || !write) return;
  Object.defineProperty(Worker.prototype, 'onmessage', {
    configurable: true,
    get(this: Worker) {
      return read.call(this) as unknown;
    },
    set(this: Worker, listener: ((event: MessageEvent) => void) | null) {
      if (listener && probe.inputAt > 0) probe.workers.add(this);
      write.call(this, listener && ((event: MessageEvent) => {
        const data = event.data as { type?: string } | null;
        if (probe.inputAt > 0 && probe.firstResultAt === 0 && data?.type !== 'progress') probe.firstResultAt = performance.now();
        listener(event);
      }));
    },
  });
}

interface ChangeTimes {
  workers: number;
  inputAt: number;
  firstResultAt: number;
  paintedAt: number;
  settledAt: number;
  longTasks: [number, number][];
}

/** In the page: wait for the run to start and end, then for a frame and a settling second. */
function awaitRunInPage(settleMs: number): Promise<ChangeTimes> {
  const probe = (window as unknown as { changeProbe: ChangeProbe }).changeProbe;
  return new Promise((resolve, reject) => {
    let started = false;
    const startedBy = performance.now();
    const poll = setInterval(() => {
      const running = document.getElementById('lanes-progress-bar') !== null;
      if (running) started = true;
      if (!started && probe.firstResultAt === 0) {
        if (performance.now() - startedBy > 10_000) {
          clearInterval(poll);
          reject(new Error('the run did not start within 10 s of the change'));
        }
        return;
      }
      if (running) return;
      clearInterval(poll);
      if (document.querySelector('.run-status [role="alert"]')) {
        reject(new Error(`the run did not finish: ${document.querySelector('.run-status')?.textContent ?? ''}`));
        return;
      }
      requestAnimationFrame(() => {
        const paintedAt = performance.now();
        setTimeout(() => {
          resolve({ workers: probe.workers.size, inputAt: probe.inputAt, firstResultAt: probe.firstResultAt, paintedAt, settledAt: performance.now(), longTasks: probe.longTasks });
        }, settleMs);
      });
    }, 20);
  });
}

/**
 * Open the default scenario by link in a new page with `hardwareConcurrency` emulated, move the
 * Clients slider to `clients` (its positions: 1,000 is 10,000 clients, 750 is 1,000) and time the
 * run. `then`, if given, runs in the page after the run (playback measured by the caller).
 */
export async function measureBigChange(
  browser: Browser,
  url: string,
  hardwareConcurrency: number,
  clients: 1000 | 10_000,
  then?: (page: Page) => Promise<void>,
): Promise<BigChange> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  try {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setHardwareConcurrencyOverride', { hardwareConcurrency });
    await page.addInitScript(installChangeProbe);
    await page.goto(`${url}#${encodeShareState(DEFAULT_SHARE_STATE)}`);
    await page.getByRole('button', { name: 'Play' }).waitFor({ timeout: 60_000 });
    await page.getByRole('button', { name: /Scenario settings/ }).click();
    const slider = page.getByRole('slider', { name: 'Clients' });
    await slider.waitFor();
    await page.evaluate(() => {
      const probe = (window as unknown as { changeProbe: ChangeProbe }).changeProbe;
      document.addEventListener('input', () => { probe.inputAt = performance.now(); }, { capture: true, once: true });
    });
    await slider.fill(clients === 10_000 ? '1000' : '750');
    const times = await page.evaluate(awaitRunInPage, 1000);
    if (times.inputAt === 0) throw new Error('the Clients slider sent no input event');
    if (times.firstResultAt === 0) throw new Error('no result message from the simulation worker was seen');
    // "2 of 10,000 clients drawn; …": the lanes draw the new run.
    const shown = await page.evaluate(() => document.querySelector('.lane-shown')?.textContent ?? '');
    if (!shown.includes(clients.toLocaleString('en-US'))) throw new Error(`the lanes do not show the run of ${clients.toLocaleString('en-US')} clients: "${shown}"`);
    const during = times.longTasks.filter(([start, duration]) => start + duration > times.inputAt && start < times.settledAt);
    const arrival = during.filter(([start, duration]) => start + duration > times.firstResultAt);
    if (then) await then(page);
    return {
      workers: times.workers,
      wallMs: times.paintedAt - times.inputAt,
      longTasks: during.map(([, duration]) => duration),
      arrivalLongTasks: arrival.map(([, duration]) => duration),
    };
  } finally {
    await page.close();
  }
}
