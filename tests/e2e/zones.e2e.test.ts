/**
 * A land official opens the renewal-zones tab, draws a zone with the mouse and reads its area
 * in 亩 while drawing; a crossing outline is refused with a message. What lies inside a zone is
 * listed (districts with 亩, places opening their cards), the zones add up against the district
 * targets, a vertex dragged in select mode changes the area, and two tabs editing one zone get
 * a conflict rather than an overwrite.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { measureZone } from '../../src/domain/zones/zone-measure.ts';
import { format } from '../../src/i18n/index.ts';
import { zonesEn } from '../../src/i18n/zones.en.ts';
import { zonesZhCN } from '../../src/i18n/zones.zh-CN.ts';
import { useAppSessions, waitForMapIdle } from '../support/app-page.ts';
import { VIEWPORT } from '../support/browser.ts';

const baseUrl = inject('baseUrl');
const words = zonesZhCN;
/** Inside 吴兴区, away from district lines so no click snaps to one. */
const CAMERA = { zoom: 13, lat: 30.84, lon: 120.02 };
const ZONE_URL = `${baseUrl}?lang=zh-CN&view=${CAMERA.zoom}/${CAMERA.lat}/${CAMERA.lon}`;

const sessions = useAppSessions();

/**
 * Over 织里 (吴兴区): the seeds place its children's-wear enterprises, a park and a project here,
 * all within the rectangle `ZHILI_RECTANGLE` draws at this camera.
 */
const ZHILI_CAMERA = { zoom: 13, lat: 30.875, lon: 120.256 };
const ZHILI_RECTANGLE: [[number, number], [number, number]] = [
  [520, 280],
  [760, 520],
];

/** Web-Mercator pixel → lon/lat for a camera (MapLibre's 512 px tiles, no rotation). */
function lonLatAt(x: number, y: number, camera = CAMERA): [number, number] {
  const worldPx = 512 * 2 ** camera.zoom;
  const centreX = ((camera.lon + 180) / 360) * worldPx;
  const sin = Math.sin((camera.lat * Math.PI) / 180);
  const centreY = (0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI)) * worldPx;
  const px = centreX + (x - VIEWPORT.width / 2);
  const py = centreY + (y - VIEWPORT.height / 2);
  const lon = (px / worldPx) * 360 - 180;
  const lat = (Math.atan(Math.sinh(Math.PI * (1 - (2 * py) / worldPx))) * 180) / Math.PI;
  return [lon, lat];
}

