/**
 * Navigation start → first map idle, for the built app against a bare MapLibre page that draws
 * the same style from the same server. The ratio, not the absolute time, is the figure: it
 * cancels out the machine (SwiftShader on 2 cores is slow) and isolates what the app adds.
 */
import { cp, mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { CITIES } from '../src/domain/regions.ts';
import { messagesFor } from '../src/i18n/index.ts';
import { buildBasemapStyle } from '../src/map/basemap.style.ts';
import { newIsolatedContext } from '../tests/support/browser.ts';
import { startStaticServer } from '../tests/support/static-server.ts';
import { median, type Benchmark, type BenchContext, type BenchResult } from './types.ts';

/** The app may take at most this many times as long as bare MapLibre to its first idle. */
export const FIRST_IDLE_RATIO_GOAL = 1.5;

/**
 * Same value as `CJK_FONT_FAMILY` in src/map/map-controller.svelte.ts, which Node cannot import
 * (it pulls in runes, CSS and a Vite worker URL); a unit test keeps the two equal.
 */
export const CJK_FONT_FAMILY =
  "'Noto Sans CJK SC', 'Noto Sans SC', 'Source Han Sans SC', 'PingFang SC', 'Microsoft YaHei', sans-serif";

/** Where the bare page lives inside the served folder, apart from the app's own files. */
const BARE_DIR = '__bare';
const IDLE_TIMEOUT_MS = 120_000;

/** One fixed camera for both pages: Huzhou's centre at a city zoom. */
export function benchCamera(): { zoom: number; lat: number; lon: number } {
  const huzhou = CITIES.find((c) => c.id === 'huzhou');
  if (!huzhou) throw new Error('Huzhou missing from CITIES');
  const [west, south, east, north] = huzhou.boundsLonLat;
  return { zoom: 9, lat: (south + north) / 2, lon: (west + east) / 2 };
}

/** Fills the bare page's placeholders; `<` is escaped so JSON cannot close the script tag. */
export function fillBarePage(template: string, style: unknown, options: unknown): string {
  const json = (value: unknown) => JSON.stringify(value).replaceAll('<', '\\u003c');
  return template.replace('__STYLE_JSON__', json(style)).replace('__OPTIONS_JSON__', json(options));
}

/**
 * A served folder holding the app (dist/ entries linked in) and the bare page beside it, so
 * both load tiles and glyphs from the very same URLs.
 */
async function prepareSite(ctx: BenchContext, origin: string, siteDir: string): Promise<void> {
  for (const entry of await readdir(ctx.distDir)) {
    await symlink(resolve(ctx.distDir, entry), join(siteDir, entry));
  }
  const bareDir = join(siteDir, BARE_DIR);
  const maplibreDist = resolve(ctx.rootDir, 'node_modules/maplibre-gl/dist');
  for (const file of ['maplibre-gl.mjs', 'maplibre-gl-worker.mjs', 'maplibre-gl.css']) {
    await cp(join(maplibreDist, file), join(bareDir, file));
  }
  await cp(
    resolve(ctx.rootDir, 'node_modules/pmtiles/dist/pmtiles.js'),
    join(bareDir, 'pmtiles.js'),
  );
  const style = buildBasemapStyle({
    tilesUrl: `pmtiles://${origin}tiles/muatlas.pmtiles`,
    glyphsUrl: `${origin}fonts/{fontstack}/{range}.pbf`,
    locale: 'zh-CN',
    schematicSuffix: messagesFor('zh-CN').layers.schematicSuffix,
    activeCityCode: '330500',
  });
  const template = await readFile(resolve(ctx.rootDir, 'bench/bare/index.html'), 'utf8');
  await writeFile(
    join(bareDir, 'index.html'),
    fillBarePage(template, style, { localIdeographFontFamily: CJK_FONT_FAMILY }),
  );
}

type Subject = 'app' | 'bare';

/**
 * One navigation in a fresh context; returns ms from navigation start to the first idle, and
 * saves the idle frame to `screenshotPath` when given.
 */
async function timeFirstIdle(
  browser: Browser,
  subject: Subject,
  origin: string,
  screenshotPath?: string,
): Promise<number> {
  const context = await newIsolatedContext(browser);
  try {
    const page = await context.newPage();
    const c = benchCamera();
    const view = `${c.zoom}/${c.lat}/${c.lon}`;
    if (subject === 'app') {
      // Stamped in the page the moment #map first says it is no longer busy.
      await page.addInitScript(() => {
        new MutationObserver((records, observer) => {
          for (const r of records) {
            const el = r.target as Element;
            if (el.id === 'map' && el.getAttribute('aria-busy') === 'false') {
              (window as { __idleMs?: number }).__idleMs = performance.now();
              observer.disconnect();
            }
          }
        }).observe(document, { attributes: true, attributeFilter: ['aria-busy'], subtree: true });
      });
      await page.goto(`${origin}?region=huzhou&lang=zh-CN&view=${view}`, { waitUntil: 'commit' });
    } else {
      await page.goto(`${origin}${BARE_DIR}/index.html?view=${view}`, { waitUntil: 'commit' });
    }
    const handle = await page.waitForFunction(
      () => (window as { __idleMs?: number }).__idleMs,
      null,
      {
        timeout: IDLE_TIMEOUT_MS,
      },
    );
    const idleMs = (await handle.jsonValue()) as number;
    if (screenshotPath) await page.screenshot({ path: screenshotPath });
    return idleMs;
  } finally {
    await context.close();
  }
}

export const firstIdleBenchmark: Benchmark = {
  name: 'first-idle',
  description: 'navigation → first map idle, app vs bare MapLibre (same style, same server)',
  async run(ctx: BenchContext): Promise<BenchResult> {
    const siteDir = await mkdtemp(join(tmpdir(), 'muatlas-bench-'));
    const server = await startStaticServer({ root: siteDir });
    try {
      await prepareSite(ctx, server.url, siteDir);
      const browser = await ctx.browser();
      // One untimed pass each warms the OS file cache; its idle frames are kept so a person
      // can check that both pages drew the same map.
      await mkdir(ctx.resultsDir, { recursive: true });
      for (const subject of ['app', 'bare'] as const) {
        const path = join(ctx.resultsDir, `first-idle-${subject}.png`);
        await timeFirstIdle(browser, subject, server.url, path);
      }
      const samples: Record<Subject, number[]> = { app: [], bare: [] };
      for (let i = 0; i < ctx.runs; i++) {
        // Alternate which goes first, so neither always runs on a machine just warmed by the other.
        const order: Subject[] = i % 2 === 0 ? ['app', 'bare'] : ['bare', 'app'];
        for (const subject of order) {
          const ms = await timeFirstIdle(browser, subject, server.url);
          samples[subject].push(ms);
          ctx.progress(`first-idle run ${i + 1}/${ctx.runs} ${subject}: ${ms.toFixed(0)} ms`);
        }
      }
      const appMs = median(samples.app);
      const bareMs = median(samples.bare);
      return {
        name: this.name,
        rows: [
          { label: 'app median', value: appMs, unit: 'ms', samples: samples.app },
          { label: 'bare MapLibre median', value: bareMs, unit: 'ms', samples: samples.bare },
          { label: 'app / bare', value: appMs / bareMs, unit: '×', limit: FIRST_IDLE_RATIO_GOAL },
        ],
      };
    } finally {
      await server.close();
      await rm(siteDir, { recursive: true, force: true });
    }
  },
};
