import { describe, expect, it } from 'vitest';
import { formatSeedIssue, parseSeedCsv, serializeSeedCsv } from './seed-csv.format.ts';
import { SEED_SCHEMAS } from './seed-schema.ts';
import { parseLineSpec, validateSeedTable, type SeedTexts } from './seed-validate.ts';

const FILE = 'huzhou-2023-district-targets.csv';
const SEED = '003_test.txt';
const seeds: SeedTexts = new Map([
  [
    SEED,
    [
      '附 1',
      '\t吴兴\t南浔\t德清\t长兴\t安吉\t南太湖新区\t全市\t责任部门',
      '规上工业亩均税收(万元/亩)\t48\t30\t37\t37\t37\t36\t37\t市经信局',
      '单位 GDP 能耗下降率（%）\t4.5（含 南太湖新区）\t4.8\t5.2\t7.6\t6.3\t/\t完成省定 目标\t市发展 改革委',
    ],
  ],
]);

const header = SEED_SCHEMAS[FILE]?.columns.map((c) => c.name) ?? [];

/** A valid row for 吴兴's per-mu tax; tests override one cell to make it wrong. */
function taxRow(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    indicator_id: 'tax_per_mu',
    indicator_name_zh: '规上工业亩均税收',
    indicator_name_en: 'Tax per mu',
    group: 'per_mu_efficiency',
    unit: 'wan_yuan_per_mu',
    unit_zh: '万元/亩',
    year: '2023',
    district_code: '330502',
    district_name_zh: '吴兴',
    value: '48',
    value_note: '',
    responsible_unit: '市经信局',
    source_file: SEED,
    source_lines: '3',
    ...overrides,
  };
}

function validate(rows: Record<string, string>[]) {
  const { table, issues } = parseSeedCsv(FILE, serializeSeedCsv(header, rows));
  const schema = SEED_SCHEMAS[FILE];
  if (!schema) throw new Error('schema missing');
  return [...issues, ...validateSeedTable(table, schema, seeds)];
}

describe('validateSeedTable', () => {
  it('accepts a row whose figures match the cited seed line', () => {
    expect(validate([taxRow()])).toEqual([]);
  });

  it('rejects a unit id outside the allowed set, naming file, row and column', () => {
    const issues = validate([
      taxRow(),
      taxRow({ district_code: '330503', district_name_zh: '南浔', value: '30', unit: 'wan_yuan' }),
    ]);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ file: FILE, row: 3, column: 'unit' });
    expect(issues[0]?.message).toContain("'wan_yuan'");
  });

  it('rejects a Chinese unit label that belongs to another unit', () => {
    const issues = validate([taxRow({ unit_zh: '万元/人' })]);
    expect(issues).toEqual([expect.objectContaining({ row: 2, column: 'unit_zh' })]);
  });

  it('rejects a district code that regions.ts does not know', () => {
    const issues = validate([taxRow({ district_code: '330599' })]);
    expect(issues).toEqual([
      expect.objectContaining({
        row: 2,
        column: 'district_code',
        message: expect.stringContaining('330599'),
      }),
    ]);
  });

  it('rejects a district name that does not belong to the code', () => {
    const issues = validate([taxRow({ district_name_zh: '南浔' })]);
    expect(issues).toEqual([expect.objectContaining({ row: 2, column: 'district_name_zh' })]);
  });

  it('reports a value that the cited line does not contain', () => {
    const issues = validate([taxRow({ value: '49' })]);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ row: 2, column: 'value' });
    expect(formatSeedIssue(issues[0]!)).toBe(
      `${FILE}:2:value: 49 does not appear on ${SEED} line 3`,
    );
  });

  it('matches numbers as whole tokens, so 7 is not found inside 37', () => {
    expect(validate([taxRow({ value: '7' })])).toEqual([
      expect.objectContaining({ column: 'value' }),
    ]);
  });

  it('reports an indicator name cited at the wrong line', () => {
    const issues = validate([taxRow({ source_lines: '4' })]);
    expect(issues.map((i) => i.column).sort()).toEqual(['indicator_name_zh', 'value']);
  });

  it('reports a line range outside the seed file', () => {
    const issues = validate([taxRow({ source_lines: '3-9' })]);
    expect(issues).toEqual([
      expect.objectContaining({
        column: 'source_lines',
        message: expect.stringContaining('has 4 lines'),
      }),
    ]);
  });

  it('reports a source file that is not a seed document', () => {
    expect(validate([taxRow({ source_file: '009_missing.txt' })])).toEqual([
      expect.objectContaining({ column: 'source_file' }),
    ]);
  });

  it('rejects text in a number column and points at the note column', () => {
    const issues = validate([taxRow({ value: '约48' })]);
    expect(issues).toEqual([
      expect.objectContaining({
        row: 2,
        column: 'value',
        message: expect.stringContaining('not a number'),
      }),
    ]);
  });

  it('requires a note for a blank value instead of accepting it as zero', () => {
    const blank = {
      indicator_id: 'energy_intensity_reduction',
      indicator_name_zh: '单位 GDP 能耗下降率',
      group: 'green_low_carbon',
      unit: 'percent',
      unit_zh: '%',
      district_code: '330500',
      district_name_zh: '全市',
      value: '',
      source_lines: '4',
    };
    expect(validate([taxRow(blank)])).toEqual([
      expect.objectContaining({ column: 'value', message: expect.stringContaining('value_note') }),
    ]);
    expect(validate([taxRow({ ...blank, value_note: '完成省定目标' })])).toEqual([]);
  });

  it('finds a cell value even when the seed wrapped it with spaces', () => {
    const row = taxRow({
      indicator_id: 'energy_intensity_reduction',
      indicator_name_zh: '单位 GDP 能耗下降率',
      group: 'green_low_carbon',
      unit: 'percent',
      unit_zh: '%',
      value: '4.5',
      value_note: '含南太湖新区',
      source_lines: '4',
    });
    expect(validate([row])).toEqual([]);
  });

  it('reports a duplicated indicator, district and year', () => {
    const issues = validate([taxRow(), taxRow()]);
    expect(issues).toEqual([
      expect.objectContaining({ row: 3, message: expect.stringContaining('repeats row 2') }),
    ]);
  });

  it('reports a missing column in the header', () => {
    const { table } = parseSeedCsv(
      FILE,
      serializeSeedCsv(
        header.filter((h) => h !== 'unit_zh'),
        [taxRow()],
      ),
    );
    const issues = validateSeedTable(table, SEED_SCHEMAS[FILE]!, seeds);
    expect(issues).toContainEqual(
      expect.objectContaining({ row: 1, column: 'unit_zh', message: 'column is missing' }),
    );
  });
});

