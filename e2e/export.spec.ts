import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Download, type Locator, type Page } from '@playwright/test';
import { parseCsv } from '../src/ui/export/parseCsv.testing.ts';

// Pictures, numbers and scenario files out of the lab, and scenario files back in, checked the way
// another tool would read them: the PNG's signature and size, the SVG as XML, the CSV parsed.

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const MECHANISM_IDS = ['polling', 'longPolling', 'sse', 'websocket', 'webhook'];

interface Lab {
  panel: Locator;
  pictures: Locator;
  data: Locator;
  scenarioFile: Locator;
}

/** Opens the lab, waits for the scoreboard's numbers, and pauses the playhead at `atMs`. */
async function openLab(page: Page, atMs = 42_000): Promise<Lab> {
  await page.goto('./?preset=first-look');
  const timeline = page.getByRole('slider', { name: 'Timeline' });
  await expect(timeline).toBeEnabled({ timeout: 30_000 });
  await timeline.fill(String(atMs));
  await expect(page.getByRole('table', { name: 'Scoreboard' })).toContainText(`after ${Math.floor(atMs / 1000)} s`);
  const panel = page.getByRole('region', { name: 'Export and import' });
  return {
    panel,
    pictures: panel.getByRole('region', { name: 'Pictures' }),
    data: panel.getByRole('region', { name: 'Data' }),
    scenarioFile: panel.getByRole('region', { name: 'Scenario file' }),
  };
}

async function download(page: Page, button: Locator): Promise<{ file: Download; bytes: Buffer }> {
  const downloading = page.waitForEvent('download');
  await button.click();
  const file = await downloading;
  return { file, bytes: await readFile(await file.path()) };
}

function scenarioFile(name: string, content: string) {
  return { name, mimeType: 'application/json', buffer: Buffer.from(content) };
}

/** Read from the (closed) settings drawer: its state is the scenario's, open or not. */
const clientsSlider = (page: Page) => page.getByRole('slider', { name: 'Clients', includeHidden: true });

/** The scenario's sliders and switches live in the settings drawer: open it (once). */
async function openSettings(page: Page): Promise<void> {
  const button = page.getByRole('button', { name: 'Scenario settings' });
  if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click();
}


