/**
 * A planner maps the renewal zones' progress: with the zones measure on the heatmap and 吴兴
 * pinned, the card starts at 0%, then a zone drawn and saved in the zones tab moves it to the
 * zone's planned land over 吴兴's 2023 target, without a reload; the legend says the figure is
 * from user-drawn zones and cites the target's seed rows. Expected figures come from the seed
 * table through the domain reader.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { UNIT_DISPLAY } from '../../src/domain/indicators/unit-display.ts';
import { formatQuantity } from '../../src/domain/number-format.ts';
import { readZoneTargets } from '../../src/domain/zones/zone-progress.ts';
import { ZONES_LAND_PROGRESS_MEASURE_ID } from '../../src/domain/zones/zones-progress.measure.ts';
import { heatmapZhCN } from '../../src/i18n/heatmap.zh-CN.ts';
import { zonesZhCN } from '../../src/i18n/zones.zh-CN.ts';
import { useAppSessions, waitForMapIdle } from '../support/app-page.ts';

const baseUrl = inject('baseUrl');
const words = zonesZhCN;
const t = heatmapZhCN;
const WUXING = '330502';
/** Inside 吴兴区, away from district lines so the zone lies wholly in it. */
const VIEW = '13/30.84/120.02';
const URL_WITH_MEASURE = `${baseUrl}?region=huzhou&lang=zh-CN&view=${VIEW}&indicator=${ZONES_LAND_PROGRESS_MEASURE_ID}&district=${WUXING}`;

const seeds = (file: string) =>
  readFileSync(resolve(import.meta.dirname, '../../seeds', file), 'utf8');
const TARGETS = readZoneTargets(seeds('huzhou-2023-district-targets.csv'), seeds('plan-goals.csv'));

const sessions = useAppSessions();

const percent = (value: number) => formatQuantity(value, UNIT_DISPLAY.percent, 'zh-CN');

/** Clicks the corners in order and then the first one again, which closes the polygon. */
async function drawPolygon(page: Page, corners: readonly [number, number][]): Promise<void> {
  await page.getByRole('button', { name: words.toolbar.polygon, exact: true }).click();
  for (const [x, y] of corners) {
    await page.mouse.move(x, y, { steps: 4 });
    await page.mouse.click(x, y);
    await page.waitForTimeout(150);
  }
  const [first] = corners;
  if (!first) return;
  await page.mouse.move(first[0], first[1], { steps: 4 });
  await page.mouse.click(first[0], first[1]);
}

describe('zones progress on the heatmap', () => {
  it('shows 吴兴 at 0%, then at the saved zone’s planned land over its target, live', async () => {
    const { page } = sessions.current;
    await page.goto(URL_WITH_MEASURE);
    await waitForMapIdle(page);
    const card = page.getByRole('complementary').getByRole('article', { name: '吴兴区' });
    await card.waitFor();
    await expect.poll(() => card.innerText()).toContain(percent(0));
    await expect.poll(() => card.getByTestId('zones-basis').count()).toBe(1);

    const legend = page.getByRole('group', { name: t.legend.title });
    const legendText = await legend.innerText();
    expect(legendText).toContain(t.mode.zones);
    expect(legendText).toContain('huzhou-2023-district-targets.csv');
    expect(legendText).toContain(t.card.zonesBasis);

    await page.getByRole('tab', { name: words.tab, exact: true }).click();
    await expect
      .poll(() => page.getByRole('button', { name: words.toolbar.polygon }).isEnabled())
      .toBe(true);
    await drawPolygon(page, [
      [560, 340],
      [700, 340],
      [700, 450],
      [560, 450],
    ]);
    const plannedMu = 300;
    await page.getByLabel(words.form.name, { exact: true }).fill('织里连片整治');
    await page.getByLabel(words.form.plannedLandMu, { exact: true }).fill(String(plannedMu));
    await page.getByRole('button', { name: words.form.save, exact: true }).click();
    await expect.poll(() => page.locator('[data-save-status="saved"]').count()).toBe(1);
    await expect
      .poll(() => page.locator('tr[data-zone-id]', { hasText: '织里连片整治' }).count())
      .toBe(1);

    const target = TARGETS.districtLand.get(WUXING)!.value;
    await expect.poll(() => card.innerText()).toContain(percent((plannedMu / target) * 100));
    await page.screenshot({ path: 'tests/e2e/screenshots/zones-progress.zh-CN.png' });

    // Stored, so a reload shows the same figure.
    await page.reload();
    await waitForMapIdle(page);
    await expect.poll(() => card.innerText()).toContain(percent((plannedMu / target) * 100));
  });
});
