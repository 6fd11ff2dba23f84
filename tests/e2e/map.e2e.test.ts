/**
 * The first thing a user sees: the Huzhou map, drawn (not a blank canvas), with Tai Hu where it
 * belongs and Chinese district names, loaded from this machine only.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { districtsOfCity } from '../../src/domain/regions.ts';
import { LIGHT_PALETTE } from '../../src/map/palette.ts';
import { queryOf, useAppSessions, waitForMapIdle } from '../support/app-page.ts';
import { VIEWPORT } from '../support/browser.ts';
import { filledCharacters, missingCharacters } from '../support/glyph-hook.ts';
import { lonLatToScreen, parseViewParam } from '../support/map-view.ts';
import { decodePng, dominantColours, hexToRgb, shareNear } from '../support/pixels.ts';

const SCREENSHOT_DIR = resolve(import.meta.dirname, 'screenshots');

/** A view a user might bookmark: Huzhou city with Tai Hu's southern part above it. */
const HUZHOU_VIEW = '9.00/31.00000/120.10000';
/** Open water in Tai Hu, clear of its islands and shores. */
const TAI_HU = { lon: 120.1, lat: 31.2 };
/** Central Huzhou (吴兴区), on land south of the lake. */
const HUZHOU_CENTRE = { lon: 120.09, lat: 30.87 };
/** Side of the square sampled around each place, in CSS pixels. */
const SAMPLE_PX = 30;
/** SwiftShader draws flat fills exactly; a little slack covers blending at edges. */
const COLOUR_TOLERANCE = 6;

const HUZHOU_NAMES = districtsOfCity('330500')
  .filter((d) => d.kind !== 'functional-zone')
  .map((d) => d.nameZh);

const sessions = useAppSessions();
const baseUrl = inject('baseUrl');

beforeAll(async () => {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
});

function sampleRect(place: { lon: number; lat: number }, view: string) {
  const camera = parseViewParam(view);
  if (!camera) throw new Error(`bad view ${view}`);
  const { x, y } = lonLatToScreen(place.lon, place.lat, camera, VIEWPORT);
  return { x: x - SAMPLE_PX / 2, y: y - SAMPLE_PX / 2, width: SAMPLE_PX, height: SAMPLE_PX };
}

describe('the Huzhou map in Chinese', () => {
  it('is a Chinese page with a content security policy, busy until the map is drawn', async () => {
    const { page } = sessions.current;
    await page.goto(baseUrl, { waitUntil: 'domcontentloaded' });
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
    const csp = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
    expect(csp).toContain("default-src 'self'");
    expect(await page.getAttribute('#map', 'aria-busy')).toBe('true');
    await waitForMapIdle(page);
    expect(queryOf(page).get('region')).toBe('huzhou');
    await expect(
      page.getByRole('button', { name: '湖州', exact: true }).getAttribute('aria-pressed'),
    ).resolves.toBe('true');
  });

  it('draws land, water and boundaries, with Tai Hu north of Huzhou city', async () => {
    const { page } = sessions.current;
    await page.goto(`${baseUrl}?region=huzhou&lang=zh-CN&view=${HUZHOU_VIEW}`);
    await waitForMapIdle(page);
    const png = await page.screenshot();
    await writeFile(resolve(SCREENSHOT_DIR, 'huzhou-zh.png'), png);
    const image = decodePng(png);

    const colours = dominantColours(image);
    expect(colours.length, 'distinct colours covering ≥0.5% each').toBeGreaterThanOrEqual(4);
    const water = hexToRgb(LIGHT_PALETTE.water);
    expect(shareNear(image, water, COLOUR_TOLERANCE), 'water in the view').toBeGreaterThan(0.02);

    const lake = sampleRect(TAI_HU, HUZHOU_VIEW);
    const city = sampleRect(HUZHOU_CENTRE, HUZHOU_VIEW);
    expect(lake.y + lake.height).toBeLessThan(city.y);
    expect(shareNear(image, water, COLOUR_TOLERANCE, lake), 'Tai Hu is water').toBeGreaterThan(0.9);
    expect(shareNear(image, water, COLOUR_TOLERANCE, city), 'Huzhou is land').toBeLessThan(0.2);
  });

  it('draws the district names in Chinese', async () => {
    const { page } = sessions.current;
    await page.goto(baseUrl);
    await waitForMapIdle(page);
    const drawn = await filledCharacters(page);
    expect(missingCharacters(drawn, HUZHOU_NAMES)).toEqual([]);
  });
});
