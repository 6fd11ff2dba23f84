/**
 * Which column of an officials' table feeds which field: header-row detection (title rows above
 * are common), Chinese and English synonyms, units read off the header ("用地面积（㎡）"), and a
 * layout key so a mapping the user fixed once is used again for the next file of that layout.
 */
import type { ColumnMapping, FieldId, UnitId } from './import-preview.ts';

/** Every field a column can feed, in the order the mapping step lists them. */
export const FIELD_IDS: readonly FieldId[] = [
  'name',
  'creditCode',
  'lon',
  'lat',
  'districtCode',
  'town',
  'landAreaMu',
  'taxWanYuan',
  'valueAddedWanYuan',
  'revenueWanYuan',
  'energyTce',
  'electricityKwh',
  'emissionsTonnes',
  'rdWanYuan',
  'employees',
  'industry',
  'sizeClass',
  'year',
  'energyQuotaBreached',
];

/** Fields whose values are figures (checked as numbers, converted by unit). */
export const NUMERIC_FIELDS: ReadonlySet<FieldId> = new Set<FieldId>([
  'landAreaMu',
  'taxWanYuan',
  'valueAddedWanYuan',
  'revenueWanYuan',
  'energyTce',
  'electricityKwh',
  'emissionsTonnes',
  'rdWanYuan',
  'employees',
]);

/**
 * Figures that cannot be below zero. Tax, value added and revenue can (refunds, losses), so
 * they are not in this set.
 */
export const NON_NEGATIVE_FIELDS: ReadonlySet<FieldId> = new Set<FieldId>([
  'landAreaMu',
  'energyTce',
  'electricityKwh',
  'emissionsTonnes',
  'rdWanYuan',
  'employees',
]);

/** The units a field's column may be in, with the factor to the field's own unit; first is default. */
export const UNITS_OF_FIELD: Readonly<Partial<Record<FieldId, readonly UnitId[]>>> = {
  landAreaMu: ['mu', 'sqm', 'hectare'],
  taxWanYuan: ['wanYuan', 'yuan', 'yiYuan'],
  valueAddedWanYuan: ['wanYuan', 'yuan', 'yiYuan'],
  revenueWanYuan: ['wanYuan', 'yuan', 'yiYuan'],
  rdWanYuan: ['wanYuan', 'yuan', 'yiYuan'],
  energyTce: ['tce', 'wanTce'],
  electricityKwh: ['wanKwh', 'kwh'],
  emissionsTonnes: ['tonnes'],
};

/** 1 亩 = 10000/15 m² (the national definition of the 市亩); 1 公顷 = 15 亩. */
export const SQM_PER_MU = 10_000 / 15;

/** Multiplier from a unit to the field's own unit (亩, 万元, 吨标煤, kWh, t). */
export const UNIT_FACTOR: Readonly<Record<UnitId, number>> = {
  mu: 1,
  sqm: 1 / SQM_PER_MU,
  hectare: 15,
  wanYuan: 1,
  yuan: 1e-4,
  yiYuan: 1e4,
  tce: 1,
  wanTce: 1e4,
  kwh: 1,
  wanKwh: 1e4,
  tonnes: 1,
};

