import { CITIES, DISTRICTS, districtByCode } from '../regions.ts';
import type { SeedIssue, SeedRow, SeedTable } from './seed-csv.format.ts';
import type { ColumnSpec, TableSchema } from './seed-schema.ts';
import { SEED_UNITS, isSeedUnit } from './seed-units.ts';

/** GB/T 2260 code of Zhejiang province, the scope of the provincial plan (seed 001). */
export const ZHEJIANG_PROVINCE_CODE = '330000';

/** The seed documents, each split into lines (line n is index n - 1). */
export type SeedTexts = ReadonlyMap<string, readonly string[]>;

const NUMBER = /^-?\d+(\.\d+)?$/;
const INTEGER = /^-?\d+$/;
const DATE = /^\d{4}(-\d{2}-\d{2})?$/;
const LINE_SPEC = /^\d+(-\d+)?(;\d+(-\d+)?)*$/;

/** Splits a seed CSV list cell (`330502;330503`, `吴兴区、南浔区`) into its items. */
export function splitList(cell: string): string[] {
  return cell
    .split(/[;；、]/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** Parses `246`, `246-247` or `24;30-31` into inclusive line ranges; null when malformed. */
export function parseLineSpec(spec: string): Array<[number, number]> | null {
  if (!LINE_SPEC.test(spec)) return null;
  return spec.split(';').map((part) => {
    const [a = '', b] = part.split('-');
    return [Number(a), Number(b ?? a)];
  });
}

/** Whitespace-free form, so a table cell wrapped over lines still matches its CSV value. */
function squash(s: string): string {
  return s.replace(/\s+/g, '');
}

function numberTokens(text: string): number[] {
  return (text.match(/\d+(?:\.\d+)?/g) ?? []).map(Number);
}

/** Numeric value of a cell, or undefined when blank or not a number. */
export function cellNumber(row: SeedRow, column: string): number | undefined {
  const cell = row.cells[column] ?? '';
  return NUMBER.test(cell) ? Number(cell) : undefined;
}

const districtCodes = new Set(DISTRICTS.map((d) => d.code));
const cityCodes = new Set(CITIES.map((c) => c.code));
const scopeCodes = new Set([...cityCodes, ZHEJIANG_PROVINCE_CODE]);

function checkHeader(table: SeedTable, schema: TableSchema): SeedIssue[] {
  const expected = schema.columns.map((c) => c.name);
  const issues: SeedIssue[] = [];
  for (const name of expected) {
    if (!table.header.includes(name)) {
      issues.push({ file: table.file, row: 1, column: name, message: 'column is missing' });
    }
  }
  for (const name of table.header) {
    if (!expected.includes(name)) {
      issues.push({
        file: table.file,
        row: 1,
        column: name,
        message: `unexpected column; expected ${expected.join(',')}`,
      });
    }
  }
  if (issues.length === 0 && expected.join(',') !== table.header.join(',')) {
    issues.push({
      file: table.file,
      row: 1,
      message: `columns are out of order; expected ${expected.join(',')}`,
    });
  }
  return issues;
}

function checkCell(
  table: SeedTable,
  row: SeedRow,
  spec: ColumnSpec,
  seeds: SeedTexts,
): SeedIssue | undefined {
  const value = row.cells[spec.name] ?? '';
  const at = { file: table.file, row: row.row, column: spec.name };
  if (value === '') {
    if (spec.required) return { ...at, message: 'is blank but required' };
    const reasons = spec.blankNeeds ?? [];
    if (reasons.length > 0 && reasons.every((r) => (row.cells[r] ?? '') === '')) {
      return { ...at, message: `is blank; say why in ${reasons.join(' or ')} (never write 0)` };
    }
    return undefined;
  }
  if (spec.values && !spec.values.includes(value)) {
    return { ...at, message: `'${value}' is not one of ${spec.values.join(', ')}` };
  }
  switch (spec.kind) {
    case 'number':
      return NUMBER.test(value)
        ? undefined
        : {
            ...at,
            message: `'${value}' is not a number${spec.blankNeeds ? ` (put words in ${spec.blankNeeds.join(' or ')})` : ''}`,
          };
    case 'integer':
      return INTEGER.test(value)
        ? undefined
        : { ...at, message: `'${value}' is not a whole number` };
    case 'date':
      return DATE.test(value)
        ? undefined
        : { ...at, message: `'${value}' is not YYYY or YYYY-MM-DD` };
    case 'unit':
      return isSeedUnit(value)
        ? undefined
        : { ...at, message: `unit '${value}' is not an allowed unit id (see seeds/README.md)` };
    case 'district':
      return districtCodes.has(value) || cityCodes.has(value)
        ? undefined
        : { ...at, message: `district code '${value}' is not in src/domain/regions.ts` };
    case 'district_list': {
      const unknown = splitList(value).filter((c) => !districtCodes.has(c));
      return unknown.length === 0
        ? undefined
        : {
            ...at,
            message: `district code '${unknown.join(';')}' is not in src/domain/regions.ts`,
          };
    }
    case 'scope':
      return scopeCodes.has(value)
        ? undefined
        : { ...at, message: `'${value}' is not a known city or province code` };
    case 'source_file':
      return seeds.has(value)
        ? undefined
        : { ...at, message: `'${value}' is not one of the seed files` };
    case 'source_lines':
      return parseLineSpec(value)
        ? undefined
        : { ...at, message: `'${value}' is not a line number or range like 246 or 246-247` };
    case 'text':
      return undefined;
  }
}

/** Checks that the cited seed lines hold the row's key values: guards against drift when editing. */
function checkSource(
  table: SeedTable,
  row: SeedRow,
  schema: TableSchema,
  seeds: SeedTexts,
): SeedIssue[] {
  const file = row.cells['source_file'] ?? '';
  const spec = row.cells['source_lines'] ?? '';
  const lines = seeds.get(file);
  const ranges = parseLineSpec(spec);
  if (!lines || !ranges || !schema.sourceKeys) return [];
  const at = { file: table.file, row: row.row };
  const beyond = ranges.find(([a, b]) => a < 1 || b > lines.length || a > b);
  if (beyond) {
    return [
      {
        ...at,
        column: 'source_lines',
        message: `${spec} is outside ${file}, which has ${lines.length} lines`,
      },
    ];
  }
  const text = ranges.flatMap(([a, b]) => lines.slice(a - 1, b)).join('\n');
  const squashed = squash(text);
  const tokens = numberTokens(text);
  const where = `${file} line ${spec}`;
  const issues: SeedIssue[] = [];
  const keys = schema.sourceKeys;
  for (const column of keys.text ?? []) {
    const value = row.cells[column] ?? '';
    if (value !== '' && !squashed.includes(squash(value))) {
      issues.push({ ...at, column, message: `'${value}' does not appear on ${where}` });
    }
  }
  for (const column of keys.parts ?? []) {
    const missing = splitList(row.cells[column] ?? '').filter((p) => !squashed.includes(squash(p)));
    if (missing.length > 0) {
      issues.push({
        ...at,
        column,
        message: `'${missing.join('、')}' does not appear on ${where}`,
      });
    }
  }
  for (const column of keys.numbers ?? []) {
    const n = cellNumber(row, column);
    if (n !== undefined && !tokens.includes(n)) {
      issues.push({ ...at, column, message: `${row.cells[column]} does not appear on ${where}` });
    }
  }
  for (const column of keys.districts ?? []) {
    const unnamed = splitList(row.cells[column] ?? '').filter((code) => {
      const district = districtByCode(code);
      return district && ![district.shortNameZh, district.nameZh].some((n) => squashed.includes(n));
    });
    if (unnamed.length > 0) {
      issues.push({
        ...at,
        column,
        message: `no district name for ${unnamed.join(';')} appears on ${where}; cite the line that ties it`,
      });
    }
  }
  return issues;
}

/** Checks between columns of one row: units match their labels, notes match numbers. */
function checkRowConsistency(table: SeedTable, row: SeedRow): SeedIssue[] {
  const at = { file: table.file, row: row.row };
  const c = row.cells;
  const issues: SeedIssue[] = [];
  const unit = c['unit'];
  const unitZh = c['unit_zh'];
  if (unit !== undefined && unitZh !== undefined && isSeedUnit(unit)) {
    const labels: readonly string[] = SEED_UNITS[unit].zh;
    if (!labels.includes(unitZh)) {
      issues.push({
        ...at,
        column: 'unit_zh',
        message: `'${unitZh}' is not a label of unit '${unit}' (allowed: ${labels.map((l) => l || '(blank)').join(', ')})`,
      });
    }
  }
  const value = cellNumber(row, 'value');
  const valueText = c['value_text'] ?? '';
  if (value !== undefined && valueText !== '' && !numberTokens(valueText).includes(value)) {
    issues.push({
      ...at,
      column: 'value',
      message: `${value} does not match value_text '${valueText}'`,
    });
  }
  const start = cellNumber(row, 'start_year');
  const end = cellNumber(row, 'end_year');
  if (start !== undefined && end !== undefined && start > end) {
    issues.push({
      ...at,
      column: 'end_year',
      message: `ends (${end}) before it starts (${start})`,
    });
  }
  const code = c['district_code'];
  const name = c['district_name_zh'];
  if (code !== undefined && name !== undefined) {
    const district = districtByCode(code);
    const city = CITIES.find((x) => x.code === code);
    const names = district
      ? [district.shortNameZh, district.nameZh]
      : city
        ? ['全市', city.nameZh]
        : undefined;
    if (names && !names.includes(name)) {
      issues.push({
        ...at,
        column: 'district_name_zh',
        message: `'${name}' is not the name of ${code} (${names.join(' / ')})`,
      });
    }
  }
  const cityCode = c['city_code'];
  const codes = c['district_codes'] ?? c['district_code'];
  if (cityCode !== undefined && codes !== undefined) {
    const column = c['district_codes'] === undefined ? 'district_code' : 'district_codes';
    const elsewhere = splitList(codes).filter((d) => {
      const district = districtByCode(d);
      return district !== undefined && district.cityCode !== cityCode;
    });
    if (elsewhere.length > 0) {
      issues.push({ ...at, column, message: `${elsewhere.join(';')} is not in city ${cityCode}` });
    }
  }
  const basis = c['district_basis'];
  if (basis !== undefined && (basis === '') !== ((c['district_codes'] ?? '') === '')) {
    issues.push({
      ...at,
      column: 'district_basis',
      message: 'say named or context when district_codes is filled, and leave it blank otherwise',
    });
  }
  return issues;
}

function checkUnique(table: SeedTable, columns: readonly string[]): SeedIssue[] {
  const firstRow = new Map<string, number>();
  const issues: SeedIssue[] = [];
  for (const row of table.rows) {
    const key = columns.map((k) => row.cells[k] ?? '').join('\u0001');
    const seen = firstRow.get(key);
    if (seen !== undefined) {
      issues.push({
        file: table.file,
        row: row.row,
        message: `repeats row ${seen} (same ${columns.join(', ')})`,
      });
    } else {
      firstRow.set(key, row.row);
    }
  }
  return issues;
}

/**
 * Validates one parsed seed table against its schema and the seed texts: header, cell types,
 * units, district codes, blanks with notes, uniqueness, and that every row's cited lines
 * actually hold its key values.
 */
export function validateSeedTable(
  table: SeedTable,
  schema: TableSchema,
  seeds: SeedTexts,
): SeedIssue[] {
  const headerIssues = checkHeader(table, schema);
  const present = schema.columns.filter((c) => table.header.includes(c.name));
  const issues = [...headerIssues];
  for (const row of table.rows) {
    const cellIssues = present
      .map((spec) => checkCell(table, row, spec, seeds))
      .filter((i): i is SeedIssue => i !== undefined);
    issues.push(...cellIssues, ...checkRowConsistency(table, row));
    if (!cellIssues.some((i) => i.column === 'source_file' || i.column === 'source_lines')) {
      issues.push(...checkSource(table, row, schema, seeds));
    }
  }
  if (schema.unique && headerIssues.length === 0) issues.push(...checkUnique(table, schema.unique));
  return issues;
}
