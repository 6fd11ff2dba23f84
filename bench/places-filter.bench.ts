/**
 * Filtering places must keep up with typing at 100,000 places: the pure filter
 * (src/domain/places/place-filter.ts) within one frame, and, in Chromium, how long MapLibre takes
 * from `setFilter` on a 100,000-point GeoJSON layer to the next idle, and the frame times of a
 * pan over those points. The fixture is generated here, deterministically, and never committed.
 *
 * The Chromium page draws the points alone on a plain background (no basemap), so its figures
 * are the points layer's own cost; the app's layers use the same expressions
 * (placeFilterExpression, industryColourExpression).
 */
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { INDUSTRIES } from '../src/domain/places/industry.ts';
import type { PlaceKind, ProjectStage } from '../src/domain/places/place.ts';
import {
  buildPlaceIndex,
  EMPTY_PLACE_FILTER,
  filterPlaceIndex,
  type FilterablePlace,
  type PlaceFilter,
} from '../src/domain/places/place-filter.ts';
import { DISTRICTS } from '../src/domain/regions.ts';
import { industryColourExpression, placeFilterExpression } from '../src/map/places.layer.ts';
import { newIsolatedContext } from '../tests/support/browser.ts';
import { startStaticServer } from '../tests/support/static-server.ts';
import { median, type Benchmark, type BenchContext, type BenchResult } from './types.ts';

/** One frame at 60 Hz. */
export const FILTER_FRAME_BUDGET_MS = 16;
export const FIXTURE_SIZE = 100_000;

/** Park–Miller LCG: the same fixture on every machine and run. */
function lcg(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 48271) % 2147483647;
    return state / 2147483647;
  };
}

const STAGES: readonly ProjectStage[] = ['preliminary', 'construction', 'equipment', 'trial'];
const SYLLABLES = ['浙江', '湖州', '绍兴', '纺织', '金属', '新材', '科技', '电机', '家居', '印染'];

export interface FixturePlace extends FilterablePlace {
  id: string;
  lon: number;
  lat: number;
}

