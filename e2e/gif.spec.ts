import { readFile } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Download, type Locator, type Page } from '@playwright/test';
import { compositeFrames, readGif } from '../src/ui/export/gif/gifRead.ts';
import { findBox } from '../src/ui/export/video/mp4Times.ts';

// The video and animated GIF export, driven like a teacher preparing slides: pick the lanes and a
// window, make the file, and check the download is a real, deterministic MP4 or looping GIF of the
// page at a slide resolution.

/** Press a button from the keyboard (on a phone the fixed time bar may sit over it for a pointer). */
async function press(button: Locator): Promise<void> {
  await button.focus();
  await button.press('Enter');
}

async function openLab(page: Page, format: 'gif' | 'avc' | 'vp9' = 'gif'): Promise<Locator> {
  await page.goto('./?preset=first-look');
  await expect(page.getByRole('button', { name: 'Play' })).toBeEnabled({ timeout: 30_000 });
  const form = page.getByRole('region', { name: 'Export and import' }).getByRole('region', { name: 'Video and animated GIF' });
  await form.getByLabel('Format').selectOption(format);
  await expect(form.getByRole('button', { name: format === 'gif' ? 'Make GIF' : 'Make video' })).toBeEnabled();
  return form;
}

/** Rows of a 1280 × 720 frame above the time band (1/24 margin + the band of 1.6 × 1/30 of the height). */
const ABOVE_BAND_ROWS = 720 - 30 - 38;

async function makeGif(page: Page, form: Locator, button = 'Make GIF'): Promise<{ download: Download; bytes: Uint8Array }> {
  const downloading = page.waitForEvent('download');
  await press(form.getByRole('button', { name: button }));
  const download = await downloading;
  const bytes = new Uint8Array(await readFile(await download.path()));
  await expect(form.getByRole('status')).toContainText(`Saved ${download.suggestedFilename()}`);
  return { download, bytes };
}

/** How many pixels differ between two frames above the time band (which shows each frame's time). */
function changedPixels(a: Uint8Array, b: Uint8Array, width: number): number {
  let count = 0;
  for (let i = 0; i < ABOVE_BAND_ROWS * width * 4; i += 4) if (a[i] !== b[i] || a[i + 1] !== b[i + 1] || a[i + 2] !== b[i + 2]) count++;
  return count;
}

const timelineValue = (page: Page) => page.getByRole('slider', { name: 'Timeline' }).inputValue();

