import { readFile } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Download, type Locator, type Page } from '@playwright/test';
import { compositeFrames, readGif } from '../src/ui/export/gif/gifRead.ts';

// The animated GIF export, driven like a teacher preparing slides: pick the lanes and a window,
// make the GIF, and check the downloaded file is a real, looping, deterministic GIF of the page.

/** Press a button from the keyboard (on a phone the fixed time bar may sit over it for a pointer). */
async function press(button: Locator): Promise<void> {
  await button.focus();
  await button.press('Enter');
}

async function openLab(page: Page): Promise<Locator> {
  await page.goto('./?preset=first-look');
  await expect(page.getByRole('button', { name: 'Play' })).toBeEnabled({ timeout: 30_000 });
  const form = page.getByRole('region', { name: 'Export and import' }).getByRole('region', { name: 'Animated GIF' });
  await expect(form.getByRole('button', { name: 'Make GIF' })).toBeEnabled();
  return form;
}

async function makeGif(page: Page, form: Locator): Promise<{ download: Download; bytes: Uint8Array }> {
  const downloading = page.waitForEvent('download');
  await press(form.getByRole('button', { name: 'Make GIF' }));
  const download = await downloading;
  const bytes = new Uint8Array(await readFile(await download.path()));
  await expect(form.getByRole('status')).toContainText(`Saved ${download.suggestedFilename()}`);
  return { download, bytes };
}

/** How many pixels differ between two frames under the caption (which shows each frame's time). */
function changedPixels(a: Uint8Array, b: Uint8Array, width: number): number {
  let count = 0;
  for (let i = 40 * width * 4; i < a.length; i += 4) if (a[i] !== b[i] || a[i + 1] !== b[i + 1] || a[i + 2] !== b[i + 2]) count++;
  return count;
}

const timelineValue = (page: Page) => page.getByRole('slider', { name: 'Timeline' }).inputValue();

