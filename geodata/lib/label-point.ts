import { area } from '@turf/turf';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import polylabel from 'polylabel';
import { polygonsOf, roundPosition } from './geometry.ts';

/** 0.0005 degree (~50 m) is finer than the 100 m source grid. */
const PRECISION_DEG = 0.0005;

/**
 * A label position inside the polygon: the pole of inaccessibility (the interior point farthest
 * from the edge) of its largest part. Longitudes are scaled by cos(latitude) while searching, so
 * "farthest" is measured in ground distance rather than in degrees.
 */
export function labelPoint(geometry: Polygon | MultiPolygon): Position {
  const parts = polygonsOf(geometry);
  const largest = parts.reduce((best, rings) =>
    area({ type: 'Polygon', coordinates: rings }) > area({ type: 'Polygon', coordinates: best })
      ? rings
      : best,
  );
  const outer = largest[0] ?? [];
  const meanLat = outer.reduce((sum, p) => sum + p[1]!, 0) / Math.max(outer.length, 1);
  const xScale = Math.cos((meanLat * Math.PI) / 180);
  const scaled = largest.map((ring) => ring.map((p) => [p[0]! * xScale, p[1]!]));
  const [x, y] = polylabel(scaled, PRECISION_DEG);
  return roundPosition([x / xScale, y]);
}
