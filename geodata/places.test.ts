/**
 * The committed public/data files as the app reads them. `npm run geodata:check` guarantees
 * they are what the seeds and packages build today; these tests check what they promise.
 */
import { booleanPointInPolygon } from '@turf/turf';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { placeFromFeature } from '../src/domain/places/place-feature.format.ts';
import { readPlaceRecords, readProjectSubtotals } from '../src/domain/places/place-seeds.ts';
import {
  DEFAULT_PLACEMENT,
  distanceKm,
  distanceToOutlineKm,
} from '../src/domain/places/placement.ts';
import { reconcileProjectInvestment } from '../src/domain/places/places-join.ts';
import { placeSeedTexts, seedText } from '../src/domain/places/seed-texts.fixture.ts';
import { areaSqKm } from './lib/geometry.ts';
import { loadDistricts } from './lib/sources/districts.source.ts';
import { CITY_SEAT_GEONAMES_IDS, DISTRICT_OUTLINES_PATH, PLACES_PATH } from './places.ts';
import { readCities500 } from './lib/sources/towns.source.ts';

const PUBLIC = fileURLToPath(new URL('../public/', import.meta.url));
const placesText = readFileSync(`${PUBLIC}${PLACES_PATH}`, 'utf8');
const outlinesText = readFileSync(`${PUBLIC}${DISTRICT_OUTLINES_PATH}`, 'utf8');
const collection = JSON.parse(placesText) as FeatureCollection<Point, Record<string, unknown>>;
const outlines = JSON.parse(outlinesText) as FeatureCollection<
  Polygon | MultiPolygon,
  { code: string; city_code: string; name_zh: string; name_en: string }
>;
const places = collection.features.map(placeFromFeature);
const outlineOf = (code: string) => outlines.features.find((f) => f.properties.code === code);

/** GeoNames positions of the given ids, read from the package the towns layer uses. */
function geonamesPositions(ids: readonly number[]): Map<number, [number, number]> {
  const found = new Map<number, [number, number]>();
  for (const record of readCities500()) {
    if (ids.includes(record.geonameId))
      found.set(record.geonameId, [record.longitude, record.latitude]);
  }
  return found;
}

