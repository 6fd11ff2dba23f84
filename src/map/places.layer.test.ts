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
  applyFilteredRound,
  drawnFeatures,
  filteredLayerId,
  highlightedPlaces,
  industryHulls,
  placeIndexOfFeatures,
  placesLayerSpecs,
  planFilteredRounds,
  PLACE_LAYER_IDS,
  PLACE_LAYERS_OF_GROUP,
  projectRadiusPx,
  type FilteredRound,
  type FilteredSource,
  type PlacesCollection,
} from './places.layer.ts';

const shipped = JSON.parse(
  readFileSync(resolve(import.meta.dirname, '../../public/data/places.geojson'), 'utf8'),
) as PlacesCollection;
const places = shipped.features.map((f) =>
  placeFromFeature(f as Feature<Point, Record<string, unknown>>),
);

const drawn = drawnFeatures(shipped.features);
const index = placeIndexOfFeatures(shipped.features);
const sourceOf: FilteredSource[] = shipped.features.map((f) =>
  f.properties.kind === 'enterprise'
    ? 'enterprises'
    : f.properties.kind === 'project'
      ? 'projects'
      : 'named',
);

/**
 * A stand-in for the map's filtered sources: the place ids each holds, changed only by the
 * rounds the layer would send, applied as MapLibre applies a diff.
 */
function fakeSources() {
  const held = new Uint8Array(shipped.features.length);
  const sources: Record<FilteredSource, Set<number>> = {
    enterprises: new Set(),
    projects: new Set(),
    named: new Set(),
  };
  const apply = (round: FilteredRound) => {
    for (const [key, update] of Object.entries(round) as [
      FilteredSource,
      FilteredRound[FilteredSource],
    ][]) {
      if (!update) continue;
      if (update.removeAll) sources[key].clear();
      for (const i of update.remove) sources[key].delete(i);
      for (const i of update.add) {
        expect(sourceOf[i]).toBe(key);
        sources[key].add(drawn[i]!.id);
      }
    }
    applyFilteredRound(held, round, sourceOf);
  };
  const ids = (key: FilteredSource) =>
    [...sources[key]].sort((a, b) => a - b).map((i) => shipped.features[i]!.properties.place_id);
  return { held, apply, ids };
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
  // One sequence of filters on the same sources, as a planner clicks through them: each step
  // only sends differences, so a wrong diff would show up in every later step.
  const sources = fakeSources();
  it.each(FILTERS)('holds in the filtered sources exactly what the list keeps: %o', (patch) => {
    const filter = { ...EMPTY_PLACE_FILTER, ...patch };
    for (const round of planFilteredRounds(
      sources.held,
      filterPlaceIndex(index, filter),
      sourceOf,
      7,
    )) {
      sources.apply(round);
    }
    const listed = filterPlaces(places, filter);
    const ofKinds = (test: (kind: string) => boolean) =>
      listed.filter((p) => test(p.kind)).map((p) => p.id);
    expect({
      enterprises: sources.ids('enterprises'),
      projects: sources.ids('projects'),
      named: sources.ids('named'),
    }).toEqual({
      enterprises: ofKinds((k) => k === 'enterprise'),
      projects: ofKinds((k) => k === 'project'),
      named: ofKinds((k) => k !== 'enterprise' && k !== 'project'),
    });
  });

  it('adds no more than a chunk of places per round, and removes only in the first', () => {
    const { held } = fakeSources();
    const all = Uint32Array.from(shipped.features.keys());
    const rounds = planFilteredRounds(held, all, sourceOf, 25);
    const adds = rounds.map((r) => Object.values(r).reduce((n, u) => n + u.add.length, 0));
    expect(adds.reduce((a, b) => a + b, 0)).toBe(shipped.features.length);
    expect(Math.max(...adds)).toBeLessThanOrEqual(25);
    expect(rounds.length).toBe(Math.ceil(shipped.features.length / 25));
    for (const round of rounds) applyFilteredRound(held, round, sourceOf);
    const narrowed = planFilteredRounds(held, all.subarray(0, 10), sourceOf, 25);
    expect(narrowed.length).toBe(1);
    expect(Object.values(narrowed[0]!).every((u) => u.add.length <= 10)).toBe(true);
  });

  it('gives the sources what the layers read, names only to named places, ids by index', () => {
    const i = shipped.features.findIndex((f) => f.properties.kind === 'project');
    const project = shipped.features[i]!;
    expect(drawn[i]!.id).toBe(i);
    expect(drawn[i]!.properties.investment_yi_yuan).toBe(project.properties.investment_yi_yuan);
    expect(drawn[i]!.properties.stage).toBe(project.properties.stage);
    expect(drawn[i]!.properties.name_zh).toBeUndefined();
    const k = shipped.features.findIndex((f) => f.properties.kind === 'park');
    const park = shipped.features[k]!;
    expect(drawn[k]!.properties.name_zh).toBe(park.properties.name_zh);
    expect(drawn[k]!.geometry).toEqual(park.geometry);
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
