/**
 * What a user does with the map: switch region and language, hide layers, pan, reload or come
 * back later, and look up where the data comes from.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { districtsOfCity } from '../../src/domain/regions.ts';
import { LAYER_GROUPS } from '../../src/domain/view-state.ts';
import { en } from '../../src/i18n/en.ts';
import { zhCN } from '../../src/i18n/zh-CN.ts';
import { LIGHT_PALETTE } from '../../src/map/palette.ts';
import {
  actAndWaitForMapIdle,
  queryOf,
  useAppSessions,
  type AppSession,
  waitForMapIdle,
  waitForStablePicture,
} from '../support/app-page.ts';
import { filledCharacters, missingCharacters } from '../support/glyph-hook.ts';
import { parseViewParam } from '../support/map-view.ts';
import { changedShare, decodePng, hexToRgb, shareNear } from '../support/pixels.ts';

const SCREENSHOT_DIR = resolve(import.meta.dirname, 'screenshots');
const SHAOXING_NAMES = districtsOfCity('330600').map((d) => d.nameZh);
const WATER = hexToRgb(LIGHT_PALETTE.water);

/** HTTP statuses of the Latin glyph range (U+0000–00FF) requests, in any font stack. */
function latinGlyphStatuses(log: AppSession['log']): number[] {
  return [...log.statusByUrl]
    .filter(([url]) => /\/fonts\/[^/]+\/0-255\.pbf$/.test(url))
    .map(([, status]) => status);
}

const sessions = useAppSessions();
const baseUrl = inject('baseUrl');

beforeAll(async () => {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
});

describe('region switch', () => {
  it('moves the map to Shaoxing and draws its district names', async () => {
    const { page } = sessions.current;
    await page.goto(baseUrl);
    await waitForMapIdle(page);
    const huzhou = decodePng(await page.screenshot());

    const shaoxingButton = page.getByRole('button', { name: '绍兴', exact: true });
    await actAndWaitForMapIdle(page, () => shaoxingButton.click());

    await expect.poll(() => queryOf(page).get('region')).toBe('shaoxing');
    expect(await shaoxingButton.getAttribute('aria-pressed')).toBe('true');
    expect(
      await page.getByRole('button', { name: '湖州', exact: true }).getAttribute('aria-pressed'),
    ).toBe('false');
    const png = await page.screenshot();
    await writeFile(resolve(SCREENSHOT_DIR, 'shaoxing-zh.png'), png);
    expect(changedShare(huzhou, decodePng(png), 4), 'share of pixels changed').toBeGreaterThan(
      0.15,
    );
    expect(missingCharacters(await filledCharacters(page), SHAOXING_NAMES)).toEqual([]);
  });
});

describe('language', () => {
  it('switches the page and the map to English and remembers it', async () => {
    const { page, log } = sessions.current;
    await page.goto(`${baseUrl}?region=shaoxing`);
    await waitForMapIdle(page);
    await page.getByRole('button', { name: zhCN.language.other, exact: true }).click();
    await waitForStablePicture(page);

    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await expect.poll(() => queryOf(page).get('lang')).toBe('en');
    for (const name of [en.region.huzhou, en.region.shaoxing, en.language.other, en.sources.open]) {
      await expect(page.getByRole('button', { name, exact: true }).count(), name).resolves.toBe(1);
    }
    for (const group of LAYER_GROUPS) {
      const box = page.getByRole('checkbox', { name: en.layers[group], exact: true });
      await expect(box.count(), group).resolves.toBe(1);
    }
    expect(latinGlyphStatuses(log), 'Latin glyph ranges fetched').not.toEqual([]);
    expect(latinGlyphStatuses(log).every((status) => status === 200)).toBe(true);
    const viewBefore = queryOf(page).get('view');
    await page.screenshot({ path: resolve(SCREENSHOT_DIR, 'shaoxing-en.png') });

    await page.reload();
    await waitForMapIdle(page);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(queryOf(page).get('region')).toBe('shaoxing');
    expect(queryOf(page).get('view')).toBe(viewBefore);
    const shaoxingButton = page.getByRole('button', { name: en.region.shaoxing, exact: true });
    expect(await shaoxingButton.getAttribute('aria-pressed')).toBe('true');

    // A later visit without `lang` in the URL still opens in English, and the map draws no
    // Chinese: its labels come from the Latin glyph files, not from local CJK rasterising.
    await page.goto(baseUrl);
    await waitForMapIdle(page);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(queryOf(page).get('lang')).toBe('en');
    const drawnCjk = [...(await filledCharacters(page))].filter((c) => /\p{Script=Han}/u.test(c));
    expect(drawnCjk).toEqual([]);
  });
});

