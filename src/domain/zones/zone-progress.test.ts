import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readZoneTargets, zoneProgress, type ZoneForProgress } from './zone-progress.ts';

const seeds = (file: string) =>
  readFileSync(resolve(import.meta.dirname, '../../../seeds', file), 'utf8');
const TARGETS = readZoneTargets(seeds('huzhou-2023-district-targets.csv'), seeds('plan-goals.csv'));

const share = (districtCode: string, s: number, cityCode = '330500') => ({
  districtCode,
  cityCode,
  areaMu: 0,
  share: s,
});

describe('readZoneTargets', () => {
  it('reads 吴兴 2023 targets with their seed rows and document lines', () => {
    expect(TARGETS.districtLand.get('330502')).toMatchObject({
      value: 1500,
      statedUnit: 'mu',
      year: 2023,
      seedFile: 'huzhou-2023-district-targets.csv',
      seedRow: 93,
      source: { file: '003_bf8a38d02e4bdcc0.txt', lines: [[258, 258]] },
    });
    // 4 万吨标煤 is 40,000 tce.
    expect(TARGETS.districtEnergy.get('330502')).toMatchObject({
      value: 40_000,
      statedValue: 4,
      statedUnit: 'wan_tce',
      seedRow: 100,
    });
    expect(TARGETS.districtEnergy.get('330500-NTH')?.value).toBeCloseTo(1000, 9);
  });

  it('reads the city 2023 targets from the 全市 rows and the 2027 goal of 3 万亩', () => {
    expect(TARGETS.cityLand.get('330500')).toMatchObject({ value: 10_000, seedRow: 99 });
    expect(TARGETS.cityEnergy.get('330500')?.value).toBe(150_000);
    expect(TARGETS.cityLandGoal.get('330500')).toMatchObject({
      value: 30_000,
      statedValue: 3,
      statedUnit: 'wan_mu',
      year: 2027,
      seedFile: 'plan-goals.csv',
      seedRow: 10,
      source: { lines: [[31, 33]] },
    });
    expect(TARGETS.districtLand.has('330500')).toBe(false);
  });
});

describe('zoneProgress', () => {
  const zones: ZoneForProgress[] = [
    // 300 亩 with no planned figure: counts its area, 2/3 in 南浔 and 1/3 in 吴兴.
    {
      id: 'a',
      plannedLandMu: null,
      areaMu: 300,
      energySpaceTce: 3000,
      districts: [share('330503', 2 / 3), share('330502', 1 / 3)],
    },
    // The planned figure wins over the area.
    {
      id: 'b',
      plannedLandMu: 450,
      areaMu: 900,
      energySpaceTce: null,
      districts: [share('330502', 1)],
    },
    // On the lake: in no district.
    { id: 'c', plannedLandMu: 20, areaMu: 25, energySpaceTce: 100, districts: [] },
  ];
  const report = zoneProgress(zones, TARGETS);
  const row = (code: string) => report.districts.find((d) => d.districtCode === code);

  it('splits a zone spanning districts by area share and prefers the planned figure', () => {
    expect(row('330503')?.landMu.planned).toBeCloseTo(200, 9);
    expect(row('330503')?.energyTce.planned).toBeCloseTo(2000, 9);
    expect(row('330502')?.landMu.planned).toBeCloseTo(100 + 450, 9);
    expect(row('330502')?.zoneCount).toBe(2);
  });

  it('sets each district against its 2023 target', () => {
    expect(row('330502')?.landMu.ratio).toBeCloseTo(550 / 1500, 9);
    expect(row('330503')?.energyTce.ratio).toBeCloseTo(2000 / 35_000, 9);
    // A district with a target and no zones still has its row, at zero.
    expect(row('330523')).toMatchObject({ zoneCount: 0, landMu: { planned: 0, ratio: 0 } });
  });

  it('adds up the city against its 2023 target and the 2027 goal, leaving out the lake zone', () => {
    const city = report.cities.find((c) => c.cityCode === '330500');
    expect(city?.landMu.planned).toBeCloseTo(750, 9);
    expect(city?.landMu.ratio).toBeCloseTo(750 / 10_000, 9);
    expect(city?.landMuGoal.ratio).toBeCloseTo(750 / 30_000, 9);
    expect(city?.zoneCount).toBe(2);
    expect(report.unattributed).toEqual({ zoneCount: 1, landMu: 20, energyTce: 100 });
  });

  it('lists Shaoxing districts only when they hold zones (the seeds give them no such target)', () => {
    expect(report.districts.some((d) => d.cityCode === '330600')).toBe(false);
    const withShaoxing = zoneProgress(
      [
        {
          id: 's',
          plannedLandMu: 50,
          areaMu: 50,
          energySpaceTce: null,
          districts: [share('330602', 1, '330600')],
        },
      ],
      TARGETS,
    );
    const yuecheng = withShaoxing.districts.find((d) => d.districtCode === '330602');
    expect(yuecheng?.landMu).toEqual({ planned: 50, target: null, ratio: null });
  });
});
