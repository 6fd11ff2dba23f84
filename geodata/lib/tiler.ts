import { GeoJSONVT, type GeoJSONVTTile } from '@maplibre/geojson-vt';
import { fromGeojsonVt } from '@maplibre/vt-pbf';
import type { Feature, Geometry } from 'geojson';
import type { BoundsLonLat } from './geometry.ts';
import type { ArchiveTile } from './pmtiles-writer.ts';

/** MVT coordinates per tile side. */
export const TILE_EXTENT = 4096;

/** One source layer of the archive. */
export interface TileLayer {
  name: string;
  features: readonly Feature<Geometry, Record<string, string | number>>[];
  /** Lowest zoom the layer appears at; the style decides finer visibility. */
  minZoom?: number;
}

export interface TilerOptions {
  minZoom: number;
  maxZoom: number;
  bounds: BoundsLonLat;
  /**
   * Douglas–Peucker tolerance in tile units (of {@link TILE_EXTENT}); geojson-vt scales it per
   * zoom, so low zooms are simplified hard and zoom 10 keeps the 100 m source detail.
   */
  tolerance?: number;
}

/** The x/y range of tiles at zoom z that touch the bounds. */
export function tileRange(
  bounds: BoundsLonLat,
  z: number,
): { minX: number; maxX: number; minY: number; maxY: number } {
  const n = 2 ** z;
  const x = (lon: number) => Math.min(n - 1, Math.max(0, Math.floor(((lon + 180) / 360) * n)));
  const y = (lat: number) => {
    const rad = (lat * Math.PI) / 180;
    const unit = (1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2;
    return Math.min(n - 1, Math.max(0, Math.floor(unit * n)));
  };
  return { minX: x(bounds[0]), maxX: x(bounds[2]), minY: y(bounds[3]), maxY: y(bounds[1]) };
}

/**
 * Cuts the layers into Mapbox Vector Tiles (spec v2) for every tile over the bounds from
 * `minZoom` to `maxZoom`. Tiles in which no layer has a feature are left out (the map's
 * water-coloured background shows there).
 */
export function tileLayers(layers: readonly TileLayer[], options: TilerOptions): ArchiveTile[] {
  const indexes = layers.map((layer) => ({
    layer,
    index: new GeoJSONVT(
      { type: 'FeatureCollection', features: layer.features as Feature[] },
      {
        maxZoom: options.maxZoom,
        indexMaxZoom: options.maxZoom,
        indexMaxPoints: 0,
        tolerance: options.tolerance ?? 3,
        extent: TILE_EXTENT,
        buffer: 64,
      },
    ),
  }));

  const tiles: ArchiveTile[] = [];
  for (let z = options.minZoom; z <= options.maxZoom; z++) {
    const { minX, maxX, minY, maxY } = tileRange(options.bounds, z);
    for (let x = minX; x <= maxX; x++) {
      for (let y = minY; y <= maxY; y++) {
        const present: Record<string, GeoJSONVTTile> = {};
        for (const { layer, index } of indexes) {
          if (z < (layer.minZoom ?? 0)) continue;
          const tile = index.getTile(z, x, y);
          if (tile && tile.features.length > 0) present[layer.name] = tile;
        }
        if (Object.keys(present).length === 0) continue;
        tiles.push({ z, x, y, data: fromGeojsonVt(present, { version: 2, extent: TILE_EXTENT }) });
      }
    }
  }
  return tiles;
}
