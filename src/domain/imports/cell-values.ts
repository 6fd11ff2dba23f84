/**
 * Reading one cell of an officials' table: figures typed with thousands separators or
 * full-width digits, the dashes and 无 that stand for "no figure", district names in their
 * long, short or English forms, and 规上/规下 in the words tables use.
 */
import { DISTRICTS } from '../regions.ts';

export type NumberCell = { kind: 'empty' } | { kind: 'number'; value: number } | { kind: 'text' };

/** Cells that mean "no figure" rather than a wrong one. */
const EMPTY_MARKS = new Set([
  '',
  '-',
  '--',
  '—',
  '——',
  '/',
  '无',
  '空',
  'n/a',
  'na',
  'null',
  '#n/a',
]);

/** Full-width ASCII (０-９, ．, －, ，) folded to ASCII. */
export function foldFullWidth(text: string): string {
  // Most cells have no full-width characters; testing first saves a replace per cell.
  if (!FULL_WIDTH.test(text)) return text;
  return text.replace(FULL_WIDTH_ALL, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

const FULL_WIDTH = /[\uff01-\uff5e]/;
const FULL_WIDTH_ALL = /[\uff01-\uff5e]/g;
/** A plain decimal, the form nearly every figure in a table has. */
const PLAIN_DECIMAL = /^-?\d+(\.\d+)?$/;
/** The longest of {@link EMPTY_MARKS}: longer text is never a "no figure" mark. */
const LONGEST_EMPTY_MARK = 4;

/** Reads a cell as a number; text that is not one is reported, never turned into zero. */
export function readNumberCell(raw: string): NumberCell {
  if (PLAIN_DECIMAL.test(raw)) return { kind: 'number', value: Number(raw) };
  const text = foldFullWidth(raw).trim();
  if (EMPTY_MARKS.has(text.toLowerCase())) return { kind: 'empty' };
  const plain = /^[+-]?(\d{1,3}(,\d{3})+|\d+)?(\.\d+)?([eE][+-]?\d+)?$/.test(text)
    ? text.replaceAll(',', '')
    : text;
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(plain)) return { kind: 'text' };
  const value = Number(plain);
  return Number.isFinite(value) ? { kind: 'number', value } : { kind: 'text' };
}

/** Whether a cell holds no figure (blank or a dash/无). */
export function isEmptyCell(raw: string): boolean {
  if (raw === '') return true;
  // Fast answer for the usual cell, which starts with a digit or a Chinese character other
  // than 无/空: never a "no figure" mark.
  const first = raw.charCodeAt(0);
  if (
    (first >= 48 && first <= 57) ||
    (first >= 0x4e00 && first <= 0x9fff && first !== 0x65e0 && first !== 0x7a7a)
  ) {
    return false;
  }
  const text = raw.trim();
  if (text.length > LONGEST_EMPTY_MARK) return false;
  return EMPTY_MARKS.has(foldFullWidth(text).toLowerCase());
}

const DISTRICT_NAMES: readonly { text: string; code: string }[] = DISTRICTS.flatMap((d) => [
  { text: d.nameZh, code: d.code },
  { text: d.shortNameZh, code: d.code },
  { text: d.nameEn.toLowerCase(), code: d.code },
]).sort((a, b) => b.text.length - a.text.length);

/**
 * The district code a cell names: a GB/T 2260 or project code, a district's full, short or
 * English name, or a longer text containing one ("湖州市吴兴区"); the longest name wins, so
 * 南太湖新区 is not read as a shorter name inside it.
 */
export function readDistrictCell(raw: string): string | undefined {
  // A district column repeats a handful of names over many rows.
  if (districtCache.has(raw)) return districtCache.get(raw);
  if (districtCache.size > DISTRICT_CACHE_SIZE) districtCache.clear();
  const code = districtOf(raw);
  districtCache.set(raw, code);
  return code;
}

const districtCache = new Map<string, string | undefined>();
const DISTRICT_CACHE_SIZE = 1_000;

function districtOf(raw: string): string | undefined {
  const text = foldFullWidth(raw).trim();
  const byCode = DISTRICTS.find((d) => d.code === text.toUpperCase());
  if (byCode) return byCode.code;
  const lower = text.toLowerCase();
  return DISTRICT_NAMES.find((n) => n.text.length > 0 && lower.includes(n.text))?.code;
}

const ABOVE_SIZE = new Set([
  '规上',
  '规模以上',
  '规上企业',
  '规模以上企业',
  '是',
  'above',
  'yes',
  '1',
]);
const BELOW_SIZE = new Set([
  '规下',
  '规模以下',
  '规下企业',
  '规模以下企业',
  '否',
  'below',
  'no',
  '0',
]);

/** 规上 → 'above', 规下 → 'below'; undefined when the cell is neither. */
export function readSizeClassCell(raw: string): 'above' | 'below' | undefined {
  const text = foldFullWidth(raw).trim().toLowerCase();
  if (ABOVE_SIZE.has(text)) return 'above';
  if (BELOW_SIZE.has(text)) return 'below';
  return undefined;
}

/** A year 1990–2100 from "2024", "2024年", "2024.0" or "2024年度"; undefined otherwise. */
export function readYearCell(raw: string): number | undefined {
  const match = /^(\d{4})(\.0+)?\s*(年度?)?$/.exec(foldFullWidth(raw).trim());
  const year = match ? Number(match[1]) : Number.NaN;
  return year >= 1990 && year <= 2100 ? year : undefined;
}

const YES = new Set(['是', '超', '超限', '超限额', 'true', 'yes', 'y', '1']);
const NO = new Set(['否', '未超', '达标', 'false', 'no', 'n', '0']);

/** A yes/no cell as 1/0; undefined when it is neither. */
export function readYesNoCell(raw: string): 1 | 0 | undefined {
  const text = foldFullWidth(raw).trim().toLowerCase();
  if (YES.has(text)) return 1;
  if (NO.has(text)) return 0;
  return undefined;
}
