import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

// A newcomer's first minute with the lab, driven by role and name in a real Chromium.

const MECHANISMS = ['Polling', 'Long polling', 'SSE', 'WebSockets', 'Webhooks'];
/** Row headers carry a decorative symbol (hidden from assistive technology) before the name. */
const rowHeaders = (names: string[]) => names.map((name) => new RegExp(`^[^A-Za-z]*${name}$`));

/** The lab on the opening's scenario, paused at 0 s (an address naming a preset does not autoplay). */
async function openLab(page: Page): Promise<void> {
  await page.goto('./?preset=first-look');
  await expect(page.getByRole('table', { name: 'Scoreboard' })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('button', { name: 'Play' })).toBeEnabled({ timeout: 30_000 });
}

const timeline = (page: Page) => page.getByRole('slider', { name: 'Timeline' });
const playheadMs = async (page: Page) => Number(await timeline(page).inputValue());

/** The scenario's sliders and switches live in the settings drawer: open it (once). */
async function openSettings(page: Page): Promise<void> {
  const button = page.getByRole('button', { name: 'Scenario settings' });
  if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click();
}

/** The figure in a mechanism's row under the column whose header starts with `column`. */
async function figure(page: Page, mechanism: string, column: string): Promise<number | null> {
  const table = page.getByRole('table', { name: 'Scoreboard' });
  const headers = (await table.getByRole('columnheader').allTextContents()).map((h) => h.trim());
  const index = headers.findIndex((h) => h.startsWith(column));
  const row = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: mechanism, exact: true }) });
  const text = (await row.getByRole('cell').nth(index - 1).textContent()) ?? '';
  const match = /-?[\d,]+(\.\d+)?/.exec(text);
  return match ? Number(match[0].replaceAll(',', '')) : null;
}

test.describe('the lab', () => {
  test('plays, pauses, steps and scrubs through simulated time', async ({ page }) => {
    await openLab(page);
    expect(await playheadMs(page)).toBe(0);

    await page.getByRole('button', { name: 'Play' }).click();
    await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
    await expect.poll(() => playheadMs(page)).toBeGreaterThan(300);

    await page.getByRole('button', { name: 'Pause' }).click();
    const paused = await playheadMs(page);
    await page.waitForTimeout(400);
    expect(await playheadMs(page)).toBe(paused);

    await page.getByRole('button', { name: 'Step' }).click();
    const stepped = await playheadMs(page);
    expect(stepped).toBeGreaterThan(paused);
    await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();

    // Scrub forward to 60 s, then back to 10 s: the scoreboard follows both ways.
    await timeline(page).fill('60000');
    await expect(page.getByText(/after 60 s/)).toBeVisible();
    const requestsAt60 = await figure(page, 'Polling', 'Requests/s');
    await timeline(page).fill('10000');
    await expect(page.getByText(/after 10 s/)).toBeVisible();
    expect(requestsAt60).toBeGreaterThan(0);
  });

  test('a longer polling interval lowers polling’s requests per second in the scoreboard', async ({ page }) => {
    await openLab(page);
    await timeline(page).fill('120000');
    const before = await figure(page, 'Polling', 'Requests/s');
    expect(before).toBeGreaterThan(4);

    await openSettings(page);
    const interval = page.getByRole('slider', { name: 'Polling interval' });
    await interval.focus();
    for (let i = 0; i < 6; i++) await interval.press('ArrowRight');
    await expect.poll(() => figure(page, 'Polling', 'Requests/s'), { timeout: 10_000 }).toBeLessThan(before ?? 0);
    // The playhead stayed where it was.
    expect(await playheadMs(page)).toBe(120000);
    // Long polling did not move: the event stream is the same seeded stream.
  });

  test('turning a mechanism off removes its row and lane', async ({ page }) => {
    await openLab(page);
    const table = page.getByRole('table', { name: 'Scoreboard' });
    await expect(table.getByRole('rowheader')).toHaveText(rowHeaders(MECHANISMS));
    await openSettings(page);
    await page.getByRole('checkbox', { name: 'Webhooks', exact: true }).uncheck();
    await expect(table.getByRole('rowheader')).toHaveText(rowHeaders(MECHANISMS.slice(0, 4)));
  });

  test('keyboard shortcuts drive playback and open the help', async ({ page }) => {
    await openLab(page);
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Space');
    await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
    await page.keyboard.press('Space');
    await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();

    // Where the pause landed depends on frame timing; → is checked from a place that does not.
    await page.keyboard.press('r');
    await expect(timeline(page)).toHaveValue('0');
    await page.keyboard.press('ArrowRight');
    await expect(timeline(page)).not.toHaveValue('0');
    expect(await playheadMs(page)).toBeGreaterThan(0);
    await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
    await page.keyboard.press('r');
    await expect(timeline(page)).toHaveValue('0');

    // Each notch moves one speed step (0.25× → 0.5× → 0.25×); the slider announces it.
    const speed = page.getByRole('slider', { name: 'Speed' });
    await expect(speed).toHaveAttribute('aria-valuetext', '0.25×');
    await page.keyboard.press('+');
    await expect(speed).toHaveAttribute('aria-valuetext', '0.5×');
    await page.keyboard.press('-');
    await expect(speed).toHaveAttribute('aria-valuetext', '0.25×');

    await page.keyboard.press('?');
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await expect(help).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(help).toBeHidden();
  });

  for (const scheme of ['light', 'dark'] as const) {
    test(`has no serious or critical accessibility violations (${scheme} scheme)`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme });
      await openLab(page);
      await timeline(page).fill('30000');
      const results = await new AxeBuilder({ page }).analyze();
      const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      expect(serious.map((v) => `${v.id}: ${v.help} (${String(v.nodes.length)})`)).toEqual([]);
    });
  }

  test('with reduced motion it still plays, without running animations', async ({ page }) => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await openLab(page);
    await page.getByRole('button', { name: 'Play' }).click();
    await expect.poll(() => playheadMs(page)).toBeGreaterThan(500);
    const running = await page.evaluate(() => document.getAnimations().filter((a) => a.playState === 'running').length);
    expect(running).toBe(0);
  });

  test('looks right in light and dark schemes (screenshots for people)', async ({ page }, testInfo) => {
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await openLab(page);
      await timeline(page).fill('30500');
      await expect(page.getByText(/after 30 s/)).toBeVisible();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBe(0);
      await page.screenshot({ path: join(testInfo.project.outputDir, `lab-${testInfo.project.name}-${scheme}.png`), fullPage: true });
    }
    expect(pageErrors).toEqual([]);
  });
});
