/**
 * Filtering places must keep up with typing at 100,000 places: the pure filter
 * (src/domain/places/place-filter.ts) within one frame, and, in Chromium, what a planner feels
 * when the app's own places layer (src/map/places.layer.ts, mounted by bench/places-map) holds
 * them: how long a filter change holds the main thread, how long until the filtered picture is
 * drawn, and the frame times of a pan at a low and a mid zoom. The fixture is generated here,
 * deterministically, and never committed.
 *
 * The page draws the places on a plain background (no basemap), so its figures are the places
 * layers' own cost. Chromium here renders WebGL on the CPU (SwiftShader), so drawing counts too.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { INDUSTRIES } from '../src/domain/places/industry.ts';
import type { PlaceKind, ProjectStage } from '../src/domain/places/place.ts';
import {
  buildPlaceIndex,
  EMPTY_PLACE_FILTER,
  filterPlaceIndex,
  isEmptyFilter,
  type FilterablePlace,
  type PlaceFilter,
} from '../src/domain/places/place-filter.ts';
import { DISTRICTS } from '../src/domain/regions.ts';
import type { LayerGroup } from '../src/domain/view-state.ts';
import type { PlacesCollection } from '../src/map/places.layer.ts';
import { newIsolatedContext } from '../tests/support/browser.ts';
import { startStaticServer } from '../tests/support/static-server.ts';
import { build } from 'vite';
import type { FilterTiming, PlacesBenchPage } from './places-map/places-map.page.ts';
import {
  median,
  type Benchmark,
  type BenchContext,
  type BenchResult,
  type BenchRow,
} from './types.ts';

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

/** The groups a planner switches on to see places; density and hulls stay off until asked for. */
const PLACE_GROUPS: readonly LayerGroup[] = ['parks', 'specialtyTowns', 'enterprises', 'projects'];
/** Over Huzhou and Shaoxing: low zoom shows both cities, mid zoom a few districts. */
const CAMERA = { lon: 120.15, lat: 30.2 } as const;
export const LOW_ZOOM = 8;
export const MID_ZOOM = 11;

/** The fixture as the app's places.geojson would carry it. */
export function fixtureCollection(places: readonly FixturePlace[]): PlacesCollection {
  return {
    type: 'FeatureCollection',
    features: places.map((p) => ({
      type: 'Feature',
      properties: {
        place_id: p.id,
        kind: p.kind,
        name_zh: p.nameZh,
        industry_id: p.industryId,
        district_codes: p.districtCodes.join(';'),
        district_basis: 'named',
        point_district: p.districtCodes[0] ?? '',
        precision: 'exact',
        location_basis: 'named',
        sources: '',
        ...(p.stage ? { stage: p.stage } : {}),
        ...(p.investmentYiYuan === undefined ? {} : { investment_yi_yuan: p.investmentYiYuan }),
        ...(p.startYear === undefined ? {} : { start_year: p.startYear, end_year: p.endYear }),
      },
      geometry: { type: 'Point', coordinates: [p.lon, p.lat] },
    })),
  };
}

/** A filter change as the page timed it, with the main thread's CPU time it took. */
interface FilterFigures extends FilterTiming {
  /** Main-thread CPU time from the change to idle: what the machine's other load cannot inflate. */
  mainThreadCpuMs: number;
  /**
   * Main-thread CPU time from the change to the next animation frame: the click's own work and
   * whatever else ran before the page could draw (the target: one frame).
   */
  frameCpuMs: number;
  /** The same measurement around a round trip that changes nothing: the harness's own cost. */
  harnessCpuMs: number;
  /**
   * Main-thread CPU time per animation frame from the change to idle: the re-rendering of the
   * filtered picture, spread over the frames it took (the target: one frame each).
   */
  cpuPerFrameMs: number;
  /** True for the change back to no filter. */
  clears: boolean;
}

type PanCase = 'low' | 'mid' | 'lowFiltered' | 'midFiltered';

interface ChromiumFigures {
  mountMs: number;
  filters: FilterFigures[];
  /** Frame times during pans. */
  pan: Record<PanCase, number[]>;
  /** Main-thread CPU time per frame, one sample per pan. */
  panCpu: Record<PanCase, number[]>;
}

/** Builds bench/places-map (the app's places layer on a bare map) into a folder of its own. */
async function buildPage(rootDir: string, outDir: string): Promise<void> {
  await build({
    configFile: false,
    root: resolve(rootDir, 'bench/places-map'),
    base: './',
    publicDir: resolve(rootDir, 'public'),
    logLevel: 'warn',
    worker: { format: 'es' },
    build: { outDir, emptyOutDir: true, target: 'es2022' },
  });
}

