import { describe, expect, it } from 'vitest';
import type { Polygon } from 'geojson';
import { parsePlaceSource, formatPlaceSource } from './place.ts';
import { placeFromFeature, placesToGeojson } from './place-feature.format.ts';
import { readPlaceRecords } from './place-seeds.ts';
import { placeRecords, type DistrictOutline } from './placement.ts';
import { placeSeedTexts } from './seed-texts.fixture.ts';
import { DISTRICTS } from '../regions.ts';

/** Every official district as a 0.3° square on a grid: enough room for the real records. */
const districts: DistrictOutline[] = DISTRICTS.filter((d) => d.kind !== 'functional-zone').map(
  (d, i): DistrictOutline => {
    const lon = 118 + (i % 4) * 0.4;
    const lat = 29 + Math.floor(i / 4) * 0.4;
    const geometry: Polygon = {
      type: 'Polygon',
      coordinates: [
        [
          [lon, lat],
          [lon + 0.3, lat],
          [lon + 0.3, lat + 0.3],
          [lon, lat + 0.3],
          [lon, lat],
        ],
      ],
    };
    return { code: d.code, cityCode: d.cityCode, geometry };
  },
);
const places = placeRecords(readPlaceRecords(placeSeedTexts()).records, {
  districts,
  towns: [{ nameZh: '织里', lon: 118.1, lat: 29.1, districtCode: '330502', geonamesId: 1784513 }],
  seats: [
    { cityCode: '330500', lon: 118.2, lat: 29.2, geonamesId: 1 },
    { cityCode: '330600', lon: 118.6, lat: 29.6, geonamesId: 2 },
  ],
});
const collection = placesToGeojson(places);

describe('placesToGeojson', () => {
  it('writes one point per place, numbered, with the stable id beside it', () => {
    expect(collection.features).toHaveLength(places.length);
    collection.features.forEach((f, i) => {
      expect(f.id).toBe(i);
      expect(f.properties.place_id).toBe(places[i]?.id);
      expect(f.geometry.coordinates).toEqual([places[i]?.lon, places[i]?.lat]);
    });
  });

  it('flattens to strings and numbers only, leaving blanks out', () => {
    for (const f of collection.features) {
      for (const [key, value] of Object.entries(f.properties)) {
        expect(['string', 'number'], `${f.properties.place_id}.${key}`).toContain(typeof value);
        if (key !== 'district_codes' && key !== 'point_district') expect(value, key).not.toBe('');
      }
    }
    const enterprise = collection.features.find((f) => f.properties.place_id === 'hz-ent-01');
    expect(enterprise?.properties).not.toHaveProperty('investment_yi_yuan');
    expect(enterprise?.properties.sources).toBe('000_a41b79af9300f26d.txt:219-224');
  });
});

describe('placeFromFeature', () => {
  it('reads back every place as it was placed', () => {
    collection.features.forEach((feature, i) => {
      expect(placeFromFeature(feature)).toEqual({ ...places[i], townHints: [] });
    });
  });

  it('survives a feature with missing or wrong properties', () => {
    const place = placeFromFeature({
      type: 'Feature',
      properties: { place_id: 7, investment_yi_yuan: 'lots' },
      geometry: { type: 'Point', coordinates: [120, 30] },
    });
    expect(place.id).toBe('');
    expect(place.investmentYiYuan).toBeUndefined();
    expect(place.sources).toEqual([]);
    expect(place.locationBasisEn).toContain('not recorded');
  });
});

describe('place sources', () => {
  it('round-trips the compact citation', () => {
    const source = {
      file: '002_82f5de82100c7f04.txt',
      lines: [
        [245, 252],
        [323, 323],
      ] as Array<[number, number]>,
    };
    expect(formatPlaceSource(source)).toBe('002_82f5de82100c7f04.txt:245-252;323');
    expect(parsePlaceSource(formatPlaceSource(source))).toEqual(source);
    expect(parsePlaceSource('no lines')).toBeNull();
  });
});
