/**
 * A land official opens the renewal-zones tab, draws a zone with the mouse and reads its area
 * in 亩 while drawing; a crossing outline is refused with a message.
 */
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { measureZone } from '../../src/domain/zones/zone-measure.ts';
import { zonesZhCN } from '../../src/i18n/zones.zh-CN.ts';
import { useAppSessions, waitForMapIdle } from '../support/app-page.ts';
import { VIEWPORT } from '../support/browser.ts';

const baseUrl = inject('baseUrl');
const words = zonesZhCN;
/** Inside 吴兴区, away from district lines so no click snaps to one. */
const CAMERA = { zoom: 13, lat: 30.84, lon: 120.02 };
const ZONE_URL = `${baseUrl}?lang=zh-CN&view=${CAMERA.zoom}/${CAMERA.lat}/${CAMERA.lon}`;

const sessions = useAppSessions();

/** Web-Mercator pixel → lon/lat for the test's camera (MapLibre's 512 px tiles, no rotation). */
function lonLatAt(x: number, y: number): [number, number] {
  const worldPx = 512 * 2 ** CAMERA.zoom;
  const centreX = ((CAMERA.lon + 180) / 360) * worldPx;
  const sin = Math.sin((CAMERA.lat * Math.PI) / 180);
  const centreY = (0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI)) * worldPx;
  const px = centreX + (x - VIEWPORT.width / 2);
  const py = centreY + (y - VIEWPORT.height / 2);
  const lon = (px / worldPx) * 360 - 180;
  const lat = (Math.atan(Math.sinh(Math.PI * (1 - (2 * py) / worldPx))) * 180) / Math.PI;
  return [lon, lat];
}

async function openZonesTab(page: Page): Promise<void> {
  await page.goto(ZONE_URL);
  await waitForMapIdle(page);
  await page.getByRole('tab', { name: words.tab, exact: true }).click();
  await expect
    .poll(() => page.getByRole('button', { name: words.toolbar.polygon }).isEnabled())
    .toBe(true);
}

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

const readout = (page: Page) => page.getByTestId('zone-readout');

describe('renewal zones', () => {
  it('measures a zone drawn with the mouse in 亩, as the domain measures its corners', async () => {
    const { page } = sessions.current;
    await openZonesTab(page);
    const corners: [number, number][] = [
      [560, 340],
      [700, 340],
      [700, 450],
      [560, 450],
    ];
    await drawPolygon(page, corners);
    await expect
      .poll(() => page.getByRole('heading', { name: words.form.newTitle, exact: true }).count())
      .toBe(1);
    const ring = [...corners, corners[0]!].map(([x, y]) => lonLatAt(x, y));
    const expected = measureZone({ type: 'Polygon', coordinates: [ring] });
    const text = await readout(page).innerText();
    const mu = Number(/([\d,.]+)\s*亩/.exec(text)?.[1]?.replaceAll(',', ''));
    expect(mu).toBeGreaterThan(0);
    expect(Math.abs(mu - expected.areaMu) / expected.areaMu).toBeLessThan(0.01);
    expect(text).toContain('公顷');
    expect(text).toContain('m²');
    expect(text).toContain('周长');
    await page.screenshot({ path: 'tests/e2e/screenshots/zones-drawn.zh-CN.png' });
  });

  it('refuses a crossing outline with a message and offers no save', async () => {
    const { page } = sessions.current;
    await openZonesTab(page);
    await drawPolygon(page, [
      [560, 340],
      [700, 450],
      [700, 340],
      [560, 450],
    ]);
    await expect
      .poll(() => page.getByRole('alert').first().innerText())
      .toContain(words.form.refused);
    expect(
      await page.getByRole('button', { name: words.form.save, exact: true }).isDisabled(),
    ).toBe(true);
  });

  it('saves a zone, keeps it across a reload, shows it in a second tab, and undoes with keys', async () => {
    const { page, context } = sessions.current;
    await openZonesTab(page);
    const other = await context.newPage();
    await openZonesTab(other);
    await drawPolygon(page, [
      [560, 340],
      [700, 340],
      [700, 450],
      [560, 450],
    ]);
    await page.getByLabel(words.form.name, { exact: true }).fill('织里连片整治');
    await page.getByLabel(words.form.energySpaceTce, { exact: true }).fill('1200');
    await page.getByRole('button', { name: words.form.save, exact: true }).click();
    const row = (p: Page) => p.locator('tr[data-zone-id]', { hasText: '织里连片整治' });
    await expect.poll(() => row(page).count()).toBe(1);
    await expect.poll(() => page.locator('[data-save-status="saved"]').count()).toBe(1);
    // The second tab of the same profile sees the new zone without reloading.
    await expect.poll(() => row(other).count()).toBe(1);

    // Ctrl+Z on the map (not in a field) takes this tab's creation back; Ctrl+Shift+Z redoes it.
    await page.locator('#map canvas').focus();
    await page.keyboard.press('Control+z');
    await expect.poll(() => row(page).count()).toBe(0);
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(() => row(page).count()).toBe(1);
    await page.reload();
    await waitForMapIdle(page);
    await page.getByRole('tab', { name: words.tab, exact: true }).click();
    await expect.poll(() => row(page).count()).toBe(1);

    await page.screenshot({ path: 'tests/e2e/screenshots/zones-saved.zh-CN.png' });
    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => page.getByRole('tab', { name: 'Renewal zones' }).count()).toBe(1);
    await page.screenshot({ path: 'tests/e2e/screenshots/zones-saved.en.png' });
  });
});
