/**
 * Briefings as an official uses them: build a three-slide briefing from live views, reload,
 * present it with the keyboard (each slide's view and KPI checked), export a 3840×2160 image,
 * and lay out an A3 print page. Expected KPI figures come from the seed tables and
 * places.geojson through the domain readers, never from the app's own state.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { insideBounds } from '../../src/domain/briefings/briefing-kpis.ts';
import { readBriefingFile } from '../../src/domain/briefings/briefing-file.format.ts';
import { huzhouCatalogue } from '../../src/domain/indicators/seed-catalogue.fixture.ts';
import { targetMeasures } from '../../src/domain/indicators/target-measures.ts';
import { formatNumber, formatQuantity } from '../../src/domain/number-format.ts';
import { readZoneTargets } from '../../src/domain/zones/zone-progress.ts';
import { cityOfRegion } from '../../src/domain/regions.ts';
import { en } from '../../src/i18n/en.ts';
import { format, type Messages } from '../../src/i18n/index.ts';
import { zhCN } from '../../src/i18n/zh-CN.ts';
import { queryOf, useAppSessions, waitForMapIdle } from '../support/app-page.ts';
import { decodePng } from '../support/pixels.ts';

const SCREENSHOT_DIR = resolve(import.meta.dirname, 'screenshots');
const baseUrl = inject('baseUrl');
const sessions = useAppSessions();
const zh = zhCN.briefings;

const taxPerMu = targetMeasures(huzhouCatalogue(), cityOfRegion('huzhou').code, 2023).find(
  (m) => m.id === 'tax_per_mu',
)!;
const WUXING = '330502';
const PROJECT_LAYERS = 'districts,functionalZones,towns,water,prefectures,projects';

/** The three slides: a district against the city, key projects around the city seat, Shaoxing. */
const SLIDES = [
  {
    title: '吴兴亩均税收',
    query: `?region=huzhou&view=8.60/30.80000/119.95000&indicator=tax_per_mu&district=${WUXING}`,
  },
  {
    title: '中心城区重点项目',
    query: `?region=huzhou&view=9.80/30.86000/120.08000&layers=${PROJECT_LAYERS}`,
  },
  { title: '绍兴全市', query: '?region=shaoxing' },
] as const;

async function openEditor(page: Page, words: Messages['briefings'] = zh): Promise<void> {
  await page.getByRole('button', { name: words.open, exact: true }).click();
  await page.getByRole('heading', { name: words.title }).waitFor();
}

/** Slide titles as IndexedDB holds them, read as another page would. */
function storedTitles(page: Page): Promise<string[]> {
  return page.evaluate(
    () =>
      new Promise<string[]>((done, fail) => {
        const open = indexedDB.open('muatlas');
        open.onerror = () => fail(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const all = db.transaction('briefings').objectStore('briefings').getAll();
          all.onerror = () => fail(all.error);
          all.onsuccess = () => {
            db.close();
            const rows = all.result as { slides: { title: string }[] }[];
            done(rows.flatMap((b) => b.slides.map((x) => x.title)));
          };
        };
      }),
  );
}

async function shot(page: Page, name: string): Promise<void> {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  await writeFile(resolve(SCREENSHOT_DIR, name), await page.screenshot());
}

async function readPlaces(): Promise<{ kind: string; lon: number; lat: number }[]> {
  const text = await readFile(
    resolve(import.meta.dirname, '../../public/data/places.geojson'),
    'utf8',
  );
  const data = JSON.parse(text) as {
    features: { properties: { kind: string }; geometry: { coordinates: [number, number] } }[];
  };
  return data.features.map((f) => ({
    kind: f.properties.kind,
    lon: f.geometry.coordinates[0],
    lat: f.geometry.coordinates[1],
  }));
}

