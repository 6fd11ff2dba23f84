/**
 * The user's imported layers on the map: points (clustered when a layer has many) and parcels
 * (fills with outlines), one vector source pair per layer, each layer in its own colour, and a
 * click that names the record for its card. The tiles are cut in the import worker
 * (src/workers/layer-tiles.ts) and fetched through a MapLibre protocol, so the page never holds
 * a layer's features: it passes each tile's bytes from that worker to MapLibre's.
 *
 * ## Colouring records (hook for the per-mu evaluation)
 * Every record is a feature whose id is its `index` in the layer, so its look can change
 * through feature state without re-uploading data:
 * - `setRecordStates(layerId, new Map([[index, { colour: '#c0392b' }]]))` paints those
 *   records in that colour (points and parcels); records without a `colour` state keep the
 *   layer's colour. Any other state keys (`evalClass: 'D'`, `flagged: 1`) are stored too, for
 *   an expression to read.
 * - `setColourExpression(expression)` replaces the colour of every imported record with a
 *   MapLibre expression, e.g. `['match', ['feature-state', 'evalClass'], 'A', '#1a9850', …,
 *   '#888888']`; `null` restores the default (state `colour`, else the layer's colour).
 * States survive hiding and showing a layer; they go with the layer when it is removed.
 */

import type { Feature, FeatureCollection, Geometry } from 'geojson';
import {
  addProtocol,
  removeProtocol,
  type ExpressionSpecification,
  type LayerSpecification,
  type Map as MapLibreMap,
  type MapLayerMouseEvent,
} from 'maplibre-gl';
import type { ImportedLayerKind, ImportedRecord } from '../domain/imports/imported-layer.ts';
import { LABEL_FONT } from './basemap.style.ts';

/** A layer to draw: its id, what it holds, and what its tiles hold. */
export interface ImportedLayerData {
  layerId: string;
  kind: ImportedLayerKind;
  drawing: {
    pointCount: number;
    /** [west, south, east, north], or null when no record has a geometry. */
    bounds: [number, number, number, number] | null;
  };
}

/** The vector tile layer (and tile set) of a layer's points, or of its other shapes. */
export type ImportedTileLayer = 'points' | 'shapes';

/** Where the tiles of imported layers come from (the import worker). */
export interface ImportedTileSource {
  /** A tile's Mapbox Vector Tile bytes, or null when it is empty. */
  tile(
    layerId: string,
    layer: ImportedTileLayer,
    z: number,
    x: number,
    y: number,
  ): Promise<Uint8Array | null>;
  /** The zoom at which a cluster of the layer's points splits. */
  clusterExpansionZoom(layerId: string, clusterId: number): Promise<number | null>;
}

/** The URL scheme MapLibre fetches imported layers' tiles through. */
export const IMPORTED_TILE_PROTOCOL = 'muatlas-imported';
/** Tiles are cut up to this zoom and drawn over-zoomed beyond it. */
export const IMPORTED_TILE_MAX_ZOOM = 14;
/** Points within this many pixels are drawn as one cluster. */
export const CLUSTER_RADIUS_PX = 40;

export interface ImportedLayersLayerOptions {
  /** A record was clicked: its layer and index. */
  onRecordClick: (layerId: string, index: number) => void;
  tiles: ImportedTileSource;
  /**
   * A layer added by `setLayers` has its data read by MapLibre's worker and its tiles in view
   * loaded: it is on the map. Once per layer added.
   */
  onLayerDrawn?: (layerId: string) => void;
}

/** Points in one layer from which they are drawn clustered below {@link CLUSTER_MAX_ZOOM}. */
export const CLUSTER_FROM_POINTS = 200;
/** The last zoom at which points are clustered; from the next one every point shows. */
export const CLUSTER_MAX_ZOOM = 12;

/** Layer colours, chosen apart from the industries' and the choropleth's. */
export const IMPORTED_LAYER_COLOURS = [
  '#7b3294',
  '#008837',
  '#e66101',
  '#0571b0',
  '#ca0020',
  '#5e3c99',
] as const;

/**
 * A layer's colour, from its id, so it is the same after a reload, in every tab and in the
 * layer list's swatch (FNV-1a over the id).
 */
export function importedLayerColour(layerId: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < layerId.length; i++) {
    hash ^= layerId.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return IMPORTED_LAYER_COLOURS[hash % IMPORTED_LAYER_COLOURS.length] ?? IMPORTED_LAYER_COLOURS[0];
}

