/**
 * Coordinates as people type them, read into a point a place can be moved to.
 *
 * Planners copy coordinates from many places: a spreadsheet ("120.1, 30.9"), a phone map that
 * puts latitude first ("30.9 120.1"), a survey sheet in degrees, minutes and seconds
 * ("120°05′30″E 30°52′N"), or text typed with a Chinese input method (full-width digits and
 * commas, 东经/北纬). Since the region's longitudes and latitudes do not overlap, the order of two
 * bare numbers is told from their ranges; hemisphere letters, when present, decide it instead.
 */

import gcoord, { type CRSTypes } from 'gcoord';

/** Why a typed coordinate or a stored correction was refused; words live in the i18n files. */
export type CoordinateRejection =
  /** Nothing was typed. */
  | 'empty'
  /** Not two numbers in a form this parser knows. */
  | 'unreadable'
  /** A minutes or seconds part is 60 or more. */
  | 'badMinutes'
  /** Both numbers carry longitude letters (E/W, 东经) or both latitude letters (N/S, 北纬). */
  | 'hemisphereTwice'
  /** Not a finite number (only reachable through the API, not through typed text). */
  | 'notFinite'
  /** A sound coordinate, but not within the region MuAtlas maps. */
  | 'outsideRegion';

export type CoordinateParseResult =
  { valid: true; lon: number; lat: number } | { valid: false; reason: CoordinateRejection };

/**
 * The box a corrected place must lie in (WGS-84 degrees): northern Zhejiang with a margin, so a
 * place near a city's edge can be moved anywhere nearby, while a typo (a swapped digit, a point
 * in another province) is caught. Huzhou spans 119.23–120.5 E, 30.37–31.19 N and Shaoxing
 * 119.88–121.02 E, 29.22–30.36 N (`boundsLonLat` in src/domain/regions.ts); this box, set by
 * issue 4, holds both with room to spare.
 */
export const CORRECTION_BOUNDS = {
  minLon: 117.5,
  maxLon: 123,
  minLat: 28.5,
  maxLat: 32,
} as const;

/** The coordinate systems a typed point may be in; the map and the database use WGS-84. */
export type Datum = 'wgs84' | 'gcj02' | 'bd09';

/** Whether a longitude lies within {@link CORRECTION_BOUNDS} (false for NaN). */
export function isLonInRegion(lon: number): boolean {
  return lon >= CORRECTION_BOUNDS.minLon && lon <= CORRECTION_BOUNDS.maxLon;
}

/** Whether a latitude lies within {@link CORRECTION_BOUNDS} (false for NaN). */
export function isLatInRegion(lat: number): boolean {
  return lat >= CORRECTION_BOUNDS.minLat && lat <= CORRECTION_BOUNDS.maxLat;
}

/**
 * Whether a point may be stored as a correction: undefined when it may, else why not. The
 * repository checks every write with this, so a bad value never reaches the database.
 */
export function checkCorrectionPoint(lon: number, lat: number): CoordinateRejection | undefined {
  if (!Number.isFinite(lon) || !Number.isFinite(lat)) return 'notFinite';
  if (!isLonInRegion(lon) || !isLatInRegion(lat)) return 'outsideRegion';
  return undefined;
}

