import { describe, expect, it } from 'vitest';
import { DISTRICTS } from '../regions.ts';
import { industryById } from './industry.ts';
import { cityCodeOfPlaceId } from './place.ts';
import { readPlaceRecords, readProjectSubtotals } from './place-seeds.ts';
import { placeSeedTexts, seedText } from './seed-texts.fixture.ts';

const { records, excluded } = readPlaceRecords(placeSeedTexts());
const byName = (name: string) => records.filter((r) => r.nameZh === name);

describe('readPlaceRecords', () => {
  it('reads every key enterprise, key project and Shaoxing leading enterprise', () => {
    expect(records.filter((r) => r.id.startsWith('hz-ent-'))).toHaveLength(52);
    expect(records.filter((r) => r.id.startsWith('hz-prj-'))).toHaveLength(48);
    expect(records.filter((r) => r.id.startsWith('sx-ent-'))).toHaveLength(50);
  });

  it('gives unique ids that carry the city', () => {
    const ids = records.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of records) expect(cityCodeOfPlaceId(r.id), r.id).toBe(r.cityCode);
    expect(records.find((r) => r.id === 'hz-ent-07')?.nameZh).toBe(
      '新凤鸣集团湖州中石科技有限公司',
    );
  });

  it('keeps every record to known districts of its own city and a known industry', () => {
    for (const r of records) {
      for (const code of r.districtCodes) {
        expect(DISTRICTS.find((d) => d.code === code)?.cityCode, r.id).toBe(r.cityCode);
      }
      expect(industryById(r.industryId), `${r.id} ${r.industryId}`).toBeDefined();
      expect(r.sources.length, r.id).toBeGreaterThan(0);
    }
  });

  it('carries each project’s figures and a stage for every progress text', () => {
    const silk = records.find((r) => r.id === 'hz-prj-01');
    expect(silk).toMatchObject({
      nameZh: '湖州丝绸小镇',
      investmentYiYuan: 61,
      startYear: 2015,
      endYear: 2017,
      progressZh: '实施阶段',
      stage: 'underway',
      districtCodes: ['330502', '330503'],
    });
    const projects = records.filter((r) => r.kind === 'project');
    expect(projects.filter((p) => p.stage === 'unknown')).toEqual([]);
  });

  it('implies 织里 for 吴兴’s children’s wear and 练市 for 南浔’s magnet wire', () => {
    const zhili = records.filter((r) => r.townHints.some((h) => h.townZh === '织里'));
    expect(zhili.map((r) => r.id).sort()).toEqual([
      'hz-ent-03',
      'hz-ent-04',
      'hz-ent-05',
      'hz-ent-06',
      'hz-prj-05',
    ]);
    const lianshi = records.filter((r) => r.townHints.some((h) => h.townZh === '练市'));
    expect(lianshi.map((r) => r.nameZh)).toEqual(
      expect.arrayContaining(['浙江长城电工科技股份有限公司', '湖州鑫力金属科技有限公司']),
    );
    for (const r of lianshi) expect(r.districtCodes[0]).toBe('330503');
  });

  it('reads the industry of named places from focus areas or their names', () => {
    expect(byName('善琏镇')[0]?.industryId).toBe('textiles');
    expect(byName('德清绿色板材')[0]?.industryId).toBe('furniture_bamboo_wood');
    expect(byName('南浔区特种电磁线产业园区')[0]?.industryId).toBe('metal_processing');
    expect(byName('黄酒小镇')[0]?.industryId).toBe('yellow_wine');
    expect(byName('滨海新城')[0]?.industryId).toBe('general');
  });

  it('leaves programmes, belts, whole-city titles and regions.ts areas off the map, saying why', () => {
    const names = excluded.map((e) => e.nameZh);
    expect(names).toEqual(
      expect.arrayContaining([
        '“2+8”产业平台',
        '环杭州湾产业带',
        '童装之都',
        '南太湖新区',
        '湖州开发区',
      ]),
    );
    expect(names).not.toContain('中国轴承之乡');
    for (const e of excluded) expect(e.reason).not.toBe('');
    for (const name of names) expect(byName(name)).toEqual([]);
  });
});

describe('readProjectSubtotals', () => {
  it('reads the stated total and the industry subtotals', () => {
    const subtotals = readProjectSubtotals(seedText('huzhou-key-projects-subtotals.csv'));
    expect(subtotals.find((s) => s.industryId === 'all')).toMatchObject({
      investmentYiYuan: 282.1,
      projectCount: 48,
    });
    expect(subtotals).toHaveLength(7);
  });
});
