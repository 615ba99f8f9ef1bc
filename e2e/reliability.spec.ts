import { expect, test, type Page, type Worker as PageWorker } from '@playwright/test';

test.describe.configure({ timeout: 120_000 });
import { DEFAULT_SCENARIO } from '../src/sim/scenario/defaults.ts';
import type { Scenario } from '../src/sim/scenario/types.ts';
import { DEFAULT_SHARE_STATE, encodeShareState } from '../src/state/shareState.ts';

// Issue 10: a dead worker is reported and recovered, the run budget refuses what a tab cannot
// hold, Cancel keeps the last good results, and a big result arrives without freezing the page.

type Patch = { [K in keyof Scenario]?: Partial<Scenario[K]> | Scenario[K] };

function linkTo(patch: Patch): string {
  const scenario = { ...DEFAULT_SCENARIO } as Record<string, unknown>;
  for (const [key, value] of Object.entries(patch)) {
    const base = scenario[key];
    scenario[key] = typeof value === 'object' && !Array.isArray(value) && typeof base === 'object' ? { ...base, ...value } : value;
  }
  return `./#${encodeShareState({ ...DEFAULT_SHARE_STATE, scenario: scenario as unknown as Scenario })}`;
}

/**
 * Keep every Worker the page makes, so a test can kill one in the middle of a run, as the browser
 * does when it runs out of memory: terminated, it says nothing more (a busy worker cannot be
 * asked to close itself, its thread is in the simulation).
 */
async function trackWorkers(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const kept: Worker[] = [];
    const Original = window.Worker;
    window.Worker = class extends Original {
      constructor(...args: ConstructorParameters<typeof Worker>) {
        super(...args);
        kept.push(this);
      }
    };
    (window as unknown as { killWorkers: () => number }).killWorkers = () => {
      const killed: Worker[] = kept.splice(0);
      killed.forEach((worker: Worker) => {
        worker.terminate();
      });
      return killed.length;
    };
  });
}

const killWorkers = (page: Page) => page.evaluate(() => (window as unknown as { killWorkers: () => number }).killWorkers());

/** Every simulation worker the page starts, as Playwright sees it. */
function watchWorkers(page: Page): PageWorker[] {
  const workers: PageWorker[] = [];
  page.on('worker', (worker) => workers.push(worker));
  return workers;
}

const closeAll = async (workers: PageWorker[]) => {
  // An idle worker that closes itself sends nothing more, as when the browser kills it.
  await Promise.all(workers.splice(0).map((w) => w.evaluate(() => self.close()).catch(() => undefined)));
};

// Ready: the run's results are in (the opening lesson starts playing by itself, so Play or Pause).
const ready = (page: Page) => expect(page.getByRole('button', { name: /^(Play|Pause)$/ })).toBeEnabled({ timeout: 60_000 });

