import { describe, expect, it } from 'vitest';
import { districtsOfCity } from '../regions.ts';
import { readPlaceRecords, readProjectSubtotals } from './place-seeds.ts';
import {
  districtPlaceSummaries,
  industryDistrictMatrix,
  reconcileProjectInvestment,
} from './places-join.ts';
import { placeSeedTexts, seedText } from './seed-texts.fixture.ts';

const { records } = readPlaceRecords(placeSeedTexts());
const subtotals = readProjectSubtotals(seedText('huzhou-key-projects-subtotals.csv'));

describe('reconcileProjectInvestment', () => {
  it('finds the seed’s 282.1 亿元, its 48 projects and every industry subtotal', () => {
    const findings = reconcileProjectInvestment(records, subtotals);
    expect(findings.filter((f) => !f.holds)).toEqual([]);
    expect(findings.find((f) => f.industryId === 'all')).toMatchObject({
      statedYiYuan: 282.1,
      joinedYiYuan: 282.1,
      statedCount: 48,
      joinedCount: 48,
    });
    expect(findings.find((f) => f.industryId === 'textiles')?.joinedYiYuan).toBe(148.3);
  });

  it('fails when a project is lost on the way to the districts', () => {
    const lost = records.filter((r) => r.id !== 'hz-prj-02');
    const findings = reconcileProjectInvestment(lost, subtotals);
    expect(findings.find((f) => f.industryId === 'all')).toMatchObject({
      joinedYiYuan: 252.1,
      joinedCount: 47,
      holds: false,
    });
    expect(findings.find((f) => f.industryId === 'textiles')?.holds).toBe(false);
    expect(findings.find((f) => f.industryId === 'metal_processing')?.holds).toBe(true);
  });
});

describe('districtPlaceSummaries', () => {
  it('lists every district of the city and the city row, counting each place once', () => {
    const summaries = districtPlaceSummaries(records, '330500');
    expect(summaries.map((s) => s.areaCode)).toEqual([
      ...districtsOfCity('330500').map((d) => d.code),
      '330500',
    ]);
    const huzhou = records.filter((r) => r.cityCode === '330500');
    expect(summaries.reduce((n, s) => n + s.count, 0)).toBe(huzhou.length);
  });

  it('counts a two-district record in the first district it lists', () => {
    const summaries = districtPlaceSummaries(records, '330500');
    const wuxing = summaries.find((s) => s.areaCode === '330502')!;
    // 湖州丝绸小镇 (吴兴区、南浔区, 61 亿元) is among 吴兴's projects.
    const wuxingProjects = records.filter(
      (r) => r.kind === 'project' && r.districtCodes[0] === '330502',
    );
    expect(wuxing.byKind.project).toBe(wuxingProjects.length);
    expect(wuxing.projectInvestmentYiYuan).toBeGreaterThanOrEqual(61);
    expect(summaries.find((s) => s.areaCode === '330500-KFQ')?.byKind).toMatchObject({
      enterprise: 1,
      project: 1,
    });
  });
});

describe('industryDistrictMatrix', () => {
  it('adds up, cell by cell, to the places of the city', () => {
    for (const city of ['330500', '330600']) {
      const cells = industryDistrictMatrix(records, city);
      const ofCity = records.filter((r) => r.cityCode === city);
      const sum = (k: 'enterprises' | 'projects' | 'namedPlaces') =>
        cells.reduce((n, c) => n + c[k], 0);
      expect(sum('enterprises')).toBe(ofCity.filter((r) => r.kind === 'enterprise').length);
      expect(sum('projects')).toBe(ofCity.filter((r) => r.kind === 'project').length);
      expect(sum('enterprises') + sum('projects') + sum('namedPlaces')).toBe(ofCity.length);
    }
  });

  it('shows who hosts what: Changxing hosts all six storage-battery enterprises', () => {
    const cells = industryDistrictMatrix(records, '330500').filter(
      (c) => c.industryId === 'storage_batteries',
    );
    expect(cells.find((c) => c.areaCode === '330522')?.enterprises).toBe(6);
    expect(cells.filter((c) => c.areaCode !== '330522').every((c) => c.enterprises === 0)).toBe(
      true,
    );
  });
});
