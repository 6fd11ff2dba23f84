/**
 * Whether a drawn or imported shape may be stored as a renewal zone, and why not: every problem
 * with what was wrong and where, so the UI can say it and keep the shape for the user to fix.
 * Overlaps with other zones are warnings only: the UI asks the user to confirm before saving.
 */

import { area, bbox, bboxClip, intersect, kinks } from '@turf/turf';
import type { Polygon, Position } from 'geojson';
import { isLatInRegion, isLonInRegion } from '../places/coordinates.ts';
import { measureZone, sqmToMu } from './zone-measure.ts';
import type { Zone } from './zone.ts';

/**
 * Below this a shape is a slip of the mouse, not a plot to renew: 0.1 亩 ≈ 67 m², a single
 * small building. A product choice, not a policy figure.
 */
export const MIN_ZONE_AREA_MU = 0.1;

/** Overlaps smaller than this (m²) are rounding along a shared, snapped edge, not an overlap. */
export const OVERLAP_TOLERANCE_M2 = 1;

/** Below this (m²) the ring encloses nothing: its points lie on a line or on each other. */
const ZERO_AREA_M2 = 0.01;

/**
 * Why a shape cannot be stored; words in the i18n `zones.validation.*` entries.
 * - `noRing` / `holes`: a zone is exactly one outer ring.
 * - `nonFinite`: a coordinate is not a finite number (`where`: the ring index of it).
 * - `notClosed`: the ring's last point is not its first.
 * - `tooFewVertices`: fewer than three distinct corners (`vertexCount`).
 * - `selfIntersecting`: edges cross (`where`: the first crossing point).
 * - `zeroArea`: the ring encloses nothing.
 * - `tooSmall`: under {@link MIN_ZONE_AREA_MU} (`areaMu`: its area).
 * - `outsideRegion`: a corner lies outside the mapped region (`where`: the first such corner).
 */
export type ZoneGeometryErrorId =
  | 'noRing'
  | 'holes'
  | 'nonFinite'
  | 'notClosed'
  | 'tooFewVertices'
  | 'selfIntersecting'
  | 'zeroArea'
  | 'tooSmall'
  | 'outsideRegion';

export interface ZoneGeometryError {
  id: ZoneGeometryErrorId;
  /** The point the message is about (WGS-84 lon/lat), when there is one. */
  where?: Position;
  /** The shape's area in 亩, for `tooSmall` and `zeroArea`. */
  areaMu?: number;
  /** Distinct corners counted, for `tooFewVertices`. */
  vertexCount?: number;
}

/** The shape overlaps another zone by `overlapMu` 亩 (null: they overlap, area not computable). */
export interface ZoneOverlapWarning {
  id: 'overlap';
  zoneId: string;
  zoneName: string;
  overlapMu: number | null;
}

export interface ZoneGeometryCheck {
  /** Empty when the shape may be stored. */
  errors: ZoneGeometryError[];
  /** Shown and confirmed before saving; never block it. */
  warnings: ZoneOverlapWarning[];
}

/** The part of another zone the overlap check reads. */
export type OtherZone = Pick<Zone, 'id' | 'name' | 'geometry'>;

function samePosition(a: Position, b: Position): boolean {
  return a[0] === b[0] && a[1] === b[1];
}

/** Twice the signed planar area of a ring in degrees; positive when counter-clockwise. */
function signedArea2(ring: readonly Position[]): number {
  let sum = 0;
  for (let i = 0; i + 1 < ring.length; i += 1) {
    const [x1 = 0, y1 = 0] = ring[i]!;
    const [x2 = 0, y2 = 0] = ring[i + 1]!;
    sum += x1 * y2 - x2 * y1;
  }
  return sum;
}

/**
 * The shape as it is stored: one outer ring, closed, counter-clockwise (RFC 7946), without
 * repeated consecutive points (a double click leaves one) and with only lon/lat (no altitude).
 * Holes are kept, so validation still reports them. Returns a new polygon.
 */
export function normalizeZonePolygon(polygon: Polygon): Polygon {
  const rings = polygon.coordinates.map((ring, index) => {
    const points: Position[] = [];
    for (const p of ring) {
      const point: Position = [p[0] ?? Number.NaN, p[1] ?? Number.NaN];
      const last = points[points.length - 1];
      if (!last || !samePosition(last, point)) points.push(point);
    }
    const first = points[0];
    const last = points[points.length - 1];
    if (first && last && points.length > 1 && !samePosition(first, last)) points.push([...first]);
    const ccw = signedArea2(points) >= 0;
    // Outer ring counter-clockwise, holes clockwise.
    return ccw === (index === 0) ? points : points.reverse();
  });
  return { type: 'Polygon', coordinates: rings };
}

