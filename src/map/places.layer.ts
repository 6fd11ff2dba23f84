import { convex, featureCollection } from '@turf/turf';
import type { Feature, FeatureCollection, Point, Polygon } from 'geojson';
import type {
  ExpressionSpecification,
  FilterSpecification,
  GeoJSONSource,
  LayerSpecification,
  Map as MapLibreMap,
  MapLayerMouseEvent,
} from 'maplibre-gl';
import { INDUSTRIES, GENERAL_INDUSTRY_ID } from '../domain/places/industry.ts';
import type { PlaceProperties } from '../domain/places/place-feature.format.ts';
import type { PlaceKind, ProjectStage } from '../domain/places/place.ts';
import { isEmptyFilter, type PlaceFilter, type PlaceIndex } from '../domain/places/place-filter.ts';
import type { LayerGroup, Locale, PlaceLayerGroup } from '../domain/view-state.ts';
import type {
  PlacesFilterRequest,
  PlacesFilterResponse,
} from '../workers/places-filter-protocol.ts';
import { LABEL_FONT } from './basemap.style.ts';
import { LIGHT_PALETTE } from './palette.ts';
import {
  collectionsBySource,
  drawnFeatures,
  FILTERED_SOURCES,
  packDrawnPlaces,
  placeIndexOfFeatures,
  type DrawnFeature,
  type FilteredSource,
} from './places-drawn.ts';

export type PlacesCollection = FeatureCollection<Point, PlaceProperties>;
type PlaceFeature = Feature<Point, PlaceProperties>;

/**
 * Source ids of the places layers. Enterprises and projects, the many, are clustered; named
 * places (parks, towns, clusters, markets) are few and drawn one by one. Each of the three is
 * held twice: every place, set once and never sent again, and the places the planners' filter
 * keeps, written by the filter worker; clearing the filter only switches which layers show. The
 * highlight source holds only the ringed places, so ringing one never re-tiles the others.
 */
export const PLACE_SOURCE_IDS = {
  named: 'places-named',
  enterprises: 'places-enterprises',
  projects: 'places-projects',
  namedFiltered: 'places-named-filtered',
  enterprisesFiltered: 'places-enterprises-filtered',
  projectsFiltered: 'places-projects-filtered',
  hulls: 'places-hulls',
  highlight: 'places-highlight',
} as const;

const FILTERED_SOURCE_ID: Record<FilteredSource, string> = {
  enterprises: PLACE_SOURCE_IDS.enterprisesFiltered,
  projects: PLACE_SOURCE_IDS.projectsFiltered,
  named: PLACE_SOURCE_IDS.namedFiltered,
};

/** Layer ids of the places layers, bottom to top (each drawn-place layer has a filtered twin). */
export const PLACE_LAYER_IDS = {
  hullFill: 'places-hull-fill',
  hullLine: 'places-hull-line',
  density: 'places-density',
  enterpriseCluster: 'places-enterprise-cluster',
  enterpriseClusterCount: 'places-enterprise-cluster-count',
  enterprisePoint: 'places-enterprise-point',
  projectCluster: 'places-project-cluster',
  projectClusterCount: 'places-project-cluster-count',
  projectStage: 'places-project-stage',
  projectPoint: 'places-project-point',
  parkSymbol: 'places-park-symbol',
  townSymbol: 'places-town-symbol',
  highlight: 'places-highlight',
} as const;

/** The id of the twin of a drawn-place layer that draws the filtered source. */
export function filteredLayerId(id: string): string {
  return `${id}-filtered`;
}

/** The layers of each group that draw places, and so have a filtered twin. */
const DRAWN_LAYERS_OF_GROUP: Record<PlaceLayerGroup, readonly string[]> = {
  industryHulls: [],
  enterpriseDensity: [PLACE_LAYER_IDS.density],
  enterprises: [
    PLACE_LAYER_IDS.enterpriseCluster,
    PLACE_LAYER_IDS.enterpriseClusterCount,
    PLACE_LAYER_IDS.enterprisePoint,
  ],
  projects: [
    PLACE_LAYER_IDS.projectCluster,
    PLACE_LAYER_IDS.projectClusterCount,
    PLACE_LAYER_IDS.projectStage,
    PLACE_LAYER_IDS.projectPoint,
  ],
  parks: [PLACE_LAYER_IDS.parkSymbol],
  specialtyTowns: [PLACE_LAYER_IDS.townSymbol],
};

