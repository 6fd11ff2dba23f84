import type { SeedIssue, SeedRow, SeedTable } from './seed-csv.format.ts';
import { isSeedUnit, toBaseUnit } from './seed-units.ts';
import { cellNumber } from './seed-validate.ts';

/** The outcome of one stated total or count compared with the rows it covers. */
export interface ReconcileFinding {
  check: string;
  status: 'holds' | 'fails' | 'not_comparable';
  /** Enforced findings that fail are errors; the others are reported only. */
  enforced: boolean;
  detail: string;
  file: string;
  row?: number;
  column?: string;
}

/**
 * Totals in the seeds that do not add up as printed, keyed `indicator_id@year`. They are
 * reported, not enforced, because the CSV must carry the seed's own figures.
 */
export const KNOWN_SEED_DISCREPANCIES: Readonly<Record<string, string>> = {
  // 003 line 259: the six areas add up to 15.1 万吨标煤 while the 全市 cell says 15.
  'energy_freed_10k_tce@2023': 'districts sum to 15.1 but the seed states 15 for the city',
};

/** Stated counts of the seed tables (per seed year), checked so a dropped or doubled row shows. */
export const SEED_ROW_COUNTS = {
  keyEnterprises: 52,
  keyProjects: 48,
  cityTargets2023: 83,
  shaoxingIndicators: 18,
} as const;

/** Units whose district figures add up to the city figure. */
const ADDITIVE_UNITS = new Set(['count', 'mu', 'wan_mu', 'wan_tce', 'yi_yuan']);
const HUZHOU_CITY_CODE = '330500';
const EPSILON = 1e-6;

const round = (n: number): number => Math.round(n * 1000) / 1000;

function same(a: number, b: number): boolean {
  return Math.abs(a - b) < EPSILON;
}

function groupBy(rows: readonly SeedRow[], key: (r: SeedRow) => string): Map<string, SeedRow[]> {
  const groups = new Map<string, SeedRow[]>();
  for (const row of rows) {
    const k = key(row);
    groups.set(k, [...(groups.get(k) ?? []), row]);
  }
  return groups;
}

function sum(rows: readonly SeedRow[], column: string): number | undefined {
  let total = 0;
  for (const row of rows) {
    const n = cellNumber(row, column);
    if (n === undefined) return undefined;
    total += n;
  }
  return total;
}

function countFinding(
  table: SeedTable,
  check: string,
  actual: number,
  expected: number,
): ReconcileFinding {
  return {
    check,
    status: actual === expected ? 'holds' : 'fails',
    enforced: true,
    detail: `${actual} rows, the seed lists ${expected}`,
    file: table.file,
  };
}

/** The 48 projects add up to each industry subtotal and to the stated 282.1 亿元 total. */
export function reconcileKeyProjects(
  projects: SeedTable,
  subtotals: SeedTable,
): ReconcileFinding[] {
  const findings = [
    countFinding(projects, 'key projects count', projects.rows.length, SEED_ROW_COUNTS.keyProjects),
  ];
  const byIndustry = groupBy(projects.rows, (r) => r.cells['industry_id'] ?? '');
  const industryRows = subtotals.rows.filter((r) => r.cells['industry_id'] !== 'all');
  for (const sub of subtotals.rows) {
    const industry = sub.cells['industry_id'] ?? '';
    const covered = industry === 'all' ? projects.rows : (byIndustry.get(industry) ?? []);
    const stated = cellNumber(sub, 'investment_yi_yuan');
    const actual = sum(covered, 'investment_yi_yuan');
    if (stated === undefined || actual === undefined) continue;
    findings.push({
      check: `projects of ${industry} sum to the stated investment`,
      status: same(actual, stated) ? 'holds' : 'fails',
      enforced: true,
      detail: `${covered.length} projects sum to ${round(actual)} 亿元, stated ${stated}`,
      file: subtotals.file,
      row: sub.row,
      column: 'investment_yi_yuan',
    });
    const statedCount = cellNumber(sub, 'project_count');
    if (statedCount !== undefined) {
      findings.push({
        check: `project count of ${industry}`,
        status: statedCount === covered.length ? 'holds' : 'fails',
        enforced: true,
        detail: `${covered.length} projects, stated ${statedCount}`,
        file: subtotals.file,
        row: sub.row,
        column: 'project_count',
      });
    }
    if (industry === 'all') {
      const subtotalSum = sum(industryRows, 'investment_yi_yuan');
      if (subtotalSum !== undefined) {
        findings.push({
          check: 'industry subtotals sum to the stated total',
          status: same(subtotalSum, stated) ? 'holds' : 'fails',
          enforced: true,
          detail: `subtotals sum to ${round(subtotalSum)} 亿元, total stated ${stated}`,
          file: subtotals.file,
          row: sub.row,
          column: 'investment_yi_yuan',
        });
      }
    }
  }
  return findings;
}

