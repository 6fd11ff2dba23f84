/**
 * How big a renewal zone is, in the units land officials count in: 亩 first, also 公顷 and m²,
 * and its perimeter. Areas are on the sphere (Turf's `area`, radius 6,371,008.8 m), not on a
 * flat projection, so a zone measures the same in Huzhou and in Shaoxing.
 */

import { area, length, polygonToLine } from '@turf/turf';
import type { Polygon } from 'geojson';

/** 1 亩 = 10,000/15 m² (the market mu, 666.67 m²); 15 亩 make one 公顷. */
export const SQM_PER_MU = 10_000 / 15;

/** 1 公顷 (hectare) = 10,000 m². */
export const SQM_PER_HA = 10_000;

/** A zone's size; every figure from the same polygon. */
export interface ZoneMeasure {
  areaM2: number;
  areaMu: number;
  areaHa: number;
  /** Length of the outer ring (great-circle segments), in metres. */
  perimeterM: number;
}

/** m² to 亩. */
export function sqmToMu(areaM2: number): number {
  return areaM2 / SQM_PER_MU;
}

/** 亩 to m². */
export function muToSqm(areaMu: number): number {
  return areaMu * SQM_PER_MU;
}

/**
 * Area (outer ring less any holes) and perimeter (outer ring) of a WGS-84 polygon. Ring
 * orientation does not matter. A polygon with no ring measures zero.
 */
export function measureZone(polygon: Polygon): ZoneMeasure {
  const outer = polygon.coordinates[0];
  if (!outer || outer.length === 0) return { areaM2: 0, areaMu: 0, areaHa: 0, perimeterM: 0 };
  const areaM2 = area(polygon);
  const perimeterM =
    outer.length < 2
      ? 0
      : length(polygonToLine({ type: 'Polygon', coordinates: [outer] }), { units: 'meters' });
  return { areaM2, areaMu: sqmToMu(areaM2), areaHa: areaM2 / SQM_PER_HA, perimeterM };
}
