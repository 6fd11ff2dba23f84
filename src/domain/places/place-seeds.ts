import { parseSeedCsv, type SeedRow } from '../seeds/seed-csv.format.ts';
import { cellNumber, parseLineSpec, splitList } from '../seeds/seed-validate.ts';
import { DISTRICTS } from '../regions.ts';
import { industryById, industryOfName } from './industry.ts';
import type { LocationBasis, PlaceKind, PlaceRecord, PlaceSource, TownHint } from './place.ts';
import { projectStage } from './project-stage.ts';

/** The seed CSV texts the places are read from, keyed by file name. */
export interface PlaceSeedTexts {
  'huzhou-key-enterprises.csv': string;
  'huzhou-key-projects.csv': string;
  'named-places.csv': string;
  'industry-focus-areas.csv': string;
  'shaoxing-leading-enterprises.csv': string;
}

/** A named place left off the map, and why. */
export interface ExcludedPlace {
  nameZh: string;
  placeType: string;
  reason: string;
  source: PlaceSource;
}

const HUZHOU = '330500';
const SEED_000 = '000_a41b79af9300f26d.txt';
const SEED_002 = '002_82f5de82100c7f04.txt';

/** How named-places.csv's place types show on the map; absent types are not points. */
const KIND_OF_PLACE_TYPE: Readonly<Record<string, PlaceKind>> = {
  development_zone: 'platform',
  industrial_park: 'park',
  industrial_cluster_zone: 'park',
  township: 'park',
  specialty_town: 'specialty-town',
  market: 'market',
  cluster: 'cluster',
  regional_title: 'cluster',
  pilot: 'cluster',
  demonstration_base: 'cluster',
  design_base: 'platform',
  innovation_platform: 'platform',
  service_centre: 'platform',
};

/** Why a place type is not drawn as a point. */
const UNMAPPED_PLACE_TYPES: Readonly<Record<string, string>> = {
  platform_program: 'a programme of platforms, not one place',
  industrial_belt: 'a belt across several districts, not one place',
};

/**
 * Towns the seeds print together with a named place whose own name lacks them, so the name
 * alone would not find them.
 */
const NAMED_PLACE_TOWNS: Readonly<Record<string, readonly TownHint[]>> = {
  // 000 line 71: 以练市镇南浔区特种电磁线产业园区为依托
  南浔区特种电磁线产业园区: [
    { townZh: '练市', basis: 'named', source: { file: SEED_000, lines: [[71, 71]] } },
  ],
  // 002 line 977: 山下湖珍珠小镇
  珍珠小镇: [{ townZh: '山下湖', basis: 'named', source: { file: SEED_002, lines: [[977, 977]] } }],
  // 002 lines 882 and 885: 黄酒小镇湖塘片区; 湖塘、东浦“一镇二片”
  黄酒小镇: [
    { townZh: '湖塘', basis: 'named', source: { file: SEED_002, lines: [[882, 882]] } },
    { townZh: '东浦', basis: 'named', source: { file: SEED_002, lines: [[885, 885]] } },
  ],
};

/**
 * Towns implied for records of one industry and district by what they make: the seeds' only
 * children's-wear park is at 织里 in 吴兴区, and their magnet-wire park at 练市 in 南浔区.
 */
export const PRODUCT_TOWN_RULES: ReadonlyArray<{
  townZh: string;
  cityCode: string;
  districtCode: string;
  industryId: string;
  productPattern: RegExp;
  source: PlaceSource;
}> = [
  {
    townZh: '织里',
    cityCode: HUZHOU,
    districtCode: '330502',
    industryId: 'textiles',
    productPattern: /童装/,
    source: { file: SEED_000, lines: [[600, 606]] },
  },
  {
    townZh: '练市',
    cityCode: HUZHOU,
    districtCode: '330503',
    industryId: 'metal_processing',
    productPattern: /电磁线/,
    source: { file: SEED_000, lines: [[71, 71]] },
  },
];

function cell(row: SeedRow, column: string): string {
  return row.cells[column] ?? '';
}

function sourceOf(row: SeedRow): PlaceSource {
  return { file: cell(row, 'source_file'), lines: parseLineSpec(cell(row, 'source_lines')) ?? [] };
}