test('a worker killed in the middle of a run is reported, and Retry brings the results', async ({ page }) => {
  await trackWorkers(page);
  await page.goto(linkTo({ clients: 10_000, durationSec: 300 }));
  await expect(page.getByText(/^Running the simulation… \d+ s of 300 s$/)).toBeVisible({ timeout: 30_000 });
  await killWorkers(page);
  await expect(page.getByText('The simulation stopped responding.', { exact: true })).toBeVisible({ timeout: 15_000 });
  // Retry: the same scenario (lighter here, so the test is quick) runs in a new worker.
  await page.getByRole('button', { name: 'Retry' }).click();
  await expect(page.getByText(/^Running the simulation…/)).toBeVisible();
  await killWorkers(page);
  await expect(page.getByRole('button', { name: 'Retry' })).toBeVisible({ timeout: 15_000 });
  await page.evaluate((hash) => {
    window.location.hash = hash;
  }, linkTo({ clients: 200 }).slice(3));
  await ready(page);
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('Retry after a killed worker runs the same scenario again and finishes', async ({ page }) => {
  await trackWorkers(page);
  await page.goto(linkTo({ clients: 2000, durationSec: 300 }));
  await expect(page.getByText(/^Running the simulation…/)).toBeVisible({ timeout: 30_000 });
  await killWorkers(page);
  await page.getByRole('button', { name: 'Retry' }).click({ timeout: 15_000 });
  await expect(page.getByText(/^Running the simulation… \d+ s of 300 s$/)).toBeVisible();
  await ready(page);
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('an edit after the idle worker was closed still runs, without an error', async ({ page }) => {
  const workers = watchWorkers(page);
  await page.goto('./');
  await ready(page);
  await closeAll(workers);
  await page.getByRole('button', { name: /Scenario settings/ }).click();
  const clients = page.getByRole('slider', { name: 'Clients' });
  await clients.focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByText(/^Re-running with the new settings…/)).toBeVisible();
  await expect(page.getByText(/^Re-running with the new settings…/)).toBeHidden({ timeout: 20_000 });
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('Cancel stops a run and keeps the last good results', async ({ page }) => {
  await page.goto('./');
  await ready(page);
  const before = await page.getByRole('table', { name: 'Scoreboard' }).textContent();
  await page.goto(linkTo({ clients: 10_000, durationSec: 300 }));
  await ready(page).catch(() => undefined);
  await page.getByRole('button', { name: 'Cancel' }).click({ timeout: 30_000 });
  await expect(page.getByText('Run cancelled.', { exact: false })).toBeVisible();
  expect(before).not.toBeNull();
});

test('a run no tab can hold is refused with the estimate and what to reduce', async ({ page }) => {
  await page.goto(linkTo({ clients: 1000, durationSec: 60, events: { ratePerSec: 1000, audience: 'broadcast' } }));
  const alert = page.getByRole('alert').filter({ hasText: 'more than a browser tab can hold' });
  await expect(alert).toBeVisible({ timeout: 30_000 });
  await expect(alert).toContainText(/about [\d,]+ MB of memory/);
  await expect(alert).toContainText('the server is overloaded');
  await expect(page.getByRole('button', { name: 'Run anyway' })).toHaveCount(0);
});

test('a heavy run waits for "Run anyway", then runs', async ({ page }) => {
  await page.goto(linkTo({ clients: 1000, durationSec: 10, events: { ratePerSec: 200, audience: 'broadcast' } }));
  await expect(page.getByRole('alert').filter({ hasText: 'This run is heavy' })).toBeVisible({ timeout: 30_000 });
  await page.getByRole('button', { name: 'Run anyway' }).click();
  await ready(page);
});

/** Every attribute of every SVG element, and every visible text, that holds NaN or Infinity. */
const notANumber = (page: Page) =>
  page.evaluate(() => {
    const found: string[] = [];
    for (const el of document.querySelectorAll('svg, svg *')) {
      for (const a of el.attributes) if (/NaN|Infinity/.test(a.value)) found.push(`<${el.tagName} ${a.name}="${a.value.slice(0, 60)}">`);
    }
    for (const m of document.body.innerText.matchAll(/.{0,30}\b(NaN|Infinity)\b.{0,30}/g)) found.push(m[0]);
    return found;
  });

for (const [what, events] of [
  ['no events', { ratePerSec: 0 }],
  ['events of 0 bytes', { payloadBytes: 0 }],
  ['no events of 0 bytes', { ratePerSec: 0, payloadBytes: 0 }],
] as const) {
  test(`a link with ${what} draws every chart, lane and bar without NaN or Infinity`, async ({ page }) => {
    await page.goto(linkTo({ durationSec: 20, events }));
    await ready(page);
    await page.getByRole('button', { name: 'Live charts' }).click();
    await expect(page.getByRole('heading', { name: 'Requests per second' })).toBeVisible();
    const timeline = page.getByRole('slider', { name: 'Timeline' });
    // The start, a moment in the middle and the end of the run.
    for (const key of ['Home', 'ArrowRight', 'End']) {
      await timeline.press(key);
      expect(await notANumber(page), `after ${key}`).toEqual([]);
    }
    if ('ratePerSec' in events) {
      await expect(page.getByText('No events were created in this run, so there was nothing to deliver.')).toBeVisible();
      await expect(page.getByText('No theory line for Polling: there are no events.').first()).toBeAttached();
    } else {
      await expect(page.getByText('Every event was delivered or given up on by the end.')).toBeVisible();
    }
  });
}

test('an overloaded server is noted under the scoreboard with the refusals the engine counted', async ({ page }) => {
  // 200 fixed-rate polls a second against one worker that serves 100: the queue of 500 fills in 5 s.
  await page.goto(
    linkTo({
      clients: 200,
      durationSec: 20,
      mechanisms: ['polling'],
      network: { latencyMs: 10, tls: 'none' },
      server: { workers: 1, serviceMs: 10, maxQueuedRequests: 500 },
      events: { ratePerSec: 0 },
      polling: { intervalMs: 1000, schedule: 'fixedRate' },
    }),
  );
  await ready(page);
  await page.getByRole('slider', { name: 'Timeline' }).press('End');
  await expect(page.getByText(/^Polling: server overloaded, 1,50\d requests refused with a 503 \(queue full at 500\)\.$/)).toBeVisible();
});
