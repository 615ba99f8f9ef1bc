import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

// The teaching features of issue 13, driven by role and name: a challenge opened by link, a
// prediction, the run, the reveal; the "Challenges" list with progress.

// Each test runs a scenario and axe over the whole page: slow on a shared 2-core machine.
test.describe.configure({ timeout: 90_000 });

const timeline = (page: Page) => page.getByRole('slider', { name: 'Timeline' });
const playheadMs = async (page: Page) => Number(await timeline(page).inputValue());

/** Axe over the teaching features (every panel and dialog lives inside `.teach-mount`). */
async function expectNoSeriousAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).include('.teach-mount').analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.help} (${String(v.nodes.length)})`)).toEqual([]);
}

test.describe('challenges', () => {
  test('a challenge by link waits for a prediction, then plays and reveals the result', async ({ page }, testInfo) => {
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto('./?challenge=wasted-polls');
    const panel = page.getByRole('region', { name: 'Challenge: Wasted polls' });
    await expect(panel).toBeVisible({ timeout: 30_000 });
    await expect(page.getByRole('button', { name: 'Play' })).toBeEnabled({ timeout: 30_000 });

    // Before a prediction, the run waits at the start.
    await page.getByRole('button', { name: 'Play' }).click();
    await expect(panel.getByRole('status')).toContainText('The run waits for your prediction');
    expect(await playheadMs(page)).toBe(0);

    // A bad prediction is named, a good one is locked in.
    const field = panel.getByLabel('Your prediction');
    await field.fill('lots');
    await panel.getByRole('button', { name: 'Lock in prediction' }).click();
    await expect(panel.getByRole('alert')).toHaveText('Enter a number from 0 to 100 (%).');
    await field.fill('50');
    await panel.getByRole('button', { name: 'Lock in prediction' }).click();
    await expect(panel.getByText('Your prediction, 50 %, is locked in.')).toBeVisible();

    await page.getByRole('button', { name: 'Play' }).click();
    await expect.poll(() => playheadMs(page)).toBeGreaterThan(1000);
    await expect(page.getByRole('region', { name: 'Result' })).toHaveCount(0);
    await timeline(page).fill('120000');

    const result = page.getByRole('region', { name: 'Result' });
    await expect(result).toBeVisible();
    await expect(result).toContainText('e^(−λT)');
    await expect(result).toContainText('67 %');
    await expect(result).toContainText(/You said 50\s%; the run gave 6\d(\.\d)?\s%: 1\d(\.\d)? points too low/);
    await expect(result).toContainText('The run and the formula agree within');
    await expect(result).toContainText('Events arrive at random');
    await expect(page.getByRole('region', { name: 'Result' })).toHaveCount(1);
    await expect(page.getByRole('button', { name: 'Challenges' })).toHaveCount(1);
    await panel.screenshot({ path: testInfo.outputPath(`challenge-reveal-${testInfo.project.name}.png`) });
    await expectNoSeriousAxeViolations(page);

    // The list shows the progress, kept in this browser.
    await page.getByRole('button', { name: 'Challenges' }).click();
    const list = page.getByRole('dialog', { name: 'Challenges' });
    await expect(list.getByRole('listitem').filter({ hasText: 'Wasted polls' })).toContainText(/Done: \d+ % off/);
    await expect(list.getByRole('link', { name: 'Chat in both directions' })).toHaveAttribute('href', '?challenge=bidirectional-chat');
    await expectNoSeriousAxeViolations(page);
    expect(errors).toEqual([]);
  });

  test('a choice challenge opened from the list can be skipped and still reveals the answer', async ({ page }) => {
    await page.goto('./');
    await page.getByRole('button', { name: 'Challenges' }).click();
    await page.getByRole('dialog', { name: 'Challenges' }).getByRole('link', { name: 'Chat in both directions' }).click();
    const panel = page.getByRole('region', { name: 'Challenge: Chat in both directions' });
    await expect(panel).toBeVisible();
    await expect(page).toHaveURL(/\?challenge=bidirectional-chat/);
    await expect(panel.getByLabel('Your prediction')).toBeVisible();
    await panel.getByRole('button', { name: 'Skip', exact: true }).click();
    await expect(panel.getByRole('button', { name: 'Show the result now' })).toBeEnabled({ timeout: 30_000 });
    await panel.getByRole('button', { name: 'Show the result now' }).click();
    const result = page.getByRole('region', { name: 'Result' });
    await expect(result).toContainText('WebSockets');
    await expect(result).toContainText('You skipped the prediction this time.');
    await panel.getByRole('button', { name: 'Close challenge' }).click();
    await expect(panel).toHaveCount(0);
    await expect(page).not.toHaveURL(/challenge=/);
  });

  test('an unknown challenge name leaves the lab as it was and says so', async ({ page }) => {
    await page.goto('./?challenge=no-such-thing');
    await expect(page.getByText('There is no challenge named "no-such-thing"')).toBeVisible({ timeout: 30_000 });
    await expect(page.getByRole('region', { name: /^Challenge:/ })).toHaveCount(0);
  });
});

test.describe('which mechanism', () => {
  test('the form recommends from the figures and "Show me" runs both candidates side by side', async ({ page }, testInfo) => {
    await page.goto('./');
    await page.getByRole('button', { name: 'Which mechanism?' }).click();
    const dialog = page.getByRole('dialog', { name: 'Which mechanism?' });
    await expect(dialog).toBeVisible();
    const verdict = dialog.getByRole('region', { name: 'Recommendation' });
    await expect(verdict).toContainText('Use SSE; fall back to Long polling.');

    await dialog.getByLabel('Clients').fill('abc');
    await expect(dialog.getByText('Enter a number from 1 to 10,000.')).toBeVisible();
    await expect(dialog.getByRole('button', { name: 'Show me' })).toBeDisabled();
    await dialog.getByLabel('Clients').fill('200');
    await dialog.getByRole('radio', { name: 'Both ways' }).check();
    await dialog.getByLabel('Messages per second from each client').fill('0.5');
    await expect(verdict).toContainText('Use WebSockets; fall back to SSE.');
    await expect(verdict).toContainText('as WebSocket frames against');
    await dialog.getByRole('checkbox', { name: 'A proxy blocks WebSockets' }).check();
    await expect(verdict).toContainText('Use SSE; fall back to Long polling.');
    await dialog.screenshot({ path: testInfo.outputPath(`decision-form-${testInfo.project.name}.png`) });
    await expectNoSeriousAxeViolations(page);

    await dialog.getByRole('button', { name: 'Show me' }).click();
    await expect(dialog).toBeHidden();
    const table = page.getByRole('table', { name: 'Scoreboard' });
    await expect(table.getByRole('rowheader')).toHaveCount(2, { timeout: 30_000 });
    await expect(table.getByRole('rowheader').nth(0)).toContainText('Long polling');
    await expect(table.getByRole('rowheader').nth(1)).toContainText('SSE');
    await expect(table).toContainText('200 clients');
    await expect.poll(() => playheadMs(page)).toBeGreaterThan(0);
  });
});

test.describe('the usual table', () => {
  test('rebuilds the comparison table for the run and flags what the measurement contradicts', async ({ page }, testInfo) => {
    await page.goto('./?preset=stock-ticker');
    await expect(timeline(page)).toBeEnabled({ timeout: 30_000 });
    const button = page.getByRole('button', { name: 'The usual table' });
    await button.click();
    await expect(button).toHaveAttribute('aria-expanded', 'true');
    const table = page.getByRole('table', { name: 'The usual table' });
    await expect(table).toBeVisible();
    // Checks find these by role and (substring) name: no other button may contain the name.
    await expect(page.getByRole('button', { name: 'The usual table' })).toHaveCount(1);
    await expect(table.getByRole('rowheader')).toHaveText(['Communication', 'Connection', 'Latency', 'Bandwidth', 'Server load', 'Complexity', 'Reliability']);
    await expect(table.getByRole('columnheader')).toHaveText(['Polling', 'Long polling', 'SSE', 'WebSockets']);
    const bandwidth = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Bandwidth' }) });
    await expect(bandwidth.getByRole('cell').first()).toContainText('Inefficient');
    await expect(bandwidth.getByRole('cell').first()).toContainText('Contradicted: ');
    await expect(bandwidth.getByRole('cell').first()).toContainText('per event');
    await page.getByRole('region', { name: 'The usual table' }).screenshot({ path: testInfo.outputPath(`usual-table-${testInfo.project.name}.png`) });
    await expectNoSeriousAxeViolations(page);
  });
});

test.describe('transcript', () => {
  test('tells the run step by step up to the playhead, as plain text', async ({ page }) => {
    await page.goto('./?preset=payment-webhook-outage');
    await expect(timeline(page)).toBeEnabled({ timeout: 30_000 });
    await page.getByRole('button', { name: 'Transcript' }).click();
    const region = page.getByRole('region', { name: 'Transcript' });
    await expect(region).toContainText('nothing yet.');
    await timeline(page).fill('40000');
    const steps = region.getByRole('list', { name: 'Steps so far' });
    await expect(steps.getByRole('listitem').first()).toHaveText(/^\d+\.\d\d s — Webhooks: /);
    await expect(steps).toContainText('answers attempt 1 with 503: it will be retried');
    const last = await steps.getByRole('listitem').last().textContent();
    expect(Number(/^(\d+\.\d\d) s/.exec(last ?? '')?.[1])).toBeLessThanOrEqual(40);
    await expect(region.getByRole('button', { name: 'Copy as text' })).toBeEnabled();
    await expect(page.getByRole('button', { name: 'Transcript' })).toHaveCount(1);
    await expectNoSeriousAxeViolations(page);
  });
});