/** The MapLibre ids of one imported layer's sources and style layers. */
export function importedLayerIds(layerId: string) {
  const base = `imported-${layerId}`;
  return {
    pointSource: `${base}-points`,
    shapeSource: `${base}-shapes`,
    fill: `${base}-fill`,
    outline: `${base}-outline`,
    cluster: `${base}-cluster`,
    clusterCount: `${base}-cluster-count`,
    point: `${base}-point`,
  } as const;
}

type LayerIds = ReturnType<typeof importedLayerIds>;

/** Style layers of one imported layer, bottom to top. */
function styleLayerIds(ids: LayerIds): string[] {
  return [ids.fill, ids.outline, ids.cluster, ids.clusterCount, ids.point];
}

const isPointGeometry = (g: Geometry): boolean => g.type === 'Point' || g.type === 'MultiPoint';

/**
 * Splits a layer's records into point and shape features, each with its index as id and only
 * property; records without geometry are left out.
 */
export function recordFeatures(records: readonly ImportedRecord[]): {
  points: FeatureCollection;
  shapes: FeatureCollection;
} {
  const points: Feature[] = [];
  const shapes: Feature[] = [];
  for (const record of records) {
    if (!record.geometry) continue;
    // Only what the layers read: MapLibre's worker posts a URL's features back to the page,
    // where each value is unpacked again (seconds for 200,000 points).
    const feature: Feature = {
      type: 'Feature',
      id: record.index,
      geometry: record.geometry,
      properties: { index: record.index },
    };
    (isPointGeometry(record.geometry) ? points : shapes).push(feature);
  }
  return {
    points: { type: 'FeatureCollection', features: points },
    shapes: { type: 'FeatureCollection', features: shapes },
  };
}

/** The default colour: a record's `colour` state, else its layer's colour. */
export function defaultColourExpression(layerColour: string): ExpressionSpecification {
  return ['coalesce', ['feature-state', 'colour'], layerColour];
}

/** The style layers of one imported layer, in the colour given. */
export function importedLayerSpecs(
  ids: LayerIds,
  colour: ExpressionSpecification,
): LayerSpecification[] {
  const unclustered: ExpressionSpecification = ['!', ['has', 'point_count']];
  return [
    {
      id: ids.fill,
      type: 'fill',
      source: ids.shapeSource,
      'source-layer': 'shapes',
      filter: ['match', ['geometry-type'], ['Polygon', 'MultiPolygon'], true, false],
      paint: { 'fill-color': colour, 'fill-opacity': 0.35 },
    },
    {
      id: ids.outline,
      type: 'line',
      source: ids.shapeSource,
      'source-layer': 'shapes',
      paint: { 'line-color': colour, 'line-width': 1.5 },
    },
    {
      id: ids.cluster,
      type: 'circle',
      source: ids.pointSource,
      'source-layer': 'points',
      filter: ['has', 'point_count'],
      paint: {
        'circle-color': '#4a3b5c',
        'circle-opacity': 0.85,
        'circle-radius': ['interpolate', ['linear'], ['get', 'point_count'], 2, 11, 1000, 26],
        'circle-stroke-color': '#ffffff',
        'circle-stroke-width': 2,
      },
    },
    {
      id: ids.clusterCount,
      type: 'symbol',
      source: ids.pointSource,
      'source-layer': 'points',
      filter: ['has', 'point_count'],
      layout: {
        'text-field': ['to-string', ['get', 'point_count_abbreviated']],
        'text-font': LABEL_FONT,
        'text-size': 12,
        'text-allow-overlap': true,
      },
      paint: { 'text-color': '#ffffff' },
    },
    {
      id: ids.point,
      type: 'circle',
      source: ids.pointSource,
      'source-layer': 'points',
      filter: unclustered,
      paint: {
        'circle-color': colour,
        'circle-radius': ['interpolate', ['linear'], ['zoom'], 8, 3.5, 14, 6],
        'circle-stroke-color': '#ffffff',
        'circle-stroke-width': 1.2,
      },
    },
  ];
}

interface Shown {
  ids: LayerIds;
  colour: string;
  /** [west, south, east, north] of every record with geometry, or null when none has one. */
  bounds: [number, number, number, number] | null;
}

