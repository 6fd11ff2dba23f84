import { CITIES, districtByCode, NANTAIHU_CODE } from '../regions.ts';
import { formatPlaceSource, type Place, type PlaceSource } from './place.ts';

/** A placed record before its basis is put into words. */
export type LocatedRecord = Omit<Place, 'locationBasisZh' | 'locationBasisEn'>;

/**
 * Functional zones drawn inside an official district. 南太湖新区's figures are counted within
 * 吴兴区's (seed 003_bf8a38d02e4bdcc0.txt line 260, 湖政办发〔2023〕22号 附1: 4.5（含南太湖新区）
 * in 吴兴's column). 湖州开发区 has no such tie in the seeds, so its places stay at city level.
 */
export const ZONE_HOST_DISTRICT: Readonly<Record<string, { code: string; source: PlaceSource }>> = {
  [NANTAIHU_CODE]: {
    code: '330502',
    source: { file: '003_bf8a38d02e4bdcc0.txt', lines: [[260, 260]] },
  },
};

function districtName(code: string): { zh: string; en: string } {
  const d = districtByCode(code);
  return { zh: d?.nameZh ?? code, en: d?.nameEn ?? code };
}

/**
 * How a place's point was chosen, in Chinese and English, for its card: the town and the seed
 * lines behind it, or that the point only stands for a district or a city. Derived from the
 * place's codes alone, so the app can word it for features read from places.geojson.
 */
export function describeLocation(place: LocatedRecord): { zh: string; en: string } {
  const others = place.districtCodes
    .filter(
      (c) =>
        c !== place.pointDistrictCode && ZONE_HOST_DISTRICT[c]?.code !== place.pointDistrictCode,
    )
    .map(districtName);
  const alsoZh = others.length ? `；另列${others.map((o) => o.zh).join('、')}` : '';
  const alsoEn = others.length ? `; also listed: ${others.map((o) => o.en).join(', ')}` : '';
  const city = CITIES.find((c) => c.code === place.cityCode);
  switch (place.precision) {
    case 'town':
    case 'exact':
    case 'park': {
      const town = place.townZh ?? '';
      const id = place.townGeonamesId === undefined ? '' : `（GeoNames ${place.townGeonamesId}）`;
      const idEn = place.townGeonamesId === undefined ? '' : ` (GeoNames ${place.townGeonamesId})`;
      const cite = place.locationSource ? formatPlaceSource(place.locationSource) : '';
      return place.locationBasis === 'named'
        ? {
            zh: `${town}${id}附近：原文写明该地，见${cite}`,
            en: `Near ${town}${idEn}, which the seed prints with it (${cite})`,
          }
        : {
            zh: `${town}${id}附近：据${cite}推定，本条未写明`,
            en: `Near ${town}${idEn}, inferred from ${cite}; the record itself does not say`,
          };
    }
    case 'district': {
      const name = districtName(place.pointDistrictCode);
      const zoneCode = place.districtCodes.find(
        (c) => ZONE_HOST_DISTRICT[c]?.code === place.pointDistrictCode,
      );
      const zone = zoneCode ? districtName(zoneCode) : undefined;
      const zoneZh = zone ? `（${zone.zh}计入${name.zh}）` : '';
      const zoneEn = zone ? ` (${zone.en} is counted within ${name.en})` : '';
      return place.locationBasis === 'named'
        ? {
            zh: `${name.zh}内示意点${zoneZh}：原文只写到区县${alsoZh}`,
            en: `Schematic point inside ${name.en}${zoneEn}: the seed gives only the district${alsoEn}`,
          }
        : {
            zh: `${name.zh}内示意点：区县据相关原文推定，本条未写明${alsoZh}`,
            en: `Schematic point inside ${name.en}: the district is inferred from related seed text${alsoEn}`,
          };
    }
    case 'city': {
      const zone = place.districtCodes[0] ? districtName(place.districtCodes[0]) : undefined;
      return {
        zh: zone
          ? `${city?.nameZh ?? ''}城区旁标记，非实际位置：${zone.zh}无可用边界`
          : `${city?.nameZh ?? ''}城区旁标记，非实际位置：原文未写明区县`,
        en: zone
          ? `Marker beside the ${city?.nameEn ?? ''} seat, not a location: ${zone.en} has no outline in reach`
          : `Marker beside the ${city?.nameEn ?? ''} seat, not a location: the seeds name no district`,
      };
    }
  }
  // A hand-edited file may hold a precision this version does not know.
  return { zh: '位置依据未知', en: 'How this point was chosen is not recorded' };
}