/** Which places layers each layer-panel group shows (filtered twins included). */
export const PLACE_LAYERS_OF_GROUP: Record<PlaceLayerGroup, readonly string[]> = {
  industryHulls: [PLACE_LAYER_IDS.hullFill, PLACE_LAYER_IDS.hullLine],
  enterpriseDensity: withTwins(DRAWN_LAYERS_OF_GROUP.enterpriseDensity),
  enterprises: withTwins(DRAWN_LAYERS_OF_GROUP.enterprises),
  projects: withTwins(DRAWN_LAYERS_OF_GROUP.projects),
  parks: withTwins(DRAWN_LAYERS_OF_GROUP.parks),
  specialtyTowns: withTwins(DRAWN_LAYERS_OF_GROUP.specialtyTowns),
};

function withTwins(ids: readonly string[]): string[] {
  return ids.flatMap((id) => [id, filteredLayerId(id)]);
}

/** The place kinds each group draws. */
export const KINDS_OF_GROUP: Record<PlaceLayerGroup, readonly PlaceKind[]> = {
  industryHulls: [],
  enterpriseDensity: [],
  enterprises: ['enterprise'],
  projects: ['project'],
  parks: ['park', 'platform'],
  specialtyTowns: ['specialty-town', 'cluster', 'market'],
};

/** Layers a click or hover can pick a place from. */
export const PLACE_INTERACTIVE_LAYERS: readonly string[] = withTwins([
  PLACE_LAYER_IDS.enterprisePoint,
  PLACE_LAYER_IDS.projectPoint,
  PLACE_LAYER_IDS.parkSymbol,
  PLACE_LAYER_IDS.townSymbol,
]);

const CLUSTER_LAYERS: readonly string[] = withTwins([
  PLACE_LAYER_IDS.enterpriseCluster,
  PLACE_LAYER_IDS.projectCluster,
]);

/**
 * Beyond this zoom enterprises and projects are drawn one by one. Up to it they are clustered,
 * filtered or not, so a pan at city or district zoom draws tens of circles instead of every
 * place (bench/places-filter.bench.ts: 100,000 places).
 */
export const CLUSTER_MAX_ZOOM = 12;

/** Places within this many pixels of each other join a cluster. */
export const CLUSTER_RADIUS_PX = 40;

/**
 * Project marker radius from investment: the radius grows with the square root, so a marker's
 * area is proportional to the money. 0 亿元 → 4 px, 64 亿元 → 20 px (the largest project is 61).
 */
export const PROJECT_RADIUS_STOPS = { minPx: 4, maxPx: 20, maxYiYuan: 64 } as const;

/** The radius a project of this investment is drawn with, in px; the legend uses the same rule. */
export function projectRadiusPx(investmentYiYuan: number): number {
  const { minPx, maxPx, maxYiYuan } = PROJECT_RADIUS_STOPS;
  const share = Math.sqrt(Math.max(0, Math.min(investmentYiYuan, maxYiYuan)) / maxYiYuan);
  return minPx + (maxPx - minPx) * share;
}

/**
 * Ring colours around projects by stage, light (not started) to dark (producing), so the
 * order reads without a key; `underway` (phase not stated) sits mid-way.
 */
export const STAGE_RING_COLOURS: Readonly<Record<ProjectStage, string>> = {
  planning: '#d9d9d9',
  preliminary: '#bdbdbd',
  construction: '#8c8c8c',
  equipment: '#666666',
  trial: '#3d3d3d',
  completed: '#111111',
  underway: '#8c8c8c',
  unknown: '#d9d9d9',
};

/** Fill of markers whose point only stands for a district or city: hollow. */
export const HOLLOW_FILL = '#ffffff';

/** The industry colour of a place, from industry.ts. */
export function industryColourExpression(): ExpressionSpecification {
  const pairs = INDUSTRIES.filter((i) => i.id !== GENERAL_INDUSTRY_ID).flatMap((i) => [
    i.id,
    i.colour,
  ]);
  const general = INDUSTRIES.find((i) => i.id === GENERAL_INDUSTRY_ID)?.colour ?? '#777777';
  // A match with a run of label/output pairs built at run time; the spec's tuple type cannot say so.
  return ['match', ['get', 'industry_id'], ...pairs, general] as unknown as ExpressionSpecification;
}

/** True where the point is only schematic (district or city precision). */
const APPROXIMATE: ExpressionSpecification = [
  'in',
  ['get', 'precision'],
  ['literal', ['district', 'city']],
];

/**
 * One outline per industry: the convex hull of its places in the data (three or more distinct
 * points; fewer enclose no area). It shows where an industry's named firms and projects sit,
 * not a planned cluster boundary.
 */
