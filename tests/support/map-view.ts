/**
 * Where a longitude/latitude lands on screen for a given map view, so a test can look at the
 * pixels of a known place (Tai Hu) without asking the app. Web Mercator with MapLibre's
 * 512-pixel world at zoom 0, no rotation or pitch.
 */

/** A map view as the URL's `view` parameter carries it. */
export interface MapView {
  zoom: number;
  lat: number;
  lon: number;
}

/** MapLibre's tile size: the whole world is 512 px wide at zoom 0. */
const WORLD_SIZE_AT_Z0_PX = 512;

/** Mercator world coordinates in [0, 1] for a longitude/latitude. */
export function mercatorUnit(lon: number, lat: number): { x: number; y: number } {
  const sinLat = Math.sin((lat * Math.PI) / 180);
  return {
    x: (lon + 180) / 360,
    y: 0.5 - Math.log((1 + sinLat) / (1 - sinLat)) / (4 * Math.PI),
  };
}

/** Screen position in CSS pixels of `lon/lat` in a viewport showing `view`, origin top-left. */
export function lonLatToScreen(
  lon: number,
  lat: number,
  view: MapView,
  viewport: { width: number; height: number },
): { x: number; y: number } {
  const worldPx = WORLD_SIZE_AT_Z0_PX * 2 ** view.zoom;
  const p = mercatorUnit(lon, lat);
  const c = mercatorUnit(view.lon, view.lat);
  return {
    x: viewport.width / 2 + (p.x - c.x) * worldPx,
    y: viewport.height / 2 + (p.y - c.y) * worldPx,
  };
}

/** Parses `zoom/lat/lon` (the order of the app's `view` parameter); undefined if malformed. */
export function parseViewParam(value: string | null | undefined): MapView | undefined {
  if (!value) return undefined;
  const parts = value.split('/').map(Number);
  if (parts.length !== 3 || parts.some((n) => !Number.isFinite(n))) return undefined;
  const [zoom, lat, lon] = parts as [number, number, number];
  return { zoom, lat, lon };
}
