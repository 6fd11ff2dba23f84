import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { featureFilter } from '@maplibre/maplibre-gl-style-spec';
import { booleanPointInPolygon } from '@turf/turf';
import type { Feature, Point } from 'geojson';
import { describe, expect, it } from 'vitest';
import { placeFromFeature } from '../domain/places/place-feature.format.ts';
import {
  EMPTY_PLACE_FILTER,
  filterPlaces,
  type PlaceFilter,
} from '../domain/places/place-filter.ts';
import {
  industryHulls,
  placeFilterExpression,
  placesLayerSpecs,
  PLACE_LAYER_IDS,
  PLACE_LAYERS_OF_GROUP,
  projectRadiusPx,
  type PlacesCollection,
} from './places.layer.ts';

const shipped = JSON.parse(
  readFileSync(resolve(import.meta.dirname, '../../public/data/places.geojson'), 'utf8'),
) as PlacesCollection;
const places = shipped.features.map((f) =>
  placeFromFeature(f as Feature<Point, Record<string, unknown>>),
);

/** The place ids MapLibre's own filter evaluator keeps for an expression. */
function keptByMap(filter: PlaceFilter): string[] {
  const evaluate = featureFilter(placeFilterExpression(filter), 'filter');
  return shipped.features
    .filter((f) =>
      evaluate.filter({ zoom: 10 }, {
        type: 1,
        properties: f.properties,
        geometry: [],
      } as never),
    )
    .map((f) => f.properties.place_id);
}

const FILTERS: Array<Partial<PlaceFilter>> = [
  {},
  { industryIds: ['textiles'] },
  { industryIds: ['textiles', 'chemicals'], kinds: ['enterprise', 'market'] },
  { districtCode: '330503' },
  { districtCode: '330500-NTH' },
  { stages: ['construction', 'trial'] },
  { investmentYiYuan: [10, null] },
  { investmentYiYuan: [null, 3] },
  { years: [2019, 2019] },
  { years: [null, 2017] },
  { query: '童装' },
  { query: ' Lei ' },
  { query: '丝绸', industryIds: ['textiles'], districtCode: '330502' },
];

describe('places map filter', () => {
  it.each(FILTERS)('keeps on the map exactly what the list keeps: %o', (patch) => {
    const filter = { ...EMPTY_PLACE_FILTER, ...patch };
    expect(keptByMap(filter)).toEqual(filterPlaces(places, filter).map((p) => p.id));
  });
});

describe('industry hulls', () => {
  it('encloses every member of its industry and city, and skips the catch-all', () => {
    const hulls = industryHulls(shipped);
    expect(hulls.features.length).toBeGreaterThan(0);
    for (const hull of hulls.features) {
      const { industry_id: industryId, city } = hull.properties;
      expect(industryId).not.toBe('general');
      const members = shipped.features.filter(
        (f) => f.properties.industry_id === industryId && f.properties.place_id.startsWith(city),
      );
      expect(hull.properties.count).toBe(members.length);
      for (const m of members) {
        expect(booleanPointInPolygon(m, hull, { ignoreBoundary: false })).toBe(true);
      }
    }
  });

  it('draws no hull for fewer than three points', () => {
    const two: PlacesCollection = {
      type: 'FeatureCollection',
      features: shipped.features.slice(0, 2),
    };
    expect(industryHulls(two).features).toEqual([]);
  });
});

describe('places layers', () => {
  it('sizes projects so marker area grows with investment', () => {
    const area = (yi: number) => Math.PI * (projectRadiusPx(yi) - projectRadiusPx(0)) ** 2;
    expect(projectRadiusPx(0)).toBeLessThan(projectRadiusPx(1));
    expect(area(40) / area(10)).toBeCloseTo(4, 5);
  });

  it('puts every layer in exactly one panel group, except the highlight', () => {
    const grouped = Object.values(PLACE_LAYERS_OF_GROUP).flat();
    expect(new Set(grouped).size).toBe(grouped.length);
    const ids = placesLayerSpecs('zh-CN').map((l) => l.id);
    expect(ids.filter((id) => !grouped.includes(id))).toEqual([PLACE_LAYER_IDS.highlight]);
    expect(grouped.every((id) => ids.includes(id))).toBe(true);
  });
});
