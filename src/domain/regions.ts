/**
 * The cities and districts MuAtlas covers, keyed by GB/T 2260 code.
 *
 * 南太湖新区 and 湖州开发区 are functional zones carved out of existing districts and have
 * no GB/T 2260 code; they carry stable project codes of the form `<city code>-<ABBR>`
 * so they can never collide with an official six-digit code.
 */

export type RegionId = 'huzhou' | 'shaoxing';

export type DistrictKind = 'district' | 'county' | 'county-city' | 'functional-zone';

export interface DistrictInfo {
  /** GB/T 2260 code, or a project code for functional zones. */
  code: string;
  cityCode: string;
  nameZh: string;
  /** Short name used in the seeds' tables (e.g. 吴兴 for 吴兴区). */
  shortNameZh: string;
  nameEn: string;
  kind: DistrictKind;
}

/** West, south, east, north in WGS-84 degrees. */
export type BoundsLonLat = readonly [number, number, number, number];

export interface CityInfo {
  id: RegionId;
  code: string;
  nameZh: string;
  nameEn: string;
  /** The city's extent, for framing the map when the region is chosen. */
  boundsLonLat: BoundsLonLat;
}

export const CITIES: readonly CityInfo[] = [
  {
    id: 'huzhou',
    code: '330500',
    nameZh: '湖州市',
    nameEn: 'Huzhou',
    boundsLonLat: [119.23, 30.37, 120.5, 31.19],
  },
  {
    id: 'shaoxing',
    code: '330600',
    nameZh: '绍兴市',
    nameEn: 'Shaoxing',
    boundsLonLat: [119.88, 29.22, 121.02, 30.36],
  },
];

export const NANTAIHU_CODE = '330500-NTH';
export const HUZHOU_DEV_ZONE_CODE = '330500-KFQ';

export const DISTRICTS: readonly DistrictInfo[] = [
  {
    code: '330502',
    cityCode: '330500',
    nameZh: '吴兴区',
    shortNameZh: '吴兴',
    nameEn: 'Wuxing',
    kind: 'district',
  },
  {
    code: '330503',
    cityCode: '330500',
    nameZh: '南浔区',
    shortNameZh: '南浔',
    nameEn: 'Nanxun',
    kind: 'district',
  },
  {
    code: '330521',
    cityCode: '330500',
    nameZh: '德清县',
    shortNameZh: '德清',
    nameEn: 'Deqing',
    kind: 'county',
  },
  {
    code: '330522',
    cityCode: '330500',
    nameZh: '长兴县',
    shortNameZh: '长兴',
    nameEn: 'Changxing',
    kind: 'county',
  },
  {
    code: '330523',
    cityCode: '330500',
    nameZh: '安吉县',
    shortNameZh: '安吉',
    nameEn: 'Anji',
    kind: 'county',
  },
  {
    code: NANTAIHU_CODE,
    cityCode: '330500',
    nameZh: '南太湖新区',
    shortNameZh: '南太湖新区',
    nameEn: 'South Taihu New Area',
    kind: 'functional-zone',
  },
  {
    code: HUZHOU_DEV_ZONE_CODE,
    cityCode: '330500',
    nameZh: '湖州经济技术开发区',
    shortNameZh: '湖州开发区',
    nameEn: 'Huzhou Economic and Technological Development Zone',
    kind: 'functional-zone',
  },
  {
    code: '330602',
    cityCode: '330600',
    nameZh: '越城区',
    shortNameZh: '越城',
    nameEn: 'Yuecheng',
    kind: 'district',
  },
  {
    code: '330603',
    cityCode: '330600',
    nameZh: '柯桥区',
    shortNameZh: '柯桥',
    nameEn: 'Keqiao',
    kind: 'district',
  },
  {
    code: '330604',
    cityCode: '330600',
    nameZh: '上虞区',
    shortNameZh: '上虞',
    nameEn: 'Shangyu',
    kind: 'district',
  },
  {
    code: '330624',
    cityCode: '330600',
    nameZh: '新昌县',
    shortNameZh: '新昌',
    nameEn: 'Xinchang',
    kind: 'county',
  },
  {
    code: '330681',
    cityCode: '330600',
    nameZh: '诸暨市',
    shortNameZh: '诸暨',
    nameEn: 'Zhuji',
    kind: 'county-city',
  },
  {
    code: '330683',
    cityCode: '330600',
    nameZh: '嵊州市',
    shortNameZh: '嵊州',
    nameEn: 'Shengzhou',
    kind: 'county-city',
  },
];

/** Looks a district up by its code; undefined when the code is unknown. */
export function districtByCode(code: string): DistrictInfo | undefined {
  return DISTRICTS.find((d) => d.code === code);
}

/** The city record for a region id. */
export function cityOfRegion(region: RegionId): CityInfo {
  const city = CITIES.find((c) => c.id === region);
  if (!city) throw new Error(`Unknown region ${region}`);
  return city;
}

/** Districts of one city, official divisions first, functional zones last. */
export function districtsOfCity(cityCode: string): DistrictInfo[] {
  return DISTRICTS.filter((d) => d.cityCode === cityCode);
}
