import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type CDPSession, type Page } from '@playwright/test';
import { DEFAULT_SHARE_STATE, encodeShareState } from '../state/shareState.ts';

// Soak (issue 10, item 9): the production build plays at the fastest speed for SOAK_MINUTES
// (default 10) while the scenario changes every RERUN_EVERY_MS (a Clients step up, then down), so
// the lab re-runs and replays again and again. Reports the JS heap after a forced garbage
// collection at the start and at the end, its growth, and the runs done. A leak shows as growth
// that keeps rising with the minutes; a steady lab's heap returns to about where it began.

const PORT = Number(process.env.SOAK_PORT ?? 4183);
const URL = `http://127.0.0.1:${String(PORT)}/`;
const MINUTES = Number(process.env.SOAK_MINUTES ?? 10);
const RERUN_EVERY_MS = 5000;
const CHROMIUM = process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

async function waitForServer(url: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`preview server did not start at ${url}`);
}

/** JS heap in use after a full garbage collection, in MB. */
async function heapMb(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  return usedSize / 1e6;
}

async function keepPlaying(page: Page): Promise<void> {
  const play = page.getByRole('button', { name: 'Play' });
  if (await play.isEnabled().catch(() => false)) await play.click().catch(() => undefined);
}

async function main(): Promise<void> {
  // Vite itself, not through npx: killing an npx wrapper leaves the server running.
  const vite = join(process.cwd(), 'node_modules', 'vite', 'bin', 'vite.js');
  const server = spawn(process.execPath, [vite, 'preview', '--host', '127.0.0.1', '--port', String(PORT), '--strictPort'], { stdio: 'ignore' });
  try {
    await waitForServer(URL);
    const browser = await chromium.launch(CHROMIUM ? { executablePath: CHROMIUM, args: FLAGS } : {});
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const cdp = await page.context().newCDPSession(page);
    // The default scenario by link (the bare address opens a lesson that plays by itself).
    await page.goto(`${URL}#${encodeShareState(DEFAULT_SHARE_STATE)}`);
    await page.getByRole('button', { name: 'Play' }).waitFor({ timeout: 60_000 });
    const speed = page.getByRole('slider', { name: 'Speed' });
    await speed.focus();
    await page.keyboard.press('End');
    const startMb = await heapMb(cdp);
    const samples: string[] = [];
    // The Clients slider is in the settings drawer (not modal: the bench keeps playing beside it).
    await page.getByRole('button', { name: /Scenario settings/ }).click();
    const clients = page.getByRole('slider', { name: 'Clients' });
    const endAt = Date.now() + MINUTES * 60_000;
    let reruns = 0;
    let nextSample = Date.now() + 60_000;
    while (Date.now() < endAt) {
      await keepPlaying(page);
      await clients.focus();
      await page.keyboard.press(reruns % 2 === 0 ? 'ArrowRight' : 'ArrowLeft');
      reruns++;
      await page.waitForTimeout(RERUN_EVERY_MS);
      if (Date.now() >= nextSample) {
        samples.push(`${String(samples.length + 1)} min: ${(await heapMb(cdp)).toFixed(1)} MB`);
        nextSample += 60_000;
      }
    }
    await page.getByRole('button', { name: 'Play' }).or(page.getByRole('button', { name: 'Pause' })).first().waitFor();
    await page.waitForTimeout(RERUN_EVERY_MS);
    const endMb = await heapMb(cdp);
    const failures = await page.getByRole('alert').count();
    console.log(`Soak: ${String(MINUTES)} min at the fastest speed, ${String(reruns)} re-runs`);
    console.log(`  heap after GC: start ${startMb.toFixed(1)} MB, end ${endMb.toFixed(1)} MB, growth ${(endMb - startMb).toFixed(1)} MB`);
    if (samples.length > 0) console.log(`  per minute: ${samples.join('; ')}`);
    console.log(`  alerts on the page at the end: ${String(failures)}`);
    await browser.close();
  } finally {
    server.kill();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
});