describe('parseLineSpec', () => {
  it('reads single lines, ranges and lists', () => {
    expect(parseLineSpec('246')).toEqual([[246, 246]]);
    expect(parseLineSpec('31-33')).toEqual([[31, 33]]);
    expect(parseLineSpec('24;30-31')).toEqual([
      [24, 24],
      [30, 31],
    ]);
  });

  it('rejects anything else', () => {
    expect(parseLineSpec('line 3')).toBeNull();
    expect(parseLineSpec('3-')).toBeNull();
    expect(parseLineSpec('')).toBeNull();
  });
});

describe('named places and focus areas', () => {
  const PLACES = 'named-places.csv';
  const placeSeeds: SeedTexts = new Map([
    ['002_test.txt', ['加快建设柯桥纺织印染、诸暨袜业等示范基地']],
  ]);
  const place = (overrides: Record<string, string>) => ({
    name_zh: '诸暨袜业',
    place_type: 'demonstration_base',
    city_code: '330600',
    district_codes: '330681',
    district_basis: 'named',
    note: '',
    source_file: '002_test.txt',
    source_lines: '1',
    ...overrides,
  });
  const check = (rows: Record<string, string>[]) => {
    const schema = SEED_SCHEMAS[PLACES]!;
    const csv = serializeSeedCsv(
      schema.columns.map((c) => c.name),
      rows,
    );
    return validateSeedTable(parseSeedCsv(PLACES, csv).table, schema, placeSeeds);
  };

  it('accepts a place whose district lies in its city', () => {
    expect(check([place({})])).toEqual([]);
  });

  it('rejects a district of another city', () => {
    expect(check([place({ district_codes: '330503' })])).toEqual([
      expect.objectContaining({
        row: 2,
        column: 'district_codes',
        message: '330503 is not in city 330600',
      }),
    ]);
  });

  it('asks how the district is known whenever one is given', () => {
    expect(check([place({ district_basis: '' })])).toEqual([
      expect.objectContaining({ column: 'district_basis' }),
    ]);
    expect(check([place({ district_codes: '' })])).toEqual([
      expect.objectContaining({ column: 'district_basis' }),
    ]);
  });
});
