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
import { isEmptyFilter, type PlaceFilter } from '../domain/places/place-filter.ts';
import type { LayerGroup, Locale, PlaceLayerGroup } from '../domain/view-state.ts';
import { LABEL_FONT } from './basemap.style.ts';
import { LIGHT_PALETTE } from './palette.ts';

export type PlacesCollection = FeatureCollection<Point, PlaceProperties>;

/** Source ids of the places layers. */
export const PLACE_SOURCE_IDS = {
  all: 'places-all',
  enterprises: 'places-enterprises',
  projects: 'places-projects',
  hulls: 'places-hulls',
} as const;

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

/** Beyond this zoom enterprises and projects are drawn one by one. */
export const CLUSTER_MAX_ZOOM = 10;

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
 * The MapLibre filter that keeps what {@link filterPlaceIndex} keeps, criterion for criterion,
 * so the map and the list agree (tested against the pure filter on the shipped places).
 */
export function placeFilterExpression(filter: PlaceFilter): FilterSpecification {
  const parts: ExpressionSpecification[] = [];
  if (filter.kinds.length > 0) {
    parts.push(['in', ['get', 'kind'], ['literal', [...filter.kinds]]]);
  }
  if (filter.industryIds.length > 0) {
    parts.push(['in', ['get', 'industry_id'], ['literal', [...filter.industryIds]]]);
  }
  if (filter.districtCode !== null) {
    parts.push(['in', `;${filter.districtCode};`, ['concat', ';', ['get', 'district_codes'], ';']]);
  }
  if (filter.stages.length > 0) {
    parts.push(['in', ['coalesce', ['get', 'stage'], ''], ['literal', [...filter.stages]]]);
  }
  const [minInvestment, maxInvestment] = filter.investmentYiYuan;
  if (minInvestment !== null || maxInvestment !== null) {
    const value: ExpressionSpecification = ['to-number', ['get', 'investment_yi_yuan']];
    parts.push(['has', 'investment_yi_yuan']);
    if (minInvestment !== null) parts.push(['>=', value, minInvestment]);
    if (maxInvestment !== null) parts.push(['<=', value, maxInvestment]);
  }
  const [fromYear, toYear] = filter.years;
  if (fromYear !== null || toYear !== null) {
    const start: ExpressionSpecification = ['to-number', ['get', 'start_year']];
    parts.push(['has', 'start_year']);
    if (fromYear !== null) {
      parts.push(['>=', ['to-number', ['coalesce', ['get', 'end_year'], start]], fromYear]);
    }
    if (toYear !== null) parts.push(['<=', start, toYear]);
  }
  const query = filter.query.trim().toLowerCase();
  if (query !== '') {
    parts.push([
      'in',
      query,
      [
        'downcase',
        [
          'concat',
          ['get', 'name_zh'],
          '\n',
          ['coalesce', ['get', 'name_en'], ''],
          '\n',
          ['coalesce', ['get', 'products_zh'], ''],
        ],
      ],
    ]);
  }
  return ['all', ...parts] as FilterSpecification;
}

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
    byKey.set(key, [...(byKey.get(key) ?? []), feature]);
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

