/**
 * District outlines as the app draws them, read from the served PMTiles archive (not from the
 * app), and placed on screen for a known map view. Tests use them to look at the pixels inside
 * a district or along its boundary, and to point the mouse at a district.
 */
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import { PMTiles } from 'pmtiles';
import type { BoundsLonLat } from '../../src/domain/regions.ts';
import { lonLatToScreen, type MapView } from './map-view.ts';
import type { Rect } from './pixels.ts';

export type LonLat = readonly [lon: number, lat: number];
export interface ScreenPoint {
  x: number;
  y: number;
}

/** One district: its polygons (each a list of rings) and its label point, in lon/lat. */
export interface DistrictShape {
  code: string;
  /** Polygon parts as tiles cut them; a point is in the district when it is in any part. */
  parts: LonLat[][][];
  /**
   * Boundary vertices that are real boundary, not the cut along a tile's edge; tiles overlap,
   * so a vertex may appear twice.
   */
  boundary: LonLat[];
  /** Where the basemap puts the district's name (a pole of inaccessibility). */
  label: LonLat | null;
}

/** A district placed on screen, in CSS pixels. */
export interface ScreenShape {
  code: string;
  parts: ScreenPoint[][][];
  boundary: ScreenPoint[];
  label: ScreenPoint | null;
}

function tileIndex(lon: number, lat: number, zoom: number): { x: number; y: number } {
  const n = 2 ** zoom;
  const sinLat = Math.sin((lat * Math.PI) / 180);
  const y = 0.5 - Math.log((1 + sinLat) / (1 - sinLat)) / (4 * Math.PI);
  return { x: Math.floor(((lon + 180) / 360) * n), y: Math.floor(y * n) };
}

/**
 * True for a vertex on or beyond the edge of `tile`: tiles are cut with a buffer, so such a
 * vertex may lie on the cut rather than on the district's real boundary (which the
 * neighbouring tile then holds).
 */
function onTileEdge(
  [lon, lat]: LonLat,
  tile: { x: number; y: number },
  zoom: number,
  slackTiles = 1e-3,
): boolean {
  const n = 2 ** zoom;
  const sinLat = Math.sin((lat * Math.PI) / 180);
  const fx = ((lon + 180) / 360) * n - tile.x;
  const fy = (0.5 - Math.log((1 + sinLat) / (1 - sinLat)) / (4 * Math.PI)) * n - tile.y;
  return fx <= slackTiles || fx >= 1 - slackTiles || fy <= slackTiles || fy >= 1 - slackTiles;
}

function polygonsOf(geometry: GeoJSON.Geometry): LonLat[][][] {
  if (geometry.type === 'Polygon') return [geometry.coordinates as unknown as LonLat[][]];
  if (geometry.type === 'MultiPolygon') return geometry.coordinates as unknown as LonLat[][][];
  return [];
}

/**
 * Reads the districts and their label points in `bounds` from the archive at `archiveUrl`,
 * at `zoom` (the app draws a zoom-8.3 view from zoom-8 tiles, so pass the floor of the view's
 * zoom for outlines within a pixel of what is drawn).
 */
export async function loadDistrictShapes(
  archiveUrl: string,
  bounds: BoundsLonLat,
  zoom: number,
): Promise<Map<string, DistrictShape>> {
  const archive = new PMTiles(archiveUrl);
  const [west, south, east, north] = bounds;
  const min = tileIndex(west, north, zoom);
  const max = tileIndex(east, south, zoom);
  const shapes = new Map<string, DistrictShape>();
  const shapeOf = (code: string) => {
    let shape = shapes.get(code);
    if (!shape) {
      shape = { code, parts: [], boundary: [], label: null };
      shapes.set(code, shape);
    }
    return shape;
  };
  for (let x = min.x; x <= max.x; x++) {
    for (let y = min.y; y <= max.y; y++) {
      const response = await archive.getZxy(zoom, x, y);
      if (!response) continue;
      const tile = new VectorTile(new PbfReader(new Uint8Array(response.data)));
      const districts = tile.layers['districts'];
      for (let i = 0; i < (districts?.length ?? 0); i++) {
        const feature = districts!.feature(i);
        const shape = shapeOf(String(feature.properties['code']));
        for (const part of polygonsOf(feature.toGeoJSON(x, y, zoom).geometry)) {
          shape.parts.push(part);
          for (const ring of part) {
            shape.boundary.push(...ring.filter((p) => !onTileEdge(p, { x, y }, zoom)));
          }
        }
      }
      const labels = tile.layers['district_labels'];
      for (let i = 0; i < (labels?.length ?? 0); i++) {
        const feature = labels!.feature(i);
        const geometry = feature.toGeoJSON(x, y, zoom).geometry;
        if (geometry.type !== 'Point') continue;
        const [lon, lat] = geometry.coordinates as [number, number];
        shapeOf(String(feature.properties['code'])).label ??= [lon, lat];
      }
    }
  }
  return shapes;
}

