import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Feature, FeatureCollection, Point } from 'geojson';
import { describe, expect, it } from 'vitest';
import { placeFromFeature } from '../domain/places/place-feature.format.ts';
import {
  EMPTY_PLACE_FILTER,
  filterPlaces,
  type PlaceFilter,
} from '../domain/places/place-filter.ts';
import {
  drawnFeatures,
  packDrawnPlaces,
  placeIndexOfFeatures,
  type DrawnFeature,
  type FilteredSource,
} from '../map/places-drawn.ts';
import type { PlacesCollection } from '../map/places.layer.ts';
import { createPlacesFilterHandler, type PlacesFilterResponse } from './places-filter-protocol.ts';

const shipped = JSON.parse(
  readFileSync(resolve(import.meta.dirname, '../../public/data/places.geojson'), 'utf8'),
) as PlacesCollection;
const places = shipped.features.map((f) =>
  placeFromFeature(f as Feature<Point, Record<string, unknown>>),
);
const drawn = drawnFeatures(shipped.features);

function loadedHandler() {
  const handle = createPlacesFilterHandler();
  expect(
    handle({
      op: 'load',
      index: placeIndexOfFeatures(shipped.features),
      places: packDrawnPlaces(drawn),
    }),
  ).toBeNull();
  return handle;
}

/**
 * A stand-in for the map's filtered sources: each holds the collection of the last answer that
 * gave it one, parsed as MapLibre's worker parses the object URL's text.
 */
function fakeSources() {
  const held: Record<FilteredSource, DrawnFeature[]> = { enterprises: [], projects: [], named: [] };
  const apply = async (response: PlacesFilterResponse | null) => {
    expect(response).not.toBeNull();
    for (const [key, blob] of Object.entries(response!.collections) as [FilteredSource, Blob][]) {
      const collection = JSON.parse(await blob.text()) as FeatureCollection<Point>;
      held[key] = collection.features as DrawnFeature[];
    }
  };
  const ids = (key: FilteredSource) =>
    held[key].map((f) => shipped.features[f.id]!.properties.place_id);
  return { held, apply, ids };
}

const FILTERS: Array<Partial<PlaceFilter>> = [
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

describe('places filter worker', () => {
  // One sequence of filters on the same sources, as a planner clicks through them: each answer
  // leaves out sources that did not change, so a wrong omission shows up in a later step.
  const handle = loadedHandler();
  const sources = fakeSources();
  let generation = 0;
  it.each(FILTERS)('gives the filtered sources exactly what the list keeps: %o', async (patch) => {
    const filter = { ...EMPTY_PLACE_FILTER, ...patch };
    const response = handle({ op: 'filter', generation: ++generation, filter });
    expect(response?.generation).toBe(generation);
    await sources.apply(response);
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

  it('leaves out the sources a change does not touch, and sends all again after a reload', () => {
    const handle = loadedHandler();
    const stages = (list: PlaceFilter['stages']) => ({ ...EMPTY_PLACE_FILTER, stages: list });
    const first = handle({ op: 'filter', generation: 1, filter: stages(['construction']) });
    expect(Object.keys(first!.collections).sort()).toEqual(['enterprises', 'named', 'projects']);
    // Only projects have stages: the other sources stay empty either way.
    const second = handle({ op: 'filter', generation: 2, filter: stages(['trial']) });
    expect(Object.keys(second!.collections)).toEqual(['projects']);
    handle({
      op: 'load',
      index: placeIndexOfFeatures(shipped.features),
      places: packDrawnPlaces(drawn),
    });
    const third = handle({ op: 'filter', generation: 3, filter: stages(['trial']) });
    expect(Object.keys(third!.collections).sort()).toEqual(['enterprises', 'named', 'projects']);
  });

  it('writes each place as the feature the layers read, id by index', async () => {
    const handle = loadedHandler();
    const sources = fakeSources();
    await sources.apply(
      handle({ op: 'filter', generation: 1, filter: { ...EMPTY_PLACE_FILTER, query: ' ' } }),
    );
    // A blank search keeps every place: each written feature equals its drawn one.
    const written = [...sources.held.named, ...sources.held.projects, ...sources.held.enterprises];
    expect(written.length).toBe(drawn.length);
    for (const feature of written) expect(feature).toEqual(drawn[feature.id]);
  });

  it('refuses a filter before any places are loaded', () => {
    const handle = createPlacesFilterHandler();
    expect(() => handle({ op: 'filter', generation: 1, filter: EMPTY_PLACE_FILTER })).toThrow(
      /before load/,
    );
  });
});

describe('drawn places', () => {
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
