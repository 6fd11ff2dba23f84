import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { booleanPointInPolygon } from '@turf/turf';
import type { Feature, Point } from 'geojson';
import { describe, expect, it } from 'vitest';
import { placeFromFeature } from '../domain/places/place-feature.format.ts';
import { industryDistrictMatrix } from '../domain/places/places-join.ts';
import { CITIES } from '../domain/regions.ts';
import {
  filteredLayerId,
  highlightedPlaces,
  industryHulls,
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

describe('places highlight', () => {
  it('rings one place by its id', () => {
    const id = shipped.features[3]!.properties.place_id;
    expect(
      highlightedPlaces(shipped.features, { placeId: id }).map((f) => f.properties.place_id),
    ).toEqual([id]);
    expect(highlightedPlaces(shipped.features, null)).toEqual([]);
  });

  it('rings as many places as the industry × district matrix counts in the cell', () => {
    const huzhou = CITIES.find((c) => c.id === 'huzhou')!;
    const cells = industryDistrictMatrix(places, huzhou.code).filter(
      (c) => c.areaCode !== huzhou.code && c.enterprises + c.projects + c.namedPlaces > 0,
    );
    expect(cells.length).toBeGreaterThan(3);
    for (const cell of cells) {
      const ringed = highlightedPlaces(shipped.features, {
        industryId: cell.industryId,
        areaCode: cell.areaCode,
      });
      expect(ringed.length).toBe(cell.enterprises + cell.projects + cell.namedPlaces);
    }
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

  it('gives every drawn-place layer a twin on the filtered source, drawn right above it', () => {
    const specs = placesLayerSpecs('zh-CN');
    const ids = specs.map((l) => l.id);
    const twins = specs.filter((l) => l.id.endsWith('-filtered'));
    expect(twins.length).toBeGreaterThan(5);
    for (const twin of twins) {
      const base = specs[ids.indexOf(twin.id) - 1]!;
      expect(filteredLayerId(base.id)).toBe(twin.id);
      expect('source' in twin && twin.source).toBe('source' in base && `${base.source}-filtered`);
    }
  });

  it('puts every layer in exactly one panel group, except the highlight', () => {
    const grouped = Object.values(PLACE_LAYERS_OF_GROUP).flat();
    expect(new Set(grouped).size).toBe(grouped.length);
    const ids = placesLayerSpecs('zh-CN').map((l) => l.id);
    expect(ids.filter((id) => !grouped.includes(id))).toEqual([PLACE_LAYER_IDS.highlight]);
    expect(grouped.every((id) => ids.includes(id))).toBe(true);
  });
});
