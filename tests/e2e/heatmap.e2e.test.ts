/**
 * The planners' district heatmap, used as a planner would: pick an indicator, read the legend
 * and the map, hover and pin a district, work the ranking board and its CSV, set class breaks
 * by hand, switch language and city. Expected figures come from the seed tables through the
 * domain readers, and pixels are found from the served tiles, never from the app's internals.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import Papa from 'papaparse';
import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { legendLabel } from '../../src/domain/classification/legend.ts';
import { huzhouCatalogue } from '../../src/domain/indicators/seed-catalogue.fixture.ts';
import type { MapMeasure, MeasureValue } from '../../src/domain/indicators/map-measure.ts';
import { targetMeasure } from '../../src/domain/indicators/target-measures.ts';
import { formatQuantity, formatSignedQuantity } from '../../src/domain/number-format.ts';
import {
  CITIES,
  districtByCode,
  HUZHOU_DEV_ZONE_CODE,
  type BoundsLonLat,
} from '../../src/domain/regions.ts';
import {
  CITY_INDICATORS_FILE,
  readCityIndicators,
} from '../../src/domain/shaoxing/city-indicators.ts';
import {
  buildShaoxingProfile,
  FOCUS_AREAS_FILE,
  NAMED_PLACES_FILE,
  shaoxingProfileMeasures,
} from '../../src/domain/shaoxing/district-profile.ts';
import { readSeedTable, sourceTables } from '../../src/domain/shaoxing/shaoxing-seeds.fixture.ts';
import type { Locale } from '../../src/domain/view-state.ts';
import { en } from '../../src/i18n/en.ts';
import { format, type Messages } from '../../src/i18n/index.ts';
import { zhCN } from '../../src/i18n/zh-CN.ts';
import { LIGHT_PALETTE } from '../../src/map/palette.ts';
import {
  actAndWaitForMapIdle,
  queryOf,
  useAppSessions,
  waitForMapIdle,
  waitForStablePicture,
} from '../support/app-page.ts';
import { VIEWPORT } from '../support/browser.ts';
import {
  deepestPoint,
  interiorPoints,
  loadDistrictShapes,
  toScreen,
  visibleBoundary,
  type DistrictShape,
  type ScreenPoint,
  type ScreenShape,
} from '../support/district-shapes.ts';
import { parseViewParam, type MapView } from '../support/map-view.ts';
import {
  cssRgbToRgb,
  decodePng,
  hexToRgb,
  relativeLuminance,
  shareOfPointsNear,
  type Rect,
  type Rgb,
  type RgbaImage,
} from '../support/pixels.ts';

const SCREENSHOT_DIR = resolve(import.meta.dirname, 'screenshots');
const baseUrl = inject('baseUrl');

const HUZHOU = CITIES.find((c) => c.id === 'huzhou')!;
const SHAOXING = CITIES.find((c) => c.id === 'shaoxing')!;

/**
 * Huzhou whole, between the panel columns: the centre of its bounds at a zoom that leaves
 * it ~570 px wide. Fixed in the URL so a lon/lat gives a known pixel.
 */
const HUZHOU_VIEW: MapView = {
  zoom: 8.3,
  lat: (HUZHOU.boundsLonLat[1] + HUZHOU.boundsLonLat[3]) / 2,
  lon: (HUZHOU.boundsLonLat[0] + HUZHOU.boundsLonLat[2]) / 2,
};
const viewParam = (v: MapView) => `${v.zoom}/${v.lat.toFixed(5)}/${v.lon.toFixed(5)}`;

/** SwiftShader draws flat fills exactly; a little slack covers blending at edges. */
const FILL_TOLERANCE = 6;
/**
 * The outline of a hovered or selected district is drawn in `highlight`; the plain district
 * line and label text are at least 18 levels away on some channel, so this tolerance tells
 * them apart.
 */
