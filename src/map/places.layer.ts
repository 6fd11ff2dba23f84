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
import {
  buildPlaceIndex,
  filterPlaceIndex,
  isEmptyFilter,
  type FilterablePlace,
  type PlaceFilter,
  type PlaceIndex,
} from '../domain/places/place-filter.ts';
import type { LayerGroup, Locale, PlaceLayerGroup } from '../domain/view-state.ts';
import { LABEL_FONT } from './basemap.style.ts';
import { LIGHT_PALETTE } from './palette.ts';

export type PlacesCollection = FeatureCollection<Point, PlaceProperties>;
type PlaceFeature = Feature<Point, PlaceProperties>;

/**
 * The properties the places layers read (and a click's place id): what the map's sources are
 * given, so a filter change posts a fraction of each place's text to the worker.
 */
export type DrawnPlaceProperties = Pick<
  PlaceProperties,
  'place_id' | 'kind' | 'industry_id' | 'precision' | 'stage' | 'investment_yi_yuan' | 'name_en'
> & { name_zh?: string };
type DrawnFeature = Feature<Point, DrawnPlaceProperties>;
type DrawnCollection = FeatureCollection<Point, DrawnPlaceProperties>;

/**
 * Source ids of the places layers. Enterprises and projects, the many, are clustered; named
 * places (parks, towns, clusters, markets) are few and drawn one by one. The highlight source
 * holds only the ringed places, so ringing one never re-tiles the others.
 */
export const PLACE_SOURCE_IDS = {
  named: 'places-named',
  enterprises: 'places-enterprises',
  projects: 'places-projects',
  hulls: 'places-hulls',
  highlight: 'places-highlight',
} as const;

/** The sources the planners' filter is applied to, each holding the places it draws. */
export type FilteredSource = 'enterprises' | 'projects' | 'named';

/** Layer ids of the places layers, bottom to top. */
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

