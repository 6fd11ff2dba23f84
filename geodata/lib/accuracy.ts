import { area, feature as toFeature, featureCollection, intersect, union } from '@turf/turf';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { polygonsOf } from './geometry.ts';

type Geo = Polygon | MultiPolygon;

/** Area of overlap over area of the union (1 = identical outlines). */
export function intersectionOverUnion(a: Geo, b: Geo): number {
  const both = featureCollection<Geo>([toFeature(a), toFeature(b)]);
  const overlap = intersect(both);
  const combined = union(both);
  if (!overlap || !combined) return 0;
  return area(overlap) / area(combined);
}

/** Area of `a` that `b` does not cover, in km². */
export function areaOutsideSqKm(a: Geo, b: Geo): number {
  const overlap = intersect(featureCollection<Geo>([toFeature(a), toFeature(b)]));
  return (area(a) - (overlap ? area(overlap) : 0)) / 1_000_000;
}

/** Metres per degree of latitude (mean Earth radius 6371 km). */
const M_PER_DEG = (Math.PI / 180) * 6_371_000;

/** Distance in metres from point p to segment ab, on a local equirectangular plane. */
function pointSegmentM(p: Position, a: Position, b: Position, xScale: number): number {
  const px = p[0]! * xScale;
  const py = p[1]!;
  const ax = a[0]! * xScale;
  const ay = a[1]!;
  const dx = b[0]! * xScale - ax;
  const dy = b[1]! - ay;
  const lengthSq = dx * dx + dy * dy;
  const t =
    lengthSq === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / lengthSq));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy)) * M_PER_DEG;
}

/**
 * How far the vertices of `ours` lie from the boundary of `reference`, in metres: mean and
 * maximum over all vertices. Distances are planar around the outline's latitude, which over a
 * county's extent is within a fraction of a percent of the geodesic distance.
 */
export function boundaryOffsetsM(
  ours: Geo,
  reference: Geo,
): { meanM: number; maxM: number; vertices: number } {
  const rings = polygonsOf(reference).flat();
  const firstLat = rings[0]?.[0]?.[1] ?? 0;
  const xScale = Math.cos((firstLat * Math.PI) / 180);
  let sum = 0;
  let max = 0;
  let count = 0;
  for (const ring of polygonsOf(ours).flat()) {
    for (const vertex of ring.slice(0, -1)) {
      let nearest = Infinity;
      for (const line of rings) {
        for (let i = 0; i < line.length - 1; i++) {
          nearest = Math.min(nearest, pointSegmentM(vertex, line[i]!, line[i + 1]!, xScale));
        }
      }
      sum += nearest;
      max = Math.max(max, nearest);
      count += 1;
    }
  }
  return { meanM: count === 0 ? 0 : sum / count, maxM: max, vertices: count };
}
