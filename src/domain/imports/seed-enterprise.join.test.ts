import { describe, expect, it } from 'vitest';
import {
  indexSeedEnterprises,
  joinSeedEnterprises,
  matchSeedEnterprise,
  normaliseEnterpriseName,
  type SeedEnterprise,
} from './seed-enterprise.join.ts';

// Names as the seeds print them (huzhou-key-enterprises.csv, shaoxing-leading-enterprises.csv).
const SEEDS: SeedEnterprise[] = [
  { placeId: 'hz-ent-01', nameZh: '浙江美欣达印染集团股份有限公司' },
  { placeId: 'hz-ent-03', nameZh: '湖州今童王制衣有限公司' },
  { placeId: 'hz-ent-08', nameZh: '华祥（中国）高纤有限公司' },
  { placeId: 'sx-ent-01', nameZh: '天圣化纤' },
  { placeId: 'sx-ent-40', nameZh: '久立集团股份有限公司' },
  { placeId: 'hz-ent-16', nameZh: '久立集团股份有限公司' },
  { placeId: 'hz-ent-99', nameZh: '某某科技有限公司', creditCode: '91330500MA2B3C4D5E' },
];
const INDEX = indexSeedEnterprises(SEEDS);

describe('normaliseEnterpriseName', () => {
  it.each([
    ['浙江美欣达印染集团股份有限公司', '美欣达印染集团'],
    ['浙江美欣达印染集团有限公司', '美欣达印染集团'],
    ['湖州今童王制衣有限责任公司', '今童王制衣'],
    ['湖州今童王制衣厂', '今童王制衣'],
    ['华祥(中国)高纤有限公司', '华祥高纤'],
    ['华祥（中国）高纤有限公司', '华祥高纤'],
    [' 浙江 天圣化纤 有限公司 ', '天圣化纤'],
    ['ＡＢＣ新材料有限公司', 'abc新材料'],
  ])('%s → %s', (name, key) => {
    expect(normaliseEnterpriseName(name)).toBe(key);
  });

  it('keeps a name that would be emptied by stripping, and refuses one too short to compare', () => {
    expect(normaliseEnterpriseName('浙江有限公司')).toBe('浙江');
    expect(normaliseEnterpriseName('厂')).toBe('');
    expect(normaliseEnterpriseName('  ')).toBe('');
  });
});

describe('matchSeedEnterprise', () => {
  it('matches a register name to the seed’s shorter or longer form', () => {
    expect(matchSeedEnterprise(INDEX, { name: '浙江天圣化纤有限公司' })).toEqual({
      placeIds: ['sx-ent-01'],
      by: 'name',
    });
    expect(matchSeedEnterprise(INDEX, { name: '湖州今童王制衣厂' })).toEqual({
      placeIds: ['hz-ent-03'],
      by: 'name',
    });
  });

  it('lists every seed place of a company the seeds name twice', () => {
    expect(matchSeedEnterprise(INDEX, { name: '久立集团有限公司' })?.placeIds).toEqual([
      'sx-ent-40',
      'hz-ent-16',
    ]);
  });

  it('prefers the credit code, in any width or case, over a different name', () => {
    expect(
      matchSeedEnterprise(INDEX, {
        name: '改名后的公司',
        creditCode: ' ９１３３０５００ma2b3c4d5e',
      }),
    ).toEqual({ placeIds: ['hz-ent-99'], by: 'creditCode' });
  });

  it('falls back to the name when the credit code is not among the seeds', () => {
    expect(
      matchSeedEnterprise(INDEX, {
        name: '湖州今童王制衣有限公司',
        creditCode: '913305001234567890',
      }),
    ).toEqual({ placeIds: ['hz-ent-03'], by: 'name' });
  });

  it('does not match a different company that shares a word, or a record without identity', () => {
    expect(matchSeedEnterprise(INDEX, { name: '浙江美欣达纺织有限公司' })).toBeNull();
    expect(matchSeedEnterprise(INDEX, { name: '有限公司' })).toBeNull();
    expect(matchSeedEnterprise(INDEX, { name: null, creditCode: 12 })).toBeNull();
  });
});

describe('joinSeedEnterprises', () => {
  it('matches records by index and counts them', () => {
    const join = joinSeedEnterprises(INDEX, [
      { index: 0, fields: { name: '浙江美欣达印染集团股份有限公司' } },
      { index: 1, fields: { name: '不在种子里的公司' } },
      { index: 2, fields: { name: '天圣化纤' } },
    ]);
    expect(join.matchedCount).toBe(2);
    expect([...join.matches.keys()]).toEqual([0, 2]);
    expect(join.matches.get(0)?.placeIds).toEqual(['hz-ent-01']);
  });
});
