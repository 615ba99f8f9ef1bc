import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { PRESETS } from '../src/sim/presets/presets.ts';
import { highlightSelector, PRESENTER_SCRIPTS } from '../src/ui/presenter/scripts.ts';
import { DEFAULT_SHARE_STATE, encodeShareState } from '../src/state/shareState.ts';

// Presenter mode (issue 4, item 4), driven as a speaker would: open the talk by its address, step
// with the arrow keys, watch the playhead and the lit element follow, leave with Esc.

const PRESET = 'payment-webhook-outage';
const BEATS = PRESENTER_SCRIPTS[PRESET] ?? [];

const presenterBar = (page: Page) => page.getByRole('region', { name: 'Presenter' });
// While a talk runs the page around the lit element is hidden (a slide), the timeline with it.
const timeline = (page: Page) => page.getByRole('slider', { name: 'Timeline', includeHidden: true });
const playheadMs = async (page: Page) => Number(await timeline(page).inputValue());
const litElement = (page: Page) => page.locator('[data-presenter-focus]');

async function openTalk(page: Page): Promise<void> {
  await page.goto(`./?preset=${PRESET}&present=1`);
  await expect(presenterBar(page)).toBeVisible();
  // The run is computed in a worker; the lab's views and the playhead are ready after it.
  await expect(timeline(page)).toBeEnabled({ timeout: 60_000 });
}

