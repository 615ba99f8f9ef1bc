import { join } from 'node:path';
import { expect, test, type Frame, type Page, type TestInfo } from '@playwright/test';

// Issue 12 items 1 and 2, measured: an embed fills its iframe at every slide size (no scrollbars,
// most of the frame, readable text, nothing cut), and a talk's lit element fills the stage clear of
// the caption band. Screenshots of every case land in test-results/frames/ to be looked at.

const SIZES = [
  [480, 270],
  [800, 450],
  [1280, 720],
  [1920, 1080],
] as const;

const VIEWS = [
  { view: 'lanes', regions: ['lanes'] },
  { view: 'charts', regions: ['charts'] },
  { view: 'scoreboard', regions: ['scoreboard'] },
  { view: 'lanes+scoreboard', regions: ['lanes', 'scoreboard'] },
] as const;

const TEST_PAGE = '/frames-test.html';

/** test-results/frames/<name>.png, beside every run's other results. */
const shotPath = (info: TestInfo, name: string) => join(info.project.outputDir, 'frames', `${name}.png`);

interface FrameFigures {
  scroll: { x: number; y: number };
  innerScrollers: string[];
  viewAreaShare: number;
  viewWidthShare: number;
  viewHeightShare: number;
  regionsShown: string[];
  smallestTextPx: number;
  smallestText: string;
  outside: string[];
  /** Height of each drawn chart (a chart view must show whole charts, not slivers). */
  chartHeights: number[];
}

/** Everything measured inside the frame, in the frame's own CSS pixels (= the iframe's size). */
function measureFrame(frame: Frame): Promise<FrameFigures> {
  return frame.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const height = document.documentElement.clientHeight;
    const describe = (element: Element) =>
      `${element.tagName.toLowerCase()}.${element.getAttribute('class') ?? ''}`.slice(0, 60);
    const shown = (rect: DOMRect) => rect.width > 1 && rect.height > 1;
    const visible = (element: Element) => {
      const style = getComputedStyle(element);
      return style.visibility !== 'hidden' && style.display !== 'none' && style.opacity !== '0';
    };

    // Scroll containers that actually scroll (a hidden overflow that clips content counts as cut).
    const innerScrollers: string[] = [];
    for (const element of document.querySelectorAll('body *')) {
      // Visually hidden text (1 px, clipped) is for screen readers and clips by design.
      if (!(element instanceof HTMLElement) || element.clientWidth <= 4 || !shown(element.getBoundingClientRect())) continue;
      const style = getComputedStyle(element);
      if (style.textOverflow === 'ellipsis' || element.closest('.presenter-sr-only, [aria-hidden="true"]')) continue;
      const clips = style.overflowX !== 'visible' || style.overflowY !== 'visible';
      if (clips && (element.scrollHeight > element.clientHeight + 1 || element.scrollWidth > element.clientWidth + 1))
        innerScrollers.push(`${describe(element)} ${String(element.scrollWidth)}×${String(element.scrollHeight)} in ${String(element.clientWidth)}×${String(element.clientHeight)}`);
    }

    const regions = [...document.querySelectorAll('[data-region]')].filter((r) => shown(r.getBoundingClientRect()));
    const left = Math.min(...regions.map((r) => r.getBoundingClientRect().left));
    const top = Math.min(...regions.map((r) => r.getBoundingClientRect().top));
    const right = Math.max(...regions.map((r) => r.getBoundingClientRect().right));
    const bottom = Math.max(...regions.map((r) => r.getBoundingClientRect().bottom));
    const clippedW = Math.min(right, width) - Math.max(left, 0);
    const clippedH = Math.min(bottom, height) - Math.max(top, 0);

    // Every visible text's rendered size: the height of its font after every transform, read from
    // the text's own box scale (HTML) or its screen matrix (SVG).
    let smallestTextPx = Infinity;
    let smallestText = '';
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.trim() ?? '';
      const parent = node.parentElement;
      if (text === '' || !parent || parent.closest('.presenter-sr-only, option, script, style, title')) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      const rects = [...range.getClientRects()].filter(shown);
      if (rects.length === 0 || !visible(parent)) continue;
      const fontPx = Number.parseFloat(getComputedStyle(parent).fontSize);
      let scale = 1;
      if (parent instanceof SVGGraphicsElement) {
        const matrix = parent.getScreenCTM();
        if (matrix) scale = Math.hypot(matrix.a, matrix.b);
      } else {
        let element: HTMLElement | null = parent;
        while (element && element.offsetWidth === 0) element = element.parentElement;
        if (element) scale = element.getBoundingClientRect().width / element.offsetWidth;
      }
      if (fontPx * scale < smallestTextPx) {
        smallestTextPx = fontPx * scale;
        smallestText = text.slice(0, 40);
      }
    }

    // Nothing cut: every shown box (HTML, and SVG drawings as a whole) lies inside the frame.
    const outside: string[] = [];
    for (const element of document.querySelectorAll('body *')) {
      if (element instanceof SVGElement && !(element instanceof SVGSVGElement)) continue;
      if (element.closest('.presenter-sr-only') || !visible(element)) continue;
      const rect = element.getBoundingClientRect();
      if (!shown(rect)) continue;
      if (rect.left < -1 || rect.top < -1 || rect.right > width + 1 || rect.bottom > height + 1)
        outside.push(`${describe(element)} at ${[rect.left, rect.top, rect.right, rect.bottom].map(Math.round).join(',')}`);
    }

    return {
      scroll: {
        x: document.documentElement.scrollWidth - document.documentElement.clientWidth,
        y: document.documentElement.scrollHeight - document.documentElement.clientHeight,
      },
      innerScrollers: innerScrollers.slice(0, 8),
      viewAreaShare: (Math.max(0, clippedW) * Math.max(0, clippedH)) / (width * height),
      viewWidthShare: clippedW / width,
      viewHeightShare: clippedH / height,
      regionsShown: regions.map((r) => r.getAttribute('data-region') ?? ''),
      smallestTextPx,
      smallestText,
      outside: outside.slice(0, 8),
      chartHeights: [...document.querySelectorAll('.chart-svg')].map((svg) => svg.getBoundingClientRect()).filter(shown).map((r) => r.height),
    };
  });
}