/**
 * For additive indicators (counts, 亩, 万吨标煤) the six areas add up to the 全市 figure.
 * Rates and per-mu figures are not sums and are not checked.
 */
export function reconcileDistrictTargets(targets: SeedTable): ReconcileFinding[] {
  const findings: ReconcileFinding[] = [];
  const groups = groupBy(targets.rows, (r) => `${r.cells['indicator_id']}@${r.cells['year']}`);
  for (const [key, rows] of groups) {
    const city = rows.find((r) => r.cells['district_code'] === HUZHOU_CITY_CODE);
    const parts = rows.filter((r) => r !== city);
    findings.push({
      check: `${key} covers the city and six areas`,
      status: city && parts.length === 6 ? 'holds' : 'fails',
      enforced: true,
      detail: `${parts.length} area rows, ${city ? 'with' : 'without'} a 全市 row`,
      file: targets.file,
    });
    if (!city || !ADDITIVE_UNITS.has(city.cells['unit'] ?? '')) continue;
    const stated = cellNumber(city, 'value');
    const actual = sum(parts, 'value');
    const known = KNOWN_SEED_DISCREPANCIES[key];
    if (stated === undefined || actual === undefined) {
      findings.push({
        check: `${key} areas sum to 全市`,
        status: 'not_comparable',
        enforced: false,
        detail: 'some cells are blank',
        file: targets.file,
        row: city.row,
      });
      continue;
    }
    findings.push({
      check: `${key} areas sum to 全市`,
      status: same(actual, stated) ? 'holds' : 'fails',
      enforced: known === undefined,
      detail: `areas sum to ${round(actual)}, 全市 states ${stated}${known ? ` (known: ${known})` : ''}`,
      file: targets.file,
      row: city.row,
      column: 'value',
    });
  }
  return findings;
}

/** City targets (附2) that link to a district indicator (附1) agree with its 全市 figure. */
export function reconcileCityWithDistrictTargets(
  cityTargets: SeedTable,
  districtTargets: SeedTable,
): ReconcileFinding[] {
  const findings: ReconcileFinding[] = [];
  const cityRows = new Map(
    districtTargets.rows
      .filter((r) => r.cells['district_code'] === HUZHOU_CITY_CODE)
      .map((r) => [`${r.cells['indicator_id']}@${r.cells['year']}`, r]),
  );
  for (const row of cityTargets.rows) {
    const id = row.cells['indicator_id'] ?? '';
    if (id === '') continue;
    const key = `${id}@${row.cells['year']}`;
    const other = cityRows.get(key);
    const a = cellNumber(row, 'value');
    const b = other ? cellNumber(other, 'value') : undefined;
    const unitA = row.cells['unit'] ?? '';
    const unitB = other?.cells['unit'] ?? '';
    if (!other || a === undefined || b === undefined || !isSeedUnit(unitA) || !isSeedUnit(unitB)) {
      findings.push({
        check: `${key} 附2 vs 附1 全市`,
        status: 'not_comparable',
        enforced: false,
        detail: other ? 'one side is text or blank' : 'no 全市 row in the district table',
        file: cityTargets.file,
        row: row.row,
      });
      continue;
    }
    const baseA = toBaseUnit(a, unitA);
    const baseB = toBaseUnit(b, unitB);
    findings.push({
      check: `${key} 附2 vs 附1 全市`,
      status: baseA.unit === baseB.unit && same(baseA.value, baseB.value) ? 'holds' : 'fails',
      enforced: true,
      detail: `附2 ${a} ${unitA}, 附1 ${b} ${unitB}`,
      file: cityTargets.file,
      row: row.row,
      column: 'value',
    });
  }
  return findings;
}

