/** GeoJSON: a FeatureCollection, a Feature or a bare geometry; a legacy `crs` member is honoured. */
import type { Geometry } from 'geojson';
import { crsOfGeoJsonName } from './crs.ts';
import type { CrsId, RawFeature } from './import-preview.ts';

export class GeoJsonError extends Error {}

export interface GeoJsonContent {
  features: RawFeature[];
  /** The system a `crs` member names, when it is one the importer knows. */
  stated?: CrsId;
}

const GEOMETRY_TYPES = new Set([
  'Point',
  'MultiPoint',
  'LineString',
  'MultiLineString',
  'Polygon',
  'MultiPolygon',
  'GeometryCollection',
]);

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function geometryOf(value: unknown): Geometry | null {
  if (!isObject(value) || !GEOMETRY_TYPES.has(String(value['type']))) return null;
  return value as unknown as Geometry;
}

function featureOf(value: unknown): RawFeature {
  if (isObject(value) && value['type'] === 'Feature') {
    const properties = isObject(value['properties']) ? value['properties'] : {};
    return { geometry: geometryOf(value['geometry']), properties };
  }
  return { geometry: geometryOf(value), properties: {} };
}

/** Reads GeoJSON text. Throws GeoJsonError when it is not JSON or not GeoJSON. */
export function readGeoJson(text: string): GeoJsonContent {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new GeoJsonError((error as Error).message);
  }
  if (!isObject(data)) throw new GeoJsonError('not an object');
  const crsName =
    isObject(data['crs']) && isObject(data['crs']['properties'])
      ? data['crs']['properties']['name']
      : undefined;
  const stated = typeof crsName === 'string' ? crsOfGeoJsonName(crsName) : undefined;
  let features: RawFeature[];
  if (data['type'] === 'FeatureCollection') {
    if (!Array.isArray(data['features'])) throw new GeoJsonError('features is not an array');
    features = data['features'].map(featureOf);
  } else if (data['type'] === 'Feature' || GEOMETRY_TYPES.has(String(data['type']))) {
    features = [featureOf(data)];
  } else {
    throw new GeoJsonError(`type ${String(data['type'])}`);
  }
  return stated ? { features, stated } : { features };
}