function rowsOf(file: string, text: string): readonly SeedRow[] {
  return parseSeedCsv(file, text).table.rows;
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

/** FNV-1a, 32 bits: a short stable hash for ids and seeds. */
export function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (const unit of new TextEncoder().encode(text)) {
    hash ^= unit;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

function productTownHints(
  cityCode: string,
  districtCodes: readonly string[],
  industryId: string,
  text: string,
): TownHint[] {
  return PRODUCT_TOWN_RULES.filter(
    (rule) =>
      rule.cityCode === cityCode &&
      rule.industryId === industryId &&
      districtCodes[0] === rule.districtCode &&
      rule.productPattern.test(text),
  ).map((rule) => ({ townZh: rule.townZh, basis: 'context' as const, source: rule.source }));
}

function industryZhOf(id: string): string {
  return industryById(id)?.nameZh ?? id;
}

function enterprises(text: string): PlaceRecord[] {
  return rowsOf('huzhou-key-enterprises.csv', text).map((row) => {
    const districtCodes = splitList(cell(row, 'district_codes'));
    const industryId = cell(row, 'industry_id');
    const productsZh = cell(row, 'main_products_zh');
    return {
      id: `hz-ent-${pad2(Number(cell(row, 'number')))}`,
      kind: 'enterprise',
      nameZh: cell(row, 'company_name_zh'),
      cityCode: HUZHOU,
      districtCodes,
      districtBasis: 'named',
      industryId,
      industryZh: cell(row, 'industry_zh'),
      productsZh,
      townHints: productTownHints(HUZHOU, districtCodes, industryId, productsZh),
      sources: [sourceOf(row)],
    };
  });
}

function projects(text: string): PlaceRecord[] {
  return rowsOf('huzhou-key-projects.csv', text).map((row, index) => {
    const districtCodes = splitList(cell(row, 'district_codes'));
    const industryId = cell(row, 'industry_id');
    const contentZh = cell(row, 'content_zh');
    const progressZh = cell(row, 'progress_zh');
    return {
      id: `hz-prj-${pad2(index + 1)}`,
      kind: 'project',
      nameZh: cell(row, 'company_name_zh'),
      cityCode: HUZHOU,
      districtCodes,
      districtBasis: 'named',
      industryId,
      industryZh: cell(row, 'industry_zh'),
      contentZh,
      investmentYiYuan: cellNumber(row, 'investment_yi_yuan'),
      startYear: cellNumber(row, 'start_year'),
      endYear: cellNumber(row, 'end_year'),
      progressZh,
      stage: projectStage(progressZh),
      townHints: productTownHints(HUZHOU, districtCodes, industryId, contentZh),
      sources: [sourceOf(row)],
    };
  });
}

function shaoxingEnterprises(text: string): PlaceRecord[] {
  return rowsOf('shaoxing-leading-enterprises.csv', text).map((row, index) => {
    const districtCodes = splitList(cell(row, 'district_codes'));
    const industryId = cell(row, 'industry_id');
    const role = cell(row, 'role_zh');
    return {
      id: `sx-ent-${pad2(index + 1)}`,
      kind: 'enterprise',
      nameZh: cell(row, 'enterprise_zh'),
      cityCode: cell(row, 'city_code'),
      districtCodes,
      districtBasis: basisOf(cell(row, 'district_basis')),
      industryId,
      industryZh: industryZhOf(industryId),
      productsZh: cell(row, 'sub_sector_zh'),
      ...(role ? { roleZh: role } : {}),
      townHints: [],
      sources: [sourceOf(row)],
    };
  });
}

function basisOf(text: string): LocationBasis {
  return text === 'named' || text === 'context' ? text : 'none';
}

/** Industry of a named place: a focus-area row naming it, else the words of its name. */
function namedPlaceIndustry(
  nameZh: string,
  cityCode: string,
  focusRows: readonly SeedRow[],
): string {
  const focus = focusRows.find(
    (r) =>
      cell(r, 'city_code') === cityCode &&
      (cell(r, 'place_zh') === nameZh || cell(r, 'place_zh') + cell(r, 'sub_sector_zh') === nameZh),
  );
  return focus ? cell(focus, 'industry_id') : industryOfName(nameZh, cityCode);
}

/** A named place that is itself an area of regions.ts (南太湖新区, 湖州开发区). */
function isRegionArea(nameZh: string): boolean {
  return DISTRICTS.some((d) => d.nameZh === nameZh || d.shortNameZh === nameZh);
}

function namedPlaces(
  text: string,
  focusText: string,
): { records: PlaceRecord[]; excluded: ExcludedPlace[] } {
  const focusRows = rowsOf('industry-focus-areas.csv', focusText);
  const records: PlaceRecord[] = [];
  const excluded: ExcludedPlace[] = [];
  for (const row of rowsOf('named-places.csv', text)) {
    const nameZh = cell(row, 'name_zh');
    const placeType = cell(row, 'place_type');
    const cityCode = cell(row, 'city_code');
    const kind = KIND_OF_PLACE_TYPE[placeType];
    const unmapped = UNMAPPED_PLACE_TYPES[placeType];
    if (!kind || unmapped) {
      excluded.push({
        nameZh,
        placeType,
        reason: unmapped ?? 'unknown type',
        source: sourceOf(row),
      });
      continue;
    }
    if (isRegionArea(nameZh)) {
      excluded.push({
        nameZh,
        placeType,
        reason: 'an area of regions.ts, drawn by the district and functional-zone layers',
        source: sourceOf(row),
      });
      continue;
    }
    const districtCodes = splitList(cell(row, 'district_codes'));
    if (placeType === 'regional_title' && districtCodes.length === 0) {
      excluded.push({
        nameZh,
        placeType,
        reason: 'a title of the whole city; the seeds tie it to no district',
        source: sourceOf(row),
      });
      continue;
    }
    const industryId = namedPlaceIndustry(nameZh, cityCode, focusRows);
    const city = cityCode === HUZHOU ? 'hz' : 'sx';
    records.push({
      id: `${city}-plc-${fnv1a(nameZh).toString(16).padStart(8, '0')}`,
      kind,
      nameZh,
      cityCode,
      districtCodes,
      districtBasis: basisOf(cell(row, 'district_basis')),
      industryId,
      industryZh: industryZhOf(industryId),
      townHints: [...(NAMED_PLACE_TOWNS[nameZh] ?? [])],
      sources: [sourceOf(row)],
    });
  }
  return { records, excluded };
}

/**
 * Every place the seeds name, before placement: Huzhou's 52 key enterprises (`hz-ent-NN`, the
 * table's numbers) and 48 key projects (`hz-prj-NN`, in table order), Shaoxing's named leading
 * enterprises (`sx-ent-NN`, in file order) and the named parks, towns, clusters, platforms and
 * markets (`hz-plc-…`/`sx-plc-…`, a hash of the name). Programmes, belts and areas that
 * regions.ts already draws are returned as `excluded`, with the reason.
 */
export function readPlaceRecords(texts: PlaceSeedTexts): {
  records: PlaceRecord[];
  excluded: ExcludedPlace[];
} {
  const named = namedPlaces(texts['named-places.csv'], texts['industry-focus-areas.csv']);
  return {
    records: [
      ...enterprises(texts['huzhou-key-enterprises.csv']),
      ...projects(texts['huzhou-key-projects.csv']),
      ...shaoxingEnterprises(texts['shaoxing-leading-enterprises.csv']),
      ...named.records,
    ],
    excluded: named.excluded,
  };
}

/** One stated total of the key-project list (huzhou-key-projects-subtotals.csv). */
export interface ProjectSubtotal {
  /** `all` for the grand total. */
  industryId: string;
  industryZh: string;
  projectCount?: number;
  investmentYiYuan: number;
  source: PlaceSource;
}

/** Reads the stated key-project totals. */
export function readProjectSubtotals(text: string): ProjectSubtotal[] {
  return rowsOf('huzhou-key-projects-subtotals.csv', text).map((row) => {
    const count = cellNumber(row, 'project_count');
    return {
      industryId: cell(row, 'industry_id'),
      industryZh: cell(row, 'industry_zh'),
      ...(count === undefined ? {} : { projectCount: count }),
      investmentYiYuan: cellNumber(row, 'investment_yi_yuan') ?? Number.NaN,
      source: sourceOf(row),
    };
  });
}
