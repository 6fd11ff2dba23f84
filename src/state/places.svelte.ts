import sourcesCsv from '../../seeds/sources.csv?raw';
import subtotalsCsv from '../../seeds/huzhou-key-projects-subtotals.csv?raw';
import type { Feature, Point } from 'geojson';
import type { Place, PlaceKind } from '../domain/places/place.ts';
import { placeFromFeature } from '../domain/places/place-feature.format.ts';
import {
  buildPlaceIndex,
  EMPTY_PLACE_FILTER,
  filterPlaceIndex,
  isEmptyFilter,
  parsePlaceFilter,
  serializePlaceFilter,
  type PlaceFilter,
  type PlaceIndex,
} from '../domain/places/place-filter.ts';
import {
  districtPlaceSummaries,
  industryDistrictMatrix,
  reconcileProjectInvestment,
  type DistrictPlaceSummary,
  type IndustryDistrictCell,
  type InvestmentReconciliation,
} from '../domain/places/places-join.ts';
import { readProjectSubtotals } from '../domain/places/place-seeds.ts';
import { parseSeedCsv } from '../domain/seeds/seed-csv.format.ts';
import { isPlaceLayerGroup, PLACE_LAYER_GROUPS } from '../domain/view-state.ts';
import {
  KINDS_OF_GROUP,
  type PlacesCollection,
  type PlacesHighlight,
  type PlacesLayer,
} from '../map/places.layer.ts';
import type { AppState } from './app-state.svelte.ts';

/** A user's position for a place, replacing the computed one (see place-corrections). */
export interface CorrectedPosition {
  lon: number;
  lat: number;
}

/** The policy document behind a seed file, for a card's source line. */
export interface SeedDocument {
  file: string;
  docNumber: string;
  titleZh: string;
  titleEn: string;
}

/** Where the places data lives under the app's base URL. */
export const PLACES_DATA_PATH = 'data/places.geojson';

const SELECTED_PARAM = 'place';

function readDocuments(): ReadonlyMap<string, SeedDocument> {
  const { table } = parseSeedCsv('sources.csv', sourcesCsv);
  return new Map(
    table.rows.map((row) => {
      const file = row.cells['source_file'] ?? '';
      return [
        file,
        {
          file,
          docNumber: row.cells['doc_number'] ?? '',
          titleZh: row.cells['title_zh'] ?? '',
          titleEn: row.cells['title_en'] ?? '',
        },
      ];
    }),
  );
}

/** The data with corrected positions swapped in; the same object when nothing is corrected. */
function withCorrections(
  data: PlacesCollection,
  corrections: ReadonlyMap<string, CorrectedPosition>,
): PlacesCollection {
  if (corrections.size === 0) return data;
  return {
    ...data,
    features: data.features.map((f) => {
      const c = corrections.get(f.properties.place_id);
      return c ? { ...f, geometry: { type: 'Point', coordinates: [c.lon, c.lat] } } : f;
    }),
  };
}

/**
 * The seeds' places as the map, the list, the cards, the district drill-down and the industry ×
 * district matrix see them: loaded once, filtered through a column index, with the filter and
 * the selected place in the URL. Loaded lazily (a dynamic import) when a places layer is on
 * or a places tab opens.
 */
export class PlacesState {
  status = $state<'loading' | 'ready' | 'error'>('loading');
  error = $state<string | null>(null);
  filter = $state.raw<PlaceFilter>(EMPTY_PLACE_FILTER);
  selectedPlaceId = $state<string | null>(null);
  /** A list row under the pointer: its point is ringed on the map. */
  hoveredPlaceId = $state<string | null>(null);
  /** A matrix cell under the pointer: its district outlined, its industry's places ringed. */
  matrixHover = $state.raw<{ industryId: string; areaCode: string } | null>(null);
  /** Positions users corrected, by place id (fed by the corrections store). */
  corrections = $state.raw<ReadonlyMap<string, CorrectedPosition>>(new Map());

  readonly documents: ReadonlyMap<string, SeedDocument> = readDocuments();
  readonly reconciliation: InvestmentReconciliation[];
  readonly collection: PlacesCollection | null;
  readonly places: Place[];
  /** The column index of `places`, which the list filters and the map layer shares. */
  readonly index: PlaceIndex;
  /** The place kinds the visible layer groups draw; every kind when none is on. */
  readonly visibleKinds: readonly PlaceKind[];
  /** Places of the city in view that pass the filter and whose layer is on: the list. */
  readonly listed: Place[];
  readonly selected: Place | null;
  readonly summaries: DistrictPlaceSummary[];
  readonly matrix: IndustryDistrictCell[];

  #original = $state.raw<PlacesCollection | null>(null);
  readonly #app: AppState;

