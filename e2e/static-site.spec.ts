import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { extname, resolve, sep } from 'node:path';
import { expect, test, type Page } from '@playwright/test';

// Issue 4, item 7 and issue 12, item 4: the built site works from any static host and sub-path,
// asks for nothing beyond its own files (parts off the first screen are chunks loaded on demand),
// and its content security policy lets every part of it run.

const DIST_DIR = resolve(process.env.E2E_DIST ?? 'dist');

const scoreboard = (page: Page) => page.getByRole('table', { name: 'Scoreboard' });

/** Collects the page's CSP violations, from the DOM event and from the console (whichever fires). */
async function recordCspViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/content security policy/i.test(message.text())) violations.push(`console: ${message.text()}`);
  });
  await page.exposeFunction('reportCspViolation', (text: string) => violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = (window as unknown as { reportCspViolation: (text: string) => void }).reportCspViolation;
      report(`${event.effectiveDirective} refused ${event.blockedURI || 'inline code'} (${event.sourceFile}:${String(event.lineNumber)})`);
    });
  });
  return violations;
}

/** Open the lab and wait until the first run is back from the worker (Play needs its recording). */
async function openLab(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await expect(page.getByRole('slider', { name: 'Timeline' })).toBeEnabled({ timeout: 30_000 });
}

/** The scenario's sliders and switches live in the settings drawer: open it (once). */
async function openSettings(page: Page): Promise<void> {
  const button = page.getByRole('button', { name: 'Scenario settings' });
  if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click();
}


/** The scoreboard shows figures for `clients` clients: a number in polling's first column. */
async function expectFigures(page: Page, clients: number): Promise<void> {
  await expect(scoreboard(page)).toContainText(new RegExp(`after [1-9]\\d* s of 120 s, all ${String(clients)} clients`), { timeout: 30_000 });
  const polling = scoreboard(page).getByRole('row').filter({ has: page.getByRole('rowheader', { name: /^[^A-Za-z]*Polling$/ }) });
  await expect(polling.getByRole('cell').first()).toHaveText(/^\d/);
}

/**
 * What a visitor does in the first minute: play for two seconds, move a slider, then drag another
 * one end to end so fast that the run for the first position is cancelled while it computes (the
 * worker is replaced), and pause. Ends when the last position's numbers are on screen.
 */
async function useTheLab(page: Page): Promise<void> {
  // The opening plays by itself; anything else is started here.
  const play = page.getByRole('button', { name: 'Play' });
  if (await play.isVisible()) await play.click();
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
  // Wall time is the point here: two seconds of playback (frames, URL updates, lane animations).
  await page.waitForTimeout(2000);
  await expectFigures(page, 10);
  await openSettings(page);
  const interval = page.getByRole('slider', { name: 'Polling interval' });
  await interval.focus();
  await interval.press('ArrowRight');
  const clients = page.getByRole('slider', { name: 'Clients' });
  await clients.focus();
  await clients.press('End');
  await clients.press('Home');
  await expectFigures(page, 1);
  // Dragging through 10,000 clients can stop at the run budget's question, which pauses playback;
  // either way the visit ends paused.
  const pause = page.getByRole('button', { name: 'Pause' });
  if (await pause.isVisible()) await pause.click();
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
}

test('the page declares a policy that forbids eval, inline script and every connection', async ({ page }) => {
  await page.goto('./');
  const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  const directives = new Map(
    (policy ?? '')
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter((words) => words[0] !== '')
      .map(([name, ...sources]) => [name, sources.join(' ')]),
  );
  expect(directives.get('default-src')).toBe("'none'");
  expect(directives.get('script-src')).toBe("'self'");
  expect(directives.get('connect-src')).toBe("'none'");
  expect(directives.get('object-src')).toBe("'none'");
  // Ignored in <meta> anyway; present, it would suggest the lab cannot be embedded.
  expect(directives.has('frame-ancestors')).toBe(false);
});

test('the page requests only the site’s own files, none from any other origin, even while playing and editing', async ({ page, context }) => {
  const violations = await recordCspViolations(page);
  const requested: string[] = [];
  // The context sees the worker's requests too. blob: and data: URLs are memory, not network.
  context.on('request', (request) => {
    if (!/^(blob|data):/.test(request.url())) requested.push(request.url());
  });

  await openLab(page, './');
  const origin = new URL(page.url()).origin;
  expect(requested.length).toBeGreaterThan(0);
  await useTheLab(page);
  // Parts not on the first screen are chunks of the build, loaded when first needed: the shortcuts dialog.
  const beforeHelp = requested.length;
  // The ? key opens it on every layout (a phone's bottom bar has no room for the ? button).
  await page.locator('body').press('?');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
  expect(requested.length).toBeGreaterThan(beforeHelp);
  await page.keyboard.press('Escape');
  const ownFile = new RegExp(`^${origin}/(assets/[\\w.-]+\\.(js|css))?$`);
  for (const url of requested) expect(url, 'only the site’s own files load').toMatch(ownFile);
  // A file is asked for once: playing, editing and re-running (the worker is replaced) fetch nothing again.
  expect(new Set(requested).size).toBe(requested.length);
  expect(violations).toEqual([]);
});

test('no content security policy violation on load, while playing or after edits', async ({ page }) => {
  const violations = await recordCspViolations(page);
  await openLab(page, './');
  expect(violations).toEqual([]);
  await useTheLab(page);
  expect(violations).toEqual([]);
});

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
};

/** A static host that has the built site in a sub-folder: only `prefix` exists, the rest is 404. */
async function serveDistUnder(prefix: string) {
  const outside: string[] = [];
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://host').pathname;
    const file = resolve(DIST_DIR, decodeURIComponent(path.slice(prefix.length)) || 'index.html');
    if (!path.startsWith(prefix) || !file.startsWith(DIST_DIR + sep)) {
      outside.push(path);
      response.writeHead(404).end();
      return;
    }
    readFile(file).then(
      (body) => response.writeHead(200, { 'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream' }).end(body),
      () => response.writeHead(404).end(),
    );
  });
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${String(port)}${prefix}`,
    /** Paths asked for outside the sub-folder: an absolute URL in the build. */
    outside,
    close: () => new Promise<void>((closed) => server.close(() => closed())),
  };
}

test('the built site runs from a deep sub-path of another host', async ({ page }) => {
  const host = await serveDistUnder('/some/deep/path/');
  try {
    const violations = await recordCspViolations(page);
    await openLab(page, host.url);
    await useTheLab(page);
    // A link copied there points back into the sub-folder.
    await page.getByRole('button', { name: 'Copy link' }).click();
    await expect(page.getByRole('textbox', { name: 'Link to this run' })).toHaveValue(new RegExp(`^${host.url}#v2\\.`));
    expect(host.outside).toEqual([]);
    expect(violations).toEqual([]);
  } finally {
    await host.close();
  }
});
