import { simplify } from '@turf/turf';
import type { FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import { cleanPolygonal, mapPositions } from './geometry.ts';
import type { DistrictFeature, DistrictProperties } from './sources/districts.source.ts';

/** Douglas–Peucker tolerance: 0.0005° is ~50 m north–south and ~48 m east–west at 30° N. */
export const OUTLINE_TOLERANCE_DEG = 0.0005;

/** Five decimals (~1 m): far below the tolerance, and a third shorter than six. */
const OUTLINE_DECIMALS = 5;

function round5(position: Position): Position {
  const factor = 10 ** OUTLINE_DECIMALS;
  return [Math.round(position[0]! * factor) / factor, Math.round(position[1]! * factor) / factor];
}

/**
 * The district outlines the app loads at run time (for spatial joins and for moving places):
 * simplified to ~50 m, rounded to 1 m, rings kept closed and valid.
 */
export function districtOutlines(
  districts: readonly DistrictFeature[],
): FeatureCollection<Polygon | MultiPolygon, DistrictProperties> {
  return {
    type: 'FeatureCollection',
    features: districts.map((district) => {
      const simplified = simplify(district, {
        tolerance: OUTLINE_TOLERANCE_DEG,
        highQuality: true,
        mutate: false,
      });
      const geometry = cleanPolygonal(mapPositions(simplified.geometry, round5));
      if (!geometry) throw new Error(`district ${district.properties.code} vanished`);
      return { type: 'Feature', properties: { ...district.properties }, geometry };
    }),
  };
}
