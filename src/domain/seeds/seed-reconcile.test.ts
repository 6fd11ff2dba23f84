import { describe, expect, it } from 'vitest';
import { parseSeedCsv, serializeSeedCsv, type SeedTable } from './seed-csv.format.ts';
import {
  failedFindings,
  reconcileCityWithDistrictTargets,
  reconcileDistrictTargets,
  reconcileKeyProjects,
  reconcileShaoxingIndustries,
} from './seed-reconcile.ts';

function table(file: string, rows: Record<string, string>[]): SeedTable {
  const header = Object.keys(rows[0] ?? {});
  return parseSeedCsv(file, serializeSeedCsv(header, rows)).table;
}

const project = (industry_id: string, investment_yi_yuan: string) => ({
  industry_id,
  investment_yi_yuan,
});

describe('reconcileKeyProjects', () => {
  const projects = table('p.csv', [
    project('textiles', '61'),
    project('textiles', '30.2'),
    project('storage_batteries', '7.5'),
  ]);

  it('accepts subtotals and a total that the projects add up to', () => {
    const subtotals = table('s.csv', [
      { industry_id: 'all', project_count: '3', investment_yi_yuan: '98.7' },
      { industry_id: 'textiles', project_count: '', investment_yi_yuan: '91.2' },
      { industry_id: 'storage_batteries', project_count: '', investment_yi_yuan: '7.5' },
    ]);
    const findings = reconcileKeyProjects(projects, subtotals).filter(
      (f) => f.check !== 'key projects count',
    );
    expect(findings.map((f) => f.status)).toEqual(['holds', 'holds', 'holds', 'holds', 'holds']);
  });

  it('reports a broken industry subtotal at its row', () => {
    const subtotals = table('s.csv', [
      { industry_id: 'textiles', project_count: '', investment_yi_yuan: '91.3' },
    ]);
    const issues = failedFindings(reconcileKeyProjects(projects, subtotals));
    expect(issues).toContainEqual({
      file: 's.csv',
      row: 2,
      column: 'investment_yi_yuan',
      message:
        'projects of textiles sum to the stated investment: 2 projects sum to 91.2 亿元, stated 91.3',
    });
  });

  it('reports a stated project count that the rows do not reach', () => {
    const subtotals = table('s.csv', [
      { industry_id: 'all', project_count: '4', investment_yi_yuan: '98.7' },
    ]);
    const issues = failedFindings(reconcileKeyProjects(projects, subtotals));
    expect(issues).toContainEqual(
      expect.objectContaining({ row: 2, message: 'project count of all: 3 projects, stated 4' }),
    );
  });
});

const AREAS = ['330502', '330503', '330521', '330522', '330523', '330500-NTH'];
function districtRows(indicator_id: string, unit: string, values: string[], city: string) {
  return [
    ...AREAS.map((code, i) => ({ code, value: values[i] ?? '' })),
    { code: '330500', value: city },
  ].map(({ code, value }) => ({ indicator_id, unit, year: '2023', district_code: code, value }));
}

describe('reconcileDistrictTargets', () => {
  it('enforces that additive district figures sum to the city figure', () => {
    const t = table(
      'd.csv',
      districtRows('land_freed_mu', 'mu', ['1500', '2000', '2000', '2000', '2000', '500'], '10001'),
    );
    const issues = failedFindings(reconcileDistrictTargets(t));
    expect(issues).toEqual([
      {
        file: 'd.csv',
        row: 8,
        column: 'value',
        message: 'land_freed_mu@2023 areas sum to 全市: areas sum to 10000, 全市 states 10001',
      },
    ]);
  });

  it('reports but does not enforce the seed’s own 15.1 vs 15 discrepancy', () => {
    const t = table(
      'd.csv',
      districtRows('energy_freed_10k_tce', 'wan_tce', ['4', '3.5', '2', '3.5', '2', '0.1'], '15'),
    );
    const findings = reconcileDistrictTargets(t);
    expect(findings).toContainEqual(expect.objectContaining({ status: 'fails', enforced: false }));
    expect(failedFindings(findings)).toEqual([]);
  });

  it('does not sum rates such as per-mu tax', () => {
    const t = table(
      'd.csv',
      districtRows('tax_per_mu', 'wan_yuan_per_mu', ['48', '30', '37', '37', '37', '36'], '37'),
    );
    expect(reconcileDistrictTargets(t).map((f) => f.check)).toEqual([
      'tax_per_mu@2023 covers the city and six areas',
    ]);
  });

  it('reports an indicator that lacks one of the six areas', () => {
    const t = table(
      'd.csv',
      districtRows('tax_per_mu', 'wan_yuan_per_mu', ['48'], '37').filter((r) => r.value !== ''),
    );
    expect(failedFindings(reconcileDistrictTargets(t))).toEqual([
      expect.objectContaining({
        message: 'tax_per_mu@2023 covers the city and six areas: 1 area rows, with a 全市 row',
      }),
    ]);
  });
});

describe('reconcileCityWithDistrictTargets', () => {
  const district = table('d.csv', [
    {
      indicator_id: 'land_freed_mu',
      unit: 'mu',
      year: '2023',
      district_code: '330500',
      value: '10000',
    },
  ]);

  it('compares figures stated in different magnitudes (1 万亩 = 10,000 亩)', () => {
    const city = table('c.csv', [
      { indicator_id: 'land_freed_mu', unit: 'wan_mu', year: '2023', value: '1' },
    ]);
    expect(failedFindings(reconcileCityWithDistrictTargets(city, district))).toEqual([]);
  });

  it('reports a city target that disagrees with the district table', () => {
    const city = table('c.csv', [
      { indicator_id: 'land_freed_mu', unit: 'wan_mu', year: '2023', value: '1.2' },
    ]);
    expect(failedFindings(reconcileCityWithDistrictTargets(city, district))).toEqual([
      expect.objectContaining({
        row: 2,
        message: expect.stringContaining('附2 1.2 wan_mu, 附1 10000 mu'),
      }),
    ]);
  });
});

describe('reconcileShaoxingIndustries', () => {
  const row = (
    row_label_zh: string,
    level: string,
    parent: string,
    count: string,
    output: string,
    share: string,
  ) => ({
    industry_id: 'chemicals',
    year: '2016',
    row_label_zh,
    level,
    parent_label_zh: parent,
    enterprise_count: count,
    output_value_yi_yuan: output,
    city_share_percent: share,
  });

  it('enforces sector counts and output but only reports rounded shares', () => {
    const t = table('i.csv', [
      row('化工', 'total', '', '313', '1297.0', '12.9'),
      row('石化', 'sector', '化工', '172', '819.3', '8.2'),
      row('塑料', 'sector', '化工', '141', '477.7', '4.8'),
    ]);
    const findings = reconcileShaoxingIndustries(t);
    expect(findings.filter((f) => f.status === 'fails')).toEqual([
      expect.objectContaining({
        enforced: false,
        check: expect.stringContaining('city_share_percent'),
      }),
    ]);
  });

  it('reports a sub-sector larger than its parent', () => {
    const t = table('i.csv', [
      row('化工', 'total', '', '172', '819.3', '8.2'),
      row('石化', 'sector', '化工', '172', '819.3', '8.2'),
      row('染料', 'sub_sector', '石化', '41', '900', '2.9'),
    ]);
    expect(failedFindings(reconcileShaoxingIndustries(t))).toEqual([
      expect.objectContaining({
        row: 4,
        message: expect.stringContaining('染料 within its parent'),
      }),
    ]);
  });
});
