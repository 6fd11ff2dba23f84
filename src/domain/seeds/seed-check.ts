import { parseSeedCsv, type SeedIssue, type SeedTable } from './seed-csv.format.ts';
import {
  failedFindings,
  reconcileCityWithDistrictTargets,
  reconcileCounts,
  reconcileDistrictTargets,
  reconcileKeyProjects,
  reconcileShaoxingIndustries,
  type ReconcileFinding,
} from './seed-reconcile.ts';
import { SEED_SCHEMAS } from './seed-schema.ts';
import { splitList, validateSeedTable, type SeedTexts } from './seed-validate.ts';

export interface SeedCheckInput {
  /** CSV file name (e.g. `plan-goals.csv`) → its text. */
  csv: ReadonlyMap<string, string>;
  /** Seed document file name (e.g. `003_bf8a38d02e4bdcc0.txt`) → its text. */
  seeds: ReadonlyMap<string, string>;
}

export interface SeedCheckResult {
  tables: ReadonlyMap<string, SeedTable>;
  issues: SeedIssue[];
  findings: ReconcileFinding[];
}

const META_FILES = new Set(['datasets.csv', 'sources.csv']);

/** Columns that must read the same on every row of one indicator. */
const INDICATOR_ATTRIBUTES: Readonly<Record<string, readonly string[]>> = {
  'huzhou-2023-district-targets.csv': [
    'indicator_name_zh',
    'indicator_name_en',
    'group',
    'unit',
    'unit_zh',
  ],
  'shaoxing-indicators.csv': [
    'number',
    'indicator_name_zh',
    'indicator_name_en',
    'category_id',
    'unit',
    'unit_zh',
  ],
};

function splitSeedLines(text: string): string[] {
  return text.split('\n').map((l) => l.replace(/\r$/, ''));
}

function checkIndicatorAttributes(table: SeedTable, columns: readonly string[]): SeedIssue[] {
  const first = new Map<string, Readonly<Record<string, string>>>();
  const issues: SeedIssue[] = [];
  for (const row of table.rows) {
    const id = row.cells['indicator_id'] ?? '';
    const seen = first.get(id);
    if (!seen) {
      first.set(id, row.cells);
      continue;
    }
    for (const column of columns) {
      if ((seen[column] ?? '') !== (row.cells[column] ?? '')) {
        issues.push({
          file: table.file,
          row: row.row,
          column,
          message: `'${row.cells[column]}' differs from '${seen[column]}' on other rows of ${id}`,
        });
      }
    }
  }
  return issues;
}

function checkCatalogues(tables: ReadonlyMap<string, SeedTable>, seeds: SeedTexts): SeedIssue[] {
  const issues: SeedIssue[] = [];
  const datasets = tables.get('datasets.csv');
  if (datasets) {
    const listed = new Set(datasets.rows.map((r) => r.cells['dataset_file'] ?? ''));
    for (const name of tables.keys()) {
      if (!META_FILES.has(name) && !listed.has(name)) {
        issues.push({ file: 'datasets.csv', message: `${name} is not listed` });
      }
    }
    for (const row of datasets.rows) {
      const name = row.cells['dataset_file'] ?? '';
      if (!tables.has(name)) {
        issues.push({
          file: 'datasets.csv',
          row: row.row,
          column: 'dataset_file',
          message: `${name} does not exist`,
        });
      }
      for (const source of splitList(row.cells['source_files'] ?? '')) {
        if (!seeds.has(source)) {
          issues.push({
            file: 'datasets.csv',
            row: row.row,
            column: 'source_files',
            message: `${source} is not a seed file`,
          });
        }
      }
    }
  }
  const sources = tables.get('sources.csv');
  if (sources) {
    const described = new Set(sources.rows.map((r) => r.cells['source_file'] ?? ''));
    for (const table of tables.values()) {
      for (const row of table.rows) {
        const file = row.cells['source_file'];
        if (file && seeds.has(file) && !described.has(file)) {
          issues.push({
            file: table.file,
            row: row.row,
            column: 'source_file',
            message: `${file} has no row in sources.csv`,
          });
          described.add(file);
        }
      }
    }
  }
  return issues;
}

/**
 * Checks every seed CSV against its schema, the seed documents and the totals the seeds
 * state. Pure: the caller reads the files (from disk in the CLI, via `?raw` in the app).
 */
export function checkSeeds(input: SeedCheckInput): SeedCheckResult {
  const seeds: SeedTexts = new Map(
    [...input.seeds].map(([name, text]) => [name, splitSeedLines(text)]),
  );
  const issues: SeedIssue[] = [];
  if (seeds.size === 0) issues.push({ file: '(seeds)', message: 'no seed documents were found' });
  const tables = new Map<string, SeedTable>();
  for (const [file, text] of input.csv) {
    const schema = SEED_SCHEMAS[file];
    const parsed = parseSeedCsv(file, text);
    issues.push(...parsed.issues);
    tables.set(file, parsed.table);
    if (!schema) {
      issues.push({ file, message: 'has no schema in src/domain/seeds/seed-schema.ts' });
      continue;
    }
    issues.push(...validateSeedTable(parsed.table, schema, seeds));
    const attributes = INDICATOR_ATTRIBUTES[file];
    if (attributes) issues.push(...checkIndicatorAttributes(parsed.table, attributes));
  }
  for (const file of Object.keys(SEED_SCHEMAS)) {
    if (!input.csv.has(file)) issues.push({ file, message: 'file is missing from seeds/' });
  }
  issues.push(...checkCatalogues(tables, seeds));

  const findings: ReconcileFinding[] = [];
  const projects = tables.get('huzhou-key-projects.csv');
  const subtotals = tables.get('huzhou-key-projects-subtotals.csv');
  if (projects && subtotals) findings.push(...reconcileKeyProjects(projects, subtotals));
  const districtTargets = tables.get('huzhou-2023-district-targets.csv');
  if (districtTargets) findings.push(...reconcileDistrictTargets(districtTargets));
  const cityTargets = tables.get('huzhou-2023-city-targets.csv');
  if (cityTargets && districtTargets) {
    findings.push(...reconcileCityWithDistrictTargets(cityTargets, districtTargets));
  }
  const industries = tables.get('shaoxing-industries.csv');
  if (industries) findings.push(...reconcileShaoxingIndustries(industries));
  findings.push(
    ...reconcileCounts({
      enterprises: tables.get('huzhou-key-enterprises.csv'),
      cityTargets,
      shaoxingIndicators: tables.get('shaoxing-indicators.csv'),
    }),
  );
  issues.push(...failedFindings(findings));
  return { tables, issues, findings };
}
