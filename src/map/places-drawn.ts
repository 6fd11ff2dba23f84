/**
 * The places as the map's sources hold them, apart from MapLibre so the places filter worker
 * (src/workers/places-filter.worker.ts) can build the filtered sources' GeoJSON text without
 * loading the map. A drawn feature's id is its place's index in the data, which is how a click
 * finds the place.
 */
import type { Feature, FeatureCollection, Point } from 'geojson';
import type { PlaceProperties } from '../domain/places/place-feature.format.ts';
import type { PlaceKind } from '../domain/places/place.ts';
import {
  buildPlaceIndex,
  type FilterablePlace,
  type PlaceIndex,
} from '../domain/places/place-filter.ts';

type PlaceFeature = Feature<Point, PlaceProperties>;

/** The properties the places layers read. */
export type DrawnPlaceProperties = Pick<
  PlaceProperties,
  'kind' | 'industry_id' | 'precision' | 'stage' | 'investment_yi_yuan' | 'name_en'
> & { name_zh?: string };
export type DrawnFeature = Feature<Point, DrawnPlaceProperties> & { id: number };
export type DrawnCollection = FeatureCollection<Point, DrawnPlaceProperties>;

/** The sources the planners' filter applies to, each drawing some kinds of place. */
export type FilteredSource = 'enterprises' | 'projects' | 'named';
export const FILTERED_SOURCES: readonly FilteredSource[] = ['named', 'projects', 'enterprises'];

/** The source a place of this kind is drawn from. */
export function sourceOfKind(kind: PlaceKind): FilteredSource {
  return kind === 'enterprise' ? 'enterprises' : kind === 'project' ? 'projects' : 'named';
}

/**
 * The places as the sources hold them, index for index: the feature id is the place's index,
 * names only where a label shows them (named places), and places that draw alike share one
 * properties object. A message to the map's worker clones a shared object once, so sending
 * thousands of enterprises costs little more than their coordinates.
 */
export function drawnFeatures(features: readonly PlaceFeature[]): DrawnFeature[] {
  const shared = new Map<string, DrawnPlaceProperties>();
  return features.map((feature, i) => {
    const p = feature.properties;
    let props: DrawnPlaceProperties = {
      kind: p.kind,
      industry_id: p.industry_id,
      precision: p.precision,
    };
    if (p.stage !== undefined) props.stage = p.stage;
    if (p.investment_yi_yuan !== undefined) props.investment_yi_yuan = p.investment_yi_yuan;
    if (sourceOfKind(p.kind) === 'named') {
      props.name_zh = p.name_zh;
      if (p.name_en !== undefined) props.name_en = p.name_en;
    } else {
      const key = `${p.kind}|${p.industry_id}|${p.precision}|${p.stage}|${p.investment_yi_yuan}`;
      const same = shared.get(key);
      if (same) props = same;
      else shared.set(key, props);
    }
    return { type: 'Feature', id: i, properties: props, geometry: feature.geometry };
  });
}

/** Every place, split by the source that draws it. */
export function collectionsBySource(
  drawn: readonly DrawnFeature[],
): Record<FilteredSource, DrawnCollection> {
  const out: Record<FilteredSource, DrawnFeature[]> = { enterprises: [], projects: [], named: [] };
  for (const feature of drawn) out[sourceOfKind(feature.properties.kind)].push(feature);
  const collection = (features: DrawnFeature[]): DrawnCollection => ({
    type: 'FeatureCollection',
    features,
  });
  return {
    enterprises: collection(out.enterprises),
    projects: collection(out.projects),
    named: collection(out.named),
  };
}

/** What the filter reads of a place, straight from its feature's properties. */
function filterableOf(p: PlaceProperties): FilterablePlace {
  return {
    kind: p.kind,
    nameZh: p.name_zh,
    nameEn: p.name_en,
    productsZh: p.products_zh,
    industryId: p.industry_id,
    districtCodes: p.district_codes === '' ? [] : p.district_codes.split(';'),
    stage: p.stage,
    investmentYiYuan: p.investment_yi_yuan,
    startYear: p.start_year,
    endYear: p.end_year,
  };
}

/** The column index the filter runs on, for these features in their order. */
export function placeIndexOfFeatures(features: readonly PlaceFeature[]): PlaceIndex {
  return buildPlaceIndex(features.map((f) => filterableOf(f.properties)));
}

/**
 * The drawn places in a form that crosses to a worker as a few arrays: coordinates as numbers,
 * and each place's properties as an index into the distinct properties objects.
 */
export interface PackedDrawnPlaces {
  /** lon, lat of place i at 2i, 2i + 1. */
  coordinates: Float64Array;
  propertiesIndex: Uint32Array;
  properties: DrawnPlaceProperties[];
}

export function packDrawnPlaces(drawn: readonly DrawnFeature[]): PackedDrawnPlaces {
  const coordinates = new Float64Array(drawn.length * 2);
  const propertiesIndex = new Uint32Array(drawn.length);
  const properties: DrawnPlaceProperties[] = [];
  const seen = new Map<DrawnPlaceProperties, number>();
  drawn.forEach((feature, i) => {
    const [lon = 0, lat = 0] = feature.geometry.coordinates;
    coordinates[2 * i] = lon;
    coordinates[2 * i + 1] = lat;
    let k = seen.get(feature.properties);
    if (k === undefined) {
      k = properties.length;
      properties.push(feature.properties);
      seen.set(feature.properties, k);
    }
    propertiesIndex[i] = k;
  });
  return { coordinates, propertiesIndex, properties };
}

/**
 * Each packed place as the GeoJSON text of its drawn feature, index for index, and the source
 * that draws it; written once per data, so a filter only joins strings.
 */
export function drawnFeatureTexts(packed: PackedDrawnPlaces): {
  texts: string[];
  sourceOf: FilteredSource[];
} {
  const propertiesText = packed.properties.map((p) => JSON.stringify(p));
  const count = packed.propertiesIndex.length;
  const texts = new Array<string>(count);
  const sourceOf = new Array<FilteredSource>(count);
  for (let i = 0; i < count; i++) {
    const k = packed.propertiesIndex[i]!;
    const lon = packed.coordinates[2 * i]!;
    const lat = packed.coordinates[2 * i + 1]!;
    texts[i] =
      `{"type":"Feature","id":${i},"properties":${propertiesText[k]!},` +
      `"geometry":{"type":"Point","coordinates":[${lon},${lat}]}}`;
    sourceOf[i] = sourceOfKind(packed.properties[k]!.kind);
  }
  return { texts, sourceOf };
}

/** The GeoJSON text of each filtered source holding exactly the places at `kept`. */
export function filteredCollectionTexts(
  texts: readonly string[],
  sourceOf: readonly FilteredSource[],
  kept: ArrayLike<number>,
): Record<FilteredSource, string> {
  const parts: Record<FilteredSource, string[]> = { enterprises: [], projects: [], named: [] };
  for (let k = 0; k < kept.length; k++) {
    const i = kept[k]!;
    parts[sourceOf[i]!].push(texts[i]!);
  }
  const collection = (features: string[]) =>
    `{"type":"FeatureCollection","features":[${features.join(',')}]}`;
  return {
    enterprises: collection(parts.enterprises),
    projects: collection(parts.projects),
    named: collection(parts.named),
  };
}
