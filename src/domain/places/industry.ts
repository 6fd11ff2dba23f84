import type { PlaceSource } from './place.ts';

/** Which plan an industry comes from. */
export type IndustryGroup = 'huzhou-traditional' | 'shaoxing-traditional' | 'emerging' | 'general';

export interface IndustryInfo {
  /** The id the seed CSVs use (`textiles`, `metal_processing` …). */
  id: string;
  nameZh: string;
  nameEn: string;
  group: IndustryGroup;
  /** Cities whose seeds name this industry. */
  cityCodes: readonly string[];
  /**
   * Categorical marker colour. Within one city's industries every pair stays at least
   * {@link MIN_CVD_DELTA_E} apart (CIE76) under normal vision and simulated protanopia,
   * deuteranopia and tritanopia (Machado et al. 2009); industries of both cities keep one
   * colour. Drawn from Okabe–Ito and Paul Tol's bright, light and muted sets plus a grey.
   */
  colour: string;
  /** Where the seeds name the industry; absent for the catch-all. */
  source?: PlaceSource;
}

/** The separation the colours keep; tested in industry.test.ts. */
export const MIN_CVD_DELTA_E = 12;

const HUZHOU = '330500';
const SHAOXING = '330600';
const SEED_000 = '000_a41b79af9300f26d.txt';
const SEED_002 = '002_82f5de82100c7f04.txt';
const SEED_003 = '003_bf8a38d02e4bdcc0.txt';
const at = (file: string, a: number, b = a): PlaceSource => ({ file, lines: [[a, b]] });

/** The id of the catch-all for platforms and zones that serve no one industry. */
export const GENERAL_INDUSTRY_ID = 'general';

export const INDUSTRIES: readonly IndustryInfo[] = [
  {
    id: 'textiles',
    nameZh: '纺织产业',
    nameEn: 'Textiles',
    group: 'huzhou-traditional',
    cityCodes: [HUZHOU, SHAOXING],
    colour: '#D55E00',
    source: at(SEED_000, 55),
  },
  {
    id: 'metal_processing',
    nameZh: '金属加工产业',
    nameEn: 'Metal processing',
    group: 'huzhou-traditional',
    cityCodes: [HUZHOU, SHAOXING],
    colour: '#332288',
    source: at(SEED_000, 55),
  },
  {
    id: 'furniture_bamboo_wood',
    nameZh: '家具竹木产业',
    nameEn: 'Furniture, bamboo and wood',
    group: 'huzhou-traditional',
    cityCodes: [HUZHOU],
    colour: '#8C564B',
    source: at(SEED_000, 55),
  },
  {
    id: 'building_materials',
    nameZh: '建材产业',
    nameEn: 'Building materials',
    group: 'huzhou-traditional',
    cityCodes: [HUZHOU],
    colour: '#EEDD88',
    source: at(SEED_000, 55),
  },
  {
    id: 'storage_batteries',
    nameZh: '蓄电池产业',
    nameEn: 'Storage batteries',
    group: 'huzhou-traditional',
    cityCodes: [HUZHOU],
    colour: '#4477AA',
    source: at(SEED_000, 55),
  },
  {
    id: 'elevators_motors',
    nameZh: '电梯电机产业',
    nameEn: 'Elevators and motors',
    group: 'huzhou-traditional',
    cityCodes: [HUZHOU],
    colour: '#882255',
    source: at(SEED_000, 55),
  },
  {
    id: 'other_traditional',
    nameZh: '其他传统产业',
    nameEn: 'Other traditional industries',
    group: 'huzhou-traditional',
    cityCodes: [HUZHOU],
    colour: '#CC79A7',
    source: at(SEED_000, 924),
  },
  {
    id: 'chemicals',
    nameZh: '化工产业',
    nameEn: 'Chemicals',
    group: 'shaoxing-traditional',
    cityCodes: [SHAOXING],
    colour: '#4477AA',
    source: at(SEED_002, 212),
  },
  {
    id: 'yellow_wine',
    nameZh: '黄酒产业',
    nameEn: 'Yellow wine (huangjiu)',
    group: 'shaoxing-traditional',
    cityCodes: [SHAOXING],
    colour: '#EEDD88',
    source: at(SEED_002, 212),
  },
  {
    id: 'pearls',
    nameZh: '珍珠产业',
    nameEn: 'Pearls',
    group: 'shaoxing-traditional',
    cityCodes: [SHAOXING],
    colour: '#FFAABB',
    source: at(SEED_002, 212),
  },
  {
    id: 'bearings',
    nameZh: '轴承产业',
    nameEn: 'Bearings',
    group: 'shaoxing-traditional',
    cityCodes: [SHAOXING],
    colour: '#99DDFF',
    source: at(SEED_002, 983),
  },
  {
    id: 'kitchenware',
    nameZh: '厨具产业',
    nameEn: 'Kitchen appliances',
    group: 'shaoxing-traditional',
    cityCodes: [SHAOXING],
    colour: '#EE8866',
    source: at(SEED_002, 983),
  },
  {
    id: 'motors',
    nameZh: '电机产业',
    nameEn: 'Electric motors',
    group: 'shaoxing-traditional',
    cityCodes: [SHAOXING],
    colour: '#882255',
    source: at(SEED_002, 983),
  },
  {
    id: 'semiconductors_optoelectronics',
    nameZh: '半导体及光电产业链',
    nameEn: 'Semiconductors and optoelectronics',
    group: 'emerging',
    cityCodes: [HUZHOU],
    colour: '#77AADD',
    source: at(SEED_003, 77),
  },
  {
    id: 'geographic_information',
    nameZh: '地理信息产业链',
    nameEn: 'Geographic information',
    group: 'emerging',
    cityCodes: [HUZHOU],
    colour: '#FFAABB',
    source: at(SEED_003, 77),
  },
  {
    id: 'new_energy',
    nameZh: '新能源产业',
    nameEn: 'New energy and energy storage',
    group: 'emerging',
    cityCodes: [HUZHOU],
    colour: '#99DDFF',
    source: {
      file: SEED_003,
      lines: [
        [73, 73],
        [186, 186],
      ],
    },
  },
  {
    id: 'green_home',
    nameZh: '绿色家居产业',
    nameEn: 'Green home furnishing',
    group: 'emerging',
    cityCodes: [HUZHOU],
    colour: '#EE8866',
    source: {
      file: SEED_003,
      lines: [
        [25, 25],
        [73, 73],
      ],
    },
  },
  {
    id: GENERAL_INDUSTRY_ID,
    nameZh: '综合',
    nameEn: 'Several industries',
    group: 'general',
    cityCodes: [HUZHOU, SHAOXING],
    colour: '#777777',
  },
];

