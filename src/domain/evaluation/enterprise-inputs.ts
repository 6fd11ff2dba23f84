/**
 * One enterprise-year as the per-mu evaluation reads it, taken from an imported record's mapped
 * fields. Every figure is in the unit its name says; a figure the file did not give is null,
 * never zero, so the evaluation can say what is missing instead of scoring a fake zero.
 */
import type { FieldId } from '../imports/import-preview.ts';
import type { ImportedRecord } from '../imports/imported-layer.ts';

/** 规上 (above designated size) or 规下 (below). */
export type SizeClass = 'above' | 'below';

/** The numeric inputs the indicators are computed from. */
export type InputId =
  | 'landAreaMu'
  | 'taxWanYuan'
  | 'valueAddedWanYuan'
  | 'energyTce'
  | 'emissionsTonnes'
  | 'electricityKwh'
  | 'employees'
  | 'rdSpendingWanYuan'
  | 'revenueWanYuan';

/** Inputs the evaluation needs besides the figures: without a size class there is no score. */
export type MissingInputId = InputId | 'sizeClass';

export interface EnterpriseInputs {
  /** The record's position in its layer. */
  recordIndex: number;
  /**
   * Joins the same enterprise across years: the credit code when given (upper-cased), else the
   * name; a record with neither gets a key of its own, so it never joins another.
   */
  enterpriseKey: string;
  name: string;
  creditCode: string | null;
  districtCode: string | null;
  industry: string | null;
  sizeClass: SizeClass | null;
  year: number | null;
  /** True when the data says the enterprise breaches its energy-consumption quota. */
  energyQuotaBreached: boolean | null;
  figures: Readonly<Record<InputId, number | null>>;
}

/**
 * The imported field each input is read from. The importer maps columns onto these names, in
 * the units the names say; typed by its field ids, so a renamed field fails typecheck here.
 */
export const FIELD_OF_INPUT: Readonly<Record<InputId, FieldId>> = {
  landAreaMu: 'landAreaMu',
  taxWanYuan: 'taxWanYuan',
  valueAddedWanYuan: 'valueAddedWanYuan',
  energyTce: 'energyTce',
  emissionsTonnes: 'emissionsTonnes',
  electricityKwh: 'electricityKwh',
  employees: 'employees',
  rdSpendingWanYuan: 'rdWanYuan',
  revenueWanYuan: 'revenueWanYuan',
};

/** Imported fields read besides the figures. */
export const DESCRIPTIVE_FIELDS: Readonly<
  Record<
    | 'name'
    | 'creditCode'
    | 'districtCode'
    | 'industry'
    | 'sizeClass'
    | 'year'
    | 'energyQuotaBreached',
    FieldId
  >
> = {
  name: 'name',
  creditCode: 'creditCode',
  districtCode: 'districtCode',
  industry: 'industry',
  sizeClass: 'sizeClass',
  year: 'year',
  energyQuotaBreached: 'energyQuotaBreached',
};

export const INPUT_IDS = Object.keys(FIELD_OF_INPUT) as InputId[];

type FieldValue = string | number | null | undefined;

/** A finite number from a number or numeric text (thousands separators allowed); else null. */
export function readNumber(value: FieldValue): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value !== 'string') return null;
  const text = value.trim().replaceAll(',', '');
  if (text === '') return null;
  const number = Number(text);
  return Number.isFinite(number) ? number : null;
}

function readText(value: FieldValue): string | null {
  if (value === null || value === undefined) return null;
  const text = String(value).trim();
  return text === '' ? null : text;
}

const ABOVE_SIZE = new Set(['规上', '规模以上', '规上企业', 'above', '1']);
const BELOW_SIZE = new Set(['规下', '规模以下', '规下企业', 'below', '0']);

/** 规上/规下 as tables write it (Chinese or English words); null when unclear or absent. */
export function readSizeClass(value: FieldValue): SizeClass | null {
  const text = readText(value)?.toLowerCase();
  if (text === undefined) return null;
  if (ABOVE_SIZE.has(text)) return 'above';
  if (BELOW_SIZE.has(text)) return 'below';
  return null;
}

const YES = new Set(['是', 'true', 'yes', 'y', '1', '超限额', '不达标']);
const NO = new Set(['否', 'false', 'no', 'n', '0', '达标']);

/** A yes/no cell; null when absent or unreadable (unknown is not "no"). */
export function readYesNo(value: FieldValue): boolean | null {
  const text = readText(value)?.toLowerCase();
  if (text === undefined) return null;
  if (YES.has(text)) return true;
  if (NO.has(text)) return false;
  return null;
}

/** The evaluation's view of one imported record. */
export function fromRecord(record: ImportedRecord): EnterpriseInputs {
  const field = (name: FieldId): FieldValue => record.fields[name];
  const figures = Object.fromEntries(
    INPUT_IDS.map((id) => [id, readNumber(field(FIELD_OF_INPUT[id]))]),
  ) as Record<InputId, number | null>;
  const name = readText(field(DESCRIPTIVE_FIELDS.name));
  const creditCode = readText(field(DESCRIPTIVE_FIELDS.creditCode))?.toUpperCase() ?? null;
  const year = readNumber(field(DESCRIPTIVE_FIELDS.year));
  return {
    recordIndex: record.index,
    enterpriseKey: creditCode ?? (name !== null ? `name:${name}` : `record:${record.index}`),
    name: name ?? '',
    creditCode,
    districtCode: readText(field(DESCRIPTIVE_FIELDS.districtCode)),
    industry: readText(field(DESCRIPTIVE_FIELDS.industry)),
    sizeClass: readSizeClass(field(DESCRIPTIVE_FIELDS.sizeClass)),
    year: year !== null && Number.isInteger(year) ? year : null,
    energyQuotaBreached: readYesNo(field(DESCRIPTIVE_FIELDS.energyQuotaBreached)),
    figures,
  };
}