export function industryHulls(
  places: PlacesCollection,
): FeatureCollection<Polygon, { industry_id: string; count: number; city: string }> {
  const byKey = new Map<string, Feature<Point, PlaceProperties>[]>();
  for (const feature of places.features) {
    const { industry_id: industryId, place_id: placeId } = feature.properties;
    if (industryId === GENERAL_INDUSTRY_ID) continue;
    // Hulls stay within a city: textiles in Huzhou and in Shaoxing are two clusters.
    const key = `${placeId.slice(0, 2)}|${industryId}`;
    const members = byKey.get(key);
    if (members) members.push(feature);
    else byKey.set(key, [feature]);
  }
  const hulls: Feature<Polygon, { industry_id: string; count: number; city: string }>[] = [];
  for (const [key, members] of [...byKey].sort(([a], [b]) => a.localeCompare(b))) {
    const hull = convex(featureCollection(members));
    if (!hull) continue;
    const [city = '', industryId = ''] = key.split('|');
    hulls.push({
      type: 'Feature',
      properties: { industry_id: industryId, count: members.length, city },
      geometry: hull.geometry,
    });
  }
  return { type: 'FeatureCollection', features: hulls };
}

/**
 * The places a highlight rings: one place, or an industry's places in one area as
 * places-join.ts counts them: by their first listed district, or (area null) those with none.
 */
export function highlightedPlaces(
  features: readonly PlaceFeature[],
  highlight: PlacesHighlight,
): PlaceFeature[] {
  if (!highlight) return [];
  if ('placeId' in highlight) {
    return features.filter((f) => f.properties.place_id === highlight.placeId);
  }
  const { industryId, areaCode } = highlight;
  return features.filter((f) => {
    const { industry_id: industry, district_codes: codes } = f.properties;
    if (industry !== industryId) return false;
    return areaCode === null ? codes === '' : codes.split(';')[0] === areaCode;
  });
}

type Shape = 'square' | 'triangle';

/**
 * A 32×32 signed-distance-style icon (alpha only, recoloured per industry by `icon-color`):
 * filled, or hollow with a 5 px border, so schematic named places read as approximate.
 */
function shapeIcon(shape: Shape, hollow: boolean) {
  const size = 32;
  const data = new Uint8Array(size * size * 4);
  const inside = (x: number, y: number, inset: number): boolean => {
    if (shape === 'square') {
      return x >= 5 + inset && x < size - 5 - inset && y >= 5 + inset && y < size - 5 - inset;
    }
    // Apex at the top centre, base along the bottom; inset measured along the normal roughly.
    const top = 4 + inset * 2;
    const bottom = size - 5 - inset;
    if (y < top || y >= bottom) return false;
    const half = ((y - top) / (bottom - top)) * (size / 2 - 3 - inset);
    return Math.abs(x + 0.5 - size / 2) <= half;
  };
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const on = inside(x, y, 0) && !(hollow && inside(x, y, 6));
      data[(y * size + x) * 4 + 3] = on ? 255 : 0;
    }
  }
  return { width: size, height: size, data };
}

const ICONS = {
  square: 'places-square',
  squareHollow: 'places-square-hollow',
  triangle: 'places-triangle',
  triangleHollow: 'places-triangle-hollow',
} as const;

function labelField(locale: Locale): ExpressionSpecification {
  return locale === 'en'
    ? ['coalesce', ['get', 'name_en'], ['get', 'name_zh']]
    : ['get', 'name_zh'];
}

function namedPlaceLayer(
  id: string,
  kinds: readonly PlaceKind[],
  icons: { solid: string; hollow: string },
  locale: Locale,
): LayerSpecification {
  return {
    id,
    type: 'symbol',
    source: PLACE_SOURCE_IDS.named,
    filter: ['in', ['get', 'kind'], ['literal', [...kinds]]],
    layout: {
      'icon-image': ['case', APPROXIMATE, icons.hollow, icons.solid],
      'icon-size': 0.8,
      'icon-allow-overlap': true,
      'text-field': labelField(locale),
      'text-font': LABEL_FONT,
      'text-size': 11,
      'text-offset': [0, 1.1],
      'text-anchor': 'top',
      'text-optional': true,
      'text-max-width': 8,
    },
    paint: {
      'icon-color': industryColourExpression(),
      'icon-halo-color': '#ffffff',
      'icon-halo-width': 1,
      'text-color': '#3b3026',
      'text-halo-color': '#ffffff',
      'text-halo-width': 1.2,
    },
  };
}