/** `count` places over Huzhou and Shaoxing: one in ten a project with investment and years. */
export function placesFixture(count: number, seed = 20_240_601): FixturePlace[] {
  const random = lcg(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const districts = DISTRICTS.filter((d) => d.kind !== 'functional-zone').map((d) => d.code);
  const industries = INDUSTRIES.map((i) => i.id);
  return Array.from({ length: count }, (_, i) => {
    const project = i % 10 === 0;
    const kind: PlaceKind = project ? 'project' : 'enterprise';
    const start = 2015 + Math.floor(random() * 6);
    return {
      id: `bench-${i}`,
      kind,
      nameZh: `${pick(SYLLABLES)}${pick(SYLLABLES)}${i}有限公司`,
      industryId: pick(industries),
      districtCodes: [pick(districts)],
      ...(project
        ? {
            stage: pick(STAGES),
            investmentYiYuan: Math.round(random() * 600) / 10,
            startYear: start,
            endYear: start + Math.floor(random() * 4),
          }
        : {}),
      lon: 119.2 + random() * 1.9,
      lat: 29.3 + random() * 1.8,
    };
  });
}

/** The filters a planner types through: an industry, a district, a money range, a search. */
export const BENCH_FILTERS: readonly PlaceFilter[] = [
  { ...EMPTY_PLACE_FILTER, industryIds: ['textiles'] },
  { ...EMPTY_PLACE_FILTER, industryIds: ['textiles', 'chemicals'], districtCode: '330503' },
  { ...EMPTY_PLACE_FILTER, investmentYiYuan: [5, 30], years: [2017, 2019] },
  { ...EMPTY_PLACE_FILTER, query: '纺织' },
  { ...EMPTY_PLACE_FILTER, query: '湖州新材1' },
  EMPTY_PLACE_FILTER,
];

function timePureFilter(runs: number): number[] {
  const index = buildPlaceIndex(placesFixture(FIXTURE_SIZE));
  const samples: number[] = [];
  for (let r = 0; r < runs; r++) {
    for (const filter of BENCH_FILTERS) {
      const start = performance.now();
      filterPlaceIndex(index, filter);
      samples.push(performance.now() - start);
    }
  }
  return samples;
}

const PAGE = `<!doctype html>
<html><head><meta charset="UTF-8"><link rel="icon" href="data:,">
<link rel="stylesheet" href="./maplibre-gl.css">
<style>html,body,#map{margin:0;width:100%;height:100%}</style></head>
<body><div id="map"></div>
<script type="module">
  import { Map } from './maplibre-gl.mjs';
  window.__startMap = (data, colour, clustered) => new Promise((resolve) => {
    window.__map?.remove();
    const source = clustered
      ? { type: 'geojson', data, cluster: true, clusterRadius: 40, clusterMaxZoom: 11 }
      : { type: 'geojson', data };
    const clusterLayer = { id: 'clusters', type: 'circle', source: 'p', filter: ['has', 'point_count'],
      paint: { 'circle-radius': 12, 'circle-color': '#8a3b12' } };
    const map = new Map({
      container: 'map', center: [120.15, 30.2], zoom: 8, attributionControl: false,
      style: { version: 8, sources: { p: source }, layers: [
        { id: 'bg', type: 'background', paint: { 'background-color': '#f3f0e9' } },
        ...(clustered ? [clusterLayer] : []),
        { id: 'pts', type: 'circle', source: 'p',
          ...(clustered ? { filter: ['!', ['has', 'point_count']] } : {}),
          paint: { 'circle-radius': 3, 'circle-color': colour } },
      ] },
    });
    window.__map = map;
    map.once('idle', () => resolve());
  });
  window.__timeFilter = (filter) => new Promise((resolve) => {
    const map = window.__map;
    const start = performance.now();
    map.setFilter('pts', filter);
    map.once('idle', () => resolve(performance.now() - start));
  });
  window.__timePan = (dx) => new Promise((resolve) => {
    const map = window.__map;
    const frames = [];
    let last = performance.now();
    let running = true;
    const tick = (now) => { frames.push(now - last); last = now; if (running) requestAnimationFrame(tick); };
    requestAnimationFrame(tick);
    map.panBy([dx, 0], { duration: 1000 });
    map.once('moveend', () => { running = false; resolve(frames.slice(1)); });
  });
</script></body></html>`;

async function timeInChromium(
  ctx: BenchContext,
): Promise<{ filter: number[]; pan: number[]; clusteredPan: number[] }> {
  const siteDir = await mkdtemp(join(tmpdir(), 'muatlas-places-bench-'));
  const maplibreDist = resolve(ctx.rootDir, 'node_modules/maplibre-gl/dist');
  for (const file of ['maplibre-gl.mjs', 'maplibre-gl-worker.mjs', 'maplibre-gl.css']) {
    await cp(join(maplibreDist, file), join(siteDir, file));
  }
  await writeFile(join(siteDir, 'index.html'), PAGE);
  const server = await startStaticServer({ root: siteDir });
  const context = await newIsolatedContext(await ctx.browser());
  try {
    const page = await context.newPage();
    await page.goto(`${server.url}index.html`);
    await page.waitForFunction(() => '__startMap' in window);
    const data = {
      type: 'FeatureCollection',
      features: placesFixture(FIXTURE_SIZE).map((p) => ({
        type: 'Feature',
        properties: {
          place_id: p.id,
          kind: p.kind,
          name_zh: p.nameZh,
          industry_id: p.industryId,
          district_codes: p.districtCodes.join(';'),
          ...(p.stage ? { stage: p.stage } : {}),
          ...(p.investmentYiYuan === undefined ? {} : { investment_yi_yuan: p.investmentYiYuan }),
          ...(p.startYear === undefined ? {} : { start_year: p.startYear, end_year: p.endYear }),
        },
        geometry: { type: 'Point', coordinates: [p.lon, p.lat] },
      })),
    };
    // Plain JSON for the page; the expression types are too deep for evaluate's inference.
    const startMap = (clustered: boolean) =>
      page.evaluate(
        (args) => {
          const [d, c, k] = args as [unknown, unknown, boolean];
          return (
            window as unknown as { __startMap(d: unknown, c: unknown, k: boolean): Promise<void> }
          ).__startMap(d, c, k);
        },
        [data, industryColourExpression(), clustered] as unknown,
      );
    const timePan = (dx: number) =>
      page.evaluate(
        (d) => (window as unknown as { __timePan(d: number): Promise<number[]> }).__timePan(d),
        dx,
      );
    await startMap(false);
    const filter: number[] = [];
    const pan: number[] = [];
    for (let r = 0; r < ctx.runs; r++) {
      for (const f of BENCH_FILTERS) {
        filter.push(
          await page.evaluate(
            (expr) =>
              (window as unknown as { __timeFilter(e: unknown): Promise<number> }).__timeFilter(
                expr,
              ),
            placeFilterExpression(f) as unknown,
          ),
        );
      }
      pan.push(...(await timePan(r % 2 === 0 ? 300 : -300)));
    }
    // Unfiltered, the app clusters enterprises and projects at city zooms; pan as it draws them.
    await startMap(true);
    const clusteredPan: number[] = [];
    for (let r = 0; r < ctx.runs; r++)
      clusteredPan.push(...(await timePan(r % 2 === 0 ? 300 : -300)));
    return { filter, pan, clusteredPan };
  } finally {
    await context.close();
    await server.close();
    await rm(siteDir, { recursive: true, force: true });
  }
}

export const placesFilterBenchmark: Benchmark = {
  name: 'places-filter',
  description: `filter ${FIXTURE_SIZE.toLocaleString('en')} generated places: pure filter, MapLibre setFilter → idle, pan frames`,
  async run(ctx: BenchContext): Promise<BenchResult> {
    ctx.progress('pure filter in Node');
    const pure = timePureFilter(ctx.runs);
    ctx.progress('setFilter and pan in Chromium');
    const chromium = await timeInChromium(ctx);
    return {
      name: this.name,
      rows: [
        {
          label: 'pure filter, median',
          value: median(pure),
          unit: 'ms',
          samples: pure,
          limit: FILTER_FRAME_BUDGET_MS,
        },
        { label: 'pure filter, max', value: Math.max(...pure), unit: 'ms' },
        {
          label: 'setFilter → idle, median',
          value: median(chromium.filter),
          unit: 'ms',
          samples: chromium.filter,
        },
        {
          label: 'pan frame time, all 100k drawn, median',
          value: median(chromium.pan),
          unit: 'ms',
          samples: chromium.pan,
        },
        {
          label: 'pan frame time, clustered as unfiltered, median',
          value: median(chromium.clusteredPan),
          unit: 'ms',
          samples: chromium.clusteredPan,
        },
      ],
    };
  },
};
