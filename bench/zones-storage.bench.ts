/**
 * Zones must be kept as safely as a desktop GIS keeps a file, without the user waiting: in
 * Chromium, saving one zone edit (one strict-durability transaction writing the zone and its
 * journal entry) and opening the database to read 10,000 zones, through the app's own
 * ZonesRepo (bench/zones-storage/ is a page of just that). Reads go through the snapshot the
 * previous load wrote; the first load, without one, is reported beside them (no limit: it
 * happens once, and reads one record per zone).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'vite';
import { newIsolatedContext } from '../tests/support/browser.ts';
import { startStaticServer } from '../tests/support/static-server.ts';
import type { ZonesBenchPage } from './zones-storage/zones-storage.page.ts';
import { median, type BenchContext, type BenchResult, type Benchmark } from './types.ts';

/** The limits. */
export const SAVE_LIMIT_MS = 10;
export const LOAD_LIMIT_MS = 300;
export const LOAD_COUNT = 10_000;
/** Edits since the last snapshot in the `behind` case: a day's drawing, under the refresh. */
export const EDITS_SINCE_SNAPSHOT = 40;

export const zonesStorageBenchmark: Benchmark = {
  name: 'zones-storage',
  description: `saving a zone edit and reading ${LOAD_COUNT.toLocaleString('en')} zones from IndexedDB in Chromium`,
  async run(ctx: BenchContext): Promise<BenchResult> {
    const siteDir = await mkdtemp(join(tmpdir(), 'muatlas-zones-bench-'));
    await build({
      configFile: false,
      root: resolve(ctx.rootDir, 'bench/zones-storage'),
      base: './',
      logLevel: 'warn',
      build: { outDir: siteDir, emptyOutDir: true, target: 'es2022' },
    });
    const server = await startStaticServer({ root: siteDir });
    const context = await newIsolatedContext(await ctx.browser());
    try {
      const page = await context.newPage();
      await page.goto(`${server.url}index.html`);
      await page.waitForFunction(() => '__zonesBench' in window);
      const saves = await page.evaluate(
        (runs) =>
          (window as unknown as { __zonesBench: ZonesBenchPage }).__zonesBench.saveEdits(runs),
        Math.max(ctx.runs, 21),
      );
      const loads = await page.evaluate(
        ([count, runs, edits]) =>
          (window as unknown as { __zonesBench: ZonesBenchPage }).__zonesBench.loadAll(
            count,
            runs,
            edits,
          ),
        [LOAD_COUNT, ctx.runs, EDITS_SINCE_SNAPSHOT] as const,
      );
      const count = LOAD_COUNT.toLocaleString('en');
      return {
        name: 'zones-storage',
        rows: [
          {
            label: 'save one zone edit (zone + journal, strict durability)',
            value: median(saves),
            unit: 'ms',
            samples: saves,
            limit: SAVE_LIMIT_MS,
          },
          {
            label: `open and read ${count} zones (snapshot from the last load)`,
            value: median(loads.snapshot),
            unit: 'ms',
            samples: loads.snapshot,
            limit: LOAD_LIMIT_MS,
          },
          {
            label: `open and read ${count} zones, ${EDITS_SINCE_SNAPSHOT} edits since the snapshot`,
            value: median(loads.behind),
            unit: 'ms',
            samples: loads.behind,
            limit: LOAD_LIMIT_MS,
          },
          {
            label: `open and read ${count} zones, no snapshot (first load, then one is written)`,
            value: median(loads.cold),
            unit: 'ms',
            samples: loads.cold,
          },
        ],
      };
    } finally {
      await context.close();
      await server.close();
      await rm(siteDir, { recursive: true, force: true });
    }
  },
};