const OUTLINE_TOLERANCE = 10;
/** Share of a district's interior samples that must show its class colour (rivers, lakes, towns and labels take the rest). */
const MIN_FILL_SHARE = 0.8;
/** The district name is drawn at the label point; its box is kept out of fill samples. */
const LABEL_BOX = { halfWidthPx: 32, halfHeightPx: 12 };

const HIGHLIGHT = hexToRgb(LIGHT_PALETTE.highlight);
const PLAIN_FILL = hexToRgb(LIGHT_PALETTE.districtFillActive);

type HeatmapWords = Messages['heatmap'];

type Figure = MeasureValue & { value: number };

/** A measure whose districts all have a number, as the app maps it, with the city figure. */
interface Mapped {
  measure: MapMeasure;
  districts: Figure[];
  cityValue: number;
}

/** Huzhou's latest per-district plan targets for an indicator, from the seed tables. */
function huzhouTargets(indicatorId: string): Mapped {
  const indicator = huzhouCatalogue().indicators.find((i) => i.id === indicatorId);
  if (!indicator) throw new Error(`no indicator ${indicatorId} in the seeds`);
  const year = indicator.years.at(-1);
  const measure = year === undefined ? undefined : targetMeasure(indicator, HUZHOU.code, year);
  if (!measure?.city || measure.city.value === null) {
    throw new Error(`no Huzhou targets with a city figure for ${indicatorId}`);
  }
  // The app leaves out the 2017 plan's development zone; the 2023 table has no column for it.
  const districts = measure.districts.filter(
    (d): d is Figure => d.districtCode !== HUZHOU_DEV_ZONE_CODE && d.value !== null,
  );
  return { measure, districts, cityValue: measure.city.value };
}

/** 规上工业亩均税收 (湖政办发〔2023〕22号 附1): every district has a number, and three tie. */
const TAX_TARGETS = huzhouTargets('tax_per_mu');
const TAX = TAX_TARGETS.measure;
const TAX_FIGURES = TAX_TARGETS.districts;
const TAX_CITY = TAX_TARGETS.cityValue;

/** Competition ranks ("1224") for higher-is-better values, written out here as the definition. */
function expectedRanks(values: readonly Figure[]) {
  return new Map(
    values.map((d) => [d.districtCode, 1 + values.filter((o) => o.value > d.value).length]),
  );
}
const TAX_RANKS = expectedRanks(TAX_FIGURES);
const TAX_BEST = [...TAX_FIGURES].sort((a, b) => b.value - a.value)[0]!;
const TAX_WORST = [...TAX_FIGURES].sort((a, b) => a.value - b.value)[0]!;

const sessions = useAppSessions();
let huzhouShapes: Map<string, DistrictShape>;

beforeAll(async () => {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  huzhouShapes = await loadDistrictShapes(
    new URL('tiles/muatlas.pmtiles', baseUrl).href,
    HUZHOU.boundsLonLat,
    Math.floor(HUZHOU_VIEW.zoom),
  );
});

/** Opens Huzhou at HUZHOU_VIEW with extra query parameters and waits for the map. */
async function openHuzhou(page: Page, query = ''): Promise<void> {
  await page.goto(`${baseUrl}?region=huzhou&lang=zh-CN&view=${viewParam(HUZHOU_VIEW)}${query}`);
  await waitForMapIdle(page);
}

/** Boxes of everything drawn over the map (panels, sidebar, map controls), padded for shadows. */
async function coveredRects(page: Page): Promise<Rect[]> {
  return page.evaluate(() => {
    const pad = 6;
    const map = document.getElementById('map');
    const covering: Element[] = [...document.querySelectorAll('.maplibregl-ctrl')];
    for (let el = map?.nextElementSibling; el; el = el.nextElementSibling) {
      covering.push(...(el.children.length > 0 ? [...el.children] : [el]));
    }
    return covering
      .map((el) => el.getBoundingClientRect())
      .filter((r) => r.width > 0 && r.height > 0)
      .map((r) => ({
        x: r.x - pad,
        y: r.y - pad,
        width: r.width + 2 * pad,
        height: r.height + 2 * pad,
      }));
  });
}