/** Looks an industry up by id; undefined when unknown. */
export function industryById(id: string): IndustryInfo | undefined {
  return INDUSTRIES.find((i) => i.id === id);
}

/** Industries a city's seeds name, in catalogue order. */
export function industriesOfCity(cityCode: string): IndustryInfo[] {
  return INDUSTRIES.filter((i) => i.cityCodes.includes(cityCode));
}

/**
 * Words in a place's name that say its industry, tried in order: more specific first (储能 and
 * 新能源 before 电池, 绿色家居 before 家具, 非金属 before 金属). Only industries of the place's
 * city are tried, so 电机 reads as Huzhou's elevators-and-motors or Shaoxing's motors.
 */
const NAME_KEYWORDS: ReadonlyArray<readonly [string, RegExp]> = [
  ['green_home', /绿色家居/],
  ['new_energy', /新能源|储能/],
  ['elevators_motors', /电梯|电机/],
  ['storage_batteries', /电池/],
  ['motors', /电机/],
  ['yellow_wine', /黄酒/],
  ['pearls', /珍珠|珠宝/],
  ['bearings', /轴承/],
  ['kitchenware', /厨具/],
  ['chemicals', /化工/],
  ['building_materials', /非金属|建材|水泥|玻璃|耐火/],
  ['metal_processing', /金属|电磁线|不锈钢|铜/],
  ['furniture_bamboo_wood', /木|竹|椅|家具|板材/],
  ['textiles', /纺|织|丝|童装|衬布|袜|印染|砂洗|蓝印|领尚|时尚|创意设计/],
];

/**
 * The industry a named place's name says (南浔区特种电磁线产业园区 → metal_processing), or the
 * catch-all when it names none of its city's industries (南太湖新区, 滨海新城).
 */
export function industryOfName(nameZh: string, cityCode: string): string {
  for (const [id, pattern] of NAME_KEYWORDS) {
    if (!industryById(id)?.cityCodes.includes(cityCode)) continue;
    if (pattern.test(nameZh)) return id;
  }
  return GENERAL_INDUSTRY_ID;
}