/** Header words per field, compared after {@link normaliseHeader}; the first match wins. */
const SYNONYMS: readonly [FieldId, readonly string[]][] = [
  [
    'creditCode',
    [
      '统一社会信用代码',
      '社会信用代码',
      '信用代码',
      '纳税人识别号',
      'creditcode',
      'uscc',
      'unifiedsocialcreditcode',
    ],
  ],
  [
    'name',
    [
      '企业名称',
      '单位名称',
      '公司名称',
      '纳税人名称',
      '企业单位名称',
      '名称',
      '企业',
      'name',
      'company',
      'enterprise',
      'companyname',
      'enterprisename',
    ],
  ],
  ['lon', ['经度', '东经', 'lon', 'lng', 'long', 'longitude', 'x', 'x坐标', '横坐标']],
  ['lat', ['纬度', '北纬', 'lat', 'latitude', 'y', 'y坐标', '纵坐标']],
  [
    'districtCode',
    [
      '区县',
      '所属区县',
      '县区',
      '所在区县',
      '县市区',
      '区县市',
      '所属县区',
      '所在县区',
      'district',
      'county',
    ],
  ],
  [
    'town',
    ['乡镇', '乡镇街道', '所属乡镇', '镇街', '街道', '所在乡镇', '所属镇街', 'town', 'township'],
  ],
  [
    'landAreaMu',
    [
      '用地面积',
      '土地面积',
      '占地面积',
      '实际用地面积',
      '用地',
      '面积',
      'landarea',
      'area',
      'land',
    ],
  ],
  [
    'taxWanYuan',
    [
      '税收',
      '实缴税金',
      '实缴税收',
      '税收总额',
      '税收实际贡献',
      '纳税',
      '实缴税费',
      '税金',
      'tax',
      'taxpaid',
    ],
  ],
  ['valueAddedWanYuan', ['工业增加值', '增加值', 'valueadded', 'addedvalue']],
  ['revenueWanYuan', ['营业收入', '主营业务收入', '销售收入', '营收', 'revenue', 'sales']],
  ['energyTce', ['综合能耗', '总能耗', '能源消费量', '能耗', '用能', 'energy', 'energyuse']],
  ['electricityKwh', ['用电量', '工业用电量', '电耗', '用电', 'electricity', 'power']],
  [
    'emissionsTonnes',
    ['主要污染物排放量', '污染物排放当量', '污染物排放量', '排放量', '排放', 'emissions'],
  ],
  [
    'rdWanYuan',
    ['研发经费', '研发费用', '研发经费支出', '研发投入', '研发', 'r&d', 'rd', 'rdspending'],
  ],
  [
    'employees',
    [
      '从业人员',
      '年平均职工人数',
      '职工人数',
      '从业人数',
      '员工人数',
      '员工数',
      '人数',
      'employees',
      'staff',
    ],
  ],
  ['industry', ['所属行业', '行业类别', '行业', '产业', '行业门类', 'industry', 'sector']],
  ['sizeClass', ['规上规下', '是否规上', '企业规模', '规模', '规模类别', 'size', 'sizeclass']],
  ['year', ['年份', '年度', '数据年份', '统计年度', 'year']],
  [
    'energyQuotaBreached',
    ['超用能指标', '是否超限额', '能耗超限额', '超能耗限额', 'energyquotabreached'],
  ],
];

/**
 * Headers of derived figures (亩均税收, 单位能耗增加值, 研发占比, …): they contain a field's
 * word but are not that field, so they are never mapped by a partial match.
 */
const DERIVED_HEADER = /^(亩均|单位|人均|每亩)|占比|比重|强度|比率|率$|per/i;

/** Headers that contain a field's word but are something else (floor area, serial numbers). */
const NOT_A_FIELD = /建筑面积|序号|编号|备注/;

/** Lower case, no spaces, no units in brackets, full-width letters folded to ASCII. */
export function normaliseHeader(header: string): string {
  return header
    .replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[(（[【][^)）\]】]*[)）\]】]/g, '')
    .replace(/[\s_\-/、·.:：]/g, '')
    .toLowerCase();
}

/** The field a header names, if any. */
export function fieldOfHeader(header: string): FieldId | undefined {
  const key = normaliseHeader(header);
  if (key === '') return undefined;
  for (const [field, words] of SYNONYMS) if (words.includes(key)) return field;
  if (DERIVED_HEADER.test(key) || NOT_A_FIELD.test(key)) return undefined;
  // Partial matches only on Chinese words of two or more characters ('x' or 'rd' inside an
  // English header would match far too much), and the longest word wins: 企业规模类型 is a
  // size class, not a name, though it contains 企业.
  let best: FieldId | undefined;
  let bestLength = 0;
  for (const [field, words] of SYNONYMS) {
    for (const word of words) {
      if (word.length > bestLength && /^[\u4e00-\u9fff]{2,}$/.test(word) && key.includes(word)) {
        best = field;
        bestLength = word.length;
      }
    }
  }
  return best;
}

/** The unit a header states for a field's column, else the field's default unit. */
export function unitOfHeader(field: FieldId, header: string): UnitId | null {
  const units = UNITS_OF_FIELD[field];
  if (!units) return null;
  return statedUnitOfHeader(field, header) ?? units[0] ?? null;
}

