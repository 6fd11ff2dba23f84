/**
 * Coordinate systems of officials' files and their conversion to WGS-84: AMap (GCJ-02) points,
 * CGCS2000 degrees, and CGCS2000 3° Gauss-Krüger metres from the land bureau, whose zone is read
 * from a .prj, chosen by the user, or told from the numbers themselves.
 */
import gcoord from 'gcoord';
import proj4 from 'proj4';
import { CITIES as CITY_INFOS } from '../regions.ts';
import type { CrsBasis, CrsId } from './import-preview.ts';

const CITIES = CITY_INFOS.map((c) => c.boundsLonLat);

/** A point as [x, y]: [lon, lat] in degrees or [easting, northing] in metres. */
export type XY = [number, number];

/** Whether a WGS-84 point lies within one of the cities MuAtlas maps (their framing extents). */
function isInMappedCities([lon, lat]: XY): boolean {
  return CITIES.some(
    ([west, south, east, north]) => lon >= west && lon <= east && lat >= south && lat <= north,
  );
}

/**
 * Zhejiang's extent in WGS-84 degrees (the province spans about 118°01′–123°10′ E and
 * 27°02′–31°11′ N), widened by a few kilometres so a point on the border is not refused.
 */
export const ZHEJIANG_BOUNDS = {
  minLon: 117.95,
  maxLon: 123.25,
  minLat: 26.95,
  maxLat: 31.25,
} as const;

/** Whether a WGS-84 point lies within {@link ZHEJIANG_BOUNDS}. */
export function isInZhejiang([lon, lat]: XY): boolean {
  return (
    lon >= ZHEJIANG_BOUNDS.minLon &&
    lon <= ZHEJIANG_BOUNDS.maxLon &&
    lat >= ZHEJIANG_BOUNDS.minLat &&
    lat <= ZHEJIANG_BOUNDS.maxLat
  );
}

interface GaussKrugerZone {
  centralMeridianDeg: number;
  falseEastingM: number;
}

/** CGCS2000 3° Gauss-Krüger zones over Zhejiang and its neighbours (EPSG registry). */
export const GAUSS_KRUGER_ZONES: Readonly<Record<string, GaussKrugerZone>> = {
  'EPSG:4527': { centralMeridianDeg: 117, falseEastingM: 39_500_000 },
  'EPSG:4528': { centralMeridianDeg: 120, falseEastingM: 40_500_000 },
  'EPSG:4529': { centralMeridianDeg: 123, falseEastingM: 41_500_000 },
  'EPSG:4548': { centralMeridianDeg: 117, falseEastingM: 500_000 },
  'EPSG:4549': { centralMeridianDeg: 120, falseEastingM: 500_000 },
  'EPSG:4550': { centralMeridianDeg: 123, falseEastingM: 500_000 },
};

/** Every coordinate system the user can choose, in the order a picker lists them. */
export const CRS_IDS: readonly CrsId[] = [
  'wgs84',
  'gcj02',
  'cgcs2000',
  'EPSG:4549',
  'EPSG:4550',
  'EPSG:4548',
  'EPSG:4528',
  'EPSG:4529',
  'EPSG:4527',
];

/** Whether a coordinate system is in metres (Gauss-Krüger) rather than degrees. */
export function isProjected(crs: CrsId): boolean {
  return crs in GAUSS_KRUGER_ZONES;
}

function proj4Definition(zone: GaussKrugerZone): string {
  // CGCS2000 and WGS-84 differ by centimetres at this scale, so no datum shift is applied.
  return `+proj=tmerc +lat_0=0 +lon_0=${zone.centralMeridianDeg} +k=1 +x_0=${zone.falseEastingM} +y_0=0 +ellps=GRS80 +units=m +no_defs`;
}

/** A function taking a point in `crs` to WGS-84 [lon, lat]. */
export function toWgs84(crs: CrsId): (xy: XY) => XY {
  const zone = GAUSS_KRUGER_ZONES[crs];
  if (zone) {
    const converter = proj4(proj4Definition(zone), 'WGS84');
    return (xy) => converter.forward(xy) as XY;
  }
  if (crs === 'gcj02') return (xy) => gcoord.transform(xy, gcoord.GCJ02, gcoord.WGS84) as XY;
  // CGCS2000 geographic and WGS-84 agree to within centimetres here.
  return (xy) => [xy[0], xy[1]];
}