/** Full-width and Chinese forms mapped to the ASCII ones the pattern below reads (digits aside). */
const REPLACEMENTS: readonly [RegExp, string][] = [
  [/[，、,]/g, ','],
  [/[；;]/g, ';'],
  [/[．。]/g, '.'],
  [/[－−–—]/g, '-'],
  [/\u3000/g, ' '],
  [/东经/g, 'E'],
  [/西经/g, 'W'],
  [/北纬/g, 'N'],
  [/南纬/g, 'S'],
  [/[°º˚度]/g, '°'],
  [/(′′|''|’’)/g, '″'],
  [/[′'’分]/g, '′'],
  [/[″"”秒]/g, '″'],
];

function normaliseText(text: string): string {
  let result = text.replace(/[\uFF10-\uFF19]/g, (d) =>
    String.fromCharCode(d.charCodeAt(0) - 0xff10 + 0x30),
  );
  for (const [pattern, replacement] of REPLACEMENTS) {
    result = result.replace(pattern, replacement);
  }
  return result.toUpperCase().trim();
}

const NUMBER = String.raw`\d+(?:\.\d+)?`;

/** One coordinate: degrees (signed), optional minutes and seconds, a hemisphere letter before or after. */
function coordinatePattern(n: 1 | 2): string {
  const body =
    String.raw`(?<deg${n}>-?${NUMBER})` +
    String.raw`(?:\s*°(?:\s*(?<min${n}>${NUMBER})\s*′(?:\s*(?<sec${n}>${NUMBER})\s*″)?)?)?`;
  // A letter before or after, not both; the lazy `??` lets a letter after a bare number belong
  // to the next coordinate ("120.1 N30.9") unless the whole text only reads the other way.
  return String.raw`(?:(?<pre${n}>[NSEW])\s*${body}|${body.replaceAll(`${n}>`, `${n}b>`)}(?:\s*(?<post${n}>[NSEW]))??)`;
}

/** Two coordinates split by a comma, semicolon, slash or space, or directly after a symbol. */
const PAIR = new RegExp(
  String.raw`^${coordinatePattern(1)}(?:\s*[,;/]\s*|\s+|(?<=[°′″NSEW]))${coordinatePattern(2)}$`,
);

interface Reading {
  value: number;
  axis: 'lon' | 'lat' | undefined;
  badMinutes: boolean;
}

function readingOf(groups: Record<string, string | undefined>, n: 1 | 2): Reading {
  const pick = (name: string) => groups[`${name}${n}`] ?? groups[`${name}${n}b`];
  const degrees = Number(pick('deg'));
  const minutes = Number(pick('min') ?? 0);
  const seconds = Number(pick('sec') ?? 0);
  const letter = groups[`pre${n}`] ?? groups[`post${n}`];
  const magnitude = Math.abs(degrees) + minutes / 60 + seconds / 3600;
  const negative = degrees < 0 || letter === 'W' || letter === 'S';
  return {
    value: negative ? -magnitude : magnitude,
    axis: letter === 'E' || letter === 'W' ? 'lon' : letter === undefined ? undefined : 'lat',
    badMinutes: minutes >= 60 || seconds >= 60,
  };
}

/**
 * Reads a typed pair of coordinates into longitude and latitude (degrees, as typed: see
 * {@link toWgs84} for points copied from Chinese web maps). Accepts decimal degrees or
 * degrees-minutes-seconds, in either order, with or without hemisphere letters, in full-width
 * or ASCII characters. Refuses points outside {@link CORRECTION_BOUNDS}.
 */
export function parseCoordinates(text: string): CoordinateParseResult {
  const normalised = normaliseText(text);
  if (normalised === '') return { valid: false, reason: 'empty' };
  const groups = PAIR.exec(normalised)?.groups;
  if (!groups) return { valid: false, reason: 'unreadable' };
  const first = readingOf(groups, 1);
  const second = readingOf(groups, 2);
  if (first.badMinutes || second.badMinutes) return { valid: false, reason: 'badMinutes' };
  if (first.axis !== undefined && first.axis === second.axis) {
    return { valid: false, reason: 'hemisphereTwice' };
  }

  const axisOfFirst =
    first.axis ??
    (second.axis === 'lon' ? 'lat' : second.axis === 'lat' ? 'lon' : undefined) ??
    // No letters: the region's longitudes are all above its latitudes, so a swapped pair shows.
    (isLatInRegion(first.value) && isLonInRegion(second.value) ? 'lat' : 'lon');
  const [lon, lat] =
    axisOfFirst === 'lon' ? [first.value, second.value] : [second.value, first.value];
  const rejection = checkCorrectionPoint(lon, lat);
  return rejection ? { valid: false, reason: rejection } : { valid: true, lon, lat };
}

const GCOORD_OF: Readonly<Record<Datum, CRSTypes>> = {
  wgs84: gcoord.WGS84,
  gcj02: gcoord.GCJ02,
  bd09: gcoord.BD09,
};

/**
 * A point in WGS-84. AMap and Tencent maps show GCJ-02 coordinates and Baidu BD-09, which sit
 * some 500 m from WGS-84 around Huzhou; a point copied from them is converted so it lands where
 * the planner saw it.
 */
export function toWgs84(lon: number, lat: number, datum: Datum): { lon: number; lat: number } {
  if (datum === 'wgs84') return { lon, lat };
  const [wgsLon, wgsLat] = gcoord.transform([lon, lat], GCOORD_OF[datum], gcoord.WGS84);
  return { lon: wgsLon, lat: wgsLat };
}
