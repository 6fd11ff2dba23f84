/**
 * A synthetic enterprise table for trying the per-mu evaluation offline: about 300 invented
 * enterprises over two years, placed at random inside Huzhou's districts, in the fields the
 * importer stores. Generated from a fixed seed, so every browser makes the same records.
 *
 * Nothing here is a fact: names, credit codes and figures are made up, and the layer is named
 * and marked as 示例数据 (synthetic) wherever it is shown. Only two things come from the seeds,
 * as labels, not as figures: the district codes (regions.ts) and which industries each
 * district's plan names (seeds/industry-focus-areas.csv), so the demo looks like Huzhou.
 */

import { bbox, booleanPointInPolygon } from '@turf/turf';
import type { Point } from 'geojson';
import type { ImportedRecord } from '../imports/imported-layer.ts';
import type { DistrictOutline } from '../places/placement.ts';

/** The key in a layer's `importInfo` that marks it as the synthetic demo. */
export const DEMO_INFO_KEY = 'synthetic';
/** Its value; a file import never writes this key. */
export const DEMO_INFO_VALUE = 'muatlas-demo-v1';
/** The file name shown as the demo layer's source, so even that line says synthetic. */
export const DEMO_SOURCE_FILE_NAME = '示例数据 (synthetic)';
/** The years the demo covers; two, so the flag rules that look back a year can be decided. */
export const DEMO_YEARS = [2022, 2023] as const;
/** Enterprises generated (each has one record per year). */
export const DEMO_ENTERPRISE_COUNT = 300;
/** The seed of the generator; changing it changes every demo record. */
export const DEMO_SEED = 20230711;

const HUZHOU_CITY_CODE = '330500';

/**
 * Industries each Huzhou district's plan lists (seeds/industry-focus-areas.csv rows 2–47,
 * 湖州 rows of 000_a41b79af9300f26d.txt), used as the demo's industry labels.
 */
const INDUSTRIES_BY_DISTRICT: Readonly<Record<string, readonly string[]>> = {
  '330502': ['纺织产业', '金属加工产业'],
  '330503': ['纺织产业', '金属加工产业', '家具竹木产业', '建材产业', '电梯电机产业'],
  '330521': ['纺织产业', '金属加工产业', '家具竹木产业', '建材产业'],
  '330522': ['纺织产业', '建材产业', '蓄电池产业'],
  '330523': ['金属加工产业', '家具竹木产业', '建材产业'],
};

/** A record of the demo as the importer would have drafted it. */
export type DemoRecord = Pick<ImportedRecord, 'geometry' | 'fields'>;

/** True when a stored layer is the synthetic demo (by the mark the generator writes). */
export function isDemoLayer(layer: { importInfo: Readonly<Record<string, string>> }): boolean {
  return layer.importInfo[DEMO_INFO_KEY] === DEMO_INFO_VALUE;
}

/** The `importInfo` of the demo layer: the mark, and a plain statement for the layer card. */
export function demoImportInfo(): Record<string, string> {
  return { [DEMO_INFO_KEY]: DEMO_INFO_VALUE, generator: `seed ${DEMO_SEED}` };
}

/** Mulberry32: a small 32-bit PRNG, ample for made-up figures and the same on every engine. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Random {
  next: () => number;
  between: (min: number, max: number) => number;
  /** Log-normal around a median; `spread` is the σ of the logarithm. */
  around: (median: number, spread: number) => number;
  pick: <T>(items: readonly T[]) => T;
}

function randomOf(seed: number): Random {
  const next = mulberry32(seed);
  const normal = () => {
    // Box–Muller; 1 - u keeps the logarithm finite.
    const u = 1 - next();
    const v = next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  };
  return {
    next,
    between: (min, max) => min + (max - min) * next(),
    around: (median, spread) => median * Math.exp(spread * normal()),
    pick: (items) => items[Math.floor(next() * items.length)] as (typeof items)[number],
  };
}

const round = (value: number, digits: number) => {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
};

