import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { recordRun, type RunRecording } from '../src/sim/recording.ts';
import { parseScenario } from '../src/sim/scenario/validate.ts';
import { DEFAULT_SHARE_STATE, encodeShareState } from '../src/state/shareState.ts';
import { buildVariant } from '../src/state/compareVariant.ts';
import { activeStep } from '../src/ui/explain/activeStep.ts';
import { MECHANISM_TEXTS } from '../src/ui/explain/mechanismTexts.ts';

// "Compare with…" (issue 13, item 4), by role and name: open the lab by link, make run B with a
// longer polling interval, read both runs' figures and the delta, move the timeline and see both
// lanes follow it, share the pair and open it again. A small scenario keeps it fast.

test.describe.configure({ timeout: 90_000 });

const parsed = parseScenario({ name: 'Compare demo', durationSec: 30, clients: 4, mechanisms: ['polling', 'sse'] });
if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
const A = parsed.scenario;
const built = buildVariant(A, { polling: { intervalMs: 10_000 } });
if (!built.ok) throw new Error(built.errors.join('\n'));
const B = built.scenario;
const LINK = `./#${encodeShareState({ ...DEFAULT_SHARE_STATE, scenario: A })}`;

/** What the lane's "Client 1 now:" line says at `ms`, from the engine's own recording. */
function stepText(recording: RunRecording, ms: number): string {
  const lane = recording.mechanisms.polling;
  if (!lane) throw new Error('no polling lane');
  const step = activeStep('polling', lane, ms);
  const steps = MECHANISM_TEXTS.polling.steps;
  return `Client 1 now: ${step >= 0 && step < steps.length ? `${String(step + 1)}. ${steps[step]}` : 'Waiting for the first message.'}`;
}

/** Two moments where A's and B's polling lanes say different things, and each lane changes between them. */
function twoMoments(): { times: [number, number]; a: [string, string]; b: [string, string] } {
  const runA = recordRun(A, 5);
  const runB = recordRun(B, 5);
  for (let t1 = 3000; t1 < 28_000; t1 += 50) {
    const [a1, b1] = [stepText(runA, t1), stepText(runB, t1)];
    if (a1 === b1) continue;
    for (let t2 = t1 + 1000; t2 < 29_000; t2 += 50) {
      const [a2, b2] = [stepText(runA, t2), stepText(runB, t2)];
      if (a2 !== a1 && b2 !== b1 && a2 !== b2) return { times: [t1, t2], a: [a1, a2], b: [b1, b2] };
    }
  }
  throw new Error('no two moments found');
}

const compareTable = (page: Page) => page.getByRole('table', { name: /^Compare runs/ });
const pollingRow = (table: Locator) => table.getByRole('row').filter({ has: table.page().getByRole('rowheader', { name: 'Polling', exact: true }) });

async function expectAxeClean(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).include('.compare-view').analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.help} (${String(v.nodes.length)})`)).toEqual([]);
}

test('compare two runs: a longer polling interval, both runs’ figures and deltas, lanes in step, and the pair as a link', async ({ page }, testInfo) => {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(LINK);
  await expect(page.getByRole('table', { name: /^Scoreboard/ })).toBeVisible({ timeout: 30_000 });

  await page.getByRole('button', { name: 'Compare with…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Compare with…' });
  await expect(dialog.getByLabel('Field')).toHaveValue('polling.intervalMs');
  const value = dialog.getByLabel('New value (ms)');
  await expect(value).toHaveValue('2000');
  // A bad value is named by its field; nothing starts.
  await value.fill('5');
  await dialog.getByRole('button', { name: 'Run B beside A' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('polling.intervalMs: must be a number from 10 to 3600000 (got 5)');
  await expect(compareTable(page)).toHaveCount(0);
  await value.fill('10000');
  await dialog.screenshot({ path: testInfo.outputPath('compare-dialog.png') });
  const dialogAxe = await new AxeBuilder({ page }).include('.compare-dialog').analyze();
  expect(dialogAxe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
  await dialog.getByRole('button', { name: 'Run B beside A' }).click();
  await expect(dialog).toBeHidden();

  // Both runs' figures and the delta: polling's requests fall by about four fifths, which is better.
  const table = compareTable(page);
  await expect(table).toBeVisible({ timeout: 30_000 });
  await expect(table).toContainText('A: current, B: interval 10 s');
  const requests = pollingRow(table).getByRole('cell').first();
  await expect(requests).toContainText(/A\s*\d+(\.\d+)?\s*B\s*\d+(\.\d+)?\s*−\d+(\.\d+)?\s\(−[78]\d\s%\)\s*better/);
  await expect(page.getByText(/^Polling interval 10 s instead of 2 s — Polling: requests −[78]\d\s%, mean latency \+[\d.]+\ss\.$/)).toBeVisible();
  // The normal bench is gone while comparing.
  await expect(page.getByRole('table', { name: /^Scoreboard/ })).toHaveCount(0);

  // The lanes of A and B follow the one timeline, each showing its own run.
  const laneA = page.getByRole('region', { name: 'A: current · Polling' });
  const laneB = page.getByRole('region', { name: 'B: interval 10 s · Polling' });
  const moments = twoMoments();
  const timeline = page.getByRole('slider', { name: 'Timeline' });
  for (const i of [0, 1] as const) {
    await timeline.fill(String(moments.times[i]));
    await expect(laneA.locator('.lane-step-text')).toHaveText(moments.a[i]);
    await expect(laneB.locator('.lane-step-text')).toHaveText(moments.b[i]);
  }
  await expectAxeClean(page);
  await page.emulateMedia({ colorScheme: 'dark' });
  await expectAxeClean(page);
  await page.emulateMedia({ colorScheme: 'light' });
  for (const [width, height] of [[1280, 800], [1920, 1080]] as const) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: testInfo.outputPath(`compare-${String(width)}x${String(height)}.png`) });
  }
  await page.setViewportSize({ width: 1280, height: 800 });

  // The pair is a link: copy it, open it in a new page, and the comparison is back.
  await page.getByRole('button', { name: 'Copy link' }).click();
  const link = await page.getByRole('textbox', { name: 'Link to this run' }).inputValue();
  expect(link).toMatch(/#v2\./);
  const again = await page.context().newPage();
  await again.goto(link);
  await expect(compareTable(again)).toBeVisible({ timeout: 30_000 });
  await expect(compareTable(again)).toContainText('A: current, B: interval 10 s');
  await expect(pollingRow(compareTable(again)).getByRole('cell').first()).toHaveText((await requests.textContent()) ?? '');

  // Leaving the comparison restores the normal bench, and the address forgets run B.
  await again.getByRole('button', { name: 'Leave comparison' }).click();
  await expect(again.getByRole('table', { name: /^Scoreboard/ })).toBeVisible();
  await expect(compareTable(again)).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('@phone the comparison fits a phone without sideways scrolling', async ({ page }, testInfo) => {
  const changed = encodeShareState({ ...DEFAULT_SHARE_STATE, scenario: A, compare: { polling: { intervalMs: 10_000 } } });
  await page.goto(`./#${changed}`);
  await expect(compareTable(page)).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('region', { name: 'B: interval 10 s · Polling' })).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await compareTable(page).scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('compare-phone.png') });
  await expectAxeClean(page);
});