function distinctCorners(ring: readonly Position[]): number {
  const seen = new Set(ring.map((p) => `${p[0]},${p[1]}`));
  return seen.size;
}

function boxesOverlap(a: number[], b: number[]): boolean {
  return a[0]! <= b[2]! && b[0]! <= a[2]! && a[1]! <= b[3]! && b[1]! <= a[3]!;
}

function overlapWarnings(polygon: Polygon, others: readonly OtherZone[]): ZoneOverlapWarning[] {
  const box = bbox(polygon);
  const warnings: ZoneOverlapWarning[] = [];
  for (const other of others) {
    const otherBox = bbox(other.geometry);
    if (!boxesOverlap(box, otherBox)) continue;
    let overlapMu: number | null;
    try {
      // Clipping costs grow fast with corners (a 500-corner zone against a small one takes
      // ~150 ms); each shape cut to the other's box first keeps it to the corners that matter.
      const mine = bboxClip(polygon, otherBox).geometry as Polygon;
      const theirs = bboxClip(other.geometry, box).geometry as Polygon;
      if (mine.coordinates.every((r) => r.length < 4)) continue;
      const shared = intersect({
        type: 'FeatureCollection',
        features: [
          { type: 'Feature', properties: {}, geometry: mine },
          { type: 'Feature', properties: {}, geometry: theirs },
        ],
      });
      if (!shared) continue;
      const sharedM2 = area(shared);
      if (sharedM2 < OVERLAP_TOLERANCE_M2) continue;
      overlapMu = sqmToMu(sharedM2);
    } catch {
      // A stored zone the clipper cannot read (e.g. from an old backup): say they overlap
      // rather than hiding it.
      overlapMu = null;
    }
    warnings.push({ id: 'overlap', zoneId: other.id, zoneName: other.name, overlapMu });
  }
  return warnings;
}

/**
 * Checks a shape before it is stored. `otherZones` are the zones it must not silently overlap;
 * pass every stored zone (the one being edited is skipped by id when `selfId` is given).
 * Pass the shape through {@link normalizeZonePolygon} first when it comes from drawing.
 */
export function validateZoneGeometry(
  polygon: Polygon,
  otherZones: readonly OtherZone[] = [],
  selfId?: string,
): ZoneGeometryCheck {
  const errors: ZoneGeometryError[] = [];
  const ring = polygon.coordinates[0];
  if (!ring || ring.length === 0) return { errors: [{ id: 'noRing' }], warnings: [] };
  if (polygon.coordinates.length > 1) errors.push({ id: 'holes' });

  const bad = ring.find((p) => !Number.isFinite(p[0]) || !Number.isFinite(p[1]));
  if (bad) {
    errors.push({ id: 'nonFinite' });
    return { errors, warnings: [] };
  }
  const first = ring[0]!;
  const last = ring[ring.length - 1]!;
  if (ring.length > 1 && !samePosition(first, last)) errors.push({ id: 'notClosed', where: last });

  const vertexCount = distinctCorners(ring);
  if (vertexCount < 3) {
    errors.push({ id: 'tooFewVertices', vertexCount });
    return { errors, warnings: [] };
  }
  const outside = ring.find((p) => !isLonInRegion(p[0]!) || !isLatInRegion(p[1]!));
  if (outside) errors.push({ id: 'outsideRegion', where: outside });
  if (errors.some((e) => e.id === 'notClosed')) return { errors, warnings: [] };

  const crossings = kinks({ type: 'Polygon', coordinates: [ring] }).features;
  const crossing = crossings[0]?.geometry.coordinates;
  // The area of a crossing ring (a bow-tie's lobes cancel out) and its overlaps mean nothing;
  // the user fixes the ring first.
  if (crossing) {
    errors.push({ id: 'selfIntersecting', where: crossing });
    return { errors, warnings: [] };
  }

  const { areaM2, areaMu } = measureZone({ type: 'Polygon', coordinates: [ring] });
  if (areaM2 < ZERO_AREA_M2) {
    errors.push({ id: 'zeroArea', areaMu });
    return { errors, warnings: [] };
  }
  if (areaMu < MIN_ZONE_AREA_MU) errors.push({ id: 'tooSmall', areaMu });
  const others = selfId === undefined ? otherZones : otherZones.filter((z) => z.id !== selfId);
  return { errors, warnings: overlapWarnings(polygon, others) };
}