async function timeInChromium(ctx: BenchContext): Promise<ChromiumFigures> {
  const siteDir = await mkdtemp(join(tmpdir(), 'muatlas-places-bench-'));
  await buildPage(ctx.rootDir, siteDir);
  const server = await startStaticServer({ root: siteDir });
  const context = await newIsolatedContext(await ctx.browser());
  try {
    const page = await context.newPage();
    await page.goto(`${server.url}index.html`);
    await page.waitForFunction(() => '__placesBench' in window);
    // Plain JSON crosses into the page; the page's API is typed on its side.
    const call = <T>(name: keyof PlacesBenchPage, ...args: unknown[]): Promise<T> =>
      page.evaluate(
        ([n, a]) => {
          const api = (
            window as unknown as {
              __placesBench: Record<string, (...a: unknown[]) => Promise<unknown>>;
            }
          ).__placesBench;
          return api[n as string]!(...(a as unknown[])) as Promise<T>;
        },
        [name, args] as const,
      ) as Promise<T>;
    // Thread time, not wall time: other processes on the machine do not count against the app.
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
    const mainThreadMs = async () => {
      const { metrics } = await cdp.send('Performance.getMetrics');
      return (metrics.find((m) => m.name === 'TaskDuration')?.value ?? Number.NaN) * 1000;
    };
    const mountMs = await call<number>(
      'mount',
      fixtureCollection(placesFixture(FIXTURE_SIZE)),
      PLACE_GROUPS,
      { ...CAMERA, zoom: LOW_ZOOM },
    );
    const filters: FilterFigures[] = [];
    for (let r = 0; r < ctx.runs; r++) {
      for (const f of BENCH_FILTERS) {
        const idleBefore = await mainThreadMs();
        await call('nextFrame');
        const before = await mainThreadMs();
        await call('changeFilter', f);
        const atFrame = await mainThreadMs();
        const timing = await call<FilterTiming>('awaitFilter');
        const mainThreadCpuMs = (await mainThreadMs()) - before;
        filters.push({
          ...timing,
          harnessCpuMs: before - idleBefore,
          frameCpuMs: atFrame - before,
          mainThreadCpuMs,
          cpuPerFrameMs: mainThreadCpuMs / Math.max(1, timing.frames),
          clears: isEmptyFilter(f),
        });
      }
    }
    const pan: ChromiumFigures['pan'] = { low: [], mid: [], lowFiltered: [], midFiltered: [] };
    const panCpu: ChromiumFigures['panCpu'] = {
      low: [],
      mid: [],
      lowFiltered: [],
      midFiltered: [],
    };
    const panRuns = async (panCase: PanCase, zoom: number) => {
      await call('zoomTo', zoom);
      for (let r = 0; r < ctx.runs; r++) {
        const before = await mainThreadMs();
        const frames = await call<number[]>('timePan', r % 2 === 0 ? 300 : -300);
        panCpu[panCase].push(((await mainThreadMs()) - before) / Math.max(1, frames.length));
        pan[panCase].push(...frames);
      }
    };
    await panRuns('low', LOW_ZOOM);
    await panRuns('mid', MID_ZOOM);
    await call('changeFilter', BENCH_FILTERS[0]);
    await call('awaitFilter');
    await panRuns('lowFiltered', LOW_ZOOM);
    await panRuns('midFiltered', MID_ZOOM);
    return { mountMs, filters, pan, panCpu };
  } finally {
    await context.close();
    await server.close();
    await rm(siteDir, { recursive: true, force: true });
  }
}

function filterRows(timings: readonly FilterFigures[], label: string): BenchRow[] {
  type Figure = Exclude<keyof FilterFigures, 'clears'>;
  const pick = (key: Figure) => timings.map((t) => t[key]);
  const row = (key: Figure, what: string, limit?: number): BenchRow => ({
    label: `${label}: ${what}, median`,
    value: median(pick(key)),
    unit: 'ms',
    samples: pick(key),
    ...(limit === undefined ? {} : { limit }),
  });
  return [
    row('frameCpuMs', 'main-thread CPU, change → next frame', FILTER_FRAME_BUDGET_MS),
    row('harnessCpuMs', 'main-thread CPU, same round trip changing nothing'),
    row('callMs', 'the changing task, wall'),
    row('nextFrameMs', 'change → next animation frame, wall'),
    row('mainThreadCpuMs', 'main-thread CPU until idle'),
    row('cpuPerFrameMs', 'main-thread CPU per frame until idle', FILTER_FRAME_BUDGET_MS),
    row('longestTaskMs', 'longest long task, wall'),
    {
      label: `${label}: longest long task, wall, max`,
      value: Math.max(...pick('longestTaskMs')),
      unit: 'ms',
    },
    row('longTasksMs', 'long tasks (≥ 50 ms) until idle, summed'),
    row('sentMs', 'change → filtered sources filled'),
    row('idleMs', 'change → idle (picture drawn)'),
  ];
}

function panRows({ pan, panCpu }: ChromiumFigures): BenchRow[] {
  const cases: [PanCase, string][] = [
    ['low', `zoom ${LOW_ZOOM}, unfiltered`],
    ['mid', `zoom ${MID_ZOOM}, unfiltered`],
    ['lowFiltered', `zoom ${LOW_ZOOM}, one industry`],
    ['midFiltered', `zoom ${MID_ZOOM}, one industry`],
  ];
  return cases.flatMap(([key, label]) => [
    {
      label: `pan frame time, ${label}, median`,
      value: median(pan[key]),
      unit: 'ms',
      samples: pan[key],
    },
    {
      label: `pan main-thread CPU per frame, ${label}, median`,
      value: median(panCpu[key]),
      unit: 'ms',
      samples: panCpu[key],
    },
  ]);
}

export const placesFilterBenchmark: Benchmark = {
  name: 'places-filter',
  description: `filter ${FIXTURE_SIZE.toLocaleString('en')} generated places: pure filter; the app's places layer: filter change (main thread, idle), pan frames`,
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
          label: 'mount 100k places → idle',
          value: chromium.mountMs,
          unit: 'ms',
        },
        ...filterRows(
          chromium.filters.filter((f) => !f.clears),
          'filter change',
        ),
        ...filterRows(
          chromium.filters.filter((f) => f.clears),
          'filter cleared',
        ),
        ...panRows(chromium),
      ],
    };
  },
};
