/**
 * The places as a planner uses them: switch the places layers on, filter by an industry and
 * watch the list and the map change, open a district's drill-down and read its projects, open
 * a place card and read where its facts come from. Expected figures come from the shipped
 * places file and the seed tables through the domain code, never from the app's internals.
 */
import { readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Feature, FeatureCollection, Point } from 'geojson';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { formatNumber } from '../../src/domain/number-format.ts';
import { industryById } from '../../src/domain/places/industry.ts';
import { formatPlaceSource } from '../../src/domain/places/place.ts';
import { placeFromFeature } from '../../src/domain/places/place-feature.format.ts';
import { districtPlaceSummaries } from '../../src/domain/places/places-join.ts';
import { CITIES, districtByCode } from '../../src/domain/regions.ts';
import { en } from '../../src/i18n/en.ts';
import { format } from '../../src/i18n/index.ts';
import { zhCN } from '../../src/i18n/zh-CN.ts';
import {
  queryOf,
  useAppSessions,
  waitForMapIdle,
  waitForStablePicture,
} from '../support/app-page.ts';
import { VIEWPORT } from '../support/browser.ts';
import { deepestPoint, loadDistrictShapes, toScreen } from '../support/district-shapes.ts';
import type { MapView } from '../support/map-view.ts';
import { decodePng, hexToRgb, type Rgb } from '../support/pixels.ts';

const SCREENSHOT_DIR = resolve(import.meta.dirname, 'screenshots');
const baseUrl = inject('baseUrl');
const HUZHOU = CITIES.find((c) => c.id === 'huzhou')!;

const shipped = JSON.parse(
  readFileSync(resolve(import.meta.dirname, '../../public/data/places.geojson'), 'utf8'),
) as FeatureCollection<Point, Record<string, unknown>>;
const places = shipped.features.map((f) =>
  placeFromFeature(f as Feature<Point, Record<string, unknown>>),
);
const huzhouPlaces = places.filter((p) => p.cityCode === HUZHOU.code);

const sourcesCsv = readFileSync(resolve(import.meta.dirname, '../../seeds/sources.csv'), 'utf8');
/** The Chinese title of a seed file's document, read straight from seeds/sources.csv. */
function documentTitle(file: string): string {
  const line = sourcesCsv.split(/\r?\n/).find((l) => l.startsWith(`${file},`));
  return line?.split(',')[2] ?? '';
}

/** Huzhou whole between the panel columns, fixed in the URL so lon/lat map to known pixels. */
const VIEW: MapView = { zoom: 9, lat: 30.8, lon: 120.0 };
const viewParam = `${VIEW.zoom}/${VIEW.lat.toFixed(5)}/${VIEW.lon.toFixed(5)}`;
const BASE_GROUPS = 'districts,functionalZones,towns,water,prefectures';
const PLACE_GROUPS = 'parks,specialtyTowns,enterprises,projects';

/** The map between the two panel columns, where markers are not covered. */
const MAP_RECT = { x: 340, y: 100, width: 600, height: 600 };

/** Pixels in the map rectangle within `tolerance` of a colour on every channel. */
function pixelsNear(png: Buffer, colour: Rgb, tolerance = 8): number {
  const image = decodePng(png);
  let n = 0;
  for (let y = MAP_RECT.y; y < MAP_RECT.y + MAP_RECT.height; y++) {
    for (let x = MAP_RECT.x; x < MAP_RECT.x + MAP_RECT.width; x++) {
      const i = (y * image.width + x) * 4;
      if (
        Math.abs(image.data[i]! - colour[0]) <= tolerance &&
        Math.abs(image.data[i + 1]! - colour[1]) <= tolerance &&
        Math.abs(image.data[i + 2]! - colour[2]) <= tolerance
      )
        n++;
    }
  }
  return n;
}

async function listCount(page: Page): Promise<number> {
  const text = (await page.locator('.places .count').textContent()) ?? '';
  return Number(/\d+/.exec(text)?.[0] ?? Number.NaN);
}

const sessions = useAppSessions();

beforeAll(async () => {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
});

