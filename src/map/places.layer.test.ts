import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { booleanPointInPolygon } from '@turf/turf';
import type { Feature, Point } from 'geojson';
import { describe, expect, it } from 'vitest';
import { placeFromFeature } from '../domain/places/place-feature.format.ts';
import {
  EMPTY_PLACE_FILTER,
  filterPlaceIndex,
  filterPlaces,
  type PlaceFilter,
} from '../domain/places/place-filter.ts';
import { industryDistrictMatrix } from '../domain/places/places-join.ts';
import { CITIES } from '../domain/regions.ts';
import {
  drawnFeature,
  highlightedPlaces,
  industryHulls,
  placeIndexOfFeatures,
  placesBySource,
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

const drawn = shipped.features.map(drawnFeature);
const index = placeIndexOfFeatures(shipped.features);

/** The place ids the layer hands its sources for a filter, source by source. */
function keptByMap(filter: PlaceFilter) {
  const bySource = placesBySource(drawn, filterPlaceIndex(index, filter));
  const ids = (key: keyof typeof bySource) =>
    bySource[key].features.map((f) => f.properties.place_id);
  return { enterprises: ids('enterprises'), projects: ids('projects'), named: ids('named') };
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
    const listed = filterPlaces(places, filter);
    const ofKinds = (test: (kind: string) => boolean) =>
      listed.filter((p) => test(p.kind)).map((p) => p.id);
    expect(keptByMap(filter)).toEqual({
      enterprises: ofKinds((k) => k === 'enterprise'),
      projects: ofKinds((k) => k === 'project'),
      named: ofKinds((k) => k !== 'enterprise' && k !== 'project'),
    });
  });

  it('hands the sources every place when nothing is filtered', () => {
    const all = placesBySource(drawn, null);
    const total = Object.values(all).reduce((n, c) => n + c.features.length, 0);
    expect(total).toBe(shipped.features.length);
  });

  it('gives the sources what the layers read, and names only to named places', () => {
    const project = shipped.features.find((f) => f.properties.kind === 'project')!;
    const drawnProject = drawnFeature(project).properties;
    expect(drawnProject.investment_yi_yuan).toBe(project.properties.investment_yi_yuan);
    expect(drawnProject.stage).toBe(project.properties.stage);
    expect(drawnProject.name_zh).toBeUndefined();
    const park = shipped.features.find((f) => f.properties.kind === 'park')!;
    expect(drawnFeature(park).properties.name_zh).toBe(park.properties.name_zh);
    expect(drawnFeature(park).geometry).toEqual(park.geometry);
  });
});

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

  it('puts every layer in exactly one panel group, except the highlight', () => {
    const grouped = Object.values(PLACE_LAYERS_OF_GROUP).flat();
    expect(new Set(grouped).size).toBe(grouped.length);
    const ids = placesLayerSpecs('zh-CN').map((l) => l.id);
    expect(ids.filter((id) => !grouped.includes(id))).toEqual([PLACE_LAYER_IDS.highlight]);
    expect(grouped.every((id) => ids.includes(id))).toBe(true);
  });
});