async function openZonesTab(page: Page, url = ZONE_URL): Promise<void> {
  await page.goto(url);
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

/** The first number before 亩 in a text (thousands separators dropped). */
function muIn(text: string): number {
  return Number(/([\d,.]+)\s*亩/.exec(text)?.[1]?.replaceAll(',', ''));
}

async function drawRectangle(
  page: Page,
  [[x0, y0], [x1, y1]]: [[number, number], [number, number]],
): Promise<void> {
  await page.getByRole('button', { name: words.toolbar.rectangle, exact: true }).click();
  await page.mouse.move(x0, y0, { steps: 4 });
  await page.mouse.click(x0, y0);
  await page.mouse.move(x1, y1, { steps: 8 });
  await page.mouse.click(x1, y1);
  await expect
    .poll(() => page.getByRole('heading', { name: words.form.newTitle, exact: true }).count())
    .toBe(1);
}

/** Names of the seeds' parks, enterprises and projects inside a lon/lat box. */
function placesInBox([west, south]: [number, number], [east, north]: [number, number]): string[] {
  const data = JSON.parse(
    readFileSync(resolve(import.meta.dirname, '../../public/data/places.geojson'), 'utf8'),
  ) as {
    features: {
      properties: { kind: string; name_zh: string };
      geometry: { type: string; coordinates: [number, number] } | null;
    }[];
  };
  return data.features
    .filter((f) => ['park', 'enterprise', 'project'].includes(f.properties.kind))
    .filter((f) => {
      if (f.geometry?.type !== 'Point') return false;
      const [lon, lat] = f.geometry.coordinates;
      return lon >= west && lon <= east && lat >= south && lat <= north;
    })
    .map((f) => f.properties.name_zh)
    .sort();
}

const zoneRow = (p: Page, name: string) => p.locator('tr[data-zone-id]', { hasText: name });

async function saveNewZone(page: Page, name: string): Promise<void> {
  await page.getByLabel(words.form.name, { exact: true }).fill(name);
  await page.getByRole('button', { name: words.form.save, exact: true }).click();
  await expect.poll(() => zoneRow(page, name).count()).toBe(1);
  await expect.poll(() => page.locator('[data-save-status="saved"]').count()).toBe(1);
}

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

    // All zones leave as a GeoJSON file with their form fields and area.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: words.table.exportGeoJson, exact: true }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^muatlas-zones-\d{8}-\d{4}\.geojson$/);
    const exported = JSON.parse(readFileSync((await download.path())!, 'utf8')) as {
      type: string;
      features: { properties: { name: string; energySpaceTce: number; areaMu: number } }[];
    };
    expect(exported.type).toBe('FeatureCollection');
    expect(exported.features.map((f) => f.properties.name)).toEqual(['织里连片整治']);
    expect(exported.features[0]!.properties.energySpaceTce).toBe(1200);
    expect(exported.features[0]!.properties.areaMu).toBeGreaterThan(0);

    await page.screenshot({ path: 'tests/e2e/screenshots/zones-saved.zh-CN.png' });
    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => page.getByRole('tab', { name: 'Renewal zones' }).count()).toBe(1);
    await page.screenshot({ path: 'tests/e2e/screenshots/zones-saved.en.png' });
  });

  it('lists the places and district 亩 inside a rectangle over 织里, opens a place card, and adds the zone up against 吴兴区’s target', async () => {
    const { page } = sessions.current;
    const url = `${baseUrl}?lang=zh-CN&view=${ZHILI_CAMERA.zoom}/${ZHILI_CAMERA.lat}/${ZHILI_CAMERA.lon}`;
    await openZonesTab(page, url);
    // Opening the tab puts the zones layer on, with its toggle in the layer panel.
    expect(await page.getByRole('checkbox', { name: words.layer, exact: true }).isChecked()).toBe(
      true,
    );
    await drawRectangle(page, ZHILI_RECTANGLE);
    const [[x0, y0], [x1, y1]] = ZHILI_RECTANGLE;
    const [west, north] = lonLatAt(x0, y0, ZHILI_CAMERA);
    const [east, south] = lonLatAt(x1, y1, ZHILI_CAMERA);
    const expected = placesInBox([west, south], [east, north]);
    expect(expected.length).toBeGreaterThanOrEqual(5);

    const contents = page.getByTestId('zone-contents');
    const listed = async () =>
      (await contents.locator('button[data-place-id]').allInnerTexts()).sort();
    await expect.poll(listed).toEqual(expected);
    const areaMu = muIn(await readout(page).innerText());
    expect(areaMu).toBeGreaterThan(1000);
    // The rectangle lies wholly in 吴兴区, so the district holds all of its area.
    const wuxing = contents.locator('li[data-district-code="330502"]');
    expect(await wuxing.innerText()).toContain('吴兴区');
    expect(Math.abs(muIn(await wuxing.innerText()) - areaMu) / areaMu).toBeLessThan(0.01);

    await saveNewZone(page, '织里童装连片整治');
    // The stored zone is selected and lists the same; a name opens that place's card.
    await expect.poll(listed).toEqual(expected);
    const first = expected[0]!;
    await contents
      .getByRole('button', { name: format(words.contents.openCard, { name: first }) })
      .click();
    await expect.poll(() => page.locator('#place-card-title').innerText()).toBe(first);
    await contents.scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'tests/e2e/screenshots/zones-contents.zh-CN.png' });

    // Progress: 吴兴区's 2023 target of 1,500 亩 (seeds/huzhou-2023-district-targets.csv row 93)
    // against the zone's land, which defaults to its area.
    await page.getByRole('button', { name: words.views.progress, exact: true }).click();
    const row = page.locator(
      '[data-testid="zone-progress"] table[data-measure="land"] tr[data-district-code="330502"]',
    );
    await expect.poll(() => row.count()).toBe(1);
    const cells = await row.locator('td').allInnerTexts();
    expect(cells[0]).toBe('1');
    const [planned, target] = (cells[1] ?? '')
      .split('/')
      .map((v) => Number(v.replaceAll(/[,\s]/g, '')));
    expect(Math.abs(planned! - areaMu) / areaMu).toBeLessThan(0.01);
    expect(target).toBe(1500);
    const percent = Number(cells[2]?.replaceAll(/[,%\s]/g, ''));
    expect(Math.abs(percent - (areaMu / 1500) * 100)).toBeLessThan(0.6);
    const sources = await page.locator('[data-testid="zone-progress"] details').innerText();
    expect(sources).toContain(words.progress.sources);
    await page.locator('[data-testid="zone-progress"] summary').click();
    const cited = await page.locator('[data-testid="zone-progress"] .sources').innerText();
    expect(cited).toContain('huzhou-2023-district-targets.csv 第 93 行');
    expect(cited).toContain('湖政办发〔2023〕22号');
    expect(cited).toContain('plan-goals.csv 第 10 行');
    await page.getByRole('checkbox', { name: words.progress.showOnMap }).check();
    await page.screenshot({ path: 'tests/e2e/screenshots/zones-progress.zh-CN.png' });
    await page.getByRole('button', { name: 'English' }).click();
    await expect
      .poll(() => page.getByRole('heading', { name: zonesEn.progress.title }).count())
      .toBe(1);
    await page.screenshot({ path: 'tests/e2e/screenshots/zones-progress.en.png' });

    // A link with ?zone= opens the tab with the zone selected.
    await expect.poll(() => new URL(page.url()).searchParams.get('zone')).toMatch(/^zone-/);
    await page.goto(page.url().replace('lang=en', 'lang=zh-CN'));
    await waitForMapIdle(page);
    await expect
      .poll(
        () => page.locator('tr.selected[data-zone-id]', { hasText: '织里童装连片整治' }).count(),
        { timeout: 30_000 },
      )
      .toBe(1);
    expect(
      await page.getByRole('tab', { name: words.tab, exact: true }).getAttribute('aria-selected'),
    ).toBe('true');
  });

  it('changes the area when a vertex is dragged in select mode', async () => {
    const { page } = sessions.current;
    await openZonesTab(page);
    await drawRectangle(page, [
      [560, 340],
      [700, 450],
    ]);
    const before = muIn(await readout(page).innerText());
    await page.getByRole('button', { name: words.toolbar.select, exact: true }).click();
    await page.waitForTimeout(300);
    // Corners of the drawn rectangle; the one at (700, 450) moves to (760, 520).
    await page.mouse.move(700, 450, { steps: 4 });
    await page.mouse.down();
    await page.mouse.move(760, 520, { steps: 12 });
    await page.mouse.up();
    const ring = (
      [
        [560, 340],
        [700, 340],
        [760, 520],
        [560, 450],
        [560, 340],
      ] as const
    ).map(([x, y]) => lonLatAt(x, y));
    const expected = measureZone({ type: 'Polygon', coordinates: [ring] }).areaMu;
    await expect
      .poll(async () => Math.abs(muIn(await readout(page).innerText()) - expected) / expected)
      .toBeLessThan(0.01);
    expect(expected).toBeGreaterThan(before * 1.2);
  });

  it('tells a tab whose edit another tab overtook of the conflict instead of overwriting', async () => {
    const { page, context } = sessions.current;
    await openZonesTab(page);
    await drawRectangle(page, [
      [560, 340],
      [700, 450],
    ]);
    await saveNewZone(page, '南太湖老厂区');
    const other = await context.newPage();
    await openZonesTab(other);
    await expect.poll(() => zoneRow(other, '南太湖老厂区').count()).toBe(1);

    // This tab starts changing the name; the other tab changes it first and saves.
    await page.getByLabel(words.form.name, { exact: true }).fill('南太湖老厂区（甲）');
    await zoneRow(other, '南太湖老厂区').getByRole('button').click();
    await other.getByLabel(words.form.name, { exact: true }).fill('南太湖老厂区（乙）');
    await other.getByRole('button', { name: words.form.save, exact: true }).click();
    await expect.poll(() => zoneRow(page, '南太湖老厂区（乙）').count()).toBe(1);

    await page.getByRole('button', { name: words.form.save, exact: true }).click();
    await expect.poll(() => page.locator('[data-save-status="conflict"]').count()).toBe(1);
    expect(await page.locator('[data-save-status="conflict"]').innerText()).toContain(
      words.save.conflict,
    );
    // Nothing was overwritten: both tabs still show the other tab's name.
    expect(await zoneRow(page, '南太湖老厂区（甲）').count()).toBe(0);
    expect(await zoneRow(other, '南太湖老厂区（乙）').count()).toBe(1);
    await page.screenshot({ path: 'tests/e2e/screenshots/zones-conflict.zh-CN.png' });
    await page.getByRole('button', { name: words.save.keepTheirs, exact: true }).click();
    await expect.poll(() => page.locator('[data-save-status="saved"]').count()).toBe(1);
  });
});
