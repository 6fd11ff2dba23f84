import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { CITIES } from '../../../src/domain/regions.ts';
import { decodeEchartsMap, type EchartsMap } from '../echarts-decode.ts';
import { gcj02ToWgs84 } from '../gcj02.ts';
import { cleanPolygonal, clipPolygonal, type BoundsLonLat } from '../geometry.ts';
import { readPackageJson } from '../packages.ts';

export type PrefectureProperties = {
  code: string;
  name_zh: string;
  name_en: string;
};

export type PrefectureFeature = Feature<Polygon | MultiPolygon, PrefectureProperties>;

export const PREFECTURES_PACKAGE = 'echarts';
export const PREFECTURES_FILE = 'map/json/province/zhejiang.json';

/** English names of Zhejiang's prefecture-level cities, by GB/T 2260 code. */
const ENGLISH_NAMES: Record<string, string> = {
  '330100': 'Hangzhou',
  '330200': 'Ningbo',
  '330300': 'Wenzhou',
  '330400': 'Jiaxing',
  '330500': 'Huzhou',
  '330600': 'Shaoxing',
  '330700': 'Jinhua',
  '330800': 'Quzhou',
  '330900': 'Zhoushan',
  '331000': 'Taizhou',
  '331100': 'Lishui',
};

/**
 * Zhejiang's 11 prefecture-level cities from ECharts 4's province map, moved to WGS-84 and
 * clipped to the bounds like the land beneath them (Wenzhou and Lishui reach south of them).
 */
export function loadPrefectures(bounds: BoundsLonLat): PrefectureFeature[] {
  const map = decodeEchartsMap(readPackageJson<EchartsMap>(PREFECTURES_PACKAGE, PREFECTURES_FILE));
  return map.features.map((feature): PrefectureFeature => {
    const code = String(feature.id);
    const nameEn = CITIES.find((c) => c.code === code)?.nameEn ?? ENGLISH_NAMES[code];
    if (!nameEn) throw new Error(`no English name for prefecture ${code}`);
    const cleaned = cleanPolygonal(feature.geometry);
    if (!cleaned) throw new Error(`prefecture ${code} has no usable polygon`);
    const properties = { code, name_zh: feature.properties.name, name_en: nameEn };
    const clipped = clipPolygonal(
      { type: 'Feature', properties, geometry: gcj02ToWgs84(cleaned) },
      bounds,
    );
    if (!clipped) throw new Error(`prefecture ${code} lies outside the bounds`);
    return clipped;
  });
}
