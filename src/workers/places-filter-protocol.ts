/**
 * Messages between the places layer and the places filter worker, and the worker's side of
 * them as a plain function, so the protocol is tested in Node without a Worker. The worker
 * holds every place as GeoJSON text and answers a filter with each filtered source's
 * collection as a Blob, which MapLibre's own worker reads by object URL: the page only hands
 * over a filter and a URL, never the places (bench/places-filter.bench.ts: 100,000 places).
 */
import {
  filterPlaceIndex,
  type PlaceFilter,
  type PlaceIndex,
} from '../domain/places/place-filter.ts';
import {
  drawnFeatureTexts,
  FILTERED_SOURCES,
  filteredCollectionTexts,
  type FilteredSource,
  type PackedDrawnPlaces,
} from '../map/places-drawn.ts';

export type PlacesFilterRequest =
  /** The places, replacing any held before; the index is of the same places in the same order. */
  | { op: 'load'; index: PlaceIndex; places: PackedDrawnPlaces }
  | { op: 'filter'; generation: number; filter: PlaceFilter };

/**
 * The filtered sources' GeoJSON for the filter of this generation: only the sources whose places
 * differ from the previous answer since the places were loaded (a project-stage filter leaves
 * the named places alone, and MapLibre need not re-read them).
 */
export interface PlacesFilterResponse {
  generation: number;
  collections: Partial<Record<FilteredSource, Blob>>;
}

/** The worker's side: keeps the loaded places, answers each filter. */
export function createPlacesFilterHandler(): (
  request: PlacesFilterRequest,
) => PlacesFilterResponse | null {
  let held: {
    index: PlaceIndex;
    texts: readonly string[];
    sourceOf: readonly FilteredSource[];
  } | null = null;
  /** What the previous answer gave each source; the page's filtered sources start empty. */
  let previous: Partial<Record<FilteredSource, string>> = {};
  return (request) => {
    if (request.op === 'load') {
      held = { index: request.index, ...drawnFeatureTexts(request.places) };
      previous = {};
      return null;
    }
    if (!held) throw new Error('places filter worker: filter before load');
    const texts = filteredCollectionTexts(
      held.texts,
      held.sourceOf,
      filterPlaceIndex(held.index, request.filter),
    );
    const collections: Partial<Record<FilteredSource, Blob>> = {};
    for (const key of FILTERED_SOURCES) {
      if (texts[key] === previous[key]) continue;
      collections[key] = new Blob([texts[key]], { type: 'application/geo+json' });
    }
    previous = texts;
    return { generation: request.generation, collections };
  };
}