test.describe('exporting pictures', () => {
  test('a chart as PNG is a real PNG at twice the chart’s size, named after the scenario and second', async ({ page }, testInfo) => {
    const { pictures } = await openLab(page);
    await pictures.getByLabel('Picture of').selectOption('latency');
    const { file, bytes } = await download(page, pictures.getByRole('button', { name: 'PNG' }));
    expect(file.suggestedFilename()).toBe('first-look-latency-t042s.png');
    expect([...bytes.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
    // IHDR: width and height, big-endian, right after the signature and the chunk header.
    const [width, height] = [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
    const chart = await page.locator('figure[data-chart="latency"] svg[role="img"]').boundingBox();
    expect(chart).not.toBeNull();
    expect(width).toBeGreaterThanOrEqual(2 * Math.floor(chart?.width ?? 0));
    expect(height).toBeGreaterThan(2 * Math.floor(chart?.height ?? 0));
    expect(bytes.length).toBeGreaterThan(10_000);
    expect(bytes.length).toBeLessThan(5_000_000);
    await writeFile(join(testInfo.project.outputDir, `export-latency-${testInfo.project.name}.png`), bytes);
    await expect(page.getByRole('region', { name: 'Export and import' }).getByText('Saved first-look-latency-t042s.png.')).toBeVisible();
  });

  test('the lanes as SVG are one standalone XML document stacking every lane, the same bytes twice', async ({ page }, testInfo) => {
    const { pictures } = await openLab(page);
    await pictures.getByLabel('Picture of').selectOption('lanes');
    const first = await download(page, pictures.getByRole('button', { name: 'SVG' }));
    expect(first.file.suggestedFilename()).toBe('first-look-lanes-t042s.svg');
    const text = first.bytes.toString('utf8');
    const parsed = await page.evaluate((source) => {
      const doc = new DOMParser().parseFromString(source, 'image/svg+xml');
      return {
        error: doc.querySelector('parsererror')?.textContent ?? null,
        root: doc.documentElement.localName,
        namespace: doc.documentElement.namespaceURI,
        lanes: doc.documentElement.querySelectorAll(':scope > svg').length,
        texts: [...doc.documentElement.querySelectorAll(':scope > text')].map((t) => t.textContent),
      };
    }, text);
    expect(parsed.error).toBeNull();
    expect(parsed.root).toBe('svg');
    expect(parsed.namespace).toBe('http://www.w3.org/2000/svg');
    expect(parsed.lanes).toBe(5);
    expect(parsed.texts[0]).toBe('On the wire — First look, at 42.0 s');
    expect(parsed.texts.slice(1).map((t) => t?.replace(/^\S+\s/, ''))).toEqual(['Polling', 'Long polling', 'SSE', 'WebSockets', 'Webhooks']);
    // Standalone: no page classes or CSS variables left to resolve.
    expect(text).not.toMatch(/\sclass="|var\(--|\sstyle="/);
    await writeFile(join(testInfo.project.outputDir, `export-lanes-${testInfo.project.name}.svg`), first.bytes);

    const second = await download(page, pictures.getByRole('button', { name: 'SVG' }));
    expect(second.bytes.equals(first.bytes)).toBe(true);
  });

  test('a chart as SVG carries its title, the scenario, the time span and a legend of the mechanisms', async ({ page }) => {
    const { pictures } = await openLab(page);
    await pictures.getByLabel('Picture of').selectOption('requests');
    const { file, bytes } = await download(page, pictures.getByRole('button', { name: 'SVG' }));
    expect(file.suggestedFilename()).toBe('first-look-requests-t042s.svg');
    const heading = await page.locator('figure[data-chart="requests"] h3').textContent();
    const texts = await page.evaluate((source) => {
      const doc = new DOMParser().parseFromString(source, 'image/svg+xml');
      return [...doc.documentElement.querySelectorAll(':scope > text')].map((t) => t.textContent);
    }, bytes.toString('utf8'));
    // On a narrow screen the title wraps onto several lines (text elements) above the legend.
    expect(texts.slice(0, -5).join(' ')).toBe(`${heading} — First look, 0–42 s`);
    expect(texts.slice(-5)).toEqual(['● Polling', '■ Long polling', '▲ SSE', '◆ WebSockets', '▼ Webhooks']);
  });

  /** The colour of a pixel near the top-left corner of a PNG, as the browser decodes it. */
  async function cornerPixel(page: Page, png: Buffer): Promise<number[]> {
    return page.evaluate(async (base64) => {
      const image = new Image();
      image.src = `data:image/png;base64,${base64}`;
      await image.decode();
      const canvas = document.createElement('canvas');
      canvas.width = image.width;
      canvas.height = image.height;
      const ctx = canvas.getContext('2d');
      ctx?.drawImage(image, 0, 0);
      return [...(ctx?.getImageData(2, 2, 1, 1).data ?? [])];
    }, png.toString('base64'));
  }

  test('the lanes as PNG draw on the light scheme’s background', async ({ page }, testInfo) => {
    const { pictures } = await openLab(page, 30_000);
    const { file, bytes } = await download(page, pictures.getByRole('button', { name: 'PNG' }));
    expect(file.suggestedFilename()).toBe('first-look-lanes-t030s.png');
    expect([...bytes.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
    expect(await cornerPixel(page, bytes)).toEqual([255, 255, 255, 255]);
    await writeFile(join(testInfo.project.outputDir, `export-lanes-${testInfo.project.name}.png`), bytes);
  });

  test('in the dark scheme a chart’s PNG has the dark background', async ({ page }, testInfo) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    const { pictures } = await openLab(page);
    await pictures.getByLabel('Picture of').selectOption('bytes');
    const { bytes } = await download(page, pictures.getByRole('button', { name: 'PNG' }));
    // --bg of the dark scheme, #111418.
    expect(await cornerPixel(page, bytes)).toEqual([0x11, 0x14, 0x18, 255]);
    await writeFile(join(testInfo.project.outputDir, `export-bytes-dark-${testInfo.project.name}.png`), bytes);
  });
});

test.describe('exporting data', () => {
  test('the scoreboard CSV has a header and one row per enabled mechanism, matching the table', async ({ page }) => {
    const { data } = await openLab(page);
    await openSettings(page);
    await page.getByRole('checkbox', { name: 'Webhooks' }).uncheck();
    await page.getByRole('button', { name: 'Close scenario settings' }).click();
    await expect(page.getByRole('table', { name: 'Scoreboard' }).getByRole('rowheader')).toHaveCount(4, { timeout: 30_000 });
    const { file, bytes } = await download(page, data.getByRole('button', { name: 'Scoreboard CSV' }));
    expect(file.suggestedFilename()).toBe('first-look-scoreboard-t042s.csv');
    const rows = parseCsv(bytes.toString('utf8'));
    expect(rows[0].slice(0, 4)).toEqual(['mechanism', 'label', 'atSec', 'requestsPerSec']);
    expect(rows.slice(1).map((r) => r[0])).toEqual(MECHANISM_IDS.slice(0, 4));
    expect(rows.slice(1).every((r) => r.length === rows[0].length && r[2] === '42')).toBe(true);
    // The CSV carries the raw figure the table shows rounded to three significant digits.
    const table = page.getByRole('table', { name: 'Scoreboard' });
    const pollingRow = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: /^[^A-Za-z]*Polling$/ }) });
    const shown = Number(await pollingRow.getByRole('cell').first().textContent());
    const raw = Number(rows[1][3]);
    expect(shown).toBeGreaterThan(1);
    expect(Math.abs(raw - shown)).toBeLessThan(0.01 * shown);
  });

  test('the scoreboard and series JSON parse, and the series CSV has a row per mechanism and second', async ({ page }) => {
    const { data } = await openLab(page, 10_000);
    const board = await download(page, data.getByRole('button', { name: 'Scoreboard JSON' }));
    expect(board.file.suggestedFilename()).toBe('first-look-scoreboard-t010s.json');
    const boardJson = JSON.parse(board.bytes.toString('utf8')) as { atSec: number; rows: { mechanism: string }[] };
    expect(boardJson.atSec).toBe(10);
    expect(boardJson.rows.map((r) => r.mechanism)).toEqual(MECHANISM_IDS);

    const series = await download(page, data.getByRole('button', { name: 'Per-second series CSV' }));
    expect(series.file.suggestedFilename()).toBe('first-look-series-t010s.csv');
    const rows = parseCsv(series.bytes.toString('utf8'));
    expect(rows[0].slice(0, 4)).toEqual(['mechanism', 'secondStart', 'secondEnd', 'requests']);
    expect(rows).toHaveLength(1 + 5 * 10);

    const seriesJson = await download(page, data.getByRole('button', { name: 'Per-second series JSON' }));
    const parsed = JSON.parse(seriesJson.bytes.toString('utf8')) as { seconds: number; mechanisms: Record<string, { requests: number[] }> };
    expect(parsed.seconds).toBe(10);
    const requestsColumn = rows[0].indexOf('requests');
    expect(parsed.mechanisms.sse.requests.map(String)).toEqual(rows.filter((r) => r[0] === 'sse').map((r) => r[requestsColumn]));
  });
});

