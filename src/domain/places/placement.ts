import { booleanPointInPolygon } from '@turf/turf';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { CITIES, DISTRICTS } from '../regions.ts';
import type { Place, PlacePrecision, PlaceRecord, TownHint } from './place.ts';
import { describeLocation, ZONE_HOST_DISTRICT, type LocatedRecord } from './location-basis.ts';
import { fnv1a } from './place-seeds.ts';

/** A GeoNames town with its Chinese name and the district whose outline holds it. */
export interface TownPoint {
  nameZh: string;
  lon: number;
  lat: number;
  districtCode: string;
  geonamesId: number;
}

/** A district outline (WGS-84), as shipped in public/data/districts.geojson. */
export interface DistrictOutline {
  code: string;
  cityCode: string;
  geometry: Polygon | MultiPolygon;
}

/** The point a city's `city`-precision markers gather around (its seat). */
export interface CitySeat {
  cityCode: string;
  lon: number;
  lat: number;
  geonamesId: number;
}

export interface PlacementInput {
  towns: readonly TownPoint[];
  districts: readonly DistrictOutline[];
  seats: readonly CitySeat[];
}

export interface PlacementOptions {
  /** Least distance between a district-precision point and any other point of its district. */
  districtSpacingKm: number;
  /** Least distance between markers gathered around one town or city seat. */
  clusterSpacingKm: number;
  /** Least distance between a district-precision point and its district's outline. */
  boundaryMarginKm: number;
}

/** Spacing that keeps markers apart at zoom 11–12 yet lets ~60 fit in a small district. */
export const DEFAULT_PLACEMENT: PlacementOptions = {
  districtSpacingKm: 1.5,
  clusterSpacingKm: 0.4,
  boundaryMarginKm: 1,
};

const KM_PER_DEG_LAT = 110.574;
const KM_PER_DEG_LON_EQUATOR = 111.32;
const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));
const MAX_TRIES = 20_000;

/** Distance in km between two lon/lat positions (equirectangular; exact enough below 100 km). */
export function distanceKm(a: Position, b: Position): number {
  const cos = Math.cos((((a[1]! + b[1]!) / 2) * Math.PI) / 180);
  const dx = (a[0]! - b[0]!) * KM_PER_DEG_LON_EQUATOR * cos;
  const dy = (a[1]! - b[1]!) * KM_PER_DEG_LAT;
  return Math.hypot(dx, dy);
}

/** The radical inverse of `index` in `base`: the Halton sequence's coordinate. */
export function halton(index: number, base: number): number {
  let result = 0;
  let fraction = 1 / base;
  let i = index;
  while (i > 0) {
    result += fraction * (i % base);
    i = Math.floor(i / base);
    fraction /= base;
  }
  return result;
}

function rings(geometry: Polygon | MultiPolygon): Position[][] {
  return geometry.type === 'Polygon' ? geometry.coordinates : geometry.coordinates.flat();
}

/** Distance in km from a point to the nearest edge of the outline. */
export function distanceToOutlineKm(point: Position, geometry: Polygon | MultiPolygon): number {
  const cos = Math.cos((point[1]! * Math.PI) / 180);
  const kx = KM_PER_DEG_LON_EQUATOR * cos;
  const px = point[0]! * kx;
  const py = point[1]! * KM_PER_DEG_LAT;
  let best = Infinity;
  for (const ring of rings(geometry)) {
    for (let i = 1; i < ring.length; i++) {
      const ax = ring[i - 1]![0]! * kx;
      const ay = ring[i - 1]![1]! * KM_PER_DEG_LAT;
      const bx = ring[i]![0]! * kx;
      const by = ring[i]![1]! * KM_PER_DEG_LAT;
      const dx = bx - ax;
      const dy = by - ay;
      const length2 = dx * dx + dy * dy;
      const t =
        length2 === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / length2));
      best = Math.min(best, Math.hypot(px - ax - t * dx, py - ay - t * dy));
    }
  }
  return best;
}

function boundsOf(geometry: Polygon | MultiPolygon): [number, number, number, number] {
  let west = Infinity;
  let south = Infinity;
  let east = -Infinity;
  let north = -Infinity;
  for (const ring of rings(geometry)) {
    for (const [lon = 0, lat = 0] of ring) {
      west = Math.min(west, lon);
      east = Math.max(east, lon);
      south = Math.min(south, lat);
      north = Math.max(north, lat);
    }
  }
  return [west, south, east, north];
}

