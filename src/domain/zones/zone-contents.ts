/**
 * What lies inside a renewal zone: the districts it touches, with the area in each, and the
 * places (parks, enterprises, projects, and any other points given, such as imported
 * enterprises) inside it. Points are looked up in a static k-d tree (kdbush) over the zone's
 * bounding box first, so a zone drawn among 100,000 points tests only the few near it.
 */

import { area, bbox, bboxClip, booleanPointInPolygon, intersect } from '@turf/turf';
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Polygon } from 'geojson';
import KDBush from 'kdbush';
import type { DistrictOutline } from '../places/placement.ts';
import { sqmToMu } from './zone-measure.ts';

export type { DistrictOutline };

/** West, south, east, north (degrees). */
type Box = [number, number, number, number];

function boxOf(geometry: Polygon | MultiPolygon): Box {
  const [w = 0, s = 0, e = 0, n = 0] = bbox(geometry);
  return [w, s, e, n];
}

function boxesOverlap(a: Box, b: Box): boolean {
  return a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];
}

/**
 * Reads the district outlines of public/data/districts.geojson (properties `code` and
 * `city_code`); features without a code or a polygon are skipped.
 */
export function readDistrictOutlines(
  collection: FeatureCollection<Geometry | null, Record<string, unknown> | null>,
): DistrictOutline[] {
  const out: DistrictOutline[] = [];
  for (const feature of collection.features) {
    const code = feature.properties?.['code'];
    const cityCode = feature.properties?.['city_code'];
    const geometry = feature.geometry;
    if (typeof code !== 'string' || typeof cityCode !== 'string' || !geometry) continue;
    if (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon') continue;
    out.push({ code, cityCode, geometry });
  }
  return out;
}

/** The part of a zone within one district. */
export interface DistrictShare {
  districtCode: string;
  cityCode: string;
  /** Area of the zone inside the district, in 亩. */
  areaMu: number;
  /**
   * This district's part of the zone's area that lies in any district (0–1; the shares of a
   * zone sum to 1). A zone's planned figures are split between districts by it.
   */
  share: number;
}

export interface ZoneDistricts {
  /** Largest first. Empty when the zone lies in no district (e.g. on a lake). */
  districts: DistrictShare[];
  /** Area of the zone outside every district outline (lake, another province), in 亩. */
  outsideMu: number;
}

/** Below this (m²) a zone only touches a district along its border (snapping); not counted. */
const TOUCH_TOLERANCE_M2 = 1;

/** Relative slack when comparing a clipped district with the box it was clipped to. */
const FULL_BOX_TOLERANCE = 1e-9;

function boxPolygon([w, s, e, n]: Box): Polygon {
  return {
    type: 'Polygon',
    coordinates: [
      [
        [w, s],
        [e, s],
        [e, n],
        [w, n],
        [w, s],
      ],
    ],
  };
}

function feature(geometry: Polygon | MultiPolygon): Feature<Polygon | MultiPolygon> {
  return { type: 'Feature', properties: {}, geometry };
}

/** District outlines with their boxes, built once and asked for many zones. */
export class DistrictAreas {
  readonly #districts: readonly { outline: DistrictOutline; box: Box }[];

  constructor(outlines: readonly DistrictOutline[]) {
    this.#districts = outlines.map((outline) => ({ outline, box: boxOf(outline.geometry) }));
  }

  /** The districts a zone touches and its area in each (clipped on the sphere). */
  sharesOf(polygon: Polygon): ZoneDistricts {
    const zoneBox = boxOf(polygon);
    const totalM2 = area(polygon);
    const parts: { outline: DistrictOutline; areaM2: number }[] = [];
    const boxM2 = area(boxPolygon(zoneBox));
    for (const { outline, box } of this.#districts) {
      if (!boxesOverlap(zoneBox, box)) continue;
      // Cut the district (up to ~2,000 corners) down to the zone's box first: clipping a whole
      // outline against the zone costs ~100 ms, the cut piece a millisecond or less.
      // Clipping a polygon yields a polygon (bboxClip's type covers lines too).
      const piece = bboxClip(feature(outline.geometry), zoneBox) as Feature<Polygon | MultiPolygon>;
      const pieceM2 = area(piece);
      if (pieceM2 < TOUCH_TOLERANCE_M2) continue;
      let areaM2: number;
      if (pieceM2 >= boxM2 * (1 - FULL_BOX_TOLERANCE)) {
        // The district covers the zone's whole box, so it holds the whole zone.
        areaM2 = totalM2;
      } else {
        const shared = intersect({
          type: 'FeatureCollection',
          features: [feature(polygon), piece],
        });
        areaM2 = shared ? area(shared) : 0;
      }
      if (areaM2 >= TOUCH_TOLERANCE_M2) parts.push({ outline, areaM2 });
    }
    const insideM2 = parts.reduce((sum, p) => sum + p.areaM2, 0);
    const districts = parts
      .map(({ outline, areaM2 }): DistrictShare => ({
        districtCode: outline.code,
        cityCode: outline.cityCode,
        areaMu: sqmToMu(areaM2),
        share: areaM2 / insideM2,
      }))
      .sort((a, b) => b.areaMu - a.areaMu);
    return { districts, outsideMu: sqmToMu(Math.max(0, totalM2 - insideM2)) };
  }
}

/** A point that can be inside a zone: a place, or an imported enterprise. */
export interface ZonePoint {
  id: string;
  lon: number;
  lat: number;
}

/**
 * A static spatial index over points (k-d tree). Build once per point list (100,000 points take
 * a few tens of milliseconds); each zone query is then a box search plus point-in-polygon on
 * the few candidates.
 */
export class ZonePointIndex<T extends ZonePoint> {
  readonly #points: readonly T[];
  readonly #tree: KDBush | null;

  constructor(points: readonly T[]) {
    this.#points = points;
    if (points.length === 0) {
      this.#tree = null;
      return;
    }
    const tree = new KDBush(points.length);
    for (const p of points) tree.add(p.lon, p.lat);
    this.#tree = tree.finish();
  }

  get size(): number {
    return this.#points.length;
  }

  /** The points inside the polygon (on its edge counts as inside), in the order given. */
  within(polygon: Polygon): T[] {
    if (!this.#tree) return [];
    const [w, s, e, n] = boxOf(polygon);
    const ids = this.#tree.range(w, s, e, n).sort((a, b) => a - b);
    const out: T[] = [];
    for (const id of ids) {
      const p = this.#points[id]!;
      if (booleanPointInPolygon([p.lon, p.lat], polygon)) out.push(p);
    }
    return out;
  }
}

/** Everything inside one zone. */
export interface ZoneContents<T extends ZonePoint> extends ZoneDistricts {
  points: T[];
}

/** The districts a zone touches and the points inside it. */
export function zoneContents<T extends ZonePoint>(
  polygon: Polygon,
  districts: DistrictAreas,
  points: ZonePointIndex<T>,
): ZoneContents<T> {
  return { ...districts.sharesOf(polygon), points: points.within(polygon) };
}