describe('places', () => {
  it('filters the list and the map by industry', async () => {
    const { page, log } = sessions.current;
    await page.goto(
      `${baseUrl}?region=huzhou&view=${viewParam}&layers=${BASE_GROUPS},${PLACE_GROUPS}`,
    );
    await waitForMapIdle(page);
    const t = zhCN.places;
    await page.getByRole('tab', { name: t.tabs.places, exact: true }).click();
    await page.locator('.places .count').waitFor();
    expect(await listCount(page)).toBe(huzhouPlaces.length);
    expect(log.requests.some((url) => url.endsWith('/data/places.geojson'))).toBe(true);

    // Metal processing's colour is on the map before the filter and gone after it.
    const metal = hexToRgb(industryById('metal_processing')!.colour);
    const before = await waitForStablePicture(page);
    expect(pixelsNear(before, metal)).toBeGreaterThan(20);

    await page
      .getByRole('checkbox', { name: industryById('textiles')!.nameZh, exact: true })
      .check();
    const textiles = huzhouPlaces.filter((p) => p.industryId === 'textiles');
    await expect.poll(() => listCount(page)).toBe(textiles.length);
    const rows = page.locator('.places .list li');
    expect(await rows.count()).toBe(textiles.length);
    expect(await rows.first().textContent()).toContain(textiles[0]!.nameZh);
    await expect.poll(() => queryOf(page).get('pi')).toBe('textiles');
    const after = await waitForStablePicture(page);
    expect(pixelsNear(after, metal)).toBeLessThan(5);
    expect(pixelsNear(after, hexToRgb(industryById('textiles')!.colour))).toBeGreaterThan(20);
    await page.screenshot({ path: resolve(SCREENSHOT_DIR, 'places-textiles.png') });

    // The filter survives a reload through the URL.
    await page.reload();
    await waitForMapIdle(page);
    await page.getByRole('tab', { name: t.tabs.places, exact: true }).click();
    await expect.poll(() => listCount(page)).toBe(textiles.length);
  });

  it('opens a district drill-down with its projects and a place card with its sources', async () => {
    const { page } = sessions.current;
    await page.goto(`${baseUrl}?region=huzhou&view=${viewParam}`);
    await waitForMapIdle(page);
    const t = zhCN.places;
    await page.getByRole('tab', { name: t.tabs.district, exact: true }).click();
    await page.getByText(t.district.pick).waitFor();

    const code = '330503';
    const shapes = await loadDistrictShapes(
      `${baseUrl}tiles/muatlas.pmtiles`,
      HUZHOU.boundsLonLat,
      9,
    );
    const screen = toScreen(shapes.get(code)!, VIEW, VIEWPORT);
    const point = deepestPoint(screen, { frame: MAP_RECT, stepPx: 8 })!;
    await page.mouse.click(point.x, point.y);
    await page.getByRole('heading', { name: districtByCode(code)!.nameZh, exact: true }).waitFor();
    await expect.poll(() => queryOf(page).get('district')).toBe(code);

    const summary = districtPlaceSummaries(places, HUZHOU.code).find((s) => s.areaCode === code)!;
    expect(summary.byKind.project ?? 0).toBeGreaterThan(0);
    const expected = format(t.district.projectsSummary, {
      count: summary.byKind.project ?? 0,
      total: formatNumber(summary.projectInvestmentYiYuan, 'zh-CN'),
    });
    expect(await page.locator('.projects-summary').textContent()).toBe(expected);
    await expect(page.locator('.reconcile').textContent()).resolves.toContain(
      t.district.reconcileHolds,
    );
    await page.screenshot({ path: resolve(SCREENSHOT_DIR, 'places-district.png') });

    // The first project listed opens its card, which cites the seed lines and the document.
    const project = huzhouPlaces.find((p) => p.kind === 'project' && p.districtCodes[0] === code)!;
    await page.getByRole('button', { name: project.nameZh, exact: true }).click();
    const card = page.locator(`[data-place-id="${project.id}"]`);
    await card.waitFor();
    const source = project.sources[0]!;
    const sourceLine = await card.locator('.sources li').first().textContent();
    expect(sourceLine).toContain(formatPlaceSource(source));
    expect(sourceLine).toContain(documentTitle(source.file));
    await expect.poll(() => queryOf(page).get('place')).toBe(project.id);
    await waitForStablePicture(page);
    await page.screenshot({ path: resolve(SCREENSHOT_DIR, 'places-card.png') });

    // The same card in English.
    await page.getByRole('button', { name: zhCN.language.other, exact: true }).click();
    await card.getByText(en.places.card.sources, { exact: true }).waitFor();
    await page.getByRole('tab', { name: en.places.tabs.matrix, exact: true }).click();
    await page.locator('.matrix table').waitFor();
    await waitForStablePicture(page);
    await page.screenshot({ path: resolve(SCREENSHOT_DIR, 'places-en.png') });
  });
});