/** Draws imported layers and routes clicks on their records. Remove with `remove()`. */
export class ImportedLayersLayer {
  readonly #map: MapLibreMap;
  readonly #options: ImportedLayersLayerOptions;
  readonly #shown = new Map<string, Shown>();
  #hidden: ReadonlySet<string> = new Set();
  #colourExpression: ExpressionSpecification | null = null;
  #listeners: Array<() => void> = [];

  constructor(map: MapLibreMap, options: ImportedLayersLayerOptions) {
    this.#map = map;
    this.#options = options;
    addProtocol(IMPORTED_TILE_PROTOCOL, async ({ url }) => {
      const [layerId = '', layer, z, x, y] = url
        .slice(IMPORTED_TILE_PROTOCOL.length + 3)
        .split('/');
      const bytes = await options.tiles.tile(
        decodeURIComponent(layerId),
        layer === 'shapes' ? 'shapes' : 'points',
        Number(z),
        Number(x),
        Number(y),
      );
      // An empty tile is no bytes; MapLibre reads it as a tile without features.
      return { data: bytes ? bytes.slice().buffer : new ArrayBuffer(0) };
    });
    this.#listeners.push(() => removeProtocol(IMPORTED_TILE_PROTOCOL));
  }

  /**
   * Shows exactly these layers: new ones are added above the others, gone ones removed. A
   * layer's records never change after import, so a layer already shown is left as it is.
   */
  setLayers(layers: readonly ImportedLayerData[]): void {
    const wanted = new Set(layers.map((l) => l.layerId));
    for (const layerId of [...this.#shown.keys()]) {
      if (!wanted.has(layerId)) this.#removeLayer(layerId);
    }
    for (const layer of layers) if (!this.#shown.has(layer.layerId)) this.#addLayer(layer);
  }

  /** Hides the layers in the set and shows every other. */
  setHidden(hidden: ReadonlySet<string>): void {
    this.#hidden = hidden;
    for (const [layerId, shown] of this.#shown) this.#applyVisibility(layerId, shown.ids);
  }

  /**
   * Sets feature state on records of a shown layer (see the file's header), merged with states
   * set before; ignored for a layer not shown.
   */
  setRecordStates(
    layerId: string,
    states: ReadonlyMap<number, Record<string, string | number | boolean>>,
  ): void {
    const shown = this.#shown.get(layerId);
    if (!shown) return;
    for (const [index, state] of states) this.#setState(shown.ids, index, state);
  }

  /** Colours every imported record by an expression, or restores the default with null. */
  setColourExpression(expression: ExpressionSpecification | null): void {
    this.#colourExpression = expression;
    for (const shown of this.#shown.values()) this.#applyColour(shown);
  }

  /** Frames a layer's records; false when it has nothing with a geometry. */
  zoomTo(layerId: string): boolean {
    const bounds = this.#shown.get(layerId)?.bounds;
    if (!bounds) return false;
    const [west, south, east, north] = bounds;
    this.#map.fitBounds(
      [
        [west, south],
        [east, north],
      ],
      { padding: 60, maxZoom: 15, duration: 800 },
    );
    return true;
  }

  /** True when an imported record or cluster is drawn at the point, so the click is its. */
  hits(point: { x: number; y: number }): boolean {
    const layers = [...this.#shown.values()]
      .flatMap(({ ids }) => [ids.point, ids.cluster, ids.fill])
      .filter((id) => this.#map.getLayer(id));
    if (layers.length === 0) return false;
    return this.#map.queryRenderedFeatures([point.x, point.y], { layers }).length > 0;
  }

  /** Removes every layer, source and listener this added. */
  remove(): void {
    for (const layerId of [...this.#shown.keys()]) this.#removeLayer(layerId);
    for (const off of this.#listeners.splice(0)) off();
  }

  #addLayer(layer: ImportedLayerData): void {
    const map = this.#map;
    const ids = importedLayerIds(layer.layerId);
    const { drawing } = layer;
    const tiles = (kind: ImportedTileLayer) => ({
      type: 'vector' as const,
      tiles: [
        `${IMPORTED_TILE_PROTOCOL}://${encodeURIComponent(layer.layerId)}/${kind}/{z}/{x}/{y}`,
      ],
      maxzoom: IMPORTED_TILE_MAX_ZOOM,
    });
    map.addSource(ids.pointSource, tiles('points'));
    map.addSource(ids.shapeSource, tiles('shapes'));
    const colour = importedLayerColour(layer.layerId);
    const shown: Shown = { ids, colour, bounds: drawing.bounds };
    this.#shown.set(layer.layerId, shown);
    for (const spec of importedLayerSpecs(ids, this.#colourOf(shown))) map.addLayer(spec);
    this.#applyVisibility(layer.layerId, ids);
    this.#listen(layer.layerId, ids);
    this.#reportDrawn(layer.layerId, ids);
  }

  #reportDrawn(layerId: string, ids: LayerIds): void {
    const onDrawn = this.#options.onLayerDrawn;
    if (!onDrawn) return;
    const map = this.#map;
    const loaded = (id: string) => map.getSource(id) !== undefined && map.isSourceLoaded(id);
    const check = (event: { sourceId?: string }) => {
      if (event.sourceId !== ids.pointSource && event.sourceId !== ids.shapeSource) return;
      if (!loaded(ids.pointSource) || !loaded(ids.shapeSource)) return;
      off();
      onDrawn(layerId);
    };
    const off = () => map.off('sourcedata', check);
    map.on('sourcedata', check);
    this.#listeners.push(off);
  }

  #listen(layerId: string, ids: LayerIds): void {
    const map = this.#map;
    const click = (event: MapLayerMouseEvent) => {
      const index = event.features?.[0]?.properties?.['index'];
      if (typeof index === 'number') this.#options.onRecordClick(layerId, index);
    };
    const zoomIntoCluster = (event: MapLayerMouseEvent) => {
      const feature = event.features?.[0];
      const clusterId = feature?.properties?.['cluster_id'];
      if (!feature || typeof clusterId !== 'number' || feature.geometry.type !== 'Point') return;
      const [lon = 0, lat = 0] = feature.geometry.coordinates;
      void this.#options.tiles
        .clusterExpansionZoom(layerId, clusterId)
        .then((zoom) => map.easeTo({ center: [lon, lat], zoom: zoom ?? map.getZoom() + 2 }));
    };
    const enter = () => (map.getCanvas().style.cursor = 'pointer');
    const leave = () => (map.getCanvas().style.cursor = '');
    const handlers: Array<[string, (event: MapLayerMouseEvent) => void]> = [
      [ids.point, click],
      [ids.fill, click],
      [ids.cluster, zoomIntoCluster],
    ];
    for (const [styleLayer, handler] of handlers) {
      map.on('click', styleLayer, handler);
      map.on('mouseenter', styleLayer, enter);
      map.on('mouseleave', styleLayer, leave);
      this.#listeners.push(() => {
        map.off('click', styleLayer, handler);
        map.off('mouseenter', styleLayer, enter);
        map.off('mouseleave', styleLayer, leave);
      });
    }
  }

  #removeLayer(layerId: string): void {
    const shown = this.#shown.get(layerId);
    if (!shown) return;
    const map = this.#map;
    for (const id of styleLayerIds(shown.ids).reverse()) if (map.getLayer(id)) map.removeLayer(id);
    for (const id of [shown.ids.pointSource, shown.ids.shapeSource]) {
      if (map.getSource(id)) map.removeSource(id);
    }
    this.#shown.delete(layerId);
  }

  #colourOf(shown: Shown): ExpressionSpecification {
    return this.#colourExpression ?? defaultColourExpression(shown.colour);
  }

  #applyColour(shown: Shown): void {
    const colour = this.#colourOf(shown);
    this.#map.setPaintProperty(shown.ids.point, 'circle-color', colour);
    this.#map.setPaintProperty(shown.ids.fill, 'fill-color', colour);
    this.#map.setPaintProperty(shown.ids.outline, 'line-color', colour);
  }

  #applyVisibility(layerId: string, ids: LayerIds): void {
    const visibility = this.#hidden.has(layerId) ? 'none' : 'visible';
    for (const id of styleLayerIds(ids)) this.#map.setLayoutProperty(id, 'visibility', visibility);
  }

  #setState(ids: LayerIds, index: number, state: Record<string, string | number | boolean>): void {
    this.#map.setFeatureState({ source: ids.pointSource, sourceLayer: 'points', id: index }, state);
    this.#map.setFeatureState({ source: ids.shapeSource, sourceLayer: 'shapes', id: index }, state);
  }
}