/** The embed URL the dialog builds for `view` (the default scenario, a second into the run). */
async function embedUrlFor(page: Page, view: string): Promise<string> {
  await page.getByRole('button', { name: 'Embed…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Embed this run in a slide or page' });
  await dialog.getByLabel('Show').selectOption(view);
  await dialog.getByLabel('Play on load').uncheck();
  await dialog.getByLabel('Start time').fill('30');
  const snippet = await dialog.getByLabel('Embed code').inputValue();
  await dialog.getByRole('button', { name: 'Close' }).click();
  const src = /src="([^"]+)"/.exec(snippet)?.[1] ?? '';
  return src.replace(/&amp;/g, '&');
}

test.describe('embeds fill their frame', () => {
  test.setTimeout(240_000);

  test('every embed view at every slide size fills the frame, readable, uncut, without scrollbars', async ({ page }, info) => {
    await page.route(`**${TEST_PAGE}`, (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: '<!doctype html><html lang="en"><title>Frames</title><body style="margin:0"></body></html>',
      }),
    );
    await page.goto('./?preset=payment-webhook-outage');
    await expect(page.getByRole('button', { name: 'Embed…' })).toBeEnabled({ timeout: 30_000 });
    const urls: Record<string, string> = {};
    for (const { view } of VIEWS) urls[view] = await embedUrlFor(page, view);

    await page.setViewportSize({ width: 1940, height: 1100 });
    await page.goto(TEST_PAGE);
    const failures: string[] = [];
    for (const { view, regions } of VIEWS) {
      for (const [width, height] of SIZES) {
        // A fresh iframe each time: the same address with another hash would not reload.
        await page.evaluate(
          ([src, w, h]) =>
            new Promise<void>((resolve) => {
              document.getElementById('f')?.remove();
              const frame = document.createElement('iframe');
              frame.id = 'f';
              frame.title = 'Embed';
              frame.style.border = '0';
              frame.style.display = 'block';
              frame.width = String(w);
              frame.height = String(h);
              frame.addEventListener('load', () => resolve(), { once: true });
              frame.src = src;
              document.body.append(frame);
            }),
          [urls[view] ?? '', width, height] as const,
        );
        const frame = page.frame({ url: /embed=1/ });
        if (!frame) throw new Error('no embedded frame');
        await expect(frame.getByRole('button', { name: 'Play' })).toBeEnabled({ timeout: 30_000 });
        await expect(frame.locator('[data-region]').first()).toBeVisible();
        // Lanes and charts size themselves in a second render.
        await page.waitForTimeout(1000);
        const name = `${view.replace('+', '-and-')}-${String(width)}x${String(height)}`;
        await page.locator('#f').screenshot({ path: shotPath(info, `embed-${name}`) });
        const m = await measureFrame(frame);
        const problems: string[] = [];
        if (m.scroll.x > 0 || m.scroll.y > 0) problems.push(`page scrolls ${JSON.stringify(m.scroll)}`);
        if (m.innerScrollers.length > 0) problems.push(`clipped/scrolling: ${m.innerScrollers.join('; ')}`);
        if (!(m.viewAreaShare >= 0.8 || (m.viewWidthShare >= 0.8 && m.viewHeightShare >= 0.8)))
          problems.push(`view covers ${(m.viewAreaShare * 100).toFixed(0)} % (${(m.viewWidthShare * 100).toFixed(0)} % × ${(m.viewHeightShare * 100).toFixed(0)} %)`);
        if (m.smallestTextPx < 10) problems.push(`text "${m.smallestText}" is ${m.smallestTextPx.toFixed(1)} px`);
        if (m.outside.length > 0) problems.push(`outside the frame: ${m.outside.join('; ')}`);
        for (const region of regions) if (!m.regionsShown.includes(region)) problems.push(`${region} not shown`);
        if (view === 'charts' && (m.chartHeights.length === 0 || Math.min(...m.chartHeights) < 90))
          problems.push(`charts drawn ${JSON.stringify(m.chartHeights.map(Math.round))} px tall (at least one, each ≥ 90 px)`);
        if (problems.length > 0) failures.push(`${name}: ${problems.join(' | ')}`);
        info.annotations.push({ type: name, description: `text ≥ ${m.smallestTextPx.toFixed(1)} px, view ${(m.viewAreaShare * 100).toFixed(0)} %` });
      }
    }
    expect(failures).toEqual([]);
  });
});