/** A converter from an arbitrary .prj WKT to WGS-84, or undefined when proj4 cannot read it. */
export function wktToWgs84(wkt: string): ((xy: XY) => XY) | undefined {
  try {
    const converter = proj4(wkt, 'WGS84');
    const probe = converter.forward([500_000, 3_300_000]);
    if (!probe.every(Number.isFinite)) return undefined;
    return (xy) => converter.forward(xy) as XY;
  } catch {
    return undefined;
  }
}

export type PrjReading =
  | { kind: 'known'; crs: CrsId; name: string }
  | { kind: 'other'; name: string; wkt: string }
  | { kind: 'unknown'; name: string };

function wktNumber(wkt: string, parameter: string): number | undefined {
  const match = new RegExp(`PARAMETER\\[\\s*"${parameter}"\\s*,\\s*(-?[\\d.]+)`, 'i').exec(wkt);
  return match ? Number(match[1]) : undefined;
}

/**
 * What a shapefile's .prj says: one of the known systems (by EPSG code, or a CGCS2000 datum with
 * a Gauss-Krüger/transverse Mercator projection whose central meridian and false easting match a
 * zone), another system proj4 can still convert (Xi'an 1980, Beijing 1954, UTM, …), or nothing
 * readable.
 */
export function readPrj(wkt: string): PrjReading {
  const text = wkt.trim();
  const name =
    /^\s*(?:PROJCS|GEOGCS|PROJCRS|GEOGCRS)\[\s*"([^"]*)"/i.exec(text)?.[1] ?? text.slice(0, 60);
  const epsgCodes = [...text.matchAll(/AUTHORITY\[\s*"EPSG"\s*,\s*"?(\d+)"?\s*\]/gi)].map(
    (m) => m[1],
  );
  const ownEpsg = epsgCodes.at(-1);
  const byEpsg = CRS_IDS.find((id) => id === `EPSG:${ownEpsg}`);
  if (byEpsg) return { kind: 'known', crs: byEpsg, name };
  const isCgcs2000 = /China[_ ]?2000|CGCS[_ ]?2000|China Geodetic Coordinate System 2000/i.test(
    text,
  );
  const isProjectedWkt = /^\s*PROJ(CS|CRS)\[/i.test(text);
  if (isProjectedWkt && isCgcs2000 && /Gauss|Transverse_Mercator|Transverse Mercator/i.test(text)) {
    const cm = wktNumber(text, 'Central_Meridian') ?? wktNumber(text, 'longitude_of_center');
    const fe = wktNumber(text, 'False_Easting');
    const scale = wktNumber(text, 'Scale_Factor') ?? 1;
    const latOrigin = wktNumber(text, 'Latitude_Of_Origin') ?? 0;
    const match = Object.entries(GAUSS_KRUGER_ZONES).find(
      ([, z]) => z.centralMeridianDeg === cm && z.falseEastingM === fe,
    );
    if (match && scale === 1 && latOrigin === 0)
      return { kind: 'known', crs: match[0] as CrsId, name };
  }
  if (!isProjectedWkt && /^\s*GEOG(CS|CRS)\[/i.test(text)) {
    if (isCgcs2000) return { kind: 'known', crs: 'cgcs2000', name };
    if (/WGS[_ ]?(19)?84/i.test(text)) return { kind: 'known', crs: 'wgs84', name };
  }
  return wktToWgs84(text) ? { kind: 'other', name, wkt: text } : { kind: 'unknown', name };
}

/** The coordinate system for a GeoJSON `crs` member's name (OGC URN or EPSG code). */
export function crsOfGeoJsonName(name: string): CrsId | undefined {
  if (/CRS84|EPSG:*:?4326$/i.test(name)) return 'wgs84';
  if (/GCJ/i.test(name)) return 'gcj02';
  const code = /EPSG:+(?:[\d.]*:+)?(\d{4,5})$/i.exec(name)?.[1];
  if (code === '4490') return 'cgcs2000';
  return CRS_IDS.find((id) => id === `EPSG:${code}`);
}

const NORTHING_M = [2_900_000, 3_600_000] as const;
const EASTING_M = [100_000, 900_000] as const;
const PREFIXED_ZONES: Readonly<Record<number, CrsId>> = {
  39: 'EPSG:4527',
  40: 'EPSG:4528',
  41: 'EPSG:4529',
};

function inRange(value: number, [low, high]: readonly [number, number]): boolean {
  return value >= low && value <= high;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

/** An easting with or without a zone-number prefix (39–41 × 10⁶ m). */
function isEasting(value: number): boolean {
  const zone = Math.floor(value / 1_000_000);
  return (
    inRange(value, EASTING_M) || (zone in PREFIXED_ZONES && inRange(value % 1_000_000, EASTING_M))
  );
}

export interface CoordinateGuess {
  crs: CrsId;
  basis: CrsBasis;
  /** The two numbers of each point are the other way round (lat/lon, or Chinese surveying X=north). */
  swapped: boolean;
}

/**
 * Guesses how a set of points is written, from their magnitudes: degrees (WGS-84 assumed) or
 * Gauss-Krüger metres; lon/lat or lat/lon order. Returns undefined when neither fits.
 *
 * Degrees: Zhejiang's longitudes (118–123) and latitudes (27–31) never overlap, so the order is
 * read off the medians. Metres: a northing there is 2.9–3.6 million; an easting 0.1–0.9 million,
 * or 39/40/41 million with the zone number in front, which names the zone. Without the prefix,
 * the central meridian (117°, 120°, 123°) is the one under which most points fall in the mapped
 * cities (Huzhou, Shaoxing), then in Zhejiang; 120° first on a tie since both cities lie in its
 * zone. A guess, reported as one for the user to confirm.
 */
export function guessCoordinates(points: readonly XY[]): CoordinateGuess | undefined {
  if (points.length === 0) return undefined;
  const mx = median(points.map((p) => p[0]));
  const my = median(points.map((p) => p[1]));
  const isLon = (v: number) => v >= 73 && v <= 136;
  const isLat = (v: number) => v >= 3 && v <= 54;
  if (Math.abs(mx) <= 180 && Math.abs(my) <= 180) {
    if (isLon(mx) && isLat(my)) return { crs: 'wgs84', basis: 'default', swapped: false };
    if (isLat(mx) && isLon(my)) return { crs: 'wgs84', basis: 'default', swapped: true };
    return undefined;
  }
  let swapped: boolean;
  if (isEasting(mx) && inRange(my, NORTHING_M)) swapped = false;
  else if (inRange(mx, NORTHING_M) && isEasting(my)) swapped = true;
  else return undefined;
  const easting = swapped ? my : mx;
  const prefixed = PREFIXED_ZONES[Math.floor(easting / 1_000_000)];
  if (prefixed) return { crs: prefixed, basis: 'zonePrefix', swapped };
  const sample = points.slice(0, 200).map(([x, y]): XY => (swapped ? [y, x] : [x, y]));
  let best: CrsId = 'EPSG:4549';
  let bestScore = -1;
  for (const crs of ['EPSG:4549', 'EPSG:4548', 'EPSG:4550'] as const) {
    const convert = toWgs84(crs);
    const converted = sample.map(convert);
    // Points in the cities MuAtlas maps count first; Zhejiang's box alone cannot tell the zones
    // apart, since a point read in the wrong zone often still lands inside the box (at sea).
    const inCities = converted.filter(isInMappedCities).length;
    const inProvince = converted.filter(isInZhejiang).length;
    const score = inCities * (sample.length + 1) + inProvince;
    if (score > bestScore) {
      best = crs;
      bestScore = score;
    }
  }
  return { crs: best, basis: 'magnitude', swapped };
}

/** The coordinate system a coordinate column's header names, if any (高德 → GCJ-02, …). */
export function crsOfHeader(header: string): CrsId | undefined {
  if (/高德|gcj|火星|amap/i.test(header)) return 'gcj02';
  if (/cgcs\s*2000|国家2000|2000坐标/i.test(header)) return 'cgcs2000';
  if (/wgs/i.test(header)) return 'wgs84';
  return undefined;
}