describe('briefings', () => {
  it('builds three slides, keeps them across a reload and presents them with the keyboard', async () => {
    const { page } = sessions.current;
    for (const [i, slide] of SLIDES.entries()) {
      await page.goto(`${baseUrl}${slide.query}`);
      await waitForMapIdle(page);
      await openEditor(page);
      if (i === 0) await page.getByRole('button', { name: zh.create }).click();
      await page.getByRole('button', { name: zh.addView }).click();
      const title = page.locator('.slide').nth(i).locator('input[name="slide-title"]');
      await title.waitFor();
      await title.fill(slide.title);
      await title.press('Tab');
      await expect.poll(() => storedTitles(page)).toContain(slide.title);
    }
    await page.reload();
    await waitForMapIdle(page);
    await openEditor(page);
    await expect
      .poll(() =>
        page
          .locator('.slide input[name="slide-title"]')
          .evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value)),
      )
      .toEqual(SLIDES.map((s) => s.title));
    // Each slide shows a picture of its own view, kept across the reload: 256×144, drawn (many
    // colours, not a blank canvas) and different from the other slides'.
    const thumbnails = page.locator('.slide .thumb img');
    await expect.poll(() => thumbnails.count()).toBe(SLIDES.length);
    const pictures = await thumbnails.evaluateAll((imgs) =>
      imgs.map((element) => {
        const img = element as HTMLImageElement;
        const canvas = document.createElement('canvas');
        canvas.width = img.naturalWidth;
        canvas.height = img.naturalHeight;
        const context = canvas.getContext('2d')!;
        context.drawImage(img, 0, 0);
        const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
        const colours = new Set<number>();
        // Coarse colour bins, so JPEG noise on one flat fill does not count as detail.
        for (let i = 0; i < data.length; i += 4) {
          colours.add(((data[i]! >> 4) << 8) | ((data[i + 1]! >> 4) << 4) | (data[i + 2]! >> 4));
        }
        return {
          width: img.naturalWidth,
          height: img.naturalHeight,
          colours: colours.size,
          src: img.src,
        };
      }),
    );
    for (const picture of pictures) {
      expect([picture.width, picture.height]).toEqual([256, 144]);
      expect(picture.colours).toBeGreaterThan(20);
    }
    expect(new Set(pictures.map((p) => p.src)).size).toBe(SLIDES.length);
    await shot(page, 'briefings-editor-zh.png');

    // The file export holds each slide's captured extent; the projects KPI counts within it.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: zh.exportFile }).click(),
    ]);
    const fileText = await readFile((await download.path())!, 'utf8');
    const file = readBriefingFile(fileText);
    if (!file.ok) throw new Error(JSON.stringify(file.problems));
    expect(file.briefing.slides.map((s) => s.thumbnailDataUrl)).toEqual(pictures.map((p) => p.src));
    const bounds = file.briefing.slides[1]!.boundsLonLat!;
    const expectedProjects = (await readPlaces()).filter(
      (p) => p.kind === 'project' && insideBounds(p.lon, p.lat, bounds),
    ).length;
    expect(expectedProjects).toBeGreaterThan(0);

    // The file comes back in as a briefing of its own, pictures and all; a file with one bad
    // slide is refused, saying where, and nothing is stored.
    const importInput = page.locator('.file input[type="file"]');
    const tampered = JSON.parse(fileText) as { briefing: { slides: Record<string, unknown>[] } };
    tampered.briefing.slides[1]!['thumbnailDataUrl'] = 'https://example.com/map.png';
    await importInput.setInputFiles({
      name: 'tampered.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(tampered)),
    });
    await expect
      .poll(() => page.locator('.outcome').innerText())
      .toBe(
        `${zh.importRefused} ${format(zh.problems.badThumbnail, { path: 'briefing.slides[1].thumbnailDataUrl' })}`,
      );
    expect(await storedTitles(page)).toHaveLength(SLIDES.length);
    await importInput.setInputFiles({
      name: 'briefing.json',
      mimeType: 'application/json',
      buffer: Buffer.from(fileText),
    });
    await expect
      .poll(() => page.locator('.outcome').innerText())
      .toBe(format(zh.imported, { title: file.briefing.title, count: SLIDES.length }));
    await expect.poll(() => storedTitles(page)).toHaveLength(2 * SLIDES.length);
    await expect
      .poll(() => thumbnails.evaluateAll((imgs) => imgs.map((i) => (i as HTMLImageElement).src)))
      .toEqual(pictures.map((p) => p.src));

    await page.getByRole('button', { name: zh.present, exact: true }).click();
    const counter = page.getByTestId('slide-counter');
    const expectView = async (i: number) => {
      await expect.poll(() => counter.innerText()).toBe(format(zh.counter, { n: i + 1, total: 3 }));
      await expect.poll(() => page.getByTestId('present-title').innerText()).toBe(SLIDES[i]!.title);
      const want = new URLSearchParams(SLIDES[i]!.query);
      for (const key of ['region', 'view', 'indicator', 'district', 'layers']) {
        if (want.has(key))
          await expect.poll(() => queryOf(page).get(key), { timeout: 20_000 }).toBe(want.get(key));
        else if (key !== 'view' && key !== 'layers') expect(queryOf(page).get(key)).toBeNull();
      }
    };

    await expectView(0);
    const wuxing = taxPerMu.districts.find((d) => d.districtCode === WUXING)!;
    const districtCard = page.locator('.present [data-kpi="district-indicator"]');
    await expect
      .poll(() => districtCard.locator('[data-field="target"]').innerText())
      .toBe(formatQuantity(wuxing.value!, taxPerMu.unit, 'zh-CN'));
    expect(await districtCard.locator('[data-field="city"]').innerText()).toBe(
      formatQuantity(taxPerMu.city!.value!, taxPerMu.unit, 'zh-CN'),
    );
    await waitForMapIdle(page);
    await shot(page, 'briefings-present-zh.png');

    await page.keyboard.press('ArrowRight');
    await expectView(1);
    await expect
      .poll(() =>
        page.locator('.present [data-kpi="projects-in-view"] [data-field="count"]').innerText(),
      )
      .toBe(format(zh.kpi.projectsCount, { count: expectedProjects }));

    await page.keyboard.press('Space');
    await expectView(2);
    await page.keyboard.press('PageDown');
    await expectView(2);
    await page.keyboard.press('PageUp');
    await expectView(1);
    await page.keyboard.press('ArrowLeft');
    await expectView(0);
    await page.keyboard.press('Escape');
    await page.getByRole('heading', { name: zh.title }).waitFor();
    expect(await counter.count()).toBe(0);
  });

  it('keeps words typed right before a reload, and shows when they are saved', async () => {
    const { page } = sessions.current;
    await page.goto(`${baseUrl}${SLIDES[2].query}`);
    await waitForMapIdle(page);
    await openEditor(page);
    await page.getByRole('button', { name: zh.create }).click();
    await page.getByRole('button', { name: zh.addView }).click();
    const status = page.locator('[data-save-status]');
    const title = page.locator('.slide input[name="slide-title"]');
    await title.waitFor();
    await expect.poll(() => status.innerText()).toBe(zh.save.saved);

    // Typing pauses: saved within a moment, without leaving the field.
    await title.fill('绍兴腾退进展');
    expect(await status.innerText()).toBe(zh.save.saving);
    await expect.poll(() => storedTitles(page)).toEqual(['绍兴腾退进展']);
    await expect.poll(() => status.innerText()).toBe(zh.save.saved);

    // Typing then reloading at once, still in the field.
    await page.locator('.slide textarea').fill('先讲用能空间');
    await title.fill('绍兴全市腾退');
    await page.reload();
    await waitForMapIdle(page);
    await openEditor(page);
    await expect
      .poll(() => page.locator('.slide input[name="slide-title"]').inputValue())
      .toBe('绍兴全市腾退');
    expect(await page.locator('.slide textarea').inputValue()).toBe('先讲用能空间');
    await expect.poll(() => storedTitles(page)).toEqual(['绍兴全市腾退']);
    await expect.poll(() => status.innerText()).toBe(zh.save.saved);
  });

  it('shows the zones KPI against the district target and the 2027 goal, with its sources', async () => {
    const { page } = sessions.current;
    const seed = (file: string) =>
      readFile(resolve(import.meta.dirname, '../../seeds', file), 'utf8');
    const targets = readZoneTargets(
      await seed('huzhou-2023-district-targets.csv'),
      await seed('plan-goals.csv'),
    );
    const land = targets.districtLand.get(WUXING)!;
    const goal = targets.cityLandGoal.get(cityOfRegion('huzhou').code)!;
    await page.goto(`${baseUrl}${SLIDES[0].query}`);
    await waitForMapIdle(page);
    await openEditor(page);
    await page.getByRole('button', { name: zh.create }).click();
    await page.getByRole('button', { name: zh.addView }).click();
    await page.getByRole('checkbox', { name: zh.kpi.names['zones-progress'] }).check();
    const card = page.locator('.editor [data-kpi="zones-progress"]');
    const noZones = format(zh.kpi.zonesMu, { value: '0' });
    await expect
      .poll(() => card.locator('[data-field="land"]').innerText(), { timeout: 20_000 })
      .toBe(
        format(zh.kpi.zonesOfTarget, {
          planned: noZones,
          target: formatNumber(land.value, 'zh-CN', 0),
        }),
      );
    expect(await card.locator('[data-field="goal"]').innerText()).toBe(
      format(zh.kpi.zonesOfTarget, {
        planned: noZones,
        target: formatNumber(goal.value, 'zh-CN', 0),
      }),
    );
    const source = await card.locator('.source').innerText();
    expect(source).toContain(format(zh.kpi.zonesCount, { count: 0 }));
    expect(source).toContain(`seeds/${land.seedFile}`);
    expect(source).toContain(`seeds/${goal.seedFile}`);
  });

  it('exports a 3840×2160 image of the view that is not blank', async () => {
    const { page } = sessions.current;
    await page.goto(`${baseUrl}${SLIDES[0].query}`);
    await waitForMapIdle(page);
    await openEditor(page);
    await page.locator('.editor select').nth(1).selectOption({ label: '3840×2160' });
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 120_000 }),
      page.getByRole('button', { name: zh.png.export, exact: true }).click(),
    ]);
    const png = await readFile((await download.path())!);
    await mkdir(SCREENSHOT_DIR, { recursive: true });
    await writeFile(resolve(SCREENSHOT_DIR, 'briefings-export-3840.png'), png);
    const image = decodePng(png);
    expect([image.width, image.height]).toEqual([3840, 2160]);
    // Not blank: many distinct colours (map fills, labels, legend), not one background.
    const colours = new Set<number>();
    for (let i = 0; i < image.data.length; i += 4 * 97) {
      colours.add((image.data[i]! << 16) | (image.data[i + 1]! << 8) | image.data[i + 2]!);
    }
    expect(colours.size).toBeGreaterThan(50);
  }, 180_000);

  it('lays out an A3 print page with title, legend, scale bar and north arrow (English)', async () => {
    const { page } = sessions.current;
    const words = en.briefings;
    await page.goto(`${baseUrl}${SLIDES[0].query}&lang=en`);
    await waitForMapIdle(page);
    await openEditor(page, words);
    await page.locator('input[name="print-title"]').fill('Tax per mu by district, Huzhou 2023');
    await page.locator('input[name="print-producer"]').fill('MuAtlas test unit');
    await page.getByRole('button', { name: words.print.preview }).click();
    const sheet = page.getByTestId('print-sheet');
    await sheet.locator('img').waitFor({ timeout: 120_000 });
    await page.emulateMedia({ media: 'print' });
    await expect
      .poll(() => sheet.locator('.map-title').innerText())
      .toBe('Tax per mu by district, Huzhou 2023');
    for (const id of ['print-legend', 'scale-bar', 'north-arrow']) {
      expect(await page.getByTestId(id).isVisible()).toBe(true);
    }
    expect(await sheet.innerText()).toContain('MuAtlas test unit');
    expect(await page.locator('#map').isVisible()).toBe(false);
    await shot(page, 'briefings-print-a3-en.png');
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
    await writeFile(resolve(SCREENSHOT_DIR, 'briefings-print-a3-en.pdf'), pdf);
  }, 180_000);
});