const TALK_SIZES = [
  [1280, 720],
  [1920, 1080],
  [1024, 768],
] as const;

test.describe('talks look like slides', () => {
  test.setTimeout(180_000);

  test('the lit element fills the stage, inside the screen and clear of the caption band', async ({ page }, info) => {
    const failures: string[] = [];
    for (const [width, height] of TALK_SIZES) {
      await page.setViewportSize({ width, height });
      await page.goto('./?preset=payment-webhook-outage&present=1');
      const bar = page.getByRole('region', { name: 'Presenter' });
      await expect(bar).toBeVisible({ timeout: 30_000 });
      await expect(page.locator('[data-presenter-focus]')).toHaveCount(1, { timeout: 30_000 });
      const beats = Number(/of (\d+)/.exec((await bar.locator('.presenter-position').innerText()) ?? '')?.[1] ?? '1');
      for (let beat = 0; beat < beats; beat += 1) {
        await expect(page.locator('[data-presenter-focus]')).toHaveCount(1);
        await page.waitForTimeout(500);
        const m = await page.evaluate(() => {
          const litElement = document.querySelector('[data-presenter-focus]');
          const lit = litElement?.getBoundingClientRect();
          const band = document.querySelector('.presenter-bar')?.getBoundingClientRect();
          // A slide cannot be scrolled: a scroll box in the lit element that scrolls hides figures.
          const scrolled = [...(litElement?.querySelectorAll('*') ?? [])].filter((element) => {
            if (!(element instanceof HTMLElement)) return false;
            const { overflowX, overflowY } = getComputedStyle(element);
            const scrolls = (o: string) => o === 'auto' || o === 'scroll';
            return (scrolls(overflowX) && element.scrollWidth > element.clientWidth + 1) || (scrolls(overflowY) && element.scrollHeight > element.clientHeight + 1);
          }).map((element) => `${element.className} ${String(element.scrollWidth)} in ${String(element.clientWidth)}`);
          return {
            scrolled,
            lit: lit ? { l: lit.left, t: lit.top, r: lit.right, b: lit.bottom } : null,
            band: band ? { l: band.left, t: band.top, r: band.right, b: band.bottom } : null,
            w: window.innerWidth,
            h: window.innerHeight,
          };
        });
        const name = `talk-${String(width)}x${String(height)}-beat-${String(beat + 1)}`;
        if (beat <= 2) await page.screenshot({ path: shotPath(info, name) });
        const { lit, band } = m;
        if (!lit || !band) {
          failures.push(`${name}: no lit element or no band`);
        } else {
          const problems: string[] = [];
          if (lit.l < -1 || lit.t < -1 || lit.r > m.w + 1 || lit.b > m.h + 1) problems.push(`lit element leaves the screen ${JSON.stringify(lit)}`);
          const areaShare = ((lit.r - lit.l) * (lit.b - lit.t)) / (m.w * m.h);
          const widthShare = (lit.r - lit.l) / m.w;
          if (areaShare < 0.6 && widthShare < 0.6) problems.push(`lit element is ${(areaShare * 100).toFixed(0)} % of the screen, ${(widthShare * 100).toFixed(0)} % wide`);
          if (m.scrolled.length > 0) problems.push(`content hidden in a scroll box: ${m.scrolled.join(', ')}`);
          const overlaps = lit.l < band.r && band.l < lit.r && lit.t < band.b && band.t < lit.b;
          if (overlaps) problems.push(`caption band ${JSON.stringify(band)} covers the lit element ${JSON.stringify(lit)}`);
          if (problems.length > 0) failures.push(`${name}: ${problems.join(' | ')}`);
        }
        if (beat < beats - 1) await page.keyboard.press('ArrowRight');
      }
    }
    expect(failures).toEqual([]);
  });
});