/** Which places layers each layer-panel group shows. */
export const PLACE_LAYERS_OF_GROUP: Record<PlaceLayerGroup, readonly string[]> = {
  industryHulls: [PLACE_LAYER_IDS.hullFill, PLACE_LAYER_IDS.hullLine],
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
export const PLACE_INTERACTIVE_LAYERS: readonly string[] = [
  PLACE_LAYER_IDS.enterprisePoint,
  PLACE_LAYER_IDS.projectPoint,
  PLACE_LAYER_IDS.parkSymbol,
  PLACE_LAYER_IDS.townSymbol,
];

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

/** A place as the sources hold it: names only where a label shows them (named places). */
export function drawnFeature(feature: PlaceFeature): DrawnFeature {
  const p = feature.properties;
  const props: DrawnPlaceProperties = {
    place_id: p.place_id,
    kind: p.kind,
    industry_id: p.industry_id,
    precision: p.precision,
  };
  if (p.stage !== undefined) props.stage = p.stage;
  if (p.investment_yi_yuan !== undefined) props.investment_yi_yuan = p.investment_yi_yuan;
  if (sourceOfKind(p.kind) === 'named') {
    props.name_zh = p.name_zh;
    if (p.name_en !== undefined) props.name_en = p.name_en;
  }
  return { type: 'Feature', properties: props, geometry: feature.geometry };
}

/** The source a place of this kind is drawn from. */
function sourceOfKind(kind: PlaceKind): FilteredSource {
  return kind === 'enterprise' ? 'enterprises' : kind === 'project' ? 'projects' : 'named';
}

/**
 * The places each filtered source draws: those at the `kept` indices (ascending, as
 * filterPlaceIndex returns them), or all when `kept` is null.
 */
export function placesBySource(
  features: readonly DrawnFeature[],
  kept: ArrayLike<number> | null,
): Record<FilteredSource, DrawnCollection> {
  const out: Record<FilteredSource, DrawnFeature[]> = { enterprises: [], projects: [], named: [] };
  const count = kept ? kept.length : features.length;
  for (let k = 0; k < count; k++) {
    const feature = features[kept ? kept[k]! : k]!;
    out[sourceOfKind(feature.properties.kind)].push(feature);
  }
  const collection = (list: DrawnFeature[]): DrawnCollection => ({
    type: 'FeatureCollection',
    features: list,
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

/** True when both lists hold the same feature objects in the same order. */
function sameFeatures(a: readonly DrawnFeature[], b: readonly DrawnFeature[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
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

/** Everything the places layers draw, in order. */
export function placesLayerSpecs(locale: Locale): LayerSpecification[] {
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
  locale: Locale;
  visible: ReadonlySet<LayerGroup>;
  onPlaceClick: (placeId: string) => void;
}

const EMPTY_COLLECTION: FeatureCollection = { type: 'FeatureCollection', features: [] };

/**
 * The places on the map: sources, layers, icons and listeners, added together and removed by
 * the cleanup {@link PlacesLayer.remove}. The planners' filter runs here in JavaScript, on the
 * column index the list uses, and each source is handed the places that pass: clustering stays
 * on, the worker re-indexes the clusters, and the main thread only filters (a few ms at 100,000
 * places) and posts the kept features. A source whose places did not change is left alone.
 */
export class PlacesLayer {
  readonly #map: MapLibreMap;
  #features: readonly PlaceFeature[];
  /** The features as drawn, index for index with #features. */
  #drawn: readonly DrawnFeature[];
  #unfiltered: Record<FilteredSource, DrawnCollection>;
  #shown: Record<FilteredSource, DrawnCollection>;
  #index: PlaceIndex | null = null;
  #filter: PlaceFilter | null = null;
  #highlight: PlacesHighlight = null;
  #hullsUploaded = false;
  #visible: ReadonlySet<LayerGroup>;
  #listeners: Array<() => void> = [];

  constructor(map: MapLibreMap, options: PlacesLayerOptions) {
    this.#map = map;
    this.#visible = options.visible;
    this.#features = options.data.features;
    this.#drawn = this.#features.map(drawnFeature);
    this.#unfiltered = placesBySource(this.#drawn, null);
    this.#shown = this.#unfiltered;
    this.#add(options);
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
    map.addSource(PLACE_SOURCE_IDS.named, { type: 'geojson', data: this.#shown.named });
    for (const key of ['enterprises', 'projects'] as const) {
      map.addSource(PLACE_SOURCE_IDS[key], {
        type: 'geojson',
        data: this.#shown[key],
        cluster: true,
        clusterMaxZoom: CLUSTER_MAX_ZOOM,
        clusterRadius: CLUSTER_RADIUS_PX,
      });
    }
    // Hulls are computed only once their group is switched on (see setVisible).
    map.addSource(PLACE_SOURCE_IDS.hulls, { type: 'geojson', data: EMPTY_COLLECTION });
    map.addSource(PLACE_SOURCE_IDS.highlight, { type: 'geojson', data: EMPTY_COLLECTION });
    for (const spec of placesLayerSpecs(locale)) map.addLayer(spec);
    this.setVisible(this.#visible);

    const click = (event: MapLayerMouseEvent) => {
      const id = event.features?.[0]?.properties?.['place_id'];
      if (typeof id === 'string') onPlaceClick(id);
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
    for (const layer of [PLACE_LAYER_IDS.enterpriseCluster, PLACE_LAYER_IDS.projectCluster]) {
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
    const layers = [
      ...PLACE_INTERACTIVE_LAYERS,
      PLACE_LAYER_IDS.enterpriseCluster,
      PLACE_LAYER_IDS.projectCluster,
    ];
    return this.#map.queryRenderedFeatures([point.x, point.y], { layers }).length > 0;
  }

  /** Shows exactly the places groups in the set (other groups are ignored). */
  setVisible(visible: ReadonlySet<LayerGroup>): void {
    this.#visible = visible;
    for (const [group, ids] of Object.entries(PLACE_LAYERS_OF_GROUP) as [
      PlaceLayerGroup,
      readonly string[],
    ][]) {
      for (const id of ids) {
        this.#map.setLayoutProperty(id, 'visibility', visible.has(group) ? 'visible' : 'none');
      }
    }
    if (visible.has('industryHulls') && !this.#hullsUploaded) this.#uploadHulls();
  }

  #uploadHulls(): void {
    const all: PlacesCollection = { type: 'FeatureCollection', features: [...this.#features] };
    void this.#map.getSource<GeoJSONSource>(PLACE_SOURCE_IDS.hulls)?.setData(industryHulls(all));
    this.#hullsUploaded = true;
  }

  /**
   * Applies the planners' filter: each source gets the places that pass (clusters then count
   * only those), and hulls show only the chosen industries.
   */
  setFilter(filter: PlaceFilter): void {
    if (this.#filter === filter) return;
    this.#filter = filter;
    this.#showFiltered();
    const hulls: FilterSpecification =
      filter.industryIds.length > 0
        ? ['in', ['get', 'industry_id'], ['literal', [...filter.industryIds]]]
        : ['all'];
    this.#map.setFilter(PLACE_LAYER_IDS.hullFill, hulls);
    this.#map.setFilter(PLACE_LAYER_IDS.hullLine, hulls);
  }

  #showFiltered(): void {
    const filter = this.#filter;
    let next = this.#unfiltered;
    if (filter && !isEmptyFilter(filter)) {
      this.#index ??= placeIndexOfFeatures(this.#features);
      next = placesBySource(this.#drawn, filterPlaceIndex(this.#index, filter));
    }
    for (const key of ['enterprises', 'projects', 'named'] as const) {
      if (sameFeatures(next[key].features, this.#shown[key].features)) continue;
      void this.#map.getSource<GeoJSONSource>(PLACE_SOURCE_IDS[key])?.setData(next[key]);
    }
    this.#shown = next;
  }

  /** Rings one place, or an industry's places in one area, over everything else. */
  setHighlight(highlight: PlacesHighlight): void {
    this.#highlight = highlight;
    const features = highlightedPlaces(this.#features, highlight).map(drawnFeature);
    void this.#map
      .getSource<GeoJSONSource>(PLACE_SOURCE_IDS.highlight)
      ?.setData({ type: 'FeatureCollection', features });
  }

  /** Replaces the places (corrected positions): one upload per source whose places changed. */
  setData(data: PlacesCollection): void {
    this.#features = data.features;
    this.#drawn = this.#features.map(drawnFeature);
    this.#unfiltered = placesBySource(this.#drawn, null);
    this.#index = null;
    this.#showFiltered();
    if (this.#hullsUploaded) this.#uploadHulls();
    this.setHighlight(this.#highlight);
  }

  /** Switches labels between Chinese and English names. */
  setLocale(locale: Locale): void {
    for (const id of [PLACE_LAYER_IDS.parkSymbol, PLACE_LAYER_IDS.townSymbol]) {
      this.#map.setLayoutProperty(id, 'text-field', labelField(locale));
    }
  }

  /** Removes every layer, source, icon and listener this added. */
  remove(): void {
    const map = this.#map;
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
