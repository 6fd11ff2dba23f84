/**
 * Saved renewal zones on the map: filled by phase (seed 003's four project lists), the selected
 * one outlined, names at higher zooms, and a district progress fill beneath them. The draft
 * being drawn lives in terra-draw's own layers (zone-draw.ts), never in this source.
 */
import type { Feature, FeatureCollection, Polygon } from 'geojson';
import type {
  ExpressionSpecification,
  GeoJSONSource,
  Map as MapLibreMap,
  MapMouseEvent,
  PointLike,
} from 'maplibre-gl';
import { ZONE_PHASES, type ZonePhase } from '../domain/zones/zone.ts';
import { BASEMAP_SOURCE_ID, LAYER_IDS, SOURCE_LAYERS } from './layer-ids.ts';

/**
 * Phase colours from the Okabe–Ito set, distinct for colour-blind readers and from the places
 * layer's orange enterprises and blue projects. Order follows ZONE_PHASES.
 */
export const ZONE_PHASE_COLOURS: Readonly<Record<ZonePhase, string>> = {
  planning: '#cc79a7',
  preparation: '#e69f00',
  newBuild: '#009e73',
  continuing: '#56b4e9',
};

export const ZONE_SOURCE_ID = 'zones';

export const ZONE_LAYER_IDS = {
  progressFill: 'zone-progress-fill',
  fill: 'zone-fill',
  outline: 'zone-outline',
  selected: 'zone-selected',
  label: 'zone-label',
} as const;

/** The fields of a zone this layer draws. */
export interface ZoneOnMap {
  id: string;
  name: string;
  phase: ZonePhase;
  geometry: Polygon;
}

export interface ZonesLayerOptions {
  /** A click on a zone (its id), or on the map outside every zone (null). */
  onClick: (zoneId: string | null) => void;
  /** Text font stack of the basemap's labels. */
  fontStack: string[];
}

/** A `match` over a property; its variadic form is beyond the style spec's tuple type. */
function matchProperty(
  property: string,
  pairs: readonly (readonly [string, string])[],
  fallback: string,
): ExpressionSpecification {
  return [
    'match',
    ['get', property],
    ...pairs.flat(),
    fallback,
  ] as unknown as ExpressionSpecification;
}

const phaseColour = matchProperty(
  'phase',
  ZONE_PHASES.map((phase) => [phase, ZONE_PHASE_COLOURS[phase]] as const),
  '#888888',
);

const NO_FEATURES: FeatureCollection<Polygon> = { type: 'FeatureCollection', features: [] };

/** The GeoJSON the zones source holds: one feature per zone, its id as the feature's id. */
export function zonesCollection(zones: readonly ZoneOnMap[]): FeatureCollection<Polygon> {
  return {
    type: 'FeatureCollection',
    features: zones.map((z): Feature<Polygon> => ({
      type: 'Feature',
      id: z.id,
      geometry: z.geometry,
      properties: { zone_id: z.id, name: z.name, phase: z.phase },
    })),
  };
}

/**
 * The zones' layers on one map. Every method is an add/remove pair with `remove()`; the
 * layers sit above districts and below places, so place points stay clickable inside a zone.
 */
export class ZonesLayer {
  readonly #map: MapLibreMap;
  readonly #options: ZonesLayerOptions;
  readonly #onClick: (event: MapMouseEvent) => void;
  readonly #onEnter = () => (this.#map.getCanvas().style.cursor = 'pointer');
  readonly #onLeave = () => (this.#map.getCanvas().style.cursor = '');
  #clicksEnabled = true;

