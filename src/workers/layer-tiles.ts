/**
 * An imported layer as vector tiles, cut here in the import worker and handed to MapLibre one
 * tile at a time (src/map/imported-layers.layer.ts). A GeoJSON source read by URL made
 * MapLibre's worker post every feature back to the page, whose unpacking held the main thread
 * for ~3 s on 200,000 points; a tile is a few kilobytes of bytes the page passes through.
 * Points are clustered as MapLibre clusters a GeoJSON source (same radius and zooms).
 */
import { GeoJSONVT } from '@maplibre/geojson-vt';
import { fromGeojsonVt } from '@maplibre/vt-pbf';
import type { FeatureCollection } from 'geojson';
import {
  CLUSTER_FROM_POINTS,
  CLUSTER_MAX_ZOOM,
  CLUSTER_RADIUS_PX,
  IMPORTED_TILE_MAX_ZOOM,
  type ImportedTileLayer,
} from '../map/imported-layers.layer.ts';

/** Tile units per tile, and per pixel of MapLibre's 512-pixel tiles (as its GeoJSON sources). */
const EXTENT = 8192;
const UNITS_PER_PX = EXTENT / 512;

/** A layer's tile indexes: points (clustered when many) and shapes. */
export class LayerTiles {
  readonly #points: GeoJSONVT;
  readonly #shapes: GeoJSONVT;

  constructor(points: FeatureCollection, shapes: FeatureCollection) {
    const common = {
      maxZoom: IMPORTED_TILE_MAX_ZOOM,
      extent: EXTENT,
      buffer: 128 * UNITS_PER_PX,
      tolerance: 0.375 * UNITS_PER_PX,
    };
    this.#points = new GeoJSONVT(points, {
      ...common,
      cluster: points.features.length >= CLUSTER_FROM_POINTS,
      clusterOptions: {
        maxZoom: CLUSTER_MAX_ZOOM,
        radius: CLUSTER_RADIUS_PX * UNITS_PER_PX,
        extent: EXTENT,
        minPoints: 2,
      },
    });
    this.#shapes = new GeoJSONVT(shapes, common);
  }

  /** One tile as Mapbox Vector Tile bytes (its one layer named as `layer`), or null when empty. */
  tile(layer: ImportedTileLayer, z: number, x: number, y: number): Uint8Array | null {
    const tile = (layer === 'points' ? this.#points : this.#shapes).getTile(z, x, y);
    if (!tile || tile.features.length === 0) return null;
    return fromGeojsonVt({ [layer]: tile }, { version: 2, extent: EXTENT });
  }

  /** The zoom at which a cluster of the points splits, or null for an unknown cluster. */
  clusterExpansionZoom(clusterId: number): number | null {
    return this.#points.getClusterExpansionZoom(clusterId);
  }
}
