/**
 * The places layer of `npm run geodata`: reads the seed CSVs, places every enterprise,
 * project and named place (src/domain/places/placement.ts) on the district outlines and
 * GeoNames towns, and writes public/data/places.geojson and public/data/districts.geojson,
 * listing both in public/tiles/manifest.json.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Place } from '../src/domain/places/place.ts';
import { placesToGeojson } from '../src/domain/places/place-feature.format.ts';
import {
  readPlaceRecords,
  type ExcludedPlace,
  type PlaceSeedTexts,
} from '../src/domain/places/place-seeds.ts';
import {
  placeRecords,
  type CitySeat,
  type DistrictOutline,
  type TownPoint,
} from '../src/domain/places/placement.ts';
import { districtOutlines, OUTLINE_TOLERANCE_DEG } from './lib/district-outlines.ts';
import { TILE_BOUNDS_LON_LAT } from './lib/extent.ts';
import { packageVersion } from './lib/packages.ts';
import { MANIFEST_PATH } from './lib/pipeline.ts';
import { loadDistricts } from './lib/sources/districts.source.ts';
import { loadTowns, TOWNS_PACKAGE } from './lib/sources/towns.source.ts';

export const PLACES_PATH = 'data/places.geojson';
export const DISTRICT_OUTLINES_PATH = 'data/districts.geojson';

/** GeoNames places the `city`-precision markers gather around: the two prefecture seats. */
export const CITY_SEAT_GEONAMES_IDS: Readonly<Record<string, number>> = {
  '330500': 1806535, // 湖州 (Huzhou), in 吴兴区
  '330600': 1795855, // 绍兴 (Shaoxing), in 越城区
};

const SEEDS_DIR = fileURLToPath(new URL('../seeds/', import.meta.url));
const SEED_FILES: ReadonlyArray<keyof PlaceSeedTexts> = [
  'huzhou-key-enterprises.csv',
  'huzhou-key-projects.csv',
  'named-places.csv',
  'industry-focus-areas.csv',
  'shaoxing-leading-enterprises.csv',
];

export interface PlacesBuild {
  files: string[];
  places: Place[];
  excluded: ExcludedPlace[];
  bytes: Record<string, number>;
}

function readSeedTexts(): PlaceSeedTexts {
  const entries = SEED_FILES.map((file) => [file, readFileSync(join(SEEDS_DIR, file), 'utf8')]);
  return Object.fromEntries(entries) as PlaceSeedTexts;
}

function write(outDir: string, path: string, text: string): number {
  const target = join(outDir, path);
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, text);
  return Buffer.byteLength(text);
}

/** Counts `key` values, keys sorted, for the manifest's notes. */
function tally(places: readonly Place[], key: (p: Place) => string): string {
  const counts = new Map<string, number>();
  for (const p of places) counts.set(key(p), (counts.get(key(p)) ?? 0) + 1);
  return [...counts]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, n]) => `${k} ${n}`)
    .join(', ');
}

/**
 * Builds the two data files into `outDir` and adds their entries to the manifest the tile
 * build wrote there. Deterministic, like the rest of `npm run geodata`.
 */
export function buildPlaces(outDir: string): PlacesBuild {
  const loaded = loadDistricts();
  const outlines = districtOutlines(loaded.features);
  const towns = loadTowns(TILE_BOUNDS_LON_LAT, loaded.features).features;
  const townPoints: TownPoint[] = towns
    .filter((t) => t.properties.district_code !== '')
    .map((t) => ({
      nameZh: t.properties.name_zh,
      lon: t.geometry.coordinates[0]!,
      lat: t.geometry.coordinates[1]!,
      districtCode: t.properties.district_code,
      geonamesId: t.properties.geonames_id,
    }));
  const seats: CitySeat[] = Object.entries(CITY_SEAT_GEONAMES_IDS).map(([cityCode, id]) => {
    const town = townPoints.find((t) => t.geonamesId === id);
    if (!town) throw new Error(`GeoNames ${id} is not among the towns`);
    return { cityCode, lon: town.lon, lat: town.lat, geonamesId: id };
  });
  const districts: DistrictOutline[] = outlines.features.map((f) => ({
    code: f.properties.code,
    cityCode: f.properties.city_code,
    geometry: f.geometry,
  }));

  const { records, excluded } = readPlaceRecords(readSeedTexts());
  const places = placeRecords(records, { towns: townPoints, districts, seats });

  const placesText = `${JSON.stringify(placesToGeojson(places))}\n`;
  const outlinesText = `${JSON.stringify(outlines)}\n`;
  const bytes = {
    [PLACES_PATH]: write(outDir, PLACES_PATH, placesText),
    [DISTRICT_OUTLINES_PATH]: write(outDir, DISTRICT_OUTLINES_PATH, outlinesText),
  };

  const manifestPath = join(outDir, MANIFEST_PATH);
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as {
    layers: Array<Record<string, unknown>>;
  };
  const districtsLayer = manifest.layers.find((l) => l.id === 'districts') ?? {};
  const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
  manifest.layers.push(
    {
      id: 'places',
      file: PLACES_PATH,
      source: `seeds/*.csv (seed documents 000, 002, 003); towns: GeoNames cities500 via npm ${TOWNS_PACKAGE}@${packageVersion(TOWNS_PACKAGE)}; outlines as districts`,
      licence:
        'Names and figures from government plans (facts); GeoNames CC BY 4.0 for town positions',
      vintage: 'plans of 2017 (000, 002) and 2023 (003)',
      notes: `${places.length} points (${tally(places, (p) => p.kind)}). Precision: ${tally(places, (p) => p.precision)}. town = at or beside a GeoNames town the seed names or implies; district = schematic point inside the outline (the seeds give only the district); city = marker beside the city seat (no district, or 湖州开发区, which has no outline). ${excluded.length} named places are not points (programmes, belts, areas of regions.ts). See geodata/README.md.`,
      features: places.length,
      bytes: bytes[PLACES_PATH],
      sha256: sha256(placesText),
    },
    {
      id: 'district_outlines',
      file: DISTRICT_OUTLINES_PATH,
      source: districtsLayer.source ?? '',
      licence: districtsLayer.licence ?? '',
      vintage: districtsLayer.vintage ?? '',
      notes: `The districts layer's outlines for run-time spatial joins: Douglas–Peucker ${OUTLINE_TOLERANCE_DEG}° (~50 m), 5 decimals. Not an official boundary.`,
      features: outlines.features.length,
      bytes: bytes[DISTRICT_OUTLINES_PATH],
      sha256: sha256(outlinesText),
    },
  );
  write(outDir, MANIFEST_PATH, `${JSON.stringify(manifest, null, 2)}\n`);

  return { files: [PLACES_PATH, DISTRICT_OUTLINES_PATH], places, excluded, bytes };
}