  constructor(map: MapLibreMap, options: ZonesLayerOptions) {
    this.#map = map;
    this.#options = options;
    map.addSource(ZONE_SOURCE_ID, { type: 'geojson', data: NO_FEATURES, promoteId: 'zone_id' });
    const before = map.getLayer(LAYER_IDS.districtLabel) ? LAYER_IDS.districtLabel : undefined;
    map.addLayer(
      {
        id: ZONE_LAYER_IDS.progressFill,
        type: 'fill',
        source: BASEMAP_SOURCE_ID,
        'source-layer': SOURCE_LAYERS.districts,
        layout: { visibility: 'none' },
        paint: { 'fill-color': 'rgba(0,0,0,0)', 'fill-opacity': 0.55 },
      },
      before,
    );
    map.addLayer(
      {
        id: ZONE_LAYER_IDS.fill,
        type: 'fill',
        source: ZONE_SOURCE_ID,
        paint: { 'fill-color': phaseColour, 'fill-opacity': 0.35 },
      },
      before,
    );
    map.addLayer(
      {
        id: ZONE_LAYER_IDS.outline,
        type: 'line',
        source: ZONE_SOURCE_ID,
        paint: { 'line-color': phaseColour, 'line-width': 2 },
      },
      before,
    );
    map.addLayer(
      {
        id: ZONE_LAYER_IDS.selected,
        type: 'line',
        source: ZONE_SOURCE_ID,
        filter: ['==', ['get', 'zone_id'], ''],
        paint: { 'line-color': '#111827', 'line-width': 4 },
      },
      before,
    );
    map.addLayer({
      id: ZONE_LAYER_IDS.label,
      type: 'symbol',
      source: ZONE_SOURCE_ID,
      minzoom: 11,
      layout: { 'text-field': ['get', 'name'], 'text-font': options.fontStack, 'text-size': 12 },
      paint: { 'text-color': '#1f2937', 'text-halo-color': '#ffffff', 'text-halo-width': 1.5 },
    });
    this.#onClick = (event) => {
      if (!this.#clicksEnabled) return;
      this.#options.onClick(this.zoneAt(event.point));
    };
    map.on('click', this.#onClick);
    map.on('mouseenter', ZONE_LAYER_IDS.fill, this.#onEnter);
    map.on('mouseleave', ZONE_LAYER_IDS.fill, this.#onLeave);
  }

  /** Replaces the drawn zones (a GeoJSON source update, no layer rebuild). */
  setZones(zones: readonly ZoneOnMap[]): void {
    this.#source()?.setData(zonesCollection(zones));
  }

  /** Outlines one zone as selected, or none. */
  setSelected(zoneId: string | null): void {
    this.#map.setFilter(ZONE_LAYER_IDS.selected, ['==', ['get', 'zone_id'], zoneId ?? '']);
  }

  /** Leaves one zone out of the saved layers while its draft copy is edited above them. */
  setHidden(zoneId: string | null): void {
    const filter: ExpressionSpecification = ['!=', ['get', 'zone_id'], zoneId ?? ''];
    for (const id of [ZONE_LAYER_IDS.fill, ZONE_LAYER_IDS.outline, ZONE_LAYER_IDS.label]) {
      this.#map.setFilter(id, filter);
    }
  }

  /** Shows or hides the zones; drawing tools stay with zone-draw.ts. */
  setVisible(visible: boolean): void {
    for (const id of [
      ZONE_LAYER_IDS.fill,
      ZONE_LAYER_IDS.outline,
      ZONE_LAYER_IDS.selected,
      ZONE_LAYER_IDS.label,
    ]) {
      this.#map.setLayoutProperty(id, 'visibility', visible ? 'visible' : 'none');
    }
  }

  /**
   * Colours districts by progress (district code → colour), or hides the fill when the map is
   * empty. A match expression, not feature-state, so the heatmap's own fills stay untouched.
   */
  setProgressFills(fillByCode: ReadonlyMap<string, string>): void {
    const map = this.#map;
    if (fillByCode.size === 0) {
      map.setLayoutProperty(ZONE_LAYER_IDS.progressFill, 'visibility', 'none');
      return;
    }
    const colour = matchProperty('code', [...fillByCode], 'rgba(0,0,0,0)');
    map.setPaintProperty(ZONE_LAYER_IDS.progressFill, 'fill-color', colour);
    map.setLayoutProperty(ZONE_LAYER_IDS.progressFill, 'visibility', 'visible');
  }

  /** Turns click-to-select off while a shape is drawn, so drawing clicks select nothing. */
  setClicksEnabled(enabled: boolean): void {
    this.#clicksEnabled = enabled;
  }

  /** The zone under a screen point, if any. */
  zoneAt(point: PointLike): string | null {
    if (!this.#map.getLayer(ZONE_LAYER_IDS.fill)) return null;
    const [hit] = this.#map.queryRenderedFeatures(point, { layers: [ZONE_LAYER_IDS.fill] });
    const id = hit?.properties['zone_id'];
    return typeof id === 'string' ? id : null;
  }

  /** Frames a zone on screen. */
  fitZone(geometry: Polygon): void {
    let west = Infinity;
    let south = Infinity;
    let east = -Infinity;
    let north = -Infinity;
    for (const [lng = 0, lat = 0] of geometry.coordinates[0] ?? []) {
      west = Math.min(west, lng);
      east = Math.max(east, lng);
      south = Math.min(south, lat);
      north = Math.max(north, lat);
    }
    if (!Number.isFinite(west)) return;
    this.#map.fitBounds(
      [
        [west, south],
        [east, north],
      ],
      { padding: 120, maxZoom: 15, duration: 800 },
    );
  }

  /** Removes the layers, the source and the listeners. */
  remove(): void {
    const map = this.#map;
    map.off('click', this.#onClick);
    map.off('mouseenter', ZONE_LAYER_IDS.fill, this.#onEnter);
    map.off('mouseleave', ZONE_LAYER_IDS.fill, this.#onLeave);
    for (const id of Object.values(ZONE_LAYER_IDS).reverse()) {
      if (map.getLayer(id)) map.removeLayer(id);
    }
    if (map.getSource(ZONE_SOURCE_ID)) map.removeSource(ZONE_SOURCE_ID);
  }

  #source(): GeoJSONSource | undefined {
    return this.#map.getSource<GeoJSONSource>(ZONE_SOURCE_ID);
  }
}