function ofKinds(places: PlacesCollection, kinds: readonly PlaceKind[]): PlacesCollection {
  return {
    type: 'FeatureCollection',
    features: places.features.filter((f) => kinds.includes(f.properties.kind)),
  };
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
    source: PLACE_SOURCE_IDS.all,
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
      id: PLACE_LAYER_IDS.density,
      type: 'heatmap',
      source: PLACE_SOURCE_IDS.all,
      filter: ['==', ['get', 'kind'], 'enterprise'],
      paint: {
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
      source: PLACE_SOURCE_IDS.all,
      filter: ['==', ['get', 'place_id'], ''],
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

/**
 * The places on the map: sources, layers, icons and listeners, added together and removed by
 * the cleanup {@link PlacesLayer.remove}. Filters go through `setFilter` and never re-upload
 * data; only a change of the data itself (a corrected position) calls `setData`.
 */
export class PlacesLayer {
  readonly #map: MapLibreMap;
  #filter: PlaceFilter | null = null;
  #clustered = true;
  #visible: ReadonlySet<LayerGroup>;
  #listeners: Array<() => void> = [];

  constructor(map: MapLibreMap, options: PlacesLayerOptions) {
    this.#map = map;
    this.#visible = options.visible;
    this.#add(options);
  }

  #add({ data, locale, onPlaceClick }: PlacesLayerOptions): void {
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
    map.addSource(PLACE_SOURCE_IDS.all, { type: 'geojson', data });
    for (const [id, kind] of [
      [PLACE_SOURCE_IDS.enterprises, 'enterprise'],
      [PLACE_SOURCE_IDS.projects, 'project'],
    ] as const) {
      map.addSource(id, {
        type: 'geojson',
        data: ofKinds(data, [kind]),
        cluster: true,
        clusterMaxZoom: CLUSTER_MAX_ZOOM,
        clusterRadius: 40,
      });
    }
    map.addSource(PLACE_SOURCE_IDS.hulls, { type: 'geojson', data: industryHulls(data) });
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
        const shown = visible.has(group) && !(this.#isClusterLayer(id) && !this.#clustered);
        this.#map.setLayoutProperty(id, 'visibility', shown ? 'visible' : 'none');
      }
    }
  }

  #isClusterLayer(id: string): boolean {
    return (
      id === PLACE_LAYER_IDS.enterpriseCluster ||
      id === PLACE_LAYER_IDS.enterpriseClusterCount ||
      id === PLACE_LAYER_IDS.projectCluster ||
      id === PLACE_LAYER_IDS.projectClusterCount
    );
  }

  /**
   * Applies the planners' filter to every places layer. Cluster counts cannot be filtered, so
   * while a filter is on, enterprises and projects are drawn unclustered (switched once when
   * the filter turns on or off, not per keystroke).
   */
  setFilter(filter: PlaceFilter): void {
    if (this.#filter === filter) return;
    this.#filter = filter;
    const map = this.#map;
    const user = placeFilterExpression(filter);
    const clustered = isEmptyFilter(filter);
    if (clustered !== this.#clustered) {
      this.#clustered = clustered;
      for (const id of [PLACE_SOURCE_IDS.enterprises, PLACE_SOURCE_IDS.projects]) {
        void map.getSource<GeoJSONSource>(id)?.setClusterOptions({ cluster: clustered });
      }
      this.setVisible(this.#visible);
    }
    const withUser = (base: FilterSpecification): FilterSpecification =>
      ['all', base, user] as FilterSpecification;
    map.setFilter(PLACE_LAYER_IDS.enterprisePoint, withUser(UNCLUSTERED));
    map.setFilter(PLACE_LAYER_IDS.projectPoint, withUser(UNCLUSTERED));
    map.setFilter(PLACE_LAYER_IDS.projectStage, withUser(UNCLUSTERED));
    map.setFilter(
      PLACE_LAYER_IDS.parkSymbol,
      withUser(['in', ['get', 'kind'], ['literal', [...KINDS_OF_GROUP.parks]]]),
    );
    map.setFilter(
      PLACE_LAYER_IDS.townSymbol,
      withUser(['in', ['get', 'kind'], ['literal', [...KINDS_OF_GROUP.specialtyTowns]]]),
    );
    map.setFilter(PLACE_LAYER_IDS.density, withUser(['==', ['get', 'kind'], 'enterprise']));
    const hulls: FilterSpecification =
      filter.industryIds.length > 0
        ? ['in', ['get', 'industry_id'], ['literal', [...filter.industryIds]]]
        : ['all'];
    map.setFilter(PLACE_LAYER_IDS.hullFill, hulls);
    map.setFilter(PLACE_LAYER_IDS.hullLine, hulls);
  }

  /** Rings one place, or an industry's places in one area, over everything else. */
  setHighlight(highlight: PlacesHighlight): void {
    let filter: FilterSpecification = ['==', ['get', 'place_id'], ''];
    if (highlight && 'placeId' in highlight) {
      filter = ['==', ['get', 'place_id'], highlight.placeId];
    } else if (highlight) {
      const inArea: ExpressionSpecification =
        highlight.areaCode === null
          ? ['==', ['get', 'district_codes'], '']
          : [
              '==',
              ['index-of', `${highlight.areaCode};`, ['concat', ['get', 'district_codes'], ';']],
              0,
            ];
      filter = ['all', ['==', ['get', 'industry_id'], highlight.industryId], inArea];
    }
    this.#map.setFilter(PLACE_LAYER_IDS.highlight, filter);
  }

  /** Replaces the places (corrected positions): one upload per change of the data. */
  setData(data: PlacesCollection): void {
    const map = this.#map;
    map.getSource<GeoJSONSource>(PLACE_SOURCE_IDS.all)?.setData(data);
    map
      .getSource<GeoJSONSource>(PLACE_SOURCE_IDS.enterprises)
      ?.setData(ofKinds(data, ['enterprise']));
    map.getSource<GeoJSONSource>(PLACE_SOURCE_IDS.projects)?.setData(ofKinds(data, ['project']));
    map.getSource<GeoJSONSource>(PLACE_SOURCE_IDS.hulls)?.setData(industryHulls(data));
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