test.describe('the animated GIF export', () => {
  test('makes a looping 1280 × 720 GIF89a of the lanes, one image per frame, the same bytes every time', async ({ page }, testInfo) => {
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
    expect([gif.width, gif.height]).toEqual([1280, 720]);
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
    expect([gif.width, gif.height]).toEqual([1280, 720]);
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
    const progress = form.getByRole('progressbar', { name: 'Frames recorded' });
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
    for (const label of ['Format', 'Size', 'Element', 'Start (s into the run)', 'Duration (s)', 'Speed (1× = real time)', 'Frames per second']) {
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

  test('makes a 1920 × 1080 GIF when that size is chosen', async ({ page }) => {
    const form = await openLab(page);
    await form.getByLabel('Size').selectOption('1920x1080');
    await form.getByLabel('Start (s into the run)').fill('2');
    await form.getByLabel(/^Duration/).fill('0.4');
    await form.getByLabel(/^Speed/).selectOption('1');
    await form.getByLabel('Frames per second').selectOption('5');
    const { bytes } = await makeGif(page, form);
    const gif = readGif(bytes);
    expect([gif.width, gif.height]).toEqual([1920, 1080]);
    expect(gif.frames).toHaveLength(3);
  });
});

/** Width and height of the first video track: tkhd's 16.16 fields and the sample entry's own. */
function mp4Dimensions(bytes: Uint8Array): { tkhd: [number, number]; sampleEntry: { type: string; size: [number, number] } } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const tkhd = findBox(bytes, ['moov', 'trak', 'tkhd']);
  const stsd = findBox(bytes, ['moov', 'trak', 'mdia', 'minf', 'stbl', 'stsd']);
  if (!tkhd || !stsd) throw new Error('no tkhd or stsd box');
  const version = bytes[tkhd[0] + 8];
  // After the header: version/flags, times, track id, reserved, duration, reserved, layer… matrix.
  const at = tkhd[0] + 8 + 4 + (version === 1 ? 32 : 20) + 8 + 8 + 36;
  const entry = stsd[0] + 16;
  const type = String.fromCharCode(...bytes.subarray(entry + 4, entry + 8));
  return {
    tkhd: [view.getUint32(at) / 65536, view.getUint32(at + 4) / 65536],
    sampleEntry: { type, size: [view.getUint16(entry + 32), view.getUint16(entry + 34)] },
  };
}

test.describe('the video export', () => {
  test('makes 1280 × 720 MP4s where the browser can encode them (VP9, the default, the same bytes every time), or says why not', async ({ page, context }, testInfo) => {
    await page.goto('./?preset=first-look');
    await expect(page.getByRole('button', { name: 'Play' })).toBeEnabled({ timeout: 30_000 });
    const support = await page.evaluate(async () => {
      if (typeof VideoEncoder === 'undefined') return { webCodecs: false, avc: false, vp9: false };
      const ask = async (codec: string) => (await VideoEncoder.isConfigSupported({ codec, width: 1280, height: 720, bitrate: 4e6 })).supported === true;
      return { webCodecs: true, avc: await ask('avc1.640028'), vp9: await ask('vp09.00.31.08') };
    });
    testInfo.annotations.push({ type: 'video encoders', description: JSON.stringify(support) });
    const form = page.getByRole('region', { name: 'Export and import' }).getByRole('region', { name: 'Video and animated GIF' });
    const format = form.getByLabel('Format');
    // The encoders are asked once the form is in view.
    await form.scrollIntoViewIfNeeded();
    await expect(format.locator('option[value="avc"]')).toBeEnabled({ enabled: support.avc });
    await expect(format.locator('option[value="vp9"]')).toBeEnabled({ enabled: support.vp9 });
    if (!support.avc && !support.vp9) {
      await expect(form.getByText(/cannot encode video at this size/)).toBeVisible();
      await expect(form.getByRole('button', { name: 'Make GIF' })).toBeEnabled();
      return;
    }
    await form.getByLabel('Start (s into the run)').fill('2');
    await form.getByLabel(/^Duration/).fill('2');
    await form.getByLabel(/^Speed/).selectOption('1');
    await form.getByLabel('Frames per second').selectOption('5');
    // The deterministic codec is the default wherever it can be encoded.
    await expect(format).toHaveValue(support.vp9 ? 'vp9' : 'avc');

    for (const codec of (['vp9', 'avc'] as const).filter((c) => support[c])) {
      await format.selectOption(codec);
      const first = await makeGif(page, form, 'Make video');
      expect(first.download.suggestedFilename()).toBe('first-look-lanes-t2s-4s.mp4');
      await expect(form.getByRole('status')).toContainText(`11 frames, 1,280 × 720 px, ${codec === 'avc' ? 'H.264' : 'VP9'} video`);
      // An ISO base media file: the first box is ftyp with an MP4 brand.
      expect(String.fromCharCode(...first.bytes.subarray(4, 8))).toBe('ftyp');
      expect(String.fromCharCode(...first.bytes.subarray(8, 12))).toMatch(/^(isom|mp41|mp42|avc1|iso\d)$/);
      const dimensions = mp4Dimensions(first.bytes);
      expect(dimensions.tkhd).toEqual([1280, 720]);
      expect(dimensions.sampleEntry).toEqual({ type: codec === 'avc' ? 'avc1' : 'vp09', size: [1280, 720] });
      await testInfo.attach(`lanes-${codec}.mp4`, { body: Buffer.from(first.bytes), contentType: 'video/mp4' });

      const second = await makeGif(page, form, 'Make video');
      // VP9 (libvpx) is reproducible: the same bytes. Chromium's software H.264 encoder is not in
      // any mode WebCodecs offers (videoEncode.ts), so for it only what holds is asserted: the same
      // size, frame count and length, a file of about the same size.
      if (codec === 'vp9') expect(Buffer.from(second.bytes).equals(Buffer.from(first.bytes))).toBe(true);
      else {
        expect(mp4Dimensions(second.bytes)).toEqual(dimensions);
        expect(Math.abs(second.bytes.length - first.bytes.length) / first.bytes.length).toBeLessThan(0.05);
      }

      // Where this Chromium can play the codec, it reads the same size and length back (in a page
      // of its own: the lab's content security policy allows no media).
      const player = await context.newPage();
      const played = await player.evaluate(async ({ data, type }) => {
        const video = document.createElement('video');
        if (video.canPlayType(type) === '') return null;
        video.src = URL.createObjectURL(new Blob([new Uint8Array(data)], { type: 'video/mp4' }));
        await new Promise((resolve, reject) => {
          video.onloadedmetadata = resolve;
          video.onerror = () => reject(new Error(video.error?.message ?? 'cannot play'));
        });
        return { width: video.videoWidth, height: video.videoHeight, duration: video.duration };
      }, { data: Array.from(first.bytes), type: codec === 'avc' ? 'video/mp4; codecs="avc1.640028"' : 'video/mp4; codecs="vp09.00.31.08"' });
      await player.close();
      testInfo.annotations.push({ type: `${codec} played back`, description: JSON.stringify(played) });
      if (played) {
        expect([played.width, played.height]).toEqual([1280, 720]);
        expect(played.duration).toBeCloseTo(11 * 0.2, 1);
      }
    }
  });
});