/** Five decimals (~1 m): finer than any point here means, and stable bytes. */
function round5(n: number): number {
  return Math.round(n * 1e5) / 1e5;
}

type Target =
  | { precision: 'town'; town: TownPoint; hint: TownHint }
  | { precision: 'district'; outline: DistrictOutline }
  | { precision: 'city'; seat: CitySeat; reason: 'no-district' | 'no-outline' };

/** Districts a record may lie in, with functional zones mapped to their host district. */
function hostCodes(record: PlaceRecord): string[] {
  return record.districtCodes.map((code) => ZONE_HOST_DISTRICT[code]?.code ?? code);
}

/**
 * Names of cities and districts (湖州, 南浔, 上虞 …). GeoNames has towns of these names too, but
 * in a record's name they mean the district or city, never the town.
 */
const AREA_NAMES: ReadonlySet<string> = new Set([
  ...CITIES.flatMap((c) => [c.nameZh, c.nameZh.replace(/市$/, '')]),
  ...DISTRICTS.flatMap((d) => [d.nameZh, d.shortNameZh]),
]);

/**
 * Hints from town names printed in the record's own name or content: at its start (钱清轻纺原料
 * 市场) or followed by 镇, 乡 or 街道 (织里镇童装产业园二期项目). Elsewhere a town's name is too
 * often part of another word (稽山 in 会稽山).
 */
function printedTownHints(record: PlaceRecord, towns: readonly TownPoint[]): TownHint[] {
  const texts = [record.nameZh, record.contentZh ?? ''];
  const names = [...new Set(towns.map((t) => t.nameZh))].filter(
    (name) =>
      name.length >= 2 &&
      !AREA_NAMES.has(name) &&
      texts.some((t) => t.startsWith(name) || new RegExp(`${name}(镇|乡|街道)`).test(t)),
  );
  return names.map((townZh) => ({ townZh, basis: 'named', source: record.sources[0]! }));
}

function resolveTarget(record: PlaceRecord, input: PlacementInput): Target {
  const city = input.seats.find((s) => s.cityCode === record.cityCode);
  if (!city) throw new Error(`no seat for city ${record.cityCode}`);
  const cityOutlines = input.districts.filter((d) => d.cityCode === record.cityCode);
  const hosts = hostCodes(record);
  for (const hint of [...record.townHints, ...printedTownHints(record, input.towns)]) {
    const candidates = input.towns.filter(
      (t) =>
        t.nameZh === hint.townZh &&
        cityOutlines.some((d) => d.code === t.districtCode) &&
        (hosts.length === 0 || hosts.includes(t.districtCode)),
    );
    if (candidates.length === 1) return { precision: 'town', town: candidates[0]!, hint };
  }
  for (const code of hosts) {
    const outline = cityOutlines.find((d) => d.code === code);
    if (outline) return { precision: 'district', outline };
  }
  return {
    precision: 'city',
    seat: city,
    reason: record.districtCodes.length === 0 ? 'no-district' : 'no-outline',
  };
}

class PointIndex {
  private readonly byDistrict = new Map<string, Position[]>();

  add(district: string, point: Position): void {
    const list = this.byDistrict.get(district) ?? [];
    list.push(point);
    this.byDistrict.set(district, list);
  }

  clear(district: string, point: Position, km: number): boolean {
    return (this.byDistrict.get(district) ?? []).every((p) => distanceKm(p, point) >= km);
  }
}

function outlineHolding(
  point: Position,
  outlines: readonly DistrictOutline[],
): DistrictOutline | undefined {
  return outlines.find((d) => booleanPointInPolygon(point, d.geometry));
}

