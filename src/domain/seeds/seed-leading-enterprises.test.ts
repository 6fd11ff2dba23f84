import { describe, expect, it } from 'vitest';
import { parseSeedCsv, serializeSeedCsv } from './seed-csv.format.ts';
import { SEED_SCHEMAS } from './seed-schema.ts';
import { validateSeedTable, type SeedTexts } from './seed-validate.ts';

const FILE = 'shaoxing-leading-enterprises.csv';
const SEED = '002_test.txt';
const seeds: SeedTexts = new Map([
  [
    SEED,
    [
      '轴承、厨具、电机是传统特色优势产业，新昌县有“中国轴承之乡”的美誉，嵊州市是“中国厨具之都”。',
      '——轴承产业：依托五洲新春、皮尔轴承等龙头企业，组建联盟。',
      '——电机产业：依托卧龙电气等优势企业。',
    ],
  ],
]);

const header = SEED_SCHEMAS[FILE]?.columns.map((c) => c.name) ?? [];

function row(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    industry_id: 'bearings',
    sub_sector_zh: '轴承产业',
    enterprise_zh: '五洲新春',
    role_zh: '龙头企业',
    city_code: '330600',
    district_codes: '330624',
    district_basis: 'context',
    note: '',
    source_file: SEED,
    source_lines: '1-2',
    ...overrides,
  };
}

function validate(rows: Record<string, string>[]) {
  const { table, issues } = parseSeedCsv(FILE, serializeSeedCsv(header, rows));
  const schema = SEED_SCHEMAS[FILE];
  if (!schema) throw new Error('schema missing');
  return [...issues, ...validateSeedTable(table, schema, seeds)];
}

describe('shaoxing-leading-enterprises.csv schema', () => {
  it('accepts an enterprise whose name, role and district name are on the cited lines', () => {
    expect(validate([row(), row({ enterprise_zh: '皮尔轴承' })])).toEqual([]);
  });

  it('rejects a district whose name the cited lines do not print', () => {
    const issues = validate([row({ source_lines: '2' })]);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ row: 2, column: 'district_codes' });
    expect(issues[0]?.message).toContain('330624');
  });

  it('rejects an enterprise the cited lines do not name', () => {
    const issues = validate([row({ enterprise_zh: '万向钱潮' })]);
    expect(issues.map((i) => i.column)).toEqual(['enterprise_zh']);
  });

  it('rejects a district of the other city', () => {
    const issues = validate([row({ district_codes: '330522' })]);
    expect(issues.some((i) => i.message.includes('not in city 330600'))).toBe(true);
  });

  it('wants a basis exactly when districts are given', () => {
    expect(validate([row({ district_basis: '' })]).map((i) => i.column)).toEqual([
      'district_basis',
    ]);
    const blank = row({
      industry_id: 'motors',
      sub_sector_zh: '电机产业',
      enterprise_zh: '卧龙电气',
      role_zh: '优势企业',
      source_lines: '3',
    });
    expect(validate([{ ...blank, district_codes: '', district_basis: '' }])).toEqual([]);
  });

  it('rejects the same enterprise twice in one industry', () => {
    const issues = validate([row(), row({ source_lines: '2;1' })]);
    expect(issues.some((i) => i.message.startsWith('repeats row 2'))).toBe(true);
  });
});