const FRAME: Rect = { x: 0, y: 0, width: VIEWPORT.width, height: VIEWPORT.height };

function labelBox(shape: ScreenShape): Rect[] {
  if (!shape.label) return [];
  const { halfWidthPx: w, halfHeightPx: h } = LABEL_BOX;
  return [{ x: shape.label.x - w, y: shape.label.y - h, width: 2 * w, height: 2 * h }];
}

interface DistrictOnScreen {
  shape: ScreenShape;
  /** Interior sample points clear of panels, outline and name. */
  interior: ScreenPoint[];
  /** Outline vertices clear of panels. */
  boundary: ScreenPoint[];
  /** Where to point the mouse. */
  centre: ScreenPoint;
}

/** Where each district with an outline lies on screen now, away from whatever covers the map. */
async function districtsOnScreen(
  page: Page,
  shapes: Map<string, DistrictShape>,
  view: MapView,
  codes: readonly string[],
): Promise<Map<string, DistrictOnScreen>> {
  const covered = await coveredRects(page);
  const result = new Map<string, DistrictOnScreen>();
  for (const code of codes) {
    const found = shapes.get(code);
    if (!found) continue; // 南太湖新区 is a schematic point, not an outline.
    const shape = toScreen(found, view, VIEWPORT);
    const exclude = [...covered, ...labelBox(shape)];
    const interior = interiorPoints(shape, { frame: FRAME, exclude });
    const centre = deepestPoint(shape, { frame: FRAME, exclude: covered, stepPx: 4 });
    expect(interior.length, `${code}: samples inside`).toBeGreaterThan(20);
    expect(centre, `${code}: a point to hover`).toBeDefined();
    result.set(code, {
      shape,
      interior,
      boundary: visibleBoundary(shape, { frame: FRAME, exclude: covered }),
      centre: centre!,
    });
  }
  return result;
}

/** Moves the pointer onto a panel, so no hover card or hover outline is left on the map. */
async function pointerOffMap(page: Page, t: HeatmapWords = zhCN.heatmap): Promise<void> {
  const box = await page.getByRole('heading', { name: t.panelTitle }).boundingBox();
  if (!box) throw new Error('heatmap panel heading not on screen');
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 4 });
}

async function screenshot(page: Page, name: string): Promise<RgbaImage> {
  const png = await page.screenshot();
  await writeFile(resolve(SCREENSHOT_DIR, name), png);
  return decodePng(png);
}

interface LegendEntry {
  text: string;
  colour: Rgb;
  minValue: number;
  maxValue: number;
  count: number;
}

/** Numbers as Intl writes them for zh-CN or en (`1,234.5`). */
const parseFigure = (text: string) => Number(text.replaceAll(',', ''));

/** Reads the legend's classes: swatch colour from the DOM and the extent its label states. */
async function readLegend(legend: Locator, unitScale = 1): Promise<LegendEntry[]> {
  const raw = await legend.getByRole('listitem').evaluateAll((items) =>
    items.map((li) => ({
      text: (li as HTMLElement).innerText.trim(),
      colour: getComputedStyle(li.querySelector('span') as Element).backgroundColor,
    })),
  );
  return raw.map(({ text, colour }) => {
    const match = /^([\d.,]+)(?:–([\d.,]+))?\s.*\((\d+)\)$/.exec(text);
    if (!match) throw new Error(`legend entry without an extent: ${text}`);
    const min = parseFigure(match[1]!) / unitScale;
    return {
      text,
      colour: cssRgbToRgb(colour),
      minValue: min,
      maxValue: match[2] ? parseFigure(match[2]) / unitScale : min,
      count: Number(match[3]),
    };
  });
}

/** The legend entry whose stated extent holds `value`. */
function entryFor(entries: readonly LegendEntry[], value: number): LegendEntry {
  const holding = entries.filter((e) => value >= e.minValue && value <= e.maxValue);
  expect(holding, `one legend class holds ${value}`).toHaveLength(1);
  return holding[0]!;
}