/**
 * Shaoxing industry tables: numbered sectors add up to the industry total (counts, output);
 * the city-share column is rounded in the seed, so its sum is reported only.
 */
export function reconcileShaoxingIndustries(industries: SeedTable): ReconcileFinding[] {
  const findings: ReconcileFinding[] = [];
  const groups = groupBy(industries.rows, (r) => `${r.cells['industry_id']}@${r.cells['year']}`);
  for (const [key, rows] of groups) {
    const total = rows.find((r) => r.cells['level'] === 'total');
    if (!total) continue;
    const sectors = rows.filter((r) => r.cells['level'] === 'sector');
    for (const [column, enforced] of [
      ['enterprise_count', true],
      ['output_value_yi_yuan', true],
      ['city_share_percent', false],
    ] as const) {
      const stated = cellNumber(total, column);
      const actual = sum(sectors, column);
      if (stated === undefined || actual === undefined) continue;
      findings.push({
        check: `${key} sectors sum to total ${column}`,
        status: same(actual, stated) ? 'holds' : 'fails',
        enforced,
        detail: `sectors sum to ${round(actual)}, total states ${stated}`,
        file: industries.file,
        row: total.row,
        column,
      });
    }
    for (const sub of rows.filter((r) => r.cells['level'] === 'sub_sector')) {
      const parent = rows.find((r) => r.cells['row_label_zh'] === sub.cells['parent_label_zh']);
      const a = cellNumber(sub, 'output_value_yi_yuan');
      const b = parent ? cellNumber(parent, 'output_value_yi_yuan') : undefined;
      findings.push({
        check: `${key} ${sub.cells['row_label_zh']} within its parent`,
        status: a !== undefined && b !== undefined && a <= b ? 'holds' : 'fails',
        enforced: true,
        detail: parent
          ? `output ${a} of parent's ${b}`
          : `no parent row '${sub.cells['parent_label_zh']}'`,
        file: industries.file,
        row: sub.row,
        column: 'output_value_yi_yuan',
      });
    }
  }
  return findings;
}

/** Row counts the seeds state for tables not covered by a total. */
export function reconcileCounts(tables: {
  enterprises?: SeedTable | undefined;
  cityTargets?: SeedTable | undefined;
  shaoxingIndicators?: SeedTable | undefined;
}): ReconcileFinding[] {
  const findings: ReconcileFinding[] = [];
  const { enterprises, cityTargets, shaoxingIndicators } = tables;
  if (enterprises) {
    findings.push(
      countFinding(
        enterprises,
        'key enterprises count',
        enterprises.rows.length,
        SEED_ROW_COUNTS.keyEnterprises,
      ),
    );
  }
  if (cityTargets) {
    const rows2023 = cityTargets.rows.filter((r) => r.cells['year'] === '2023');
    findings.push(
      countFinding(
        cityTargets,
        '2023 city targets count',
        rows2023.length,
        SEED_ROW_COUNTS.cityTargets2023,
      ),
    );
  }
  if (shaoxingIndicators) {
    const indicators = new Set(shaoxingIndicators.rows.map((r) => r.cells['indicator_id']));
    findings.push({
      check: 'Shaoxing indicators count',
      status: indicators.size === SEED_ROW_COUNTS.shaoxingIndicators ? 'holds' : 'fails',
      enforced: true,
      detail: `${indicators.size} indicators, the seed lists ${SEED_ROW_COUNTS.shaoxingIndicators}`,
      file: shaoxingIndicators.file,
    });
  }
  return findings;
}

/** Enforced findings that fail, as issues. */
export function failedFindings(findings: readonly ReconcileFinding[]): SeedIssue[] {
  return findings
    .filter((f) => f.enforced && f.status === 'fails')
    .map((f) => ({
      file: f.file,
      row: f.row,
      column: f.column,
      message: `${f.check}: ${f.detail}`,
    }));
}