describe('public/data/places.geojson', () => {
  it('holds every place the seeds name, each once', () => {
    const { records } = readPlaceRecords(placeSeedTexts());
    expect(places.map((p) => p.id).sort()).toEqual(records.map((r) => r.id).sort());
    expect(places.filter((p) => p.id.startsWith('hz-ent-'))).toHaveLength(52);
    expect(places.filter((p) => p.id.startsWith('hz-prj-'))).toHaveLength(48);
  });

  it('stays well under 100 KB', () => {
    expect(Buffer.byteLength(placesText)).toBeLessThan(95 * 1024);
  });

  it('puts every point inside the district it names, district points clear of the edge', () => {
    for (const p of places.filter((x) => x.precision !== 'city')) {
      const outline = outlineOf(p.pointDistrictCode);
      expect(outline, p.id).toBeDefined();
      expect(booleanPointInPolygon([p.lon, p.lat], outline!.geometry), p.id).toBe(true);
      if (p.precision === 'district') {
        expect(p.districtCodes.length, p.id).toBeGreaterThan(0);
        expect(distanceToOutlineKm([p.lon, p.lat], outline!.geometry), p.id).toBeGreaterThanOrEqual(
          DEFAULT_PLACEMENT.boundaryMarginKm,
        );
      }
    }
  });

  it('never stacks two points of one district', () => {
    let closest = Infinity;
    for (const a of places) {
      for (const b of places) {
        if (a.id >= b.id) continue;
        const d = distanceKm([a.lon, a.lat], [b.lon, b.lat]);
        closest = Math.min(closest, d);
        if (a.precision === 'district' || b.precision === 'district') {
          if (a.pointDistrictCode === b.pointDistrictCode) {
            expect(d, `${a.id}–${b.id}`).toBeGreaterThanOrEqual(
              DEFAULT_PLACEMENT.districtSpacingKm,
            );
          }
        }
      }
    }
    expect(closest).toBeGreaterThanOrEqual(DEFAULT_PLACEMENT.clusterSpacingKm - 0.01);
  });

  it('lands the 织里 records at 织里 and the 练市 park at 练市', () => {
    const towns = geonamesPositions([1784513, 1803879]);
    const zhili = places.filter((p) => p.townZh === '织里');
    expect(zhili.map((p) => p.nameZh)).toEqual(
      expect.arrayContaining([
        '湖州织里童装园区经营管理有限公司',
        '织里镇童装产业园',
        '湖州今童王制衣有限公司',
      ]),
    );
    for (const p of zhili) {
      expect(p.townGeonamesId).toBe(1784513);
      expect(distanceKm([p.lon, p.lat], towns.get(1784513)!), p.id).toBeLessThan(1.5);
    }
    const park = places.find((p) => p.nameZh === '南浔区特种电磁线产业园区')!;
    expect(park.precision).toBe('town');
    expect(distanceKm([park.lon, park.lat], towns.get(1803879)!)).toBeLessThan(1.5);
  });

  it('keeps city-level markers beside the seat and says they are not locations', () => {
    const seats = geonamesPositions(Object.values(CITY_SEAT_GEONAMES_IDS));
    const markers = places.filter((p) => p.precision === 'city');
    expect(markers.length).toBeGreaterThan(0);
    for (const p of markers) {
      const seat = seats.get(CITY_SEAT_GEONAMES_IDS[p.cityCode]!)!;
      expect(distanceKm([p.lon, p.lat], seat), p.id).toBeLessThan(3);
      expect(p.locationBasis).toBe('none');
      expect(p.locationBasisEn).toContain('not a location');
    }
  });

  it('joins to districts with the seed’s 282.1 亿元 and every industry subtotal', () => {
    const subtotals = readProjectSubtotals(seedText('huzhou-key-projects-subtotals.csv'));
    const findings = reconcileProjectInvestment(places, subtotals);
    expect(findings.every((f) => f.holds)).toBe(true);
    expect(findings.find((f) => f.industryId === 'all')?.joinedYiYuan).toBe(282.1);
  });
});

describe('public/data/districts.geojson', () => {
  it('has the eleven districts with their codes and names', () => {
    expect(outlines.features.map((f) => f.properties.code).sort()).toEqual(
      loadDistricts()
        .features.map((f) => f.properties.code)
        .sort(),
    );
    for (const f of outlines.features) {
      expect(f.properties.name_zh).not.toBe('');
      expect(f.properties.name_en).not.toBe('');
      expect(['330500', '330600']).toContain(f.properties.city_code);
    }
  });

  it('keeps each district’s area within 1% of the unsimplified outline', () => {
    for (const source of loadDistricts().features) {
      const simplified = outlineOf(source.properties.code)!;
      const ratio = areaSqKm(simplified.geometry) / areaSqKm(source.geometry);
      expect(Math.abs(ratio - 1), source.properties.code).toBeLessThan(0.01);
    }
  });

  it('stays a few hundred KB', () => {
    expect(Buffer.byteLength(outlinesText)).toBeLessThan(400 * 1024);
  });
});

describe('manifest entries', () => {
  it('list both files with their true size and hash, source and licence', () => {
    const manifest = JSON.parse(readFileSync(`${PUBLIC}tiles/manifest.json`, 'utf8')) as {
      layers: Array<{
        id: string;
        file?: string;
        bytes?: number;
        sha256?: string;
        licence: string;
        source: string;
        features?: number;
      }>;
    };
    const texts: Record<string, string> = {
      [PLACES_PATH]: placesText,
      [DISTRICT_OUTLINES_PATH]: outlinesText,
    };
    for (const [path, text] of Object.entries(texts)) {
      const layer = manifest.layers.find((l) => l.file === path);
      expect(layer, path).toBeDefined();
      expect(layer?.bytes).toBe(Buffer.byteLength(text));
      expect(layer?.sha256).toBe(createHash('sha256').update(text).digest('hex'));
      expect(layer?.source).not.toBe('');
      expect(layer?.licence).not.toBe('');
    }
    expect(manifest.layers.find((l) => l.id === 'places')?.features).toBe(places.length);
  });
});