/**
 * Asserts that the legend's classes hold every district's value with the right counts, and
 * that each outlined district is painted in its class's swatch colour.
 */
function expectMapFollowsLegend(
  image: RgbaImage,
  entries: readonly LegendEntry[],
  districts: readonly { districtCode: string; value: number }[],
  onScreen: Map<string, DistrictOnScreen>,
): void {
  for (const entry of entries) {
    const members = districts.filter((d) => entryFor(entries, d.value) === entry);
    expect(members.length, `districts in “${entry.text}”`).toBe(entry.count);
  }
  expect(onScreen.size).toBeGreaterThan(0);
  for (const [code, place] of onScreen) {
    const value = districts.find((d) => d.districtCode === code)?.value;
    if (value === undefined) throw new Error(`${code} on screen but not in the measure`);
    const { colour } = entryFor(entries, value);
    const share = shareOfPointsNear(image, place.interior, colour, FILL_TOLERANCE);
    expect(share, `${districtByCode(code)?.nameZh} painted ${colour.join(',')}`).toBeGreaterThan(
      MIN_FILL_SHARE,
    );
  }
}

/** Share of a district's outline vertices that have the highlight colour within 2 px. */
function outlineShare(image: RgbaImage, place: DistrictOnScreen): number {
  return shareOfPointsNear(image, place.boundary, HIGHLIGHT, OUTLINE_TOLERANCE, 2);
}

function nameOf(code: string, locale: Locale = 'zh-CN'): string {
  const d = districtByCode(code);
  if (!d) throw new Error(`unknown district ${code}`);
  return locale === 'en' ? d.nameEn : d.nameZh;
}

const legendOf = (page: Page, t: HeatmapWords = zhCN.heatmap) =>
  page.getByRole('group', { name: t.legend.title });
const indicatorSelect = (page: Page, t: HeatmapWords = zhCN.heatmap) =>
  page.getByRole('combobox', { name: t.measure, exact: true });

describe('picking an indicator', () => {
  it('colours each district in its legend class, the best in the darkest, and puts it in the URL', async () => {
    const { page } = sessions.current;
    const t = zhCN.heatmap;
    await openHuzhou(page);
    const codes = TAX_FIGURES.map((d) => d.districtCode);
    const plain = await screenshot(page, 'heatmap-none.png');
    const before = await districtsOnScreen(page, huzhouShapes, HUZHOU_VIEW, codes);
    for (const [code, place] of before) {
      const share = shareOfPointsNear(plain, place.interior, PLAIN_FILL, FILL_TOLERANCE);
      expect(share, `${code} plain before`).toBeGreaterThan(MIN_FILL_SHARE);
    }
    await expect(legendOf(page).count()).resolves.toBe(0);

    await actAndWaitForMapIdle(page, () =>
      indicatorSelect(page).selectOption({ label: TAX.nameZh }),
    );
    await expect.poll(() => queryOf(page).get('indicator')).toBe(TAX.id);

    const legend = legendOf(page);
    await expect(legend.innerText()).resolves.toContain(TAX.unit.zh);
    await expect(legend.innerText()).resolves.toContain(TAX.nameZh);
    const entries = await readLegend(legend);
    expect(entries.length).toBeGreaterThan(1);
    for (const entry of entries) expect(entry.text).toContain(TAX.unit.zh);

    const image = await screenshot(page, 'heatmap-tax-per-mu.png');
    const after = await districtsOnScreen(page, huzhouShapes, HUZHOU_VIEW, codes);
    expect(after.size).toBe(before.size);
    expectMapFollowsLegend(image, entries, TAX_FIGURES, after);

    const darkest = [...entries].sort(
      (a, b) => relativeLuminance(a.colour) - relativeLuminance(b.colour),
    )[0]!;
    expect(nameOf(TAX_BEST.districtCode)).toBe('吴兴区');
    expect(entryFor(entries, TAX_BEST.value)).toBe(darkest);
    const best = after.get(TAX_BEST.districtCode)!;
    expect(shareOfPointsNear(image, best.interior, darkest.colour, FILL_TOLERANCE)).toBeGreaterThan(
      MIN_FILL_SHARE,
    );
    expect(await legend.innerText()).toContain(
      format(t.legend.reference, {
        value: formatQuantity(TAX_CITY, TAX.unit, 'zh-CN'),
      }),
    );
  });
});