/** The unit a header states for a field's column ("用地面积（㎡）"), or undefined when it says none. */
export function statedUnitOfHeader(field: FieldId, header: string): UnitId | undefined {
  const h = header.toLowerCase();
  return ((): UnitId | undefined => {
    switch (field) {
      case 'landAreaMu':
        if (/平方米|㎡|m2|m²|sqm|square/.test(h)) return 'sqm';
        if (/公顷|hectare|\bha\b/.test(h)) return 'hectare';
        if (/亩|\bmu\b/.test(h)) return 'mu';
        return undefined;
      case 'energyTce':
        if (/万吨/.test(h)) return 'wanTce';
        return /吨|tce/.test(h) ? 'tce' : undefined;
      case 'electricityKwh':
        if (/万千瓦时|万kwh|万度|10\^?4\s*kwh/.test(h)) return 'wanKwh';
        return /千瓦时|kwh|度/.test(h) ? 'kwh' : undefined;
      case 'emissionsTonnes':
        return 'tonnes';
      default:
        if (/亿元/.test(h)) return 'yiYuan';
        if (/万元|10\^?4\s*yuan|wan\s*yuan/.test(h)) return 'wanYuan';
        if (/[(（]\s*元\s*[)）]|\byuan\b|\bcny\b|\brmb\b/.test(h)) return 'yuan';
        return undefined;
    }
  })();
}

/** One mapping entry: the field, and its unit when it has a choice of units. */
export interface MappingEntry {
  field: FieldId;
  unit: UnitId | null;
}

/** Encodes an entry as the mapping stores it (`field` or `field@unit`). */
export function encodeMappingEntry({ field, unit }: MappingEntry): string {
  return unit ? `${field}@${unit}` : field;
}

/** Reads a stored mapping entry; undefined when it names no known field or a unit the field lacks. */
export function decodeMappingEntry(value: string): MappingEntry | undefined {
  const [field, unit] = value.split('@') as [string, string | undefined];
  if (!(FIELD_IDS as readonly string[]).includes(field)) return undefined;
  const id = field as FieldId;
  const units = UNITS_OF_FIELD[id];
  if (!units) return { field: id, unit: null };
  if (unit === undefined) return { field: id, unit: units[0] ?? null };
  return units.includes(unit as UnitId) ? { field: id, unit: unit as UnitId } : undefined;
}

/** The mapping a header row suggests: each field to the first column that names it. */
export function autoMapping(headers: readonly string[]): ColumnMapping {
  const mapping: ColumnMapping = {};
  const taken = new Set<FieldId>();
  headers.forEach((header, index) => {
    const field = fieldOfHeader(header);
    if (!field || taken.has(field)) return;
    taken.add(field);
    mapping[String(index)] = encodeMappingEntry({ field, unit: unitOfHeader(field, header) });
  });
  return mapping;
}

/** How many distinct fields a row's cells name: the header row is the row that names most. */
function headerScore(row: readonly string[]): number {
  return new Set(row.map((cell) => fieldOfHeader(cell)).filter((f) => f !== undefined)).size;
}

/**
 * The 0-based index of the header row among the first rows: the one whose cells name the most
 * fields (at least two), else the first row with any text. Title rows ("2024年度亩均效益评价表")
 * and merged group rows above the header are skipped this way.
 */
export function detectHeaderRow(rows: readonly (readonly string[])[], scanRows = 20): number {
  let best = -1;
  let bestScore = 1;
  for (let i = 0; i < Math.min(rows.length, scanRows); i++) {
    const score = headerScore(rows[i] ?? []);
    if (score > bestScore) {
      best = i;
      bestScore = score;
    }
  }
  if (best >= 0) return best;
  const firstWithText = rows.findIndex((row) => row.some((cell) => cell.trim() !== ''));
  return Math.max(0, firstWithText);
}

/**
 * A key for a header row that stays the same for every file of that layout: FNV-1a over the
 * normalised header texts, with the column count in front for a readable prefix.
 */
export function layoutKeyOf(headers: readonly string[]): string {
  let hash = 0x811c9dc5;
  const text = headers.map(normaliseHeader).join('\u0001');
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return `cols${headers.length}-${hash.toString(16).padStart(8, '0')}`;
}