function clusterLayers(kind: 'enterprise' | 'project', source: string): LayerSpecification[] {
  const circleId =
    kind === 'enterprise' ? PLACE_LAYER_IDS.enterpriseCluster : PLACE_LAYER_IDS.projectCluster;
  const countId =
    kind === 'enterprise'
      ? PLACE_LAYER_IDS.enterpriseClusterCount
      : PLACE_LAYER_IDS.projectClusterCount;
  return [
    {
      id: circleId,
      type: 'circle',
      source,
      filter: ['has', 'point_count'],
      paint: {
        'circle-color': kind === 'enterprise' ? '#5c4d3f' : '#1f5f8b',
        'circle-opacity': 0.85,
        'circle-radius': ['interpolate', ['linear'], ['get', 'point_count'], 2, 11, 50, 22],
        'circle-stroke-color': '#ffffff',
        'circle-stroke-width': 2,
      },
    },
    {
      id: countId,
      type: 'symbol',
      source,
      filter: ['has', 'point_count'],
      layout: {
        'text-field': ['to-string', ['get', 'point_count']],
        'text-font': LABEL_FONT,
        'text-size': 12,
        'text-allow-overlap': true,
      },
      paint: { 'text-color': '#ffffff' },
    },
  ];
}

const UNCLUSTERED: ExpressionSpecification = ['!', ['has', 'point_count']];

/** The filtered source standing in for a source of every place. */
const FILTERED_TWIN_SOURCE: Readonly<Record<string, string>> = {
  [PLACE_SOURCE_IDS.named]: PLACE_SOURCE_IDS.namedFiltered,
  [PLACE_SOURCE_IDS.enterprises]: PLACE_SOURCE_IDS.enterprisesFiltered,
  [PLACE_SOURCE_IDS.projects]: PLACE_SOURCE_IDS.projectsFiltered,
};

/** Everything the places layers draw, in order; each drawn-place layer is followed by its twin. */
export function placesLayerSpecs(locale: Locale): LayerSpecification[] {
  return baseLayerSpecs(locale).flatMap((spec) => {
    const twinSource = 'source' in spec ? FILTERED_TWIN_SOURCE[spec.source] : undefined;
    return twinSource === undefined
      ? [spec]
      : [spec, { ...spec, id: filteredLayerId(spec.id), source: twinSource } as LayerSpecification];
  });
}

function baseLayerSpecs(locale: Locale): LayerSpecification[] {
  const colour = industryColourExpression();
  const radius: ExpressionSpecification = [
    'interpolate',
    ['linear'],
    ['sqrt', ['to-number', ['coalesce', ['get', 'investment_yi_yuan'], 0]]],
    0,
    PROJECT_RADIUS_STOPS.minPx,
    Math.sqrt(PROJECT_RADIUS_STOPS.maxYiYuan),
    PROJECT_RADIUS_STOPS.maxPx,
  ];
  const stageColour = [
    'match',
    ['coalesce', ['get', 'stage'], 'unknown'],
    ...Object.entries(STAGE_RING_COLOURS).flat(),
    STAGE_RING_COLOURS.unknown,
  ] as unknown as ExpressionSpecification;
  return [
    {
      id: PLACE_LAYER_IDS.hullFill,
      type: 'fill',
      source: PLACE_SOURCE_IDS.hulls,
      paint: { 'fill-color': colour, 'fill-opacity': 0.12 },
    },
    {
      id: PLACE_LAYER_IDS.hullLine,
      type: 'line',
      source: PLACE_SOURCE_IDS.hulls,
      paint: { 'line-color': colour, 'line-width': 1.5, 'line-dasharray': [3, 2] },
    },
    {
      // Drawn from the clustered enterprises: a cluster weighs as many as it holds, so the
      // density is the same while the heatmap reads tens of points instead of every one.
      id: PLACE_LAYER_IDS.density,
      type: 'heatmap',
      source: PLACE_SOURCE_IDS.enterprises,
      paint: {
        'heatmap-weight': ['coalesce', ['get', 'point_count'], 1],
        'heatmap-radius': ['interpolate', ['linear'], ['zoom'], 6, 18, 11, 40],
        'heatmap-intensity': ['interpolate', ['linear'], ['zoom'], 6, 0.8, 11, 1.6],
        'heatmap-opacity': 0.7,
      },
    },
    ...clusterLayers('enterprise', PLACE_SOURCE_IDS.enterprises),
    {
      id: PLACE_LAYER_IDS.enterprisePoint,
      type: 'circle',
      source: PLACE_SOURCE_IDS.enterprises,
      filter: UNCLUSTERED,
      paint: {
        'circle-radius': 5.5,
        'circle-color': ['case', APPROXIMATE, HOLLOW_FILL, colour],
        'circle-stroke-color': colour,
        'circle-stroke-width': ['case', APPROXIMATE, 2.5, 1],
        'circle-stroke-opacity': ['match', ['get', 'precision'], 'city', 0.55, 1],
      },
    },
    ...clusterLayers('project', PLACE_SOURCE_IDS.projects),
    {
      id: PLACE_LAYER_IDS.projectStage,
      type: 'circle',
      source: PLACE_SOURCE_IDS.projects,
      filter: UNCLUSTERED,
      paint: {
        'circle-radius': ['+', radius, 2.5],
        'circle-color': 'rgba(0,0,0,0)',
        'circle-stroke-color': stageColour,
        'circle-stroke-width': 2.5,
      },
    },
    {
      id: PLACE_LAYER_IDS.projectPoint,
      type: 'circle',
      source: PLACE_SOURCE_IDS.projects,
      filter: UNCLUSTERED,
      paint: {
        'circle-radius': radius,
        'circle-color': ['case', APPROXIMATE, HOLLOW_FILL, colour],
        'circle-opacity': 0.85,
        'circle-stroke-color': colour,
        'circle-stroke-width': ['case', APPROXIMATE, 2.5, 1],
      },
    },
    namedPlaceLayer(
      PLACE_LAYER_IDS.parkSymbol,
      KINDS_OF_GROUP.parks,
      { solid: ICONS.square, hollow: ICONS.squareHollow },
      locale,
    ),
    namedPlaceLayer(
      PLACE_LAYER_IDS.townSymbol,
      KINDS_OF_GROUP.specialtyTowns,
      { solid: ICONS.triangle, hollow: ICONS.triangleHollow },
      locale,
    ),
    {
      id: PLACE_LAYER_IDS.highlight,
      type: 'circle',
      source: PLACE_SOURCE_IDS.highlight,
      paint: {
        'circle-radius': 11,
        'circle-color': 'rgba(0,0,0,0)',
        'circle-stroke-color': LIGHT_PALETTE.highlight,
        'circle-stroke-width': 3,
      },
    },
  ];
}