describe('district cards', () => {
  it('shows the hovered district’s figure, rank, gap to the city and source', async () => {
    const { page } = sessions.current;
    const t = zhCN.heatmap;
    await openHuzhou(page, `&indicator=${TAX.id}`);
    const code = TAX_BEST.districtCode;
    const place = (await districtsOnScreen(page, huzhouShapes, HUZHOU_VIEW, [code])).get(code)!;
    await page.mouse.move(place.centre.x, place.centre.y, { steps: 5 });

    const card = page.getByRole('article', { name: nameOf(code) });
    await card.waitFor();
    await screenshot(page, 'heatmap-hover-card.png');
    const text = await card.innerText();
    expect(text).toContain(formatQuantity(TAX_BEST.value, TAX.unit, 'zh-CN'));
    expect(text).toContain(
      format(t.card.rankValue, { rank: TAX_RANKS.get(code)!, total: TAX_FIGURES.length }),
    );
    expect(text).toContain(t.card.gapToCity);
    expect(text).toContain(formatSignedQuantity(TAX_BEST.value - TAX_CITY, TAX.unit, 'zh-CN'));
    const source = TAX_FIGURES.find((d) => d.districtCode === code)!.sources[0]!;
    expect(source.file).toBe('003_bf8a38d02e4bdcc0.txt');
    expect(source.document?.docNumber).toBe('湖政办发〔2023〕22号');
    expect(text).toContain(source.document!.docNumber);
    expect(text).toContain(source.file);
  });

  it('pins the clicked district, outlines it, and keeps both across a reload', async () => {
    const { page } = sessions.current;
    const t = zhCN.heatmap;
    await openHuzhou(page, `&indicator=${TAX.id}`);
    const code = TAX_BEST.districtCode;
    const place = (await districtsOnScreen(page, huzhouShapes, HUZHOU_VIEW, [code])).get(code)!;
    const unselected = decodePng(await page.screenshot());
    expect(outlineShare(unselected, place), 'no outline before').toBeLessThan(0.2);

    await page.mouse.click(place.centre.x, place.centre.y);
    await expect.poll(() => queryOf(page).get('district')).toBe(code);
    const sidebar = page.getByRole('complementary', { name: t.sidebar.label });
    const pinned = sidebar.getByRole('article', { name: nameOf(code) });
    await pinned.waitFor();
    await expect(pinned.getByRole('button', { name: t.card.close }).count()).resolves.toBe(1);
    await expect(pinned.innerText()).resolves.toContain(
      formatQuantity(TAX_BEST.value, TAX.unit, 'zh-CN'),
    );
    await pointerOffMap(page);
    await waitForStablePicture(page);
    const selected = await screenshot(page, 'heatmap-pinned.png');
    expect(outlineShare(selected, place), 'outlined when selected').toBeGreaterThan(0.6);

    await page.reload();
    await waitForMapIdle(page);
    expect(queryOf(page).get('indicator')).toBe(TAX.id);
    expect(queryOf(page).get('district')).toBe(code);
    await expect(indicatorSelect(page).inputValue()).resolves.toBe(TAX.id);
    await pinned.waitFor();
    const reloaded = await waitForStablePicture(page);
    expect(outlineShare(decodePng(reloaded), place), 'outlined after reload').toBeGreaterThan(0.6);
  });
});

interface BoardLine {
  rank: string;
  name: string;
}

async function readBoard(board: Locator): Promise<BoardLine[]> {
  return board.getByRole('listitem').evaluateAll((items) =>
    items.map((li) => {
      const spans = li.querySelectorAll('button > span');
      return {
        rank: spans[0]?.textContent?.trim() ?? '',
        name: spans[1]?.textContent?.trim() ?? '',
      };
    }),
  );
}

