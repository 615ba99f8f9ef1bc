import { join } from 'node:path';
import { expect, test, type Locator } from '@playwright/test';

const MECHANISMS = ['Polling', 'Long polling', 'SSE', 'WebSockets', 'Webhooks'];
/** Row headers carry a decorative symbol (hidden from assistive technology) before the name. */
const rowHeaders = (names: string[]) => names.map((name) => new RegExp(`^[^A-Za-z]*${name}$`));

/** "4.76" → 4.76, "1,049 ms" → 1049, "—" → null. */
function parseFigure(text: string): number | null {
  const match = /^-?[\d,]+(\.\d+)?/.exec(text.trim());
  return match ? Number(match[0].replaceAll(',', '')) : null;
}

async function rowFigures(table: Locator, mechanism: string, columns: string[]) {
  const row = table
    .getByRole('row')
    .filter({ has: table.page().getByRole('rowheader', { name: mechanism, exact: true }) });
  const cells = await row.getByRole('cell').allTextContents();
  // The first column header ("Mechanism") sits above the row headers, not above a cell.
  return (column: string) => parseFigure(cells[columns.indexOf(column) - 1] ?? '');
}

test('the scoreboard shows the engine’s numbers for the opening scenario', async ({ page }, testInfo) => {
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));

  await page.goto('./?preset=first-look');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Push/Pull Lab');
  await expect(page.getByRole('main')).toBeVisible();

  const table = page.getByRole('table', { name: 'Scoreboard' });
  await expect(table).toBeVisible({ timeout: 30_000 });
  await expect(table.getByRole('rowheader')).toHaveText(rowHeaders(MECHANISMS));
  // Figures for the whole run: move the playhead to the end.
  const timeline = page.getByRole('slider', { name: 'Timeline' });
  await expect(timeline).toBeEnabled({ timeout: 30_000 });
  await timeline.fill('120000');
  await expect(table).toContainText('after 120 s of 120 s, all 10 clients');

  // A phone shows the columns in groups: ask for all of them.
  const all = page.getByRole('radio', { name: 'All' });
  if (await all.isVisible()) await all.check();
  const columns = await table.getByRole('columnheader').allTextContents();
  for (const mechanism of MECHANISMS) {
    const figure = await rowFigures(table, mechanism, columns);
    // The opening delivers events to every mechanism, so latencies exist and are positive. In the
    // steady state (the table's default) the streams, once open, make no requests at all.
    const streams = mechanism === 'SSE' || mechanism === 'WebSockets';
    if (streams) expect(figure('Requests/s'), `${mechanism} requests/s`).toBe(0);
    else expect(figure('Requests/s'), `${mechanism} requests/s`).toBeGreaterThan(0);
    expect(figure('Mean latency'), `${mechanism} mean latency`).toBeGreaterThan(0);
  }

  // 10 clients polling with a fixed 2 s delay after each response, 100 ms away: one request per
  // client every 2 s + one round trip ≈ 10 / 2.2 ≈ 4.55 per second.
  const polling = await rowFigures(table, 'Polling', columns);
  const pollingRate = polling('Requests/s');
  expect(pollingRate).toBeGreaterThanOrEqual(4.0);
  expect(pollingRate).toBeLessThanOrEqual(5.2);

  // The table scrolls inside its wrapper; the page itself never scrolls sideways.
  const pageOverflowPx = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(pageOverflowPx).toBe(0);

  // For people to look at, not compared pixel by pixel.
  await page.screenshot({
    path: join(testInfo.project.outputDir, `scoreboard-${testInfo.project.name}.png`),
    fullPage: true,
  });
  expect(pageErrors).toEqual([]);
});

// Runs in the phone project only (the desktop project leaves out @phone tests).
test(
  'on a phone-sized screen the scoreboard shows one group of columns at a time, none cut off',
  { tag: '@phone' },
  async ({ page }) => {
    await page.goto('./?preset=first-look');
    const table = page.getByRole('table', { name: /^Scoreboard/ });
    await expect(table).toBeVisible({ timeout: 30_000 });
    const wrapper = page.getByRole('region', { name: /^Scoreboard/ });
    const headers = () => table.getByRole('columnheader').allTextContents();
    expect(await headers()).toEqual(['Mechanism', 'Requests/s', 'Requests/client/min', 'Empty responses']);
    expect(await wrapper.evaluate((element) => element.scrollWidth - element.clientWidth)).toBeLessThanOrEqual(1);
    await page.getByRole('radio', { name: 'Latency' }).check();
    expect(await headers()).toEqual(['Mechanism', 'Mean latency', 'p95 latency', 'p99 latency', 'Max latency']);
    expect(await wrapper.evaluate((element) => element.scrollWidth - element.clientWidth)).toBeLessThanOrEqual(1);
    // "All" is there for those who want every column, scrolling inside the labelled wrapper.
    await page.getByRole('radio', { name: 'All' }).check();
    await wrapper.focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => wrapper.evaluate((element) => element.scrollLeft)).toBeGreaterThan(0);
  },
);