/**
 * What is highlighted: one place (a hovered list row), or one industry's places in one area as
 * places-join.ts counts them: by their first listed district, or (area null) those with none.
 */
export type PlacesHighlight =
  { placeId: string } | { industryId: string; areaCode: string | null } | null;

export interface PlacesLayerOptions {
  data: PlacesCollection;
  /**
   * The column index of the same places in the same order, when the caller holds one (the
   * places list does), for the filter worker; built here otherwise.
   */
  index?: PlaceIndex;
  locale: Locale;
  visible: ReadonlySet<LayerGroup>;
  onPlaceClick: (placeId: string) => void;
}

const EMPTY_COLLECTION: FeatureCollection = { type: 'FeatureCollection', features: [] };

/** Which drawn-place layers show: every place, the filtered ones, or both while the latter load. */
type Showing = 'all' | 'filtered' | 'both';

/** The places as the layer keeps them, rebuilt when the data changes. */
interface HeldPlaces {
  features: readonly PlaceFeature[];
  /** The features as drawn, index for index. */
  drawn: readonly DrawnFeature[];
}

function heldPlaces(data: PlacesCollection): HeldPlaces {
  return { features: data.features, drawn: drawnFeatures(data.features) };
}

/** A filter change's promise, settled once its places (or a later filter's) are in the sources. */
interface WaitingChange {
  generation: number;
  resolve: () => void;
  reject: (error: Error) => void;
}

/** A copy of the filter that crosses to a worker (the app's filter may be a reactive proxy). */
function plainFilter(filter: PlaceFilter): PlaceFilter {
  return {
    kinds: [...filter.kinds],
    industryIds: [...filter.industryIds],
    districtCode: filter.districtCode,
    stages: [...filter.stages],
    investmentYiYuan: [filter.investmentYiYuan[0], filter.investmentYiYuan[1]],
    years: [filter.years[0], filter.years[1]],
    query: filter.query,
  };
}

/**
 * The places on the map: sources, layers, icons and listeners, added together and removed by
 * the cleanup {@link PlacesLayer.remove}. Every place sits in sources set once. The planners'
 * filter runs in a worker of its own (src/workers/places-filter.worker.ts), which writes the
 * filtered sources' GeoJSON; MapLibre's worker reads it by object URL, so a click costs the page
 * a message, not the places (bench/places-filter.bench.ts: 100,000 places). The filtered
 * layers take over once their data is in; clearing the filter only switches back. Clustering
 * stays on in both.
 */
