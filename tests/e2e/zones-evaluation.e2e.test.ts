/**
 * A land official weighs a renewal zone against the per-mu evaluation: with the synthetic demo
 * data loaded in the evaluation tab, a rectangle drawn over part of 吴兴 lists, while still
 * being drawn and once saved, how many of the demo enterprises inside are class A/B/C/D, how
 * many are flagged 高耗低效, the land of the D-class and flagged ones, and those enterprises by
 * name (labelled 示例数据); a name opens the enterprise's record card. The expected figures come
 * from the same generator, evaluation and zone counting in Node.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { FeatureCollection, Polygon } from 'geojson';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { generateDemoRecords } from '../../src/domain/evaluation/demo-dataset.ts';
import { fromRecord } from '../../src/domain/evaluation/enterprise-inputs.ts';
import { evaluateLayer } from '../../src/domain/evaluation/evaluate-layer.ts';
import { DEFAULT_EVALUATION_SETTINGS } from '../../src/domain/evaluation/evaluation-settings.ts';
import { formatNumber } from '../../src/domain/number-format.ts';
import { readDistrictOutlines, ZonePointIndex } from '../../src/domain/zones/zone-contents.ts';
import {
  summarizeZoneEvaluation,
  ZONE_EVALUATION_CLASSES,
  type EvaluatedPoint,
} from '../../src/domain/zones/zone-evaluation.ts';
import { evaluationZhCN } from '../../src/i18n/evaluation.zh-CN.ts';
import { format } from '../../src/i18n/index.ts';
import { zonesZhCN } from '../../src/i18n/zones.zh-CN.ts';
import { useAppSessions, waitForMapIdle } from '../support/app-page.ts';
import { VIEWPORT } from '../support/browser.ts';
import { lonLatToScreen, mercatorUnit, type MapView } from '../support/map-view.ts';

const baseUrl = inject('baseUrl');
const words = zonesZhCN.contents.evaluated;
const WUXING = '330502';

/** Over 吴兴 south-west of its centre, where the demo places a score of enterprises. */
const CAMERA: MapView = { zoom: 11, lat: 30.79, lon: 120.03 };
const RECTANGLE: [[number, number], [number, number]] = [
  [440, 200],
  [840, 560],
];

/** Screen pixel → lon/lat at the camera (Web Mercator, MapLibre's 512 px world at zoom 0). */
function lonLatAt(x: number, y: number): [number, number] {
  const worldPx = 512 * 2 ** CAMERA.zoom;
  const centre = mercatorUnit(CAMERA.lon, CAMERA.lat);
  const mx = centre.x + (x - VIEWPORT.width / 2) / worldPx;
  const my = centre.y + (y - VIEWPORT.height / 2) / worldPx;
  const lat = (Math.atan(Math.sinh(Math.PI * (1 - 2 * my))) * 180) / Math.PI;
  return [mx * 360 - 180, lat];
}

const [[x0, y0], [x1, y1]] = RECTANGLE;
const [west, north] = lonLatAt(x0, y0);
const [east, south] = lonLatAt(x1, y1);
const zonePolygon: Polygon = {
  type: 'Polygon',
  coordinates: [
    [
      [west, south],
      [east, south],
      [east, north],
      [west, north],
      [west, south],
    ],
  ],
};

const outlines = readDistrictOutlines(
  JSON.parse(
    readFileSync(resolve(import.meta.dirname, '../../public/data/districts.geojson'), 'utf8'),
  ) as FeatureCollection,
);
const records = generateDemoRecords(outlines);
const evaluation = evaluateLayer(
  records.map((r, index) => fromRecord({ ...r, layerId: 'demo', index })),
  DEFAULT_EVALUATION_SETTINGS,
  null,
);
/** The evaluated demo enterprises where the generator put them (every demo record is a point). */
const points: EvaluatedPoint[] = evaluation.enterprises.map((e) => {
  const geometry = records[e.inputs.recordIndex]?.geometry;
  if (geometry?.type !== 'Point') throw new Error('demo records are points');
  const [lon = NaN, lat = NaN] = geometry.coordinates;
  return {
    id: String(e.inputs.recordIndex),
    lon,
    lat,
    recordIndex: e.inputs.recordIndex,
    name: e.inputs.name,
    evaluationClass: e.evaluationClass,
    flagged: e.flag.flagged,
    flagRules: e.flag.flagged === true ? e.flag.rules : [],
    landMu: e.inputs.figures.landAreaMu,
    taxWanYuan: e.inputs.figures.taxWanYuan,
  };
});
const inside = new ZonePointIndex(points).within(zonePolygon);
const expected = summarizeZoneEvaluation(inside);

/** The nearest any demo enterprise comes to the rectangle's outline, in pixels. */
const edgeMarginPx = Math.min(
  ...points.map((p) => {
    const { x, y } = lonLatToScreen(p.lon, p.lat, CAMERA, VIEWPORT);
    const dx = Math.max(x0 - x, 0, x - x1);
    const dy = Math.max(y0 - y, 0, y - y1);
    // Outside: the distance to the rectangle; inside: to its nearest side.
    return dx > 0 || dy > 0 ? Math.hypot(dx, dy) : Math.min(x - x0, x1 - x, y - y0, y1 - y);
  }),
);