/** Markers around a centre on a sunflower (Vogel) spiral, each inside an outline and apart. */
function spiralPoint(
  centre: Position,
  occupied: PointIndex,
  outlines: readonly DistrictOutline[],
  spacingKm: number,
  requiredDistrict?: string,
): { point: Position; district: string } {
  const kx = KM_PER_DEG_LON_EQUATOR * Math.cos((centre[1]! * Math.PI) / 180);
  for (let k = 0; k < MAX_TRIES; k++) {
    const r = spacingKm * Math.sqrt(k);
    const theta = k * GOLDEN_ANGLE;
    const point = [
      round5(centre[0]! + (r * Math.cos(theta)) / kx),
      round5(centre[1]! + (r * Math.sin(theta)) / KM_PER_DEG_LAT),
    ];
    const outline = outlineHolding(point, outlines);
    if (!outline || (requiredDistrict && outline.code !== requiredDistrict)) continue;
    if (occupied.clear(outline.code, point, spacingKm)) return { point, district: outline.code };
  }
  throw new Error(`no free spot within reach of ${centre.join(',')}`);
}

/** A Halton point inside the outline, clear of its edge and of the district's other points. */
function districtPoint(
  id: string,
  outline: DistrictOutline,
  occupied: PointIndex,
  options: PlacementOptions,
): Position {
  const [west, south, east, north] = boundsOf(outline.geometry);
  const start = (fnv1a(id) % 9973) + 1;
  for (let i = start; i < start + MAX_TRIES; i++) {
    const point = [
      round5(west + halton(i, 2) * (east - west)),
      round5(south + halton(i, 3) * (north - south)),
    ];
    if (!booleanPointInPolygon(point, outline.geometry)) continue;
    if (distanceToOutlineKm(point, outline.geometry) < options.boundaryMarginKm) continue;
    if (occupied.clear(outline.code, point, options.districtSpacingKm)) return point;
  }
  throw new Error(`${outline.code} has no room for ${id} at ${options.districtSpacingKm} km`);
}

const PRECISION_ORDER: Readonly<Record<PlacePrecision, number>> = {
  exact: 0,
  park: 1,
  town: 2,
  city: 3,
  district: 4,
};

/**
 * Gives every record a point, as precise as the seeds justify: a town the record names or its
 * context implies (GeoNames point; several records of one town on a small spiral around it),
 * else a schematic point inside its first district's outline (Halton sequence from a hash of
 * the id, rejecting points outside the outline, near its edge or near other points of the
 * district), else a marker beside the city seat. Deterministic: the same records and
 * geodata give the same coordinates, in any input order.
 */
export function placeRecords(
  records: readonly PlaceRecord[],
  input: PlacementInput,
  options: PlacementOptions = DEFAULT_PLACEMENT,
): Place[] {
  const ids = new Set<string>();
  for (const r of records) {
    if (ids.has(r.id)) throw new Error(`duplicate place id ${r.id}`);
    ids.add(r.id);
  }
  const targets = [...records]
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((record) => ({ record, target: resolveTarget(record, input) }))
    .sort((a, b) => PRECISION_ORDER[a.target.precision] - PRECISION_ORDER[b.target.precision]);
  const occupied = new PointIndex();
  const placed = new Map<string, Place>();
  for (const { record, target } of targets) {
    let point: Position;
    let pointDistrict: string;
    if (target.precision === 'town') {
      ({ point, district: pointDistrict } = spiralPoint(
        [target.town.lon, target.town.lat],
        occupied,
        input.districts,
        options.clusterSpacingKm,
        target.town.districtCode,
      ));
    } else if (target.precision === 'city') {
      ({ point, district: pointDistrict } = spiralPoint(
        [target.seat.lon, target.seat.lat],
        occupied,
        input.districts,
        options.clusterSpacingKm,
      ));
    } else {
      pointDistrict = target.outline.code;
      point = districtPoint(record.id, target.outline, occupied, options);
    }
    occupied.add(pointDistrict, point);
    const located: LocatedRecord = {
      ...record,
      precision: target.precision,
      locationBasis:
        target.precision === 'town'
          ? target.hint.basis
          : target.precision === 'district'
            ? record.districtBasis
            : 'none',
      pointDistrictCode: target.precision === 'city' ? '' : pointDistrict,
      ...(target.precision === 'town'
        ? {
            townZh: target.town.nameZh,
            townGeonamesId: target.town.geonamesId,
            locationSource: target.hint.source,
          }
        : {}),
      lon: point[0]!,
      lat: point[1]!,
    };
    const text = describeLocation(located);
    placed.set(record.id, { ...located, locationBasisZh: text.zh, locationBasisEn: text.en });
  }
  return records.map((r) => placed.get(r.id)!);
}