test.describe('the animated GIF export', () => {
  test('makes a looping GIF89a of the lanes, one image per frame, the same bytes every time', async ({ page }, testInfo) => {
    const form = await openLab(page);
    await form.getByLabel('Element').selectOption('lanes');
    await form.getByLabel('Start (s into the run)').fill('2');
    await form.getByLabel(/^Duration/).fill('2');
    await form.getByLabel(/^Speed/).selectOption('1');
    await form.getByLabel('Frames per second').selectOption('5');
    await expect(form.getByText('11 frames (at most 300), 2.2 s of animation, showing 2–4 s of the run.')).toBeVisible();
    const playheadBefore = await timelineValue(page);

    const first = await makeGif(page, form);
    expect(first.download.suggestedFilename()).toBe('first-look-lanes-t2s-4s.gif');
    const status = (await form.getByRole('status').textContent()) ?? '';
    const size = /11 frames, ([\d,]+) × ([\d,]+) px/.exec(status);
    expect(size, status).not.toBeNull();
    const [width, height] = [Number(size?.[1].replace(',', '')), Number(size?.[2].replace(',', ''))];

    const gif = readGif(first.bytes);
    expect(gif.version).toBe('GIF89a');
    expect([gif.width, gif.height]).toEqual([width, height]);
    expect(gif.width).toBeLessThanOrEqual(960);
    // Five lanes of five clients each: a tall picture.
    expect(gif.height).toBeGreaterThan(600);
    expect(gif.frames).toHaveLength(11);
    expect(gif.frames.every((f) => f.delayCs === 20)).toBe(true);
    expect(gif.loopCount).toBe(0);
    // The playhead is back where it was, and paused.
    expect(await timelineValue(page)).toBe(playheadBefore);
    await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();

    // Messages move between 2 s and 4 s: the first and last pictures differ.
    const shown = compositeFrames(gif);
    expect(changedPixels(shown[0], shown[10], gif.width)).toBeGreaterThan(100);

    const second = await makeGif(page, form);
    expect(second.download.suggestedFilename()).toBe('first-look-lanes-t2s-4s.gif');
    expect(Buffer.from(second.bytes).equals(Buffer.from(first.bytes))).toBe(true);

    // The browser's own decoder agrees on the frame count; its first frame is saved to look at.
    const decoded = await page.evaluate(async (data: number[]) => {
      const decoder = new ImageDecoder({ data: new Uint8Array(data), type: 'image/gif' });
      await decoder.tracks.ready;
      const { image } = await decoder.decode({ frameIndex: 0 });
      const canvas = document.createElement('canvas');
      canvas.width = image.displayWidth;
      canvas.height = image.displayHeight;
      canvas.getContext('2d')?.drawImage(image, 0, 0);
      image.close();
      return { frames: decoder.tracks.selectedTrack?.frameCount ?? 0, png: canvas.toDataURL('image/png') };
    }, Array.from(first.bytes));
    expect(decoded.frames).toBe(11);
    await testInfo.attach('first-frame.png', { body: Buffer.from(decoded.png.split(',')[1], 'base64'), contentType: 'image/png' });
    await page.setContent(`<img alt="first frame" src="${decoded.png}">`);
    await page.screenshot({ path: testInfo.outputPath(`gif-first-frame-${testInfo.project.name}.png`), fullPage: true });
  });

  test('records one chart on its own, named after it', async ({ page }, testInfo) => {
    const form = await openLab(page);
    await form.getByLabel('Element').selectOption({ label: 'Chart: requests per second' });
    await form.getByLabel('Start (s into the run)').fill('10');
    await form.getByLabel(/^Duration/).fill('2');
    await form.getByLabel(/^Speed/).selectOption('2');
    await form.getByLabel('Frames per second').selectOption('5');
    const { download, bytes } = await makeGif(page, form);
    expect(download.suggestedFilename()).toBe('first-look-requests-t10s-12s.gif');
    const gif = readGif(bytes);
    expect(gif.frames).toHaveLength(6);
    const chartWidth = (await page.locator('[data-chart="requests"] svg[role="img"]').boundingBox())?.width ?? 0;
    // The chart's own width (at least 320 px) plus a 16 px margin on each side, never more than 960 px.
    expect(gif.width).toBe(Math.min(960, Math.max(320, Math.ceil(chartWidth)) + 32));
    // The chart moves once per simulated second, not with every frame.
    const shown = compositeFrames(gif);
    // Within one second only a few edge pixels of the axis text may differ (the browser's text
    // smoothing); across two seconds the lines grow by hundreds of pixels.
    expect(changedPixels(shown[0], shown[1], gif.width)).toBeLessThan(100);
    expect(changedPixels(shown[0], shown[5], gif.width)).toBeGreaterThan(300);
    await testInfo.attach('chart.gif', { body: Buffer.from(bytes), contentType: 'image/gif' });
    await page.setContent(`<img alt="chart GIF" src="data:image/gif;base64,${Buffer.from(bytes).toString('base64')}">`);
    await page.screenshot({ path: testInfo.outputPath(`gif-chart-${testInfo.project.name}.png`) });
  });

  test('cancels mid-way: nothing is saved and the playhead goes back', async ({ page }) => {
    const form = await openLab(page);
    const playheadBefore = await timelineValue(page);
    await press(form.getByRole('button', { name: 'Make GIF' }));
    const progress = form.getByRole('progressbar', { name: 'GIF frames recorded' });
    await expect(progress).toBeVisible();
    await expect.poll(async () => Number(await progress.getAttribute('value'))).toBeGreaterThan(2);
    await expect(form.getByRole('button', { name: 'Cancel' })).toBeFocused();
    await press(form.getByRole('button', { name: 'Cancel' }));
    await expect(form.getByRole('status')).toHaveText('Cancelled: no GIF was saved.');
    await expect(progress).toHaveCount(0);
    expect(await timelineValue(page)).toBe(playheadBefore);
  });

  test('names a bad field and keeps the button off until it is fixed', async ({ page }) => {
    const form = await openLab(page);
    const duration = form.getByLabel(/^Duration/);
    await duration.fill('31');
    await expect(form.getByText('Duration must be more than 0 and at most 30 s.')).toBeVisible();
    await expect(duration).toHaveAttribute('aria-invalid', 'true');
    await expect(form.getByRole('button', { name: 'Make GIF' })).toBeDisabled();
    await duration.fill('10');
    await expect(form.getByText(/That makes 401 frames, more than 300/)).toBeVisible();
    await duration.fill('5');
    await expect(duration).toHaveAttribute('aria-invalid', 'false');
    await expect(form.getByRole('button', { name: 'Make GIF' })).toBeEnabled();
  });

  test('the form is labelled, passes an accessibility scan and fits the screen', async ({ page }, testInfo) => {
    const form = await openLab(page);
    for (const label of ['Element', 'Start (s into the run)', 'Duration (s)', 'Speed (1× = real time)', 'Frames per second']) {
      await expect(form.getByLabel(label)).toBeVisible();
    }
    const scan = await new AxeBuilder({ page }).include('.gif-export').analyze();
    expect(scan.violations.map((v) => v.id)).toEqual([]);
    const box = await form.boundingBox();
    const viewport = page.viewportSize();
    expect(box && viewport && box.x + box.width <= viewport.width).toBe(true);
    await form.scrollIntoViewIfNeeded();
    await form.screenshot({ path: testInfo.outputPath(`gif-form-${testInfo.project.name}.png`) });
  });
});
