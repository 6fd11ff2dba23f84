import {
  area,
  bboxClip,
  bboxPolygon,
  feature as toFeature,
  featureCollection,
  intersect,
} from '@turf/turf';
import type {
  Feature,
  GeoJsonProperties,
  Geometry,
  LineString,
  MultiLineString,
  MultiPolygon,
  Polygon,
  Position,
} from 'geojson';

/** West, south, east, north in degrees. */
export type BoundsLonLat = readonly [number, number, number, number];

/** 1e-6 degree is about 0.1 m: far below the sources' 100 m grid, and keeps output stable. */
export const COORDINATE_DECIMALS = 6;

/** A position rounded to {@link COORDINATE_DECIMALS} (and only longitude and latitude). */
export function roundPosition(position: Position): Position {
  const factor = 10 ** COORDINATE_DECIMALS;
  return [Math.round(position[0]! * factor) / factor, Math.round(position[1]! * factor) / factor];
}

/** A copy of `geometry` with every position passed through `fn`. */
export function mapPositions<G extends Geometry>(geometry: G, fn: (p: Position) => Position): G {
  switch (geometry.type) {
    case 'Point':
      return { ...geometry, coordinates: fn(geometry.coordinates) };
    case 'MultiPoint':
    case 'LineString':
      return { ...geometry, coordinates: geometry.coordinates.map(fn) };
    case 'MultiLineString':
    case 'Polygon':
      return { ...geometry, coordinates: geometry.coordinates.map((line) => line.map(fn)) };
    case 'MultiPolygon':
      return {
        ...geometry,
        coordinates: geometry.coordinates.map((polygon) => polygon.map((ring) => ring.map(fn))),
      };
    case 'GeometryCollection':
      return { ...geometry, geometries: geometry.geometries.map((g) => mapPositions(g, fn)) };
  }
}

/**
 * A valid GeoJSON ring: consecutive repeats dropped (the 100 m grid collapses many vertices) and
 * closed; null when fewer than three distinct vertices remain.
 */
export function cleanRing(ring: readonly Position[]): Position[] | null {
  const out: Position[] = [];
  for (const position of ring) {
    const last = out.at(-1);
    if (!last || last[0] !== position[0] || last[1] !== position[1]) out.push(position);
  }
  const first = out[0];
  const last = out.at(-1);
  if (first && last && (first[0] !== last[0] || first[1] !== last[1])) out.push(first);
  return out.length >= 4 ? out : null;
}

/** The polygons of a Polygon or MultiPolygon, each as its rings. */
export function polygonsOf(geometry: Polygon | MultiPolygon): Position[][][] {
  return geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
}

/** Cleans every ring; drops polygons whose outer ring degenerates. Null when nothing is left. */
export function cleanPolygonal(geometry: Polygon | MultiPolygon): Polygon | MultiPolygon | null {
  const polygons = polygonsOf(geometry)
    .map((rings) => {
      const [outer, ...holes] = rings.map(cleanRing);
      if (!outer) return null;
      return [outer, ...holes.filter((hole): hole is Position[] => hole !== null)];
    })
    .filter((polygon): polygon is Position[][] => polygon !== null);
  if (polygons.length === 0) return null;
  if (polygons.length === 1) return { type: 'Polygon', coordinates: polygons[0]! };
  return { type: 'MultiPolygon', coordinates: polygons };
}

/** The part of a polygon feature inside the bounds, or null when none is. */
export function clipPolygonal<P extends GeoJsonProperties>(
  feature: Feature<Polygon | MultiPolygon, P>,
  bounds: BoundsLonLat,
): Feature<Polygon | MultiPolygon, P> | null {
  const box = bboxPolygon([...bounds] as [number, number, number, number]);
  const clipped = intersect(
    featureCollection<Polygon | MultiPolygon>([toFeature(feature.geometry), box]),
  );
  if (!clipped) return null;
  const geometry = cleanPolygonal(clipped.geometry);
  return geometry ? { type: 'Feature', properties: feature.properties, geometry } : null;
}

/** The part of a line feature inside the bounds, or null when none is. */
export function clipLinear<P extends GeoJsonProperties>(
  feature: Feature<LineString | MultiLineString, P>,
  bounds: BoundsLonLat,
): Feature<LineString | MultiLineString, P> | null {
  const clipped = bboxClip(feature, [...bounds] as [number, number, number, number]);
  const lines = (
    clipped.geometry.type === 'LineString'
      ? [clipped.geometry.coordinates]
      : (clipped.geometry.coordinates as Position[][])
  ).filter((line) => line.length >= 2);
  if (lines.length === 0) return null;
  const geometry: LineString | MultiLineString =
    lines.length === 1
      ? { type: 'LineString', coordinates: lines[0]! }
      : { type: 'MultiLineString', coordinates: lines };
  return toFeature(geometry, feature.properties);
}

/** Geodesic area in km². */
export function areaSqKm(geometry: Polygon | MultiPolygon): number {
  return area(geometry) / 1_000_000;
}

/** Whether two bounds overlap. */
export function boundsOverlap(a: BoundsLonLat, b: BoundsLonLat): boolean {
  return a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];
}