describe('ranking board', () => {
  it('ranks with ties, outlines a hovered row’s district, reverses, and exports a safe CSV', async () => {
    const { page } = sessions.current;
    const t = zhCN.heatmap;
    await openHuzhou(page, `&indicator=${TAX.id}`);
    const board = page.getByRole('region', { name: t.board.title });

    expect(TAX.polarity, 'ranks below assume more tax per mu is better').toBe('higher-is-better');
    const bestFirst = await readBoard(board);
    expect(bestFirst).toHaveLength(TAX_FIGURES.length);
    const expected = TAX_FIGURES.map((d) => ({
      rank: String(TAX_RANKS.get(d.districtCode)),
      name: nameOf(d.districtCode),
    })).sort((a, b) => Number(a.rank) - Number(b.rank));
    expect(bestFirst.map((r) => r.rank)).toEqual(expected.map((r) => r.rank));
    expect(new Set(bestFirst.map((r) => `${r.rank} ${r.name}`))).toEqual(
      new Set(expected.map((r) => `${r.rank} ${r.name}`)),
    );
    // 德清, 长兴 and 安吉 share the second place in the 2023 table.
    const second = bestFirst.filter((r) => r.rank === '2').map((r) => r.name);
    expect(second.sort()).toEqual(['安吉县', '德清县', '长兴县'].sort());

    const worst = TAX_WORST.districtCode;
    const place = (await districtsOnScreen(page, huzhouShapes, HUZHOU_VIEW, [worst])).get(worst)!;
    const before = decodePng(await page.screenshot());
    expect(outlineShare(before, place), 'no outline before').toBeLessThan(0.2);
    await board.getByRole('button', { name: nameOf(worst) }).hover();
    const hovered = decodePng(await waitForStablePicture(page));
    await writeFile(resolve(SCREENSHOT_DIR, 'heatmap-board-hover.png'), await page.screenshot());
    expect(outlineShare(hovered, place), 'outlined while its row is hovered').toBeGreaterThan(0.6);

    await board.getByRole('combobox', { name: t.board.order }).selectOption({
      label: t.board.worstFirst,
    });
    const worstFirst = await readBoard(board);
    expect(worstFirst.map((r) => r.rank)).toEqual(bestFirst.map((r) => r.rank).reverse());
    expect(worstFirst[0]?.name).toBe(nameOf(worst));

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      board.getByRole('button', { name: t.board.export }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    const bytes = await readFile(await download.path());
    await writeFile(resolve(SCREENSHOT_DIR, 'heatmap-board.csv'), bytes);
    expect([...bytes.subarray(0, 3)], 'UTF-8 byte order mark').toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.subarray(3).toString('utf8');
    expect(text, 'no bare LF').not.toMatch(/(?<!\r)\n/);
    expect(text, 'no bare CR').not.toMatch(/\r(?!\n)/);
    const rows = Papa.parse<string[]>(text, { skipEmptyLines: true }).data;
    const [header, ...body] = rows;
    const codeColumn = header?.indexOf(t.export.code) ?? -1;
    expect(codeColumn).toBeGreaterThanOrEqual(0);
    expect(body.map((r) => r[codeColumn]).sort()).toEqual(
      TAX_FIGURES.map((d) => d.districtCode).sort(),
    );
    expect(body[0]?.[codeColumn], 'rows in the board’s order').toBe(worst);
    for (const cell of rows.flat()) {
      if (/^[=+\-@]/.test(cell)) expect(cell, 'formula-like cell').toMatch(/^[+-]?\d+(\.\d+)?$/);
    }
  });
});

describe('manual breaks', () => {
  it('classes follow typed breaks, and a bad break is named without changing anything', async () => {
    const { page } = sessions.current;
    const t = zhCN.heatmap;
    await openHuzhou(page, `&indicator=${TAX.id}`);
    await actAndWaitForMapIdle(page, () =>
      page
        .getByRole('combobox', { name: t.classification.label })
        .selectOption({ label: t.classification.manual }),
    );
    const breaksBox = page.getByRole('textbox', { name: t.classification.breaks });
    const typed = [40, 35];
    const thresholds = [...typed].sort((a, b) => a - b);
    // No target sits on a break, so which side a break value falls on cannot matter here.
    expect(TAX_FIGURES.some((d) => thresholds.includes(d.value))).toBe(false);
    await actAndWaitForMapIdle(page, async () => {
      await breaksBox.fill(typed.join(', '));
      await breaksBox.press('Tab');
    });
    await expect.poll(() => queryOf(page).get('classify')).toBe('manual');
    await expect.poll(() => queryOf(page).get('breaks')).toBe(thresholds.join(','));

    const classOf = (v: number) => thresholds.filter((b) => v > b).length;
    const expectedLabels = thresholds
      .concat(Infinity)
      .map((_, i) => TAX_FIGURES.filter((d) => classOf(d.value) === i).map((d) => d.value))
      .filter((values) => values.length > 0)
      .map((values) =>
        legendLabel(
          { minValue: Math.min(...values), maxValue: Math.max(...values), count: values.length },
          TAX.unit,
          'zh-CN',
        ),
      );
    const legend = legendOf(page);
    const entries = await readLegend(legend);
    expect(entries.map((e) => e.text)).toEqual(expectedLabels);
    await pointerOffMap(page);
    const image = await screenshot(page, 'heatmap-manual-breaks.png');
    const onScreen = await districtsOnScreen(
      page,
      huzhouShapes,
      HUZHOU_VIEW,
      TAX_FIGURES.map((d) => d.districtCode),
    );
    expectMapFollowsLegend(image, entries, TAX_FIGURES, onScreen);

    const legendBefore = await legend.innerText();
    await breaksBox.fill('abc');
    await breaksBox.press('Tab');
    const alert = page.getByRole('alert');
    await expect(alert.innerText()).resolves.toBe(
      format(t.classification.breaksInvalid, { text: 'abc' }),
    );
    await expect(breaksBox.getAttribute('aria-invalid')).resolves.toBe('true');
    await screenshot(page, 'heatmap-manual-breaks-invalid.png');
    expect(await legend.innerText()).toBe(legendBefore);
    expect(queryOf(page).get('breaks')).toBe(thresholds.join(','));
  });
});

describe('English', () => {
  it('words the legend, card and board in English with restated units', async () => {
    const { page } = sessions.current;
    await openHuzhou(page, `&indicator=${TAX.id}`);
    const zhEntries = await readLegend(legendOf(page));
    await page.getByRole('button', { name: zhCN.language.other, exact: true }).click();
    await waitForStablePicture(page);
    const t = en.heatmap;

    const legend = legendOf(page, t);
    const legendText = await legend.innerText();
    expect(legendText).toContain(TAX.nameEn);
    expect(legendText).toContain(t.mode.target);
    // Only the source line keeps Chinese: the document's number and section as printed.
    const sourcePrefix = format(t.legend.sourceLine, { source: '' });
    const wording = legendText.split('\n').filter((line) => !line.startsWith(sourcePrefix));
    expect(wording.join('\n')).not.toMatch(/\p{Script=Han}/u);
    expect(legendText).toContain(sourcePrefix);
    const enEntries = await readLegend(legend, TAX.unit.enFactor);
    expect(enEntries.map((e) => e.text)).toEqual(
      zhEntries.map((e) => legendLabel(e, TAX.unit, 'en')),
    );
    expect(enEntries.map((e) => e.colour)).toEqual(zhEntries.map((e) => e.colour));
    await expect(page.getByRole('region', { name: t.board.title }).count()).resolves.toBe(1);
    await expect(indicatorSelect(page, t).count()).resolves.toBe(1);

    const code = TAX_BEST.districtCode;
    const place = (await districtsOnScreen(page, huzhouShapes, HUZHOU_VIEW, [code])).get(code)!;
    await page.mouse.move(place.centre.x, place.centre.y, { steps: 5 });
    const card = page.getByRole('article', { name: nameOf(code, 'en') });
    await card.waitFor();
    await screenshot(page, 'heatmap-en.png');
    const text = await card.innerText();
    expect(text).toContain(TAX.nameEn);
    expect(text).toContain(formatQuantity(TAX_BEST.value, TAX.unit, 'en'));
    expect(text).toContain(TAX.unit.en);
    expect(text).toContain(
      format(t.card.rankValue, { rank: TAX_RANKS.get(code)!, total: TAX_FIGURES.length }),
    );
    expect(text).toContain(t.card.gapToCity);
  });
});

describe('Shaoxing', () => {
  const tables = {
    focusAreas: readSeedTable(FOCUS_AREAS_FILE),
    namedPlaces: readSeedTable(NAMED_PLACES_FILE),
    ...sourceTables(),
  };
  const measures = shaoxingProfileMeasures(buildShaoxingProfile(tables));
  const cityIndicators = readCityIndicators(readSeedTable(CITY_INDICATORS_FILE), sourceTables());

  it('maps a district profile measure and shows the 18 city indicators in their tab', async () => {
    const { page } = sessions.current;
    const t = zhCN.heatmap;
    await page.goto(`${baseUrl}?region=huzhou&lang=zh-CN`);
    await waitForMapIdle(page);
    await actAndWaitForMapIdle(page, () =>
      page.getByRole('button', { name: zhCN.region.shaoxing, exact: true }).click(),
    );
    expect(queryOf(page).get('region')).toBe('shaoxing');

    // The measure whose districts differ most, so the map has classes to show.
    const measure = [...measures].sort(
      (a, b) =>
        new Set(b.districts.map((d) => d.value)).size -
        new Set(a.districts.map((d) => d.value)).size,
    )[0];
    if (!measure) throw new Error('no Shaoxing profile measures in the seeds');
    await actAndWaitForMapIdle(page, () =>
      indicatorSelect(page).selectOption({ label: measure.nameZh }),
    );
    await expect.poll(() => queryOf(page).get('indicator')).toBe(measure.id);
    const legend = legendOf(page);
    await expect(legend.innerText()).resolves.toContain(measure.nameZh);
    await expect(legend.innerText()).resolves.toContain(t.mode.profile);

    await pointerOffMap(page);
    const view = parseViewParam(queryOf(page).get('view'));
    expect(view, 'the framed view is in the URL').toBeDefined();
    const shapes = await loadDistrictShapes(
      new URL('tiles/muatlas.pmtiles', baseUrl).href,
      SHAOXING.boundsLonLat as BoundsLonLat,
      Math.floor(view!.zoom),
    );
    const values = measure.districts
      .filter((d): d is typeof d & { value: number } => d.value !== null)
      .map((d) => ({ districtCode: d.districtCode, value: d.value }));
    const image = await screenshot(page, 'heatmap-shaoxing.png');
    const onScreen = await districtsOnScreen(
      page,
      shapes,
      view!,
      values.map((d) => d.districtCode),
    );
    expectMapFollowsLegend(image, await readLegend(legend), values, onScreen);

    const tab = page.getByRole('tab', { name: t.sidebar.shaoxing });
    await tab.click();
    await expect(tab.getAttribute('aria-selected')).resolves.toBe('true');
    const panel = page.getByRole('tabpanel').getByRole('region', {
      name: zhCN.shaoxing.panel.title,
    });
    await panel.waitFor();
    expect(cityIndicators).toHaveLength(18);
    await expect(panel.getByRole('heading', { level: 4 }).count()).resolves.toBe(
      cityIndicators.length,
    );
    for (const series of cityIndicators) {
      await expect(
        panel.getByText(series.nameZh, { exact: true }).count(),
        series.id,
      ).resolves.toBe(1);
    }
    await writeFile(
      resolve(SCREENSHOT_DIR, 'heatmap-shaoxing-indicators.png'),
      await waitForStablePicture(page),
    );
  });
});
