import type { Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { zonesZhCN } from '../../i18n/zones.zh-CN.ts';
import { measureZone } from './zone-measure.ts';
import type { Zone } from './zone.ts';
import {
  serializeZonesGeoJson,
  zonesGeoJsonFileName,
  zonesToGeoJson,
  type ZoneForExport,
} from './zones-geojson.format.ts';

/** A square of `size` degrees, counter-clockwise as stored. */
function square(west: number, south: number, size: number): Polygon {
  return {
    type: 'Polygon',
    coordinates: [
      [
        [west, south],
        [west + size, south],
        [west + size, south + size],
        [west, south + size],
        [west, south],
      ],
    ],
  };
}

const ZONE: Zone = {
  id: 'zone-1',
  name: '织里镇连片整治',
  kind: 'contiguousRenewal',
  phase: 'preparation',
  geometry: square(120.2512345678, 30.8412345678, 0.01),
  plannedLandMu: null,
  energySpaceTce: 1200,
  enterprisesToRectify: 8,
  responsibleUnit: '吴兴区经信局',
  targetYear: 2026,
  note: '含两处闲置厂房',
  enteredBy: '李工',
  createdAt: '2024-03-01T08:00:00.000Z',
  updatedAt: '2024-03-02T09:30:00.000Z',
};

function item(zone: Zone, districts: ZoneForExport['districts'] = null): ZoneForExport {
  return { zone, measure: measureZone(zone.geometry), districts };
}

/** Twice the signed planar area; positive for a counter-clockwise ring. */
function signedArea2(ring: readonly number[][]): number {
  let sum = 0;
  for (let i = 0; i + 1 < ring.length; i++) {
    sum += ring[i]![0]! * ring[i + 1]![1]! - ring[i + 1]![0]! * ring[i]![1]!;
  }
  return sum;
}

describe('zonesToGeoJson', () => {
  it('writes each zone as a polygon feature with every form field and its area in 亩, 公顷 and m²', () => {
    const measure = measureZone(ZONE.geometry);
    const [feature] = zonesToGeoJson([item(ZONE)]).features;
    expect(feature?.type).toBe('Feature');
    expect(feature?.id).toBe('zone-1');
    expect(feature?.properties).toMatchObject({
      id: 'zone-1',
      name: '织里镇连片整治',
      kind: 'contiguousRenewal',
      phase: 'preparation',
      plannedLandMu: null,
      energySpaceTce: 1200,
      enterprisesToRectify: 8,
      responsibleUnit: '吴兴区经信局',
      targetYear: 2026,
      note: '含两处闲置厂房',
      enteredBy: '李工',
      createdAt: '2024-03-01T08:00:00.000Z',
      updatedAt: '2024-03-02T09:30:00.000Z',
    });
    const p = feature!.properties;
    // 1 公顷 = 15 亩 = 10,000 m², within the rounding of each figure.
    expect(p.areaMu).toBeCloseTo(measure.areaMu, 2);
    expect(p.areaHa * 15).toBeCloseTo(p.areaMu, 1);
    expect(p.areaM2 / 10_000).toBeCloseTo(p.areaHa, 3);
    expect(p.perimeterM).toBeGreaterThan(3000);
    // An empty planned figure counts as the zone's own area, as the progress sums count it.
    expect(p.plannedLandMuCounted).toBe(p.areaMu);
    expect(
      zonesToGeoJson([item({ ...ZONE, plannedLandMu: 650 })]).features[0]?.properties
        .plannedLandMuCounted,
    ).toBe(650);
  });

  it('keeps coordinates exactly as stored: WGS-84 lon/lat, outer ring counter-clockwise, no crs', () => {
    const collection = zonesToGeoJson([item(ZONE)]);
    const parsed = JSON.parse(serializeZonesGeoJson(collection)) as typeof collection;
    const ring = parsed.features[0]!.geometry.coordinates[0]!;
    expect(ring).toEqual(ZONE.geometry.coordinates[0]);
    expect(signedArea2(ring)).toBeGreaterThan(0);
    expect(parsed).not.toHaveProperty('crs');
    expect(parsed).toEqual(collection);
  });

  it('lists the districts a zone lies in by code and name, largest first as given', () => {
    const districts = {
      districts: [
        { districtCode: '330502', cityCode: '330500', areaMu: 150.123, share: 0.75 },
        { districtCode: '330503', cityCode: '330500', areaMu: 50.04, share: 0.25 },
      ],
      outsideMu: 0,
    };
    const p = zonesToGeoJson([item(ZONE, districts)]).features[0]!.properties;
    expect(p.districts).toEqual([
      { code: '330502', nameZh: '吴兴区', nameEn: expect.any(String), areaMu: 150.12, share: 0.75 },
      { code: '330503', nameZh: '南浔区', nameEn: expect.any(String), areaMu: 50.04, share: 0.25 },
    ]);
    expect(p.outsideDistrictsMu).toBe(0);
  });

  it('says districts are unknown (null) when the outlines were not available, rather than none', () => {
    const p = zonesToGeoJson([item(ZONE)]).features[0]!.properties;
    expect(p.districts).toBeNull();
    expect(p.outsideDistrictsMu).toBeNull();
  });

  it('words kind and phase in the language given, beside the ids', () => {
    const labels = { kind: zonesZhCN.kind, phase: zonesZhCN.phase };
    const p = zonesToGeoJson([item(ZONE)], labels).features[0]!.properties;
    expect(p).toMatchObject({ kindLabel: '连片整治区块', phaseLabel: '前期' });
  });
});

describe('serializeZonesGeoJson', () => {
  it('writes a valid empty collection when there are no zones', () => {
    expect(JSON.parse(serializeZonesGeoJson(zonesToGeoJson([])))).toEqual({
      type: 'FeatureCollection',
      features: [],
    });
  });

  it('round-trips several zones in order', () => {
    const second = { ...ZONE, id: 'zone-2', name: '第二块', geometry: square(120.3, 30.8, 0.005) };
    const collection = zonesToGeoJson([item(ZONE), item(second)]);
    const parsed = JSON.parse(serializeZonesGeoJson(collection)) as typeof collection;
    expect(parsed.features.map((f) => f.properties.name)).toEqual(['织里镇连片整治', '第二块']);
    expect(parsed).toEqual(collection);
  });
});

describe('zonesGeoJsonFileName', () => {
  it('names the file by the local date and time, zero-padded', () => {
    expect(zonesGeoJsonFileName(new Date(2024, 0, 5, 9, 7, 59))).toBe(
      'muatlas-zones-20240105-0907.geojson',
    );
    expect(zonesGeoJsonFileName(new Date(2025, 11, 31, 23, 59))).toBe(
      'muatlas-zones-20251231-2359.geojson',
    );
  });
});