describe('reload', () => {
  it('keeps the region, the camera and the layers the user turned off', async () => {
    const { page } = sessions.current;
    await page.goto(`${baseUrl}?region=huzhou&view=9.00/31.00000/120.10000`);
    await waitForMapIdle(page);
    const withWater = decodePng(await page.screenshot());
    expect(shareNear(withWater, WATER, 6), 'water shown at first').toBeGreaterThan(0.02);

    const waterBox = page.getByRole('checkbox', { name: zhCN.layers.water });
    await waterBox.uncheck();
    await page.getByRole('checkbox', { name: zhCN.layers.towns }).uncheck();
    await waitForStablePicture(page);
    // Pan with the mouse, as a user would.
    await actAndWaitForMapIdle(page, async () => {
      await page.mouse.move(800, 500);
      await page.mouse.down();
      await page.mouse.move(700, 420, { steps: 8 });
      await page.mouse.up();
    });
    // The URL is written after the task that ends the move, so idle can come first.
    await page.waitForFunction(
      (start) => new URLSearchParams(window.location.search).get('view') !== start,
      '9.00/31.00000/120.10000',
    );
    const before = {
      view: parseViewParam(queryOf(page).get('view')),
      layers: queryOf(page).get('layers'),
      pixels: decodePng(await page.screenshot()),
    };
    expect(before.view).toBeDefined();
    expect(before.view!.lat).not.toBeCloseTo(31, 2);
    expect(shareNear(before.pixels, WATER, 6), 'water hidden').toBeLessThan(0.001);

    await page.reload();
    await waitForMapIdle(page);
    const after = parseViewParam(queryOf(page).get('view'));
    expect(queryOf(page).get('region')).toBe('huzhou');
    expect(queryOf(page).get('layers')).toBe(before.layers);
    expect(after?.zoom).toBeCloseTo(before.view!.zoom, 2);
    expect(after?.lat).toBeCloseTo(before.view!.lat, 4);
    expect(after?.lon).toBeCloseTo(before.view!.lon, 4);
    expect(await waterBox.isChecked()).toBe(false);
    expect(await page.getByRole('checkbox', { name: zhCN.layers.towns }).isChecked()).toBe(false);
    expect(await page.getByRole('checkbox', { name: zhCN.layers.districts }).isChecked()).toBe(
      true,
    );
    const reloaded = decodePng(await page.screenshot());
    expect(shareNear(reloaded, WATER, 6), 'water still hidden').toBeLessThan(0.001);
    expect(changedShare(before.pixels, reloaded), 'same picture after reload').toBeLessThan(0.02);
  });
});

describe('data sources', () => {
  it('lists every tile layer with its source and licence', async () => {
    const { page } = sessions.current;
    const manifest = (await (await fetch(new URL('tiles/manifest.json', baseUrl))).json()) as {
      layers: { id: string; source: string; licence: string }[];
    };
    expect(manifest.layers.length).toBeGreaterThan(0);
    await page.goto(baseUrl);
    await waitForMapIdle(page);
    await page.getByRole('button', { name: zhCN.sources.open, exact: true }).click();
    const dialog = page.getByRole('dialog', { name: zhCN.sources.title });
    // The table appears once the dialog has read the manifest.
    await dialog.getByRole('table').waitFor();
    for (const layer of manifest.layers) {
      const row = dialog
        .getByRole('row')
        .filter({ has: page.getByRole('rowheader', { name: layer.id, exact: true }) });
      await expect(row.count(), layer.id).resolves.toBe(1);
      const text = await row.innerText();
      expect(text).toContain(layer.source);
      expect(text).toContain(layer.licence);
      expect(layer.source.trim()).not.toBe('');
      expect(layer.licence.trim()).not.toBe('');
    }
    await dialog.getByRole('button', { name: zhCN.sources.close }).click();
    await expect(dialog.isVisible()).resolves.toBe(false);
  });
});
describe('attribution', () => {
  it('credits the map data in the language the user switched to', async () => {
    const { page } = sessions.current;
    await page.goto(baseUrl);
    await waitForMapIdle(page);
    await expect(page.getByText(zhCN.map.attribution).count()).resolves.toBe(1);
    await page.getByRole('button', { name: zhCN.language.other, exact: true }).click();
    await waitForStablePicture(page);
    await expect(page.getByText(en.map.attribution).count()).resolves.toBe(1);
    await expect(page.getByText(zhCN.map.attribution).count()).resolves.toBe(0);
  });
});