test.describe('scenario files', () => {
  test('export writes the scenario as JSON, and importing a changed copy changes the lab', async ({ page }) => {
    const { scenarioFile: group } = await openLab(page);
    const { file, bytes } = await download(page, group.getByRole('button', { name: 'Export JSON' }));
    expect(file.suggestedFilename()).toBe('first-look.scenario.json');
    const scenario = JSON.parse(bytes.toString('utf8')) as { clients: number; name: string };
    expect(scenario.clients).toBe(10);
    await expect(clientsSlider(page)).toHaveAttribute('aria-valuetext', '10');

    const chooser = page.waitForEvent('filechooser');
    await group.getByRole('button', { name: 'Import JSON file…' }).click();
    await (await chooser).setFiles(scenarioFile('class.json', JSON.stringify({ ...scenario, clients: 37, name: 'My class' })));
    await expect(clientsSlider(page)).toHaveAttribute('aria-valuetext', '37');
    await expect(group.getByRole('status')).toHaveText('Loaded the scenario “My class” from class.json.');
    // Loading a scenario starts it from 0 s; once re-run, its numbers cover the 37 clients.
    const timeline = page.getByRole('slider', { name: 'Timeline' });
    await expect(timeline).toHaveValue('0');
    await expect(timeline).toBeEnabled({ timeout: 30_000 });
    await timeline.fill('5000');
    await expect(page.getByRole('table', { name: 'Scoreboard' })).toContainText('all 37 clients', { timeout: 30_000 });
  });

  test('a broken file shows an alert naming the problem and keeps the state', async ({ page }) => {
    const { scenarioFile: group } = await openLab(page);
    const input = group.getByLabel('Scenario file to import');
    await input.setInputFiles(scenarioFile('bad.json', '{ "version": 1, "clients": 0, "network": { "lossRate": 3 } }'));
    const alert = group.getByRole('alert');
    await expect(alert).toContainText('The file was not loaded; the lab kept its scenario.');
    await expect(alert.getByRole('listitem')).toHaveCount(2);
    await expect(alert.getByRole('listitem').first()).toContainText('bad.json: clients:');
    await expect(alert).toContainText('(got 0)');
    await expect(alert).toContainText('network.lossRate');
    await expect(clientsSlider(page)).toHaveAttribute('aria-valuetext', '10');

    await input.setInputFiles(scenarioFile('syntax.json', '{\n  "clients": 5,\n}'));
    await expect(alert).toContainText(/syntax\.json: invalid JSON: .*line 3,? column 1/);
    await expect(clientsSlider(page)).toHaveAttribute('aria-valuetext', '10');
    await expect(page.getByRole('slider', { name: 'Timeline' })).toHaveValue('42000');
  });

  test('a file dropped anywhere on the page loads; a bad one shows an alert in view', async ({ page }) => {
    await openLab(page);
    const drag = async (type: 'dragenter' | 'drop', name: string, content: string) => {
      await page.evaluate(
        ([eventType, fileName, text]) => {
          const transfer = new DataTransfer();
          transfer.items.add(new File([text], fileName, { type: 'application/json' }));
          document.querySelector('h1')?.dispatchEvent(new DragEvent(eventType, { dataTransfer: transfer, bubbles: true, cancelable: true }));
        },
        [type, name, content] as const,
      );
    };
    await drag('dragenter', 'x.json', '{}');
    await expect(page.getByText('Drop a scenario file (.json) to load it')).toBeVisible();
    await drag('drop', 'dropped.json', '{ "version": 1, "clients": 23 }');
    await expect(page.getByText('Drop a scenario file (.json) to load it')).toBeHidden();
    await expect(clientsSlider(page)).toHaveAttribute('aria-valuetext', '23');

    await drag('drop', 'worse.json', '{ "version": 1, "clients": "many" }');
    const alert = page.getByRole('alert').filter({ hasText: 'worse.json' });
    await expect(alert).toBeInViewport();
    await expect(alert).toContainText('worse.json: clients:');
    await expect(clientsSlider(page)).toHaveAttribute('aria-valuetext', '23');
    await alert.getByRole('button', { name: 'Dismiss' }).click();
    await expect(alert).toBeHidden();
  });
});

test('the panel reads well, passes axe and fits the screen', async ({ page }, testInfo) => {
  const { panel } = await openLab(page);
  await panel.scrollIntoViewIfNeeded();
  const scan = await new AxeBuilder({ page }).include('[data-region="export"]').analyze();
  expect(scan.violations.map((v) => v.id)).toEqual([]);
  const box = await panel.boundingBox();
  const viewport = page.viewportSize();
  expect(box && viewport && box.x + box.width <= viewport.width).toBe(true);
  await panel.screenshot({ path: join(testInfo.project.outputDir, `export-panel-${testInfo.project.name}.png`) });
});