const sessions = useAppSessions();

async function drawRectangle(page: Page): Promise<void> {
  await page.getByRole('button', { name: zonesZhCN.toolbar.rectangle, exact: true }).click();
  await page.mouse.move(x0, y0, { steps: 4 });
  await page.mouse.click(x0, y0);
  await page.mouse.move(x1, y1, { steps: 8 });
  await page.mouse.click(x1, y1);
  await expect
    .poll(() => page.getByRole('heading', { name: zonesZhCN.form.newTitle, exact: true }).count())
    .toBe(1);
}

/** The counts the zone's contents show, read from the page. */
async function shownCounts(page: Page) {
  const section = page.getByTestId('zone-evaluated');
  const count = async (selector: string) =>
    Number(await section.locator(selector).first().getAttribute('data-count'));
  const byClass: Record<string, number> = {};
  for (const c of ZONE_EVALUATION_CLASSES) byClass[c] = await count(`li[data-class="${c}"]`);
  return {
    byClass,
    flagged: await count('[data-testid="zone-evaluated-flagged"]'),
    listed: await section.locator('tr[data-record-index]').count(),
  };
}

describe('a zone’s evaluated enterprises, with the demo data', () => {
  it('the test rectangle holds D-class and flagged demo enterprises of 吴兴, clear of its edges', () => {
    expect(expected.enterpriseCount).toBeGreaterThanOrEqual(5);
    expect(expected.countByClass.D).toBeGreaterThan(0);
    expect(expected.flaggedCount).toBeGreaterThan(0);
    // Every enterprise inside is one the demo placed in 吴兴.
    for (const p of inside) expect(records[p.recordIndex]?.fields['districtCode']).toBe(WUXING);
    // A pixel of rounding in drawing cannot move an enterprise across the outline.
    expect(edgeMarginPx).toBeGreaterThan(4);
  });

  it('counts A/B/C/D and 高耗低效 inside a rectangle over 吴兴, lists them, and opens one', async () => {
    const { page } = sessions.current;
    await page.goto(
      `${baseUrl}?region=huzhou&lang=zh-CN&view=${CAMERA.zoom}/${CAMERA.lat}/${CAMERA.lon}`,
    );
    await waitForMapIdle(page);
    await page.getByRole('tab', { name: evaluationZhCN.tab, exact: true }).click();
    await page.getByRole('button', { name: evaluationZhCN.demo.load, exact: true }).click();
    await expect
      .poll(() => page.getByTestId('evaluation-summary').textContent(), { timeout: 30_000 })
      .toContain('共 300 家');

    // Stored, the demo is evaluated again after a reload, which also puts the camera back.
    await page.goto(
      `${baseUrl}?region=huzhou&lang=zh-CN&view=${CAMERA.zoom}/${CAMERA.lat}/${CAMERA.lon}`,
    );
    await waitForMapIdle(page);
    await page.getByRole('tab', { name: zonesZhCN.tab, exact: true }).click();
    await expect
      .poll(() => page.getByRole('button', { name: zonesZhCN.toolbar.rectangle }).isEnabled())
      .toBe(true);
    await drawRectangle(page);

    const section = page.getByTestId('zone-evaluated');
    const want = {
      byClass: { ...expected.countByClass },
      flagged: expected.flaggedCount,
      listed: Math.min(expected.listed.length, 40),
    };
    // While the new shape is still unsaved, the contents are of the drawn shape.
    await expect.poll(() => shownCounts(page), { timeout: 20_000 }).toEqual(want);
    expect(await page.getByTestId('zone-evaluated-synthetic').innerText()).toBe(words.synthetic);
    expect(await section.innerText()).toContain('示例数据');
    const land = Number(await page.getByTestId('zone-evaluated-land').getAttribute('data-area-mu'));
    expect(land).toBeCloseTo(expected.renewalLandMu, 6);
    expect(await page.getByTestId('zone-evaluated-land').innerText()).toContain(
      formatNumber(expected.renewalLandMu, 'zh-CN', 1),
    );
    const names = await section.locator('tr[data-record-index] button').allInnerTexts();
    expect(names).toEqual(expected.listed.map((l) => l.point.name));

    // Saved, the zone shows the same.
    await page.getByLabel(zonesZhCN.form.name, { exact: true }).fill('吴兴示例整治区块');
    await page.getByRole('button', { name: zonesZhCN.form.save, exact: true }).click();
    await expect.poll(() => page.locator('[data-save-status="saved"]').count()).toBe(1);
    await expect.poll(() => shownCounts(page)).toEqual(want);
    await section.scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'tests/e2e/screenshots/zones-evaluation.zh-CN.png' });

    // A listed name opens that enterprise's record card.
    const first = expected.listed[0]!.point;
    await section
      .getByRole('button', { name: format(words.openRecord, { name: first.name }) })
      .click();
    await expect
      .poll(() => page.locator('#imported-record-title').innerText())
      .toContain(first.name);
  });
});
