/**
 * The unit of a parcel layer's area column when its header does not say: land bureaus write
 * 面积 in m², 亩 or 公顷 alike. The parcels' own polygons tell which, since the column's figures
 * must match the drawn areas in one of those units.
 */
import { area } from '@turf/turf';
import type { Geometry } from 'geojson';
import { SQM_PER_MU } from './field-mapping.ts';
import type { UnitId } from './import-preview.ts';

/** Figures per square metre of drawn area, for each unit an area column may be in. */
const PER_SQM: readonly [UnitId, number][] = [
  ['sqm', 1],
  ['mu', 1 / SQM_PER_MU],
  ['hectare', 1e-4],
];

/** How far the typical figure may stray from the drawn area (±25 %) and still name the unit. */
const TOLERANCE = 1.25;

/** Drawn area of a polygon geometry in m² (WGS-84 input); undefined for other geometries. */
export function polygonAreaSqm(geometry: Geometry): number | undefined {
  if (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon') return undefined;
  const sqm = area(geometry);
  return Number.isFinite(sqm) && sqm > 0 ? sqm : undefined;
}

/**
 * The unit under which a column's figures match their polygons' drawn areas: the median of
 * figure ÷ drawn m² against each unit's factor. Undefined when fewer than three pairs or none
 * fits (the column may then be a different area, such as floor area).
 */
export function areaUnitFromPolygons(
  pairs: readonly { figure: number; areaSqm: number }[],
): UnitId | undefined {
  const ratios = pairs
    .filter((p) => p.figure > 0 && p.areaSqm > 0)
    .map((p) => p.figure / p.areaSqm)
    .sort((a, b) => a - b);
  if (ratios.length < 3) return undefined;
  const typical = ratios[Math.floor(ratios.length / 2)] as number;
  return PER_SQM.find(
    ([, factor]) => typical / factor < TOLERANCE && factor / typical < TOLERANCE,
  )?.[0];
}