  constructor(app: AppState, search: string) {
    this.#app = app;
    this.filter = parsePlaceFilter(search);
    this.selectedPlaceId = new URLSearchParams(search).get(SELECTED_PARAM);
    this.collection = $derived(
      this.#original ? withCorrections(this.#original, this.corrections) : null,
    );
    this.places = $derived(
      (this.collection?.features ?? []).map((f) =>
        placeFromFeature(f as Feature<Point, Record<string, unknown>>),
      ),
    );
    this.index = $derived(buildPlaceIndex(this.places));
    this.visibleKinds = $derived.by(() => {
      const kinds = PLACE_LAYER_GROUPS.filter((g) => this.#app.visibleLayers.has(g)).flatMap(
        (g) => KINDS_OF_GROUP[g],
      );
      return kinds.length > 0 ? kinds : PLACE_LAYER_GROUPS.flatMap((g) => KINDS_OF_GROUP[g]);
    });
    this.listed = $derived.by(() => {
      const city = this.#app.city.code;
      const hits = filterPlaceIndex(this.index, { ...this.filter, kinds: this.visibleKinds });
      const out: Place[] = [];
      for (const i of hits) {
        const place = this.places[i]!;
        if (place.cityCode === city) out.push(place);
      }
      return out;
    });
    this.selected = $derived(this.places.find((p) => p.id === this.selectedPlaceId) ?? null);
    this.summaries = $derived(districtPlaceSummaries(this.places, this.#app.city.code));
    this.matrix = $derived(industryDistrictMatrix(this.places, this.#app.city.code));
    this.reconciliation = $derived(
      reconcileProjectInvestment(this.places, readProjectSubtotals(subtotalsCsv)),
    );
  }

  /** Fetches places.geojson once (same origin, under the app's base URL). */
  async load(fetchImpl: typeof fetch = fetch): Promise<void> {
    if (this.#original) return;
    this.status = 'loading';
    try {
      const url = new URL(`${import.meta.env.BASE_URL}${PLACES_DATA_PATH}`, window.location.href);
      const response = await fetchImpl(url);
      if (!response.ok) throw new Error(`${response.status} ${response.statusText}`);
      this.#original = (await response.json()) as PlacesCollection;
      this.status = 'ready';
    } catch (e) {
      this.error = e instanceof Error ? e.message : String(e);
      this.status = 'error';
    }
  }

  /**
   * Overrides places' positions (place id → lon/lat), e.g. from users' corrections in
   * IndexedDB. The map's sources get the new data once per call; an empty map restores all.
   */
  setCorrections(corrections: ReadonlyMap<string, CorrectedPosition>): void {
    this.corrections = corrections;
  }

  /** True when the place's shown position is a user's correction. */
  isCorrected(placeId: string): boolean {
    return this.corrections.has(placeId);
  }

  /** The place's position before any correction, for a card to show beside the corrected one. */
  originalPosition(placeId: string): CorrectedPosition | null {
    const f = this.#original?.features.find((x) => x.properties.place_id === placeId);
    const [lon, lat] = f?.geometry.coordinates ?? [];
    return lon === undefined || lat === undefined ? null : { lon, lat };
  }

  setFilter(patch: Partial<PlaceFilter>): void {
    this.filter = { ...this.filter, ...patch };
  }

  clearFilter(): void {
    this.filter = EMPTY_PLACE_FILTER;
  }

  /** Takes the filter and open card a query string describes (see `AppState.applyQuery`). */
  applyQuery(search: string): void {
    this.filter = parsePlaceFilter(search);
    this.selectedPlaceId = new URLSearchParams(search).get(SELECTED_PARAM);
  }

  get filterActive(): boolean {
    return !isEmptyFilter(this.filter);
  }

  /** Opens a place's card and brings its point into view. */
  select(placeId: string | null, fly = true): void {
    this.selectedPlaceId = placeId;
    const place = this.places.find((p) => p.id === placeId);
    if (place && fly) this.#app.map.flyTo(place.lon, place.lat);
  }

  /** Keeps the URL in step with the filter and the open card; returns the cleanup. */
  startSync(): () => void {
    return $effect.root(() => {
      $effect(() => {
        let search = serializePlaceFilter(this.filter, window.location.search);
        const params = new URLSearchParams(search);
        if (this.selectedPlaceId) params.set(SELECTED_PARAM, this.selectedPlaceId);
        else params.delete(SELECTED_PARAM);
        search = `?${params.toString().replaceAll('%2C', ',').replaceAll('%7E', '~')}`;
        if (search !== window.location.search) {
          history.replaceState(history.state, '', `${search}${window.location.hash}`);
        }
      });
    });
  }

  /**
   * Draws the places on the app's map once loaded and feeds it visibility, filter, highlight,
   * labels and corrected data as they change; returns the cleanup.
   */
  attachMap(): () => void {
    let layer = $state.raw<PlacesLayer | null>(null);
    let disposed = false;
    let mounting = false;
    const stopEffects = $effect.root(() => {
      $effect(() => {
        const data = this.collection;
        if (!data || layer || mounting) return;
        mounting = true;
        void this.#app.map
          .mountPlaces({
            data,
            index: this.index,
            locale: this.#app.locale,
            visible: this.#app.visibleLayers,
            onPlaceClick: (id) => this.select(id, false),
          })
          .then((mounted) => {
            if (disposed) mounted?.remove();
            else layer = mounted;
          });
      });
      $effect(() => layer?.setVisible(this.#app.visibleLayers));
      $effect(() => {
        void layer?.setFilter(this.filter);
      });
      $effect(() => layer?.setLocale(this.#app.locale));
      let shownData: PlacesCollection | null = null;
      $effect(() => {
        const data = this.collection;
        if (!layer || !data) return;
        if (shownData !== null && shownData !== data) layer.setData(data, this.index);
        shownData = data;
      });
      $effect(() => {
        const hover = this.matrixHover;
        const highlight: PlacesHighlight = this.hoveredPlaceId
          ? { placeId: this.hoveredPlaceId }
          : hover
            ? {
                industryId: hover.industryId,
                areaCode: hover.areaCode === this.#app.city.code ? null : hover.areaCode,
              }
            : this.selectedPlaceId
              ? { placeId: this.selectedPlaceId }
              : null;
        layer?.setHighlight(highlight);
      });
    });
    return () => {
      disposed = true;
      stopEffects();
      layer?.remove();
    };
  }
}

/** True when any places layer group is switched on. */
export function anyPlaceLayerOn(app: AppState): boolean {
  for (const g of app.visibleLayers) if (isPlaceLayerGroup(g)) return true;
  return false;
}
