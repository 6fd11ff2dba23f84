import type { BoundsLonLat } from './geometry.ts';

/**
 * What the archive covers: Zhejiang and enough of Jiangsu, Shanghai, Anhui and Jiangxi around it
 * that the map never shows an empty edge near Huzhou or Shaoxing.
 */
export const TILE_BOUNDS_LON_LAT: BoundsLonLat = [117.5, 28.5, 123, 32];

/** The sources sit on a ~100 m grid (1/1024 degree); zoom 10 tiles are ~30 km wide at 512 px, so finer zooms only overzoom. */
export const MIN_ZOOM = 0;
export const MAX_ZOOM = 10;

/** Where a viewer opens: between Huzhou and Shaoxing. */
export const CENTER: readonly [number, number, number] = [120.3, 30.4, 8];
