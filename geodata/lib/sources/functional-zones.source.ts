import type { Feature, Point } from 'geojson';
import { NANTAIHU_CODE, districtByCode } from '../../../src/domain/regions.ts';
import { roundPosition, type BoundsLonLat } from '../geometry.ts';
import { placesInBounds } from './towns.source.ts';

export type FunctionalZoneProperties = {
  code: string;
  city_code: string;
  name_zh: string;
  name_en: string;
  /** Always 'schematic': a stand-in position, not an official outline or address. */
  precision: string;
  /** How the position was chosen, for the data-source panel. */
  basis: string;
};

export type FunctionalZoneFeature = Feature<Point, FunctionalZoneProperties>;

/**
 * GeoNames 7679680, 白雀 (Baique): a place between Huzhou's centre and the Tai Hu shore, inside
 * 吴兴区. 南太湖新区 was carved out of 吴兴区 on the lake's south shore (seed
 * 003_bf8a38d02e4bdcc0.txt line 260, 湖政办发〔2023〕22号, counts it inside 吴兴's figure), and
 * no official outline or committee address is in reach, so this point stands in for it.
 */
export const NANTAIHU_ANCHOR_GEONAMES_ID = 7679680;

/**
 * Functional zones as labelled points. 湖州开发区 is left out: nothing in reach places it
 * honestly, and a guessed point would read as fact.
 */
export function loadFunctionalZones(bounds: BoundsLonLat): FunctionalZoneFeature[] {
  const info = districtByCode(NANTAIHU_CODE);
  if (!info) throw new Error(`${NANTAIHU_CODE} missing from src/domain/regions.ts`);
  let anchor: { longitude: number; latitude: number; name: string } | undefined;
  for (const place of placesInBounds(bounds)) {
    if (place.geonameId === NANTAIHU_ANCHOR_GEONAMES_ID) anchor = place;
  }
  if (!anchor) throw new Error(`GeoNames ${NANTAIHU_ANCHOR_GEONAMES_ID} not in cities500`);
  return [
    {
      type: 'Feature',
      properties: {
        code: info.code,
        city_code: info.cityCode,
        name_zh: info.nameZh,
        name_en: info.nameEn,
        precision: 'schematic',
        basis: `GeoNames ${NANTAIHU_ANCHOR_GEONAMES_ID} (${anchor.name}), a place between the city centre and the Tai Hu shore in 吴兴区`,
      },
      geometry: { type: 'Point', coordinates: roundPosition([anchor.longitude, anchor.latitude]) },
    },
  ];
}
