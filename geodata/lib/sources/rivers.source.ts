import { distance, nearestPointOnLine } from '@turf/turf';
import type { Feature, LineString, MultiLineString } from 'geojson';
import { clipLinear, type BoundsLonLat } from '../geometry.ts';
import { readPackageJson } from '../packages.ts';
import { topologyGeometries, type Topology } from '../topojson-decode.ts';
import { NATURAL_EARTH_FILE, NATURAL_EARTH_PACKAGE, WATER_NAMES } from './water.source.ts';

export type RiverProperties = {
  name_zh: string;
  name_en: string;
};

export type RiverFeature = Feature<LineString | MultiLineString, RiverProperties>;

/** A name applies to a centre line passing within this distance of the name's point. */
const NAME_RADIUS_KM = 15;

/** Natural Earth 1:50m river centre lines inside the bounds (only the largest rivers). */
export function loadRivers(bounds: BoundsLonLat): RiverFeature[] {
  const topology = readPackageJson<Topology>(NATURAL_EARTH_PACKAGE, NATURAL_EARTH_FILE);
  return topologyGeometries(topology, 'rivers')
    .filter(
      (g): g is LineString | MultiLineString =>
        g.type === 'LineString' || g.type === 'MultiLineString',
    )
    .map((geometry) =>
      clipLinear({ type: 'Feature', properties: { name_zh: '', name_en: '' }, geometry }, bounds),
    )
    .filter((f): f is RiverFeature => f !== null)
    .map((feature) => {
      const name = WATER_NAMES.find((entry) =>
        entry.at.some((p) => distance(nearestPointOnLine(feature, p), p) <= NAME_RADIUS_KM),
      );
      return name
        ? { ...feature, properties: { name_zh: name.nameZh, name_en: name.nameEn } }
        : feature;
    });
}
