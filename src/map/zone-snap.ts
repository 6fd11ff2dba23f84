/**
 * Where a pointer snaps while a zone is drawn or edited: the nearest vertex of a district
 * boundary or another zone within a few pixels, else the nearest point on one of their edges.
 * Pure screen geometry, so it is tested without a map.
 */
import type { Position } from 'geojson';

/** A ring to snap to, with its lon/lat box so far rings are skipped without projecting them. */
export interface SnapRing {
  coords: readonly Position[];
  /** [west, south, east, north] */
  bbox: readonly [number, number, number, number];
}

export interface ScreenPoint {
  x: number;
  y: number;
}

export interface SnapPointer {
  lng: number;
  lat: number;
  /** Pointer position in the map container, px. */
  x: number;
  y: number;
}

export interface SnapProjection {
  project: (lng: number, lat: number) => ScreenPoint;
  unproject: (x: number, y: number) => { lng: number; lat: number };
}

/** How close, in screen pixels, the pointer must come for a vertex or an edge to catch it. */
export const SNAP_TOLERANCE_PX = 10;

/** Builds snap rings with their boxes from polygon rings. */
export function snapRingsOf(rings: readonly (readonly Position[])[]): SnapRing[] {
  return rings
    .filter((coords) => coords.length > 1)
    .map((coords) => {
      let west = Infinity;
      let south = Infinity;
      let east = -Infinity;
      let north = -Infinity;
      for (const [lng = 0, lat = 0] of coords) {
        west = Math.min(west, lng);
        east = Math.max(east, lng);
        south = Math.min(south, lat);
        north = Math.max(north, lat);
      }
      return { coords, bbox: [west, south, east, north] as const };
    });
}

/** The point of segment ab nearest to p, all in screen pixels. */
function nearestOnSegment(p: ScreenPoint, a: ScreenPoint, b: ScreenPoint): ScreenPoint {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const lengthSq = dx * dx + dy * dy;
  if (lengthSq === 0) return a;
  const t = Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / lengthSq));
  return { x: a.x + t * dx, y: a.y + t * dy };
}

const distancePx = (a: ScreenPoint, b: ScreenPoint) => Math.hypot(a.x - b.x, a.y - b.y);

/**
 * The lon/lat the pointer snaps to, or undefined when nothing is within `tolerancePx`.
 * Vertices win over edges, so corners shared with a district or a neighbouring zone are met
 * exactly rather than a pixel beside them.
 */
export function snapPosition(
  pointer: SnapPointer,
  rings: readonly SnapRing[],
  projection: SnapProjection,
  tolerancePx = SNAP_TOLERANCE_PX,
): Position | undefined {
  const corner = projection.unproject(pointer.x + tolerancePx, pointer.y + tolerancePx);
  const padLng = Math.abs(corner.lng - pointer.lng);
  const padLat = Math.abs(corner.lat - pointer.lat);
  const near = rings.filter(
    ({ bbox: [w, s, e, n] }) =>
      pointer.lng >= w - padLng &&
      pointer.lng <= e + padLng &&
      pointer.lat >= s - padLat &&
      pointer.lat <= n + padLat,
  );
  const here = { x: pointer.x, y: pointer.y };
  let bestVertex: Position | undefined;
  let bestVertexPx = tolerancePx;
  let bestEdge: ScreenPoint | undefined;
  let bestEdgePx = tolerancePx;
  for (const { coords } of near) {
    // Only segments whose padded box holds the pointer can come within the tolerance; the
    // rest are skipped before any projection, which is what keeps a pointer move cheap.
    let projectedIndex = -1;
    let projected: ScreenPoint = here;
    for (let i = 1; i < coords.length; i++) {
      const a = coords[i - 1]!;
      const b = coords[i]!;
      const [aLng = 0, aLat = 0] = a;
      const [bLng = 0, bLat = 0] = b;
      if (
        pointer.lng < Math.min(aLng, bLng) - padLng ||
        pointer.lng > Math.max(aLng, bLng) + padLng ||
        pointer.lat < Math.min(aLat, bLat) - padLat ||
        pointer.lat > Math.max(aLat, bLat) + padLat
      ) {
        continue;
      }
      const aPx = projectedIndex === i - 1 ? projected : projection.project(aLng, aLat);
      const bPx = projection.project(bLng, bLat);
      projectedIndex = i;
      projected = bPx;
      for (const [position, px] of [
        [a, aPx],
        [b, bPx],
      ] as const) {
        const d = distancePx(here, px);
        if (d <= bestVertexPx) {
          bestVertexPx = d;
          bestVertex = position;
        }
      }
      const onEdge = nearestOnSegment(here, aPx, bPx);
      const e = distancePx(here, onEdge);
      if (e <= bestEdgePx) {
        bestEdgePx = e;
        bestEdge = onEdge;
      }
    }
  }
  if (bestVertex) return [bestVertex[0] ?? 0, bestVertex[1] ?? 0];
  if (bestEdge) {
    const { lng, lat } = projection.unproject(bestEdge.x, bestEdge.y);
    return [lng, lat];
  }
  return undefined;
}
