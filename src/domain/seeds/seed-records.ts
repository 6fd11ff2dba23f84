import { parseSeedCsv, type SeedRow } from './seed-csv.format.ts';
import { cellNumber, parseLineSpec } from './seed-validate.ts';
import { isSeedUnit, type SeedUnitId } from './seed-units.ts';

/** Where a figure comes from, for the app's "document, section, file, lines" citation. */
export interface SeedSource {
  file: string;
  /** Inclusive line ranges in the seed file. */
  lines: Array<[number, number]>;
}

/** One 2023 (or later) district target of Huzhou's 附1 table. */
export interface DistrictTarget {
  indicatorId: string;
  nameZh: string;
  nameEn: string;
  group: string;
  unit: SeedUnitId;
  unitZh: string;
  year: number;
  districtCode: string;
  districtNameZh: string;
  /** null where the seed gives no figure; `note` says why. */
  value: number | null;
  note: string;
  responsibleUnit: string;
  source: SeedSource;
}

/** One headline goal of a plan (seeds/plan-goals.csv). */
export interface PlanGoal {
  goalId: string;
  scopeCode: string;
  targetYear: number;
  subjectZh: string;
  indicatorZh: string;
  indicatorEn: string;
  unit: SeedUnitId;
  unitZh: string;
  comparator: 'eq' | 'gte' | 'gt' | 'lte' | 'approx';
  value: number | null;
  basis: 'level' | 'cumulative' | 'per_year' | 'annual_growth';
  valueText: string;
  note: string;
  source: SeedSource;
}

function cell(row: SeedRow, column: string): string {
  return row.cells[column] ?? '';
}

function unitOf(row: SeedRow): SeedUnitId {
  const unit = cell(row, 'unit');
  if (!isSeedUnit(unit)) throw new Error(`row ${row.row}: unknown unit '${unit}'`);
  return unit;
}

function sourceOf(row: SeedRow): SeedSource {
  return { file: cell(row, 'source_file'), lines: parseLineSpec(cell(row, 'source_lines')) ?? [] };
}

function rowsOf(file: string, text: string): readonly SeedRow[] {
  return parseSeedCsv(file, text).table.rows;
}

/**
 * Reads seeds/huzhou-2023-district-targets.csv (e.g. a Vite `?raw` import) into typed records.
 * It trusts the file: `npm run seeds:check` is what validates it.
 */
export function readDistrictTargets(text: string): DistrictTarget[] {
  return rowsOf('huzhou-2023-district-targets.csv', text).map((row) => ({
    indicatorId: cell(row, 'indicator_id'),
    nameZh: cell(row, 'indicator_name_zh'),
    nameEn: cell(row, 'indicator_name_en'),
    group: cell(row, 'group'),
    unit: unitOf(row),
    unitZh: cell(row, 'unit_zh'),
    year: Number(cell(row, 'year')),
    districtCode: cell(row, 'district_code'),
    districtNameZh: cell(row, 'district_name_zh'),
    value: cellNumber(row, 'value') ?? null,
    note: cell(row, 'value_note'),
    responsibleUnit: cell(row, 'responsible_unit'),
    source: sourceOf(row),
  }));
}

/** Reads seeds/plan-goals.csv into typed records; validated by `npm run seeds:check`. */
export function readPlanGoals(text: string): PlanGoal[] {
  return rowsOf('plan-goals.csv', text).map((row) => ({
    goalId: cell(row, 'goal_id'),
    scopeCode: cell(row, 'scope_code'),
    targetYear: Number(cell(row, 'target_year')),
    subjectZh: cell(row, 'subject_zh'),
    indicatorZh: cell(row, 'indicator_zh'),
    indicatorEn: cell(row, 'indicator_en'),
    unit: unitOf(row),
    unitZh: cell(row, 'unit_zh'),
    comparator: cell(row, 'comparator') as PlanGoal['comparator'],
    value: cellNumber(row, 'value') ?? null,
    basis: cell(row, 'basis') as PlanGoal['basis'],
    valueText: cell(row, 'value_text'),
    note: cell(row, 'value_note'),
    source: sourceOf(row),
  }));
}
