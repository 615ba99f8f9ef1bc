import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test, type FrameLocator, type Page } from '@playwright/test';

// Issue 4: presets by name, share links that reproduce a run, Back/Forward through edits, bad
// links, and an embedded frame in a slide-deck page showing the same numbers.

const scoreboard = (scope: Page | FrameLocator) => scope.getByRole('table', { name: 'Scoreboard' });

/** The scenario's sliders and switches live in the settings drawer: open it (once). */
async function openSettings(page: Page): Promise<void> {
  const button = page.getByRole('button', { name: 'Scenario settings' });
  if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click();
}

async function seekTo(page: Page | FrameLocator, ms: number) {
  const timeline = page.getByRole('slider', { name: 'Timeline' });
  await expect(timeline).toBeEnabled({ timeout: 30_000 });
  await timeline.fill(String(ms));
}

test('a preset loads by name and says what to notice', async ({ page }) => {
  await page.goto('./?preset=payment-webhook-outage');
  await expect(page.getByLabel('Preset')).toHaveValue('payment-webhook-outage');
  await expect(page.getByText('What to notice')).toBeVisible();
  await openSettings(page);
  await expect(page.getByRole('slider', { name: 'Clients' })).toBeVisible();
  // The address now carries the state itself; the one-shot ?preset= is gone.
  await expect.poll(() => new URL(page.url()).hash).toMatch(/^#v2\./);
  expect(new URL(page.url()).search).toBe('');
});

test('picking a preset in the list loads it and marks later edits', async ({ page }) => {
  await page.goto('./');
  await page.getByLabel('Preset').selectOption({ label: 'Stock ticker' });
  await seekTo(page, 60_000);
  await expect(scoreboard(page)).toContainText('after 60 s of 60 s, all 50 clients', { timeout: 30_000 });
  await expect(page.getByText('edited', { exact: true })).toHaveCount(0);
  await openSettings(page);
  await page.getByRole('slider', { name: 'Clients' }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByText('edited', { exact: true })).toBeVisible();
});

test('a copied link reproduces the same run and numbers in a new tab', async ({ page, context }) => {
  await page.goto('./?preset=chat-room');
  await openSettings(page);
  await page.getByRole('slider', { name: 'Polling interval' }).focus();
  await page.keyboard.press('ArrowRight');
  await seekTo(page, 30_000);
  await expect(scoreboard(page)).toContainText('after 30 s of 120 s');
  const numbers = await scoreboard(page).innerText();

  await page.getByRole('button', { name: 'Copy link' }).click();
  const link = page.getByRole('textbox', { name: 'Link to this run' });
  await expect(link).toHaveValue(/#v2\./);
  const url = await link.inputValue();

  const copy = await context.newPage();
  await copy.goto(url);
  await expect(scoreboard(copy)).toContainText('after 30 s of 120 s', { timeout: 30_000 });
  expect(await scoreboard(copy).innerText()).toBe(numbers);
  await expect(copy.getByLabel('Preset')).toHaveValue('chat-room');
  await openSettings(copy);
  await expect(copy.getByRole('slider', { name: 'Polling interval' })).toHaveValue(
    await page.getByRole('slider', { name: 'Polling interval' }).inputValue(),
  );
});

test('Back and Forward walk through edits', async ({ page }) => {
  await page.goto('./?preset=first-look');
  const clients = page.getByRole('slider', { name: 'Clients' });
  await expect(scoreboard(page)).toBeVisible({ timeout: 30_000 });
  await openSettings(page);
  const first = await clients.inputValue();
  await clients.focus();
  await page.keyboard.press('ArrowRight');
  const second = await clients.inputValue();
  expect(second).not.toBe(first);
  // A later, separate edit (more than a second apart) is its own history entry.
  await page.waitForTimeout(1100);
  await page.keyboard.press('ArrowRight');
  const third = await clients.inputValue();

  await page.goBack();
  await expect(clients).toHaveValue(second);
  await page.goBack();
  await expect(clients).toHaveValue(first);
  await page.goForward();
  await expect(clients).toHaveValue(second);
  await page.goForward();
  await expect(clients).toHaveValue(third);
});

test('a damaged link or an unknown preset is named, and the lab still works', async ({ page }) => {
  await page.goto('./#v1.this-is-not-a-real-link');
  await expect(page.getByRole('alert')).toContainText('This link could not be read');
  await seekTo(page, 10_000);
  await expect(scoreboard(page)).toContainText('after 10 s of 120 s, all 10 clients');

  await page.goto('./?preset=<b>no-such-preset</b>');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('There is no preset named "<b>no-such-preset</b>"');
  // Shown as text, never as markup.
  await expect(alert.locator('b')).toHaveCount(0);
  await page.getByRole('button', { name: 'Dismiss' }).click();
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('an iframe in a slide deck shows the same numbers and plays @embed', async ({ page, context }) => {
  await page.goto('./?preset=idle-proxy-cuts');
  await seekTo(page, 20_000);
  await expect(scoreboard(page)).toContainText('after 20 s of');
  // The DOM's text: a small frame shows one group of columns at a time (the rest are in the DOM).
  const numbers = await scoreboard(page).textContent();

  await page.getByRole('button', { name: 'Embed…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Embed this run in a slide or page' });
  await dialog.getByLabel('Show').selectOption('lanes+scoreboard');
  await dialog.getByLabel('Frame size (16:9)').selectOption({ label: '960 × 540' });
  await dialog.getByLabel('Play on load').uncheck();
  const snippet = await dialog.getByLabel('Embed code').inputValue();
  expect(snippet).toMatch(/^<iframe src="[^"]+\?embed=1&amp;loop=1#v2\.[^"]+" width="960" height="540" /);

  // A slide deck on another origin (its own little server on another port) that pastes the snippet
  // into its page.
  const deckHtml = `<!doctype html><html lang="en"><title>Deck</title><h1>Slide 3</h1>${snippet}</html>`;
  const server = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(deckHtml);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const deck = await context.newPage();
  await deck.goto(`http://127.0.0.1:${String(port)}/deck.html`);
  const frame = deck.frameLocator('iframe');
  await expect(scoreboard(frame)).toContainText('after 20 s of', { timeout: 30_000 });
  expect(await scoreboard(frame).textContent()).toBe(numbers);
  const deckHistory = await deck.evaluate(() => window.history.length);
  await expect(frame.getByRole('link', { name: /Open in Push\/Pull Lab/ })).toHaveAttribute('target', '_blank');
  // Minimal chrome: no scenario sliders in the frame.
  await expect(frame.getByRole('slider', { name: 'Clients' })).toHaveCount(0);

  await frame.getByRole('button', { name: 'Play' }).click();
  await expect(frame.getByRole('button', { name: 'Pause' })).toBeVisible();
  await expect.poll(async () => Number(await frame.getByRole('slider', { name: 'Timeline' }).inputValue())).toBeGreaterThan(20_100);
  await seekTo(frame, 5_000);
  // The frame never adds entries to the deck's history (the deck's Back button stays the deck's).
  expect(await deck.evaluate(() => window.history.length)).toBe(deckHistory);
  server.close();
});

test('an embedded frame fits 16:9 sizes without page scrollbars @embed', async ({ page }) => {
  for (const [width, height] of [
    [480, 270],
    [1920, 1080],
  ] as const) {
    await page.setViewportSize({ width, height });
    await page.goto('./?embed=1&preset=chat-room');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Chat room');
    await expect(page.getByRole('button', { name: 'Play' })).toBeEnabled({ timeout: 30_000 });
    const overflow = await page.evaluate(() => ({
      x: document.documentElement.scrollWidth - document.documentElement.clientWidth,
      y: document.documentElement.scrollHeight - document.documentElement.clientHeight,
    }));
    expect(overflow).toEqual({ x: 0, y: 0 });
  }
});
