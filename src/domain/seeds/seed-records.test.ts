import { describe, expect, it } from 'vitest';
import { serializeSeedCsv } from './seed-csv.format.ts';
import { readDistrictTargets, readPlanGoals } from './seed-records.ts';
import { SEED_SCHEMAS } from './seed-schema.ts';

const headerOf = (file: string) => SEED_SCHEMAS[file]?.columns.map((c) => c.name) ?? [];

describe('readDistrictTargets', () => {
  const row = {
    indicator_id: 'energy_intensity_reduction',
    indicator_name_zh: '单位 GDP 能耗下降率',
    indicator_name_en: 'Reduction in energy use per unit of GDP',
    group: 'green_low_carbon',
    unit: 'percent',
    unit_zh: '%',
    year: '2023',
    district_code: '330500-NTH',
    district_name_zh: '南太湖新区',
    value: '',
    value_note: '/',
    responsible_unit: '市发展改革委',
    source_file: '003_bf8a38d02e4bdcc0.txt',
    source_lines: '260',
  };

  it('keeps a blank figure as null with its note, never as 0', () => {
    const [target] = readDistrictTargets(
      serializeSeedCsv(headerOf('huzhou-2023-district-targets.csv'), [row]),
    );
    expect(target).toMatchObject({
      districtCode: '330500-NTH',
      value: null,
      note: '/',
      year: 2023,
    });
    expect(target?.source).toEqual({ file: '003_bf8a38d02e4bdcc0.txt', lines: [[260, 260]] });
  });

  it('reads figures as numbers', () => {
    const [target] = readDistrictTargets(
      serializeSeedCsv(headerOf('huzhou-2023-district-targets.csv'), [
        { ...row, value: '4.8', value_note: '' },
      ]),
    );
    expect(target?.value).toBe(4.8);
  });

  it('refuses a unit it cannot convert or label', () => {
    const text = serializeSeedCsv(headerOf('huzhou-2023-district-targets.csv'), [
      { ...row, unit: 'pct' },
    ]);
    expect(() => readDistrictTargets(text)).toThrow("row 2: unknown unit 'pct'");
  });
});

describe('readPlanGoals', () => {
  it('reads a goal with its comparator, basis and multi-range source', () => {
    const text = serializeSeedCsv(headerOf('plan-goals.csv'), [
      {
        goal_id: 'hz2027_inefficient_land_freed',
        scope_code: '330500',
        target_year: '2027',
        subject_zh: '全市',
        indicator_zh: '累计腾出低效工业用地',
        indicator_en: 'Inefficient industrial land freed, cumulative',
        unit: 'wan_mu',
        unit_zh: '万亩',
        comparator: 'eq',
        value: '3',
        basis: 'cumulative',
        value_text: '',
        value_note: '',
        source_file: '003_bf8a38d02e4bdcc0.txt',
        source_lines: '31-33',
      },
    ]);
    expect(readPlanGoals(text)).toEqual([
      expect.objectContaining({
        goalId: 'hz2027_inefficient_land_freed',
        value: 3,
        unit: 'wan_mu',
        comparator: 'eq',
        basis: 'cumulative',
        source: { file: '003_bf8a38d02e4bdcc0.txt', lines: [[31, 33]] },
      }),
    ]);
  });
});