test.describe('presenter mode', () => {
  test('a talk opened by its address steps with → and ←, moving the playhead and the light, and Esc leaves', async ({
    page,
  }) => {
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await openTalk(page);

    const bar = presenterBar(page);
    await expect(bar).toContainText(`Beat 1 of ${String(BEATS.length)}`);
    await expect(bar.getByText(BEATS[0]?.caption ?? '-')).toBeVisible();
    expect(await playheadMs(page)).toBe(BEATS[0]?.atMs);
    await expect(litElement(page)).toHaveAttribute('data-region', 'scoreboard');
    await expect(page.locator('body')).toHaveAttribute('data-presenting', '');

    await page.keyboard.press('ArrowRight');
    await expect(bar).toContainText(`Beat 2 of ${String(BEATS.length)}`);
    await expect(bar.getByText(BEATS[1]?.caption ?? '-')).toBeVisible();
    await expect.poll(() => playheadMs(page)).toBe(BEATS[1]?.atMs);
    await expect(litElement(page)).toHaveCount(1);
    await expect(litElement(page)).toHaveAttribute('data-lane', 'webhook');
    await expect(litElement(page)).toBeInViewport();

    await page.keyboard.press('ArrowLeft');
    await expect(bar).toContainText(`Beat 1 of ${String(BEATS.length)}`);
    await expect.poll(() => playheadMs(page)).toBe(BEATS[0]?.atMs);
    await expect(litElement(page)).toHaveAttribute('data-region', 'scoreboard');

    await page.keyboard.press('Escape');
    await expect(bar).toBeHidden();
    await expect(litElement(page)).toHaveCount(0);
    await expect(page.locator('body')).not.toHaveAttribute('data-presenting');
    // Out of the talk, → is the lab's own step again: it moves the playhead to the next message.
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => playheadMs(page)).toBeGreaterThan(BEATS[0]?.atMs ?? 0);
    expect(errors).toEqual([]);
  });

  test('the Present button starts the chosen preset’s talk, and asks for a preset while none is chosen', async ({ page }) => {
    // A link to the default scenario with no preset (an address that names nothing opens a preset).
    await page.goto(`./#${encodeShareState(DEFAULT_SHARE_STATE)}`);
    const present = page.getByRole('button', { name: 'Present this preset' });
    await expect(present).toBeDisabled();
    await expect(page.getByText('Pick a preset to present it.')).toHaveCount(1);

    await page.getByLabel('Preset').selectOption('idle-notifications');
    await expect(present).toBeEnabled();
    await present.click();
    const bar = presenterBar(page);
    const beats = PRESENTER_SCRIPTS['idle-notifications'] ?? [];
    await expect(bar.getByText(beats[0]?.caption ?? '-')).toBeVisible();
    await expect(litElement(page)).toHaveAttribute('data-lane', 'polling', { timeout: 60_000 });

    await bar.getByRole('button', { name: 'Next' }).click();
    await expect(bar).toContainText(`Beat 2 of ${String(beats.length)}`);
    await expect.poll(() => playheadMs(page)).toBe(beats[1]?.atMs);
    await expect(litElement(page)).toHaveAttribute('data-chart', 'requests');

    await bar.getByRole('button', { name: 'Exit' }).click();
    await expect(bar).toBeHidden();
    await expect(present).toBeFocused();
  });

  test('a talk started by a click goes full screen, and leaving full screen ends it', async ({ page }) => {
    const fullscreenElement = () => page.evaluate(() => document.fullscreenElement?.tagName ?? null);
    await page.goto(`./?preset=${PRESET}`);
    const present = page.getByRole('button', { name: 'Present this preset' });
    await present.click();
    await expect(presenterBar(page)).toBeVisible();
    await expect.poll(fullscreenElement).toBe('HTML');
    await presenterBar(page).getByRole('button', { name: 'Exit' }).click();
    await expect.poll(fullscreenElement).toBeNull();

    // The browser's own way out (Esc in full screen never reaches the page) ends the talk too.
    await present.click();
    await expect.poll(fullscreenElement).toBe('HTML');
    await page.evaluate(() => document.exitFullscreen());
    await expect(presenterBar(page)).toBeHidden();
    await expect(page.locator('[data-presenter-focus]')).toHaveCount(0);
  });

  test('the lit element is shown alone above the caption bar, on a desktop and on a phone (screenshots)', async ({ page }, testInfo) => {
    await openTalk(page);
    // Beat 3: a chart, the tallest kind of highlight that must fit above the caption bar.
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect(presenterBar(page)).toContainText(`Beat 3 of ${String(BEATS.length)}`);
    await expect(litElement(page)).toHaveAttribute('data-chart', 'requests');
    await expect(litElement(page)).toBeInViewport({ ratio: 0.99 });
    // The rest of the page is hidden, not dimmed.
    await expect(page.getByRole('heading', { name: 'On the wire' })).toBeHidden();

    const viewport = page.viewportSize();
    const barBox = await presenterBar(page).boundingBox();
    if (!viewport || !barBox) throw new Error('no layout');
    // The caption bar sits at the bottom, leaves most of the screen to the slide and never covers it.
    expect(barBox.y + barBox.height).toBeCloseTo(viewport.height, 0);
    expect(barBox.height).toBeLessThanOrEqual(viewport.height * 0.45 + 1);
    const litBox = await litElement(page).boundingBox();
    expect(litBox && litBox.y + litBox.height).toBeLessThanOrEqual(barBox.y);

    await page.screenshot({ path: testInfo.outputPath(`presenter-${testInfo.project.name}.png`) });
  });

  test('has no accessibility violations while presenting', async ({ page }) => {
    await openTalk(page);
    await page.keyboard.press('ArrowRight');
    await expect(litElement(page)).toHaveAttribute('data-lane', 'webhook');
    const results = await new AxeBuilder({ page }).include('.presenter-bar').analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  });

  test('every preset has a talk: its address opens beat 1 with the beat’s element lit', async ({ page }) => {
    test.setTimeout(240_000);
    for (const preset of PRESETS) {
      const beats = PRESENTER_SCRIPTS[preset.id] ?? [];
      const first = beats[0];
      expect(first, `${preset.id} has a talk`).toBeDefined();
      if (!first) continue;
      await page.goto(`./?preset=${preset.id}&present=1`);
      const bar = presenterBar(page);
      await expect(bar).toContainText(`Beat 1 of ${String(beats.length)}`);
      await expect(bar.getByText(first.caption)).toBeVisible();
      await expect(page.locator(`${highlightSelector(first.highlight)}[data-presenter-focus]`)).toHaveCount(1, { timeout: 60_000 });
    }
  });
});