/** The shape in screen pixels for a viewport showing `view`. */
export function toScreen(
  shape: DistrictShape,
  view: MapView,
  viewport: { width: number; height: number },
): ScreenShape {
  const project = ([lon, lat]: LonLat) => lonLatToScreen(lon, lat, view, viewport);
  return {
    code: shape.code,
    parts: shape.parts.map((part) => part.map((ring) => ring.map(project))),
    boundary: shape.boundary.map(project),
    label: shape.label ? project(shape.label) : null,
  };
}

/** Even-odd test of a point against one polygon (outer ring and holes). */
export function insidePolygon(p: ScreenPoint, rings: readonly ScreenPoint[][]): boolean {
  let inside = false;
  for (const ring of rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const a = ring[i]!;
      const b = ring[j]!;
      if (a.y > p.y !== b.y > p.y && p.x < ((b.x - a.x) * (p.y - a.y)) / (b.y - a.y) + a.x) {
        inside = !inside;
      }
    }
  }
  return inside;
}

function distanceToSegment(p: ScreenPoint, a: ScreenPoint, b: ScreenPoint): number {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const lengthSq = dx * dx + dy * dy;
  const t =
    lengthSq === 0 ? 0 : Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / lengthSq));
  return Math.hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy));
}

/** Distance in pixels from `p` to the nearest edge of a polygon's rings. */
export function distanceToRings(p: ScreenPoint, rings: readonly ScreenPoint[][]): number {
  let best = Infinity;
  for (const ring of rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      best = Math.min(best, distanceToSegment(p, ring[j]!, ring[i]!));
    }
  }
  return best;
}

function inRect(p: ScreenPoint, r: Rect): boolean {
  return p.x >= r.x && p.x < r.x + r.width && p.y >= r.y && p.y < r.y + r.height;
}

/**
 * Grid points every `stepPx` inside the district, at least `insetPx` from its outline, inside
 * `frame` and outside every rectangle in `exclude` (panels over the map, the label box).
 */
export function interiorPoints(
  shape: ScreenShape,
  {
    frame,
    exclude = [],
    stepPx = 6,
    insetPx = 6,
  }: { frame: Rect; exclude?: readonly Rect[]; stepPx?: number; insetPx?: number },
): ScreenPoint[] {
  const points: ScreenPoint[] = [];
  for (let y = frame.y + stepPx / 2; y < frame.y + frame.height; y += stepPx) {
    for (let x = frame.x + stepPx / 2; x < frame.x + frame.width; x += stepPx) {
      const p = { x, y };
      if (exclude.some((r) => inRect(p, r))) continue;
      const part = shape.parts.find((rings) => insidePolygon(p, rings));
      if (part && distanceToRings(p, part) >= insetPx) points.push(p);
    }
  }
  return points;
}

/** The interior point farthest from the outline: where to point the mouse at a district. */
export function deepestPoint(
  shape: ScreenShape,
  options: Parameters<typeof interiorPoints>[1],
): ScreenPoint | undefined {
  let best: { p: ScreenPoint; d: number } | undefined;
  for (const p of interiorPoints(shape, options)) {
    const d = Math.max(
      ...shape.parts.filter((rings) => insidePolygon(p, rings)).map((r) => distanceToRings(p, r)),
    );
    if (!best || d > best.d) best = { p, d };
  }
  return best?.p;
}

/** Boundary vertices inside `frame` and outside every excluded rectangle. */
export function visibleBoundary(
  shape: ScreenShape,
  { frame, exclude = [] }: { frame: Rect; exclude?: readonly Rect[] },
): ScreenPoint[] {
  return shape.boundary.filter((p) => inRect(p, frame) && !exclude.some((r) => inRect(p, r)));
}
