import { featureCollection, union } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { decodeEchartsMap, type EchartsMap } from '../echarts-decode.ts';
import { gcj02ToWgs84 } from '../gcj02.ts';
import { cleanPolygonal, clipPolygonal, type BoundsLonLat } from '../geometry.ts';
import { readPackageJson } from '../packages.ts';

export type LandProperties = {
  code: string;
  name_zh: string;
  name_en: string;
};

export type LandFeature = Feature<Polygon | MultiPolygon, LandProperties>;

export const LAND_PACKAGE = 'echarts';

/**
 * The provinces inside the tile bounds. ECharts' province maps are used rather than its
 * china.json: china.json keeps ~100 vertices per province here, the province maps ~40× more,
 * which keeps the coast in step with the prefecture and district polygons drawn over it.
 */
export const LAND_PROVINCES = [
  { file: 'map/json/province/zhejiang.json', code: '330000', nameZh: '浙江省', nameEn: 'Zhejiang' },
  { file: 'map/json/province/jiangsu.json', code: '320000', nameZh: '江苏省', nameEn: 'Jiangsu' },
  { file: 'map/json/province/shanghai.json', code: '310000', nameZh: '上海市', nameEn: 'Shanghai' },
  { file: 'map/json/province/anhui.json', code: '340000', nameZh: '安徽省', nameEn: 'Anhui' },
  { file: 'map/json/province/jiangxi.json', code: '360000', nameZh: '江西省', nameEn: 'Jiangxi' },
  { file: 'map/json/province/fujian.json', code: '350000', nameZh: '福建省', nameEn: 'Fujian' },
] as const;

/**
 * Neighbouring cities' borders in the source do not always meet exactly, so dissolving them
 * leaves hairline holes that would show as water; real lakes come from the water layer.
 */
function withoutHoles(geometry: Polygon | MultiPolygon): Polygon | MultiPolygon {
  return geometry.type === 'Polygon'
    ? { type: 'Polygon', coordinates: geometry.coordinates.slice(0, 1) }
    : { type: 'MultiPolygon', coordinates: geometry.coordinates.map((p) => p.slice(0, 1)) };
}

/**
 * One land polygon per province, clipped to the bounds: the province's cities from ECharts 4,
 * moved to WGS-84 and dissolved so no seams show between them.
 */
export function loadLand(bounds: BoundsLonLat): LandFeature[] {
  const out: LandFeature[] = [];
  for (const province of LAND_PROVINCES) {
    const map = decodeEchartsMap(readPackageJson<EchartsMap>(LAND_PACKAGE, province.file));
    const properties: LandProperties = {
      code: province.code,
      name_zh: province.nameZh,
      name_en: province.nameEn,
    };
    const pieces = map.features
      .map((feature) => cleanPolygonal(feature.geometry))
      .filter((geometry): geometry is Polygon | MultiPolygon => geometry !== null)
      .map((geometry) =>
        clipPolygonal({ type: 'Feature', properties, geometry: gcj02ToWgs84(geometry) }, bounds),
      )
      .filter((feature): feature is LandFeature => feature !== null);
    if (pieces.length === 0) continue;
    const dissolved = pieces.length === 1 ? pieces[0]! : union(featureCollection(pieces));
    const geometry = dissolved && cleanPolygonal(withoutHoles(dissolved.geometry));
    if (geometry) out.push({ type: 'Feature', properties, geometry });
  }
  return out;
}
