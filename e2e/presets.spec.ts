import { expect, test } from '@playwright/test';
import { PRESETS } from '../src/sim/presets/presets.ts';
import { parseScenario } from '../src/sim/scenario/validate.ts';

// Every preset in the library loads by name, runs in the browser and shows its numbers at the end
// (what each lesson shows in those numbers is asserted on the engine in presets.test.ts).

test.describe('the preset library', () => {

  for (const preset of PRESETS) {
    test(`"${preset.title}" loads by name and plays to the end`, async ({ page }) => {
      const parsed = parseScenario(preset.scenario);
      if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
      const { durationSec, clients } = parsed.scenario;
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));

      await page.goto(`./?preset=${preset.id}`);
      await expect(page.getByLabel('Preset')).toHaveValue(preset.id);
      await expect(page.getByText(preset.whatToNotice)).toBeVisible();
      const timeline = page.getByRole('slider', { name: 'Timeline' });
      await expect(timeline).toBeEnabled({ timeout: 60_000 });
      await timeline.fill(String(durationSec * 1000));
      const table = page.getByRole('table', { name: 'Scoreboard' });
      const clientsText = clients.toLocaleString('en-US');
      await expect(table).toContainText(`after ${String(durationSec)} s of ${String(durationSec)} s, all ${clientsText} clients`);
      // Every selected mechanism has a row with a measured request rate.
      await expect(table.getByRole('rowheader')).toHaveCount(parsed.scenario.mechanisms.length);
      expect(errors).toEqual([]);
    });
  }
});