export class PlacesLayer {
  readonly #map: MapLibreMap;
  readonly #worker: Worker;
  #places: HeldPlaces;
  #filter: PlaceFilter | null = null;
  /** Bumped by every filter change; only the latest change's answer is revealed. */
  #generation = 0;
  #settled: Promise<void> = Promise.resolve();
  #waiting: WaitingChange[] = [];
  /** True while the worker works on a filter; changes meanwhile wait here, the latest only. */
  #busy = false;
  #next: { generation: number; filter: PlaceFilter } | null = null;
  #showing: Showing = 'all';
  #stopWaiting: (() => void) | null = null;
  #highlight: PlacesHighlight = null;
  #hullsUploaded = false;
  #visible: ReadonlySet<LayerGroup>;
  #listeners: Array<() => void> = [];

  constructor(map: MapLibreMap, options: PlacesLayerOptions) {
    this.#map = map;
    this.#visible = options.visible;
    this.#places = heldPlaces(options.data);
    this.#worker = new Worker(new URL('../workers/places-filter.worker.ts', import.meta.url), {
      type: 'module',
    });
    this.#worker.onmessage = (event: MessageEvent<PlacesFilterResponse>) =>
      void this.#receive(event.data);
    this.#worker.onerror = (event) => this.#fail(new Error(`places filter: ${event.message}`));
    this.#load(options.index);
    this.#add(options);
  }

  /** Hands the filter worker the places (it answers nothing for this). */
  #load(index: PlaceIndex | undefined): void {
    const { features, drawn } = this.#places;
    this.#post({
      op: 'load',
      index: index ?? placeIndexOfFeatures(features),
      places: packDrawnPlaces(drawn),
    });
  }

  #post(request: PlacesFilterRequest): void {
    this.#worker.postMessage(request);
  }

  #add({ locale, onPlaceClick }: PlacesLayerOptions): void {
    const map = this.#map;
    for (const [id, shape, hollow] of [
      [ICONS.square, 'square', false],
      [ICONS.squareHollow, 'square', true],
      [ICONS.triangle, 'triangle', false],
      [ICONS.triangleHollow, 'triangle', true],
    ] as const) {
      if (!map.hasImage(id))
        map.addImage(id, shapeIcon(shape, hollow), { sdf: true, pixelRatio: 2 });
    }
    const all = collectionsBySource(this.#places.drawn);
    map.addSource(PLACE_SOURCE_IDS.named, { type: 'geojson', data: all.named });
    map.addSource(PLACE_SOURCE_IDS.namedFiltered, { type: 'geojson', data: EMPTY_COLLECTION });
    for (const key of ['enterprises', 'projects'] as const) {
      const clustered = {
        type: 'geojson',
        cluster: true,
        clusterMaxZoom: CLUSTER_MAX_ZOOM,
        clusterRadius: CLUSTER_RADIUS_PX,
      } as const;
      map.addSource(PLACE_SOURCE_IDS[key], { ...clustered, data: all[key] });
      map.addSource(FILTERED_SOURCE_ID[key], { ...clustered, data: EMPTY_COLLECTION });
    }
    // Hulls are computed only once their group is switched on (see setVisible).
    map.addSource(PLACE_SOURCE_IDS.hulls, { type: 'geojson', data: EMPTY_COLLECTION });
    map.addSource(PLACE_SOURCE_IDS.highlight, { type: 'geojson', data: EMPTY_COLLECTION });
    for (const spec of placesLayerSpecs(locale)) map.addLayer(spec);
    this.setVisible(this.#visible);

    const click = (event: MapLayerMouseEvent) => {
      const index = event.features?.[0]?.id;
      const id =
        typeof index === 'number' ? this.#places.features[index]?.properties.place_id : undefined;
      if (id !== undefined) onPlaceClick(id);
    };
    const enter = () => (map.getCanvas().style.cursor = 'pointer');
    const leave = () => (map.getCanvas().style.cursor = '');
    for (const layer of PLACE_INTERACTIVE_LAYERS) {
      map.on('click', layer, click);
      map.on('mouseenter', layer, enter);
      map.on('mouseleave', layer, leave);
      this.#listeners.push(() => {
        map.off('click', layer, click);
        map.off('mouseenter', layer, enter);
        map.off('mouseleave', layer, leave);
      });
    }
    const zoomIntoCluster = (event: MapLayerMouseEvent) => {
      const feature = event.features?.[0];
      const clusterId = feature?.properties?.['cluster_id'];
      if (!feature || typeof clusterId !== 'number' || feature.geometry.type !== 'Point') return;
      const [lon = 0, lat = 0] = feature.geometry.coordinates;
      const source = map.getSource<GeoJSONSource>(feature.source);
      void source?.getClusterExpansionZoom(clusterId).then((zoom) => {
        map.easeTo({ center: [lon, lat], zoom });
      });
    };
    for (const layer of CLUSTER_LAYERS) {
      map.on('click', layer, zoomIntoCluster);
      map.on('mouseenter', layer, enter);
      map.on('mouseleave', layer, leave);
      this.#listeners.push(() => {
        map.off('click', layer, zoomIntoCluster);
        map.off('mouseenter', layer, enter);
        map.off('mouseleave', layer, leave);
      });
    }
  }

  /** True when a place or cluster is drawn at the point, so the click is the place's. */
  hitsPlace(point: { x: number; y: number }): boolean {
    const layers = [...PLACE_INTERACTIVE_LAYERS, ...CLUSTER_LAYERS];
    return this.#map.queryRenderedFeatures([point.x, point.y], { layers }).length > 0;
  }

  /** Shows exactly the places groups in the set (other groups are ignored). */
  setVisible(visible: ReadonlySet<LayerGroup>): void {
    this.#visible = visible;
    this.#applyVisibility();
    if (visible.has('industryHulls')) {
      if (!this.#hullsUploaded) this.#uploadHulls();
      this.#applyHullFilter();
    }
  }

  /**
   * Hulls show only the chosen industries. Set only while hulls show: a filter on a hidden
   * layer would still cost the page a repaint on every change.
   */
  #applyHullFilter(): void {
    const industryIds = this.#filter?.industryIds ?? [];
    const hulls: FilterSpecification =
      industryIds.length > 0
        ? ['in', ['get', 'industry_id'], ['literal', [...industryIds]]]
        : ['all'];
    this.#map.setFilter(PLACE_LAYER_IDS.hullFill, hulls);
    this.#map.setFilter(PLACE_LAYER_IDS.hullLine, hulls);
  }

  #applyVisibility(): void {
    const set = (id: string, on: boolean) =>
      this.#map.setLayoutProperty(id, 'visibility', on ? 'visible' : 'none');
    const hulls = this.#visible.has('industryHulls');
    set(PLACE_LAYER_IDS.hullFill, hulls);
    set(PLACE_LAYER_IDS.hullLine, hulls);
    for (const [group, ids] of Object.entries(DRAWN_LAYERS_OF_GROUP) as [
      PlaceLayerGroup,
      readonly string[],
    ][]) {
      const on = this.#visible.has(group);
      for (const id of ids) {
        set(id, on && this.#showing !== 'filtered');
        set(filteredLayerId(id), on && this.#showing !== 'all');
      }
    }
  }

  #show(showing: Showing): void {
    this.#stopWaiting?.();
    this.#stopWaiting = null;
    if (this.#showing === showing) return;
    this.#showing = showing;
    this.#applyVisibility();
  }

  #uploadHulls(): void {
    const all: PlacesCollection = {
      type: 'FeatureCollection',
      features: [...this.#places.features],
    };
    void this.#map.getSource<GeoJSONSource>(PLACE_SOURCE_IDS.hulls)?.setData(industryHulls(all));
    this.#hullsUploaded = true;
  }

  /**
   * Applies the planners' filter, and hulls show only the chosen industries. An empty filter
   * shows the sources of every place at once; another goes to the filter worker, and the
   * filtered layers show once their data is in. The promise settles when the filtered sources
   * hold everything the filter keeps (or a later filter's places), and rejects if the worker
   * fails.
   */
  setFilter(filter: PlaceFilter): Promise<void> {
    if (this.#filter === filter) return this.#settled;
    this.#filter = filter;
    if (this.#visible.has('industryHulls')) this.#applyHullFilter();
    const generation = ++this.#generation;
    if (isEmptyFilter(filter)) {
      this.#next = null;
      this.#show('all');
      this.#settle(generation);
      this.#settled = Promise.resolve();
    } else {
      this.#settled = new Promise((resolve, reject) =>
        this.#waiting.push({ generation, resolve, reject }),
      );
      this.#next = { generation, filter: plainFilter(filter) };
      this.#dispatch();
    }
    return this.#settled;
  }

  /** Sends the latest waiting change, unless the worker is still on one (typing outruns it). */
  #dispatch(): void {
    const next = this.#next;
    if (this.#busy || !next) return;
    this.#busy = true;
    this.#next = null;
    this.#post({ op: 'filter', ...next });
  }

  /**
   * Gives the filtered sources the worker's answer. Every answer is applied, in order, since the
   * worker leaves out a source whose places did not change from its previous answer; only the
   * latest change's answer reveals the filtered layers.
   */
  async #receive(response: PlacesFilterResponse): Promise<void> {
    this.#busy = false;
    this.#dispatch();
    const loads: Promise<void>[] = [];
    const urls: string[] = [];
    for (const key of FILTERED_SOURCES) {
      const collection = response.collections[key];
      const source = this.#map.getSource<GeoJSONSource>(FILTERED_SOURCE_ID[key]);
      if (!collection || !source) continue;
      const url = URL.createObjectURL(collection);
      urls.push(url);
      loads.push(source.setData(url));
    }
    try {
      await Promise.all(loads);
    } catch (error) {
      // A source removed meanwhile fails its load; only a failure of the current change matters.
      if (response.generation === this.#generation) this.#fail(error as Error);
      return;
    } finally {
      for (const url of urls) URL.revokeObjectURL(url);
    }
    if (response.generation !== this.#generation) return;
    this.#reveal();
    this.#settle(response.generation);
  }

  /** Settles every change up to this generation. */
  #settle(generation: number): void {
    const done = this.#waiting.filter((w) => w.generation <= generation);
    this.#waiting = this.#waiting.filter((w) => w.generation > generation);
    for (const w of done) w.resolve();
  }

  #fail(error: Error): void {
    this.#busy = false;
    for (const w of this.#waiting.splice(0)) w.reject(error);
  }

  /**
   * Shows the filtered layers; the layers of every place stay until the filtered sources' tiles
   * are in, so the switch never leaves the map without places for a frame.
   */
  #reveal(): void {
    if (this.#showing === 'filtered') return;
    this.#show('both');
    const map = this.#map;
    const check = () => {
      if (FILTERED_SOURCES.every((key) => map.isSourceLoaded(FILTERED_SOURCE_ID[key]))) {
        this.#show('filtered');
      }
    };
    map.on('render', check);
    this.#stopWaiting = () => map.off('render', check);
  }

  /** Rings one place, or an industry's places in one area, over everything else. */
  setHighlight(highlight: PlacesHighlight): void {
    this.#highlight = highlight;
    const { features, drawn } = this.#places;
    const ringed = new Set(highlightedPlaces(features, highlight));
    void this.#map.getSource<GeoJSONSource>(PLACE_SOURCE_IDS.highlight)?.setData({
      type: 'FeatureCollection',
      features: ringed.size === 0 ? [] : drawn.filter((_, i) => ringed.has(features[i]!)),
    });
  }

  /**
   * Replaces the places (corrected positions): the sources of every place get them once, the
   * filtered ones are emptied and refilled for the current filter.
   */
  setData(data: PlacesCollection, index?: PlaceIndex): void {
    this.#places = heldPlaces(data);
    this.#load(index);
    const all = collectionsBySource(this.#places.drawn);
    for (const key of FILTERED_SOURCES) {
      void this.#map.getSource<GeoJSONSource>(PLACE_SOURCE_IDS[key])?.setData(all[key]);
      void this.#map.getSource<GeoJSONSource>(FILTERED_SOURCE_ID[key])?.setData(EMPTY_COLLECTION);
    }
    const filter = this.#filter;
    this.#filter = null;
    this.#show('all');
    if (filter) void this.setFilter(filter);
    if (this.#hullsUploaded) this.#uploadHulls();
    this.setHighlight(this.#highlight);
  }

  /** Switches labels between Chinese and English names. */
  setLocale(locale: Locale): void {
    for (const id of withTwins([PLACE_LAYER_IDS.parkSymbol, PLACE_LAYER_IDS.townSymbol])) {
      this.#map.setLayoutProperty(id, 'text-field', labelField(locale));
    }
  }

  /** Removes every layer, source, icon and listener this added. */
  remove(): void {
    const map = this.#map;
    this.#generation++;
    this.#worker.terminate();
    this.#settle(this.#generation);
    this.#stopWaiting?.();
    for (const off of this.#listeners.splice(0)) off();
    for (const spec of placesLayerSpecs('zh-CN').reverse()) {
      if (map.getLayer(spec.id)) map.removeLayer(spec.id);
    }
    for (const id of Object.values(PLACE_SOURCE_IDS)) {
      if (map.getSource(id)) map.removeSource(id);
    }
    for (const id of Object.values(ICONS)) if (map.hasImage(id)) map.removeImage(id);
  }
}