/** A point inside the outline, by rejection sampling in its bounding box. */
function pointInside(outline: DistrictOutline, random: Random): [number, number] {
  const [west = 0, south = 0, east = 0, north = 0] = bbox(outline.geometry);
  for (let tries = 0; tries < 10_000; tries += 1) {
    const lon = round(random.between(west, east), 5);
    const lat = round(random.between(south, north), 5);
    if (booleanPointInPolygon([lon, lat], outline.geometry)) return [lon, lat];
  }
  throw new Error(`no point found inside district ${outline.code}`);
}

/**
 * The demo's records: {@link DEMO_ENTERPRISE_COUNT} enterprises × {@link DEMO_YEARS}, each a
 * point inside one of Huzhou's district outlines (pass `readDistrictOutlines` of
 * public/data/districts.geojson). The same outlines give the same records.
 */
export function generateDemoRecords(outlines: readonly DistrictOutline[]): DemoRecord[] {
  const districts = outlines
    .filter((o) => o.cityCode === HUZHOU_CITY_CODE && INDUSTRIES_BY_DISTRICT[o.code])
    .sort((a, b) => a.code.localeCompare(b.code));
  if (districts.length === 0) throw new Error('no Huzhou district outline to place the demo in');
  const random = randomOf(DEMO_SEED);
  const records: DemoRecord[] = [];
  for (let n = 1; n <= DEMO_ENTERPRISE_COUNT; n += 1) {
    const district = random.pick(districts);
    const industry = random.pick(INDUSTRIES_BY_DISTRICT[district.code] ?? []);
    const [lon, lat] = pointInside(district, random);
    const geometry: Point = { type: 'Point', coordinates: [lon, lat] };
    const number = String(n).padStart(3, '0');
    const aboveSize = random.next() < 0.55;
    // An enterprise's own level, kept across years, so classes are stable but not fixed.
    const landMu = round(aboveSize ? random.around(60, 0.7) : random.around(12, 0.6), 1);
    const taxPerMu = aboveSize ? random.around(22, 0.8) : random.around(4, 1.1);
    const valueAddedPerMu = taxPerMu * random.between(3, 6);
    const energyPerValueAdded = random.around(0.35, 0.6);
    const emissionsPerEnergy = random.between(2.2, 2.8);
    const valueAddedPerEmployee = random.around(25, 0.4);
    const rdShare = aboveSize ? random.around(0.025, 0.6) : random.around(0.008, 0.8);
    const revenuePerValueAdded = random.between(3.5, 5);
    const breachesQuota = random.next() < 0.04;
    for (const year of DEMO_YEARS) {
      const drift = year === DEMO_YEARS[0] ? 1 : random.around(1.04, 0.12);
      const tax = landMu * taxPerMu * drift;
      const valueAdded = landMu * valueAddedPerMu * drift;
      const energy = valueAdded * energyPerValueAdded;
      // Electricity as if all the energy were power: 1 tce ≈ 8,130 kWh (0.123 kgce/kWh).
      records.push({
        geometry,
        fields: {
          name: `示例企业${number}（${industry.replace('产业', '')}）`,
          creditCode: `DEMO${number}`,
          districtCode: district.code,
          industry,
          sizeClass: aboveSize ? '规上' : '规下',
          year,
          landAreaMu: landMu,
          taxWanYuan: round(tax, 1),
          valueAddedWanYuan: round(valueAdded, 1),
          energyTce: round(energy, 1),
          electricityKwh: Math.round(energy * 8130),
          emissionsTonnes: round(energy * emissionsPerEnergy, 1),
          employees: Math.max(3, Math.round(valueAdded / valueAddedPerEmployee)),
          rdWanYuan: round(valueAdded * revenuePerValueAdded * rdShare, 1),
          revenueWanYuan: round(valueAdded * revenuePerValueAdded, 1),
          energyQuotaBreached: breachesQuota ? '是' : '否',
        },
      });
    }
  }
  return records;
}
