import { describe, expect, it } from 'vitest';
import type { MapMeasure, MeasureValue } from '../indicators/map-measure.ts';
import { districtsOfCity } from '../regions.ts';
import { serializeSeedCsv } from '../seeds/seed-csv.format.ts';
import { parseSeedCsv } from '../seeds/seed-csv.format.ts';
import { SEED_SCHEMAS } from '../seeds/seed-schema.ts';
import {
  buildShaoxingProfile,
  industryMeasureId,
  SHAOXING_CITY_CODE,
  shaoxingProfileMeasures,
  subSectorsOf,
  type DistrictProfile,
} from './district-profile.ts';
import {
  readSeedTable,
  seedDocsPresent,
  seedLines,
  sourceTables,
} from './shaoxing-seeds.fixture.ts';

const YUECHENG = '330602';
const KEQIAO = '330603';
const SHANGYU = '330604';
const XINCHANG = '330624';
const ZHUJI = '330681';
const SHENGZHOU = '330683';

const tables = {
  focusAreas: readSeedTable('industry-focus-areas.csv'),
  namedPlaces: readSeedTable('named-places.csv'),
  ...sourceTables(),
};
const profile = buildShaoxingProfile(tables);
const measures = shaoxingProfileMeasures(profile);

function district(code: string): DistrictProfile {
  const found = profile.districts.find((d) => d.districtCode === code);
  if (!found) throw new Error(`no profile for ${code}`);
  return found;
}

function measure(id: string): MapMeasure {
  const found = measures.find((m) => m.id === id);
  if (!found) throw new Error(`no measure ${id}`);
  return found;
}

function valueOf(m: MapMeasure, code: string): MeasureValue {
  const found = m.districts.find((d) => d.districtCode === code);
  if (!found) throw new Error(`${m.id} has no value for ${code}`);
  return found;
}

/** District code → value, for comparing a whole measure at once. */
function values(m: MapMeasure): Record<string, number | null> {
  return Object.fromEntries(m.districts.map((d) => [d.districtCode, d.value]));
}

// Counts below were read off the 330600 rows of seeds/industry-focus-areas.csv and
// seeds/named-places.csv by hand (each district's rows, distinct industries / sub-sectors /
// place names), not taken from the implementation.
describe('Shaoxing district profiles from the seeds', () => {
  it('covers the six Shaoxing districts in regions.ts order, even where the seeds say little', () => {
    expect(profile.districts.map((d) => d.districtCode)).toEqual(
      districtsOfCity(SHAOXING_CITY_CODE).map((d) => d.code),
    );
    for (const m of measures) {
      expect(m.districts.map((d) => d.districtCode)).toEqual([
        YUECHENG,
        KEQIAO,
        SHANGYU,
        XINCHANG,
        ZHUJI,
        SHENGZHOU,
      ]);
    }
  });

  it('lists each district’s industries in the plan’s order, with their sub-sectors', () => {
    expect(district(ZHUJI).industries.map((i) => i.industryId)).toEqual([
      'textiles',
      'chemicals',
      'metal_processing',
      'pearls',
    ]);
    const zhujiTextiles = district(ZHUJI).industries[0];
    expect(zhujiTextiles && subSectorsOf(zhujiTextiles)).toEqual(['织造', '服装服饰', '袜业']);
  });

  it('puts 袍江 under 越城, as the seeds README says, keeping the name the seed prints', () => {
    const chemicals = district(YUECHENG).industries;
    expect(chemicals.map((i) => i.industryId)).toEqual(['chemicals']);
    expect(chemicals[0]?.mentions.map((m) => [m.subSectorZh, m.placeZh])).toEqual([
      ['石化及化学制品制造', '袍江'],
      ['塑料薄膜', '袍江'],
    ]);
  });

  it('counts the industries naming each district as a focus area, base or pilot', () => {
    const m = measure('shaoxing_focus_industries');
    expect(values(m)).toEqual({
      [YUECHENG]: 1,
      [KEQIAO]: 3,
      [SHANGYU]: 2,
      [XINCHANG]: 2,
      [ZHUJI]: 4,
      [SHENGZHOU]: 3,
    });
    expect(valueOf(m, XINCHANG).note).toBe('纺织产业、轴承产业');
  });

  it('counts each industry’s distinct sub-sectors per district, 0 where it names none', () => {
    expect(values(measure(industryMeasureId('textiles')))).toEqual({
      [YUECHENG]: 0,
      [KEQIAO]: 7,
      [SHANGYU]: 0,
      [XINCHANG]: 1,
      [ZHUJI]: 3,
      [SHENGZHOU]: 2,
    });
    expect(values(measure(industryMeasureId('chemicals')))).toEqual({
      [YUECHENG]: 2,
      [KEQIAO]: 1,
      [SHANGYU]: 4,
      [XINCHANG]: 0,
      [ZHUJI]: 2,
      [SHENGZHOU]: 0,
    });
    expect(values(measure(industryMeasureId('metal_processing')))).toEqual({
      [YUECHENG]: 0,
      [KEQIAO]: 3,
      [SHANGYU]: 0,
      [XINCHANG]: 0,
      [ZHUJI]: 3,
      [SHENGZHOU]: 0,
    });
  });

  it('makes a measure only for industries that name a district: no yellow wine, whose town has none', () => {
    const ids = measures.filter((m) => m.group === 'shaoxing_industry').map((m) => m.id);
    expect(ids).toEqual(
      [
        'textiles',
        'chemicals',
        'metal_processing',
        'pearls',
        'bearings',
        'kitchenware',
        'motors',
      ].map(industryMeasureId),
    );
  });

  it('says in the note what a count is made of, with the place the seed printed and the role', () => {
    const chemicals = measure(industryMeasureId('chemicals'));
    expect(valueOf(chemicals, YUECHENG).note).toBe('石化及化学制品制造（袍江）、塑料薄膜（袍江）');
    // 上虞区 is the district's own name, so it is not repeated; 染料 is a production base.
    expect(valueOf(chemicals, SHANGYU).note).toBe(
      '化工（重点区域、试点）、石化及化学制品制造、染料化学、染料（基地）',
    );
    expect(valueOf(measure(industryMeasureId('textiles')), SHENGZHOU).note).toBe(
      '领带、纺织（基地）',
    );
  });

  it('cites every seed line a count is made of, once each', () => {
    const chemicals = valueOf(measure(industryMeasureId('chemicals')), YUECHENG);
    expect(chemicals.sources.map((s) => [s.file, s.lines])).toEqual([
      ['002_82f5de82100c7f04.txt', [[567, 576]]],
      ['002_82f5de82100c7f04.txt', [[598, 607]]],
    ]);
    // 领带 is named for 嵊州 in the table (295–302) and again in the text (326).
    const necktie = valueOf(measure(industryMeasureId('textiles')), SHENGZHOU);
    expect(necktie.sources.map((s) => s.lines)).toEqual([
      [[295, 302]],
      [[326, 326]],
      [[1025, 1025]],
    ]);
    const source = necktie.sources[0];
    expect(source?.document?.titleZh).toBe('绍兴市传统产业改造提升试点实施方案');
    expect(source?.sectionZh).not.toBe('');
  });

  it('counts named places per district; a place in two districts counts in both', () => {
    const m = measure('shaoxing_named_places');
    expect(values(m)).toEqual({
      [YUECHENG]: 1,
      [KEQIAO]: 5,
      [SHANGYU]: 3,
      [XINCHANG]: 1,
      [ZHUJI]: 5,
      [SHENGZHOU]: 4,
    });
    expect(valueOf(m, SHANGYU).note).toBe(
      '杭州湾上虞经济技术开发区、上虞杭州湾化工产业集聚区、虞嵊电机产业（据上下文）',
    );
    expect(valueOf(m, SHENGZHOU).note).toContain('虞嵊电机产业');
    // Three of 柯桥's five places are named on line 1025; that line is cited once.
    expect(valueOf(m, KEQIAO).sources.map((s) => s.lines)).toEqual([
      [[324, 324]],
      [[323, 323]],
      [[1025, 1025]],
    ]);
    expect(values(measure('shaoxing_specialty_towns'))).toEqual({
      [YUECHENG]: 0,
      [KEQIAO]: 1,
      [SHANGYU]: 0,
      [XINCHANG]: 0,
      [ZHUJI]: 1,
      [SHENGZHOU]: 1,
    });
    expect(values(measure('shaoxing_parks_zones'))).toEqual({
      [YUECHENG]: 1,
      [KEQIAO]: 4,
      [SHANGYU]: 2,
      [XINCHANG]: 0,
      [ZHUJI]: 3,
      [SHENGZHOU]: 1,
    });
  });

  it('counts places the seeds tie to no district nowhere, and lists them apart', () => {
    expect(profile.unplaced.map((u) => u.nameZh).sort()).toEqual(
      [
        '中国轻纺城',
        '钱清轻纺原料市场',
        '轻纺城西市场',
        '大唐袜业市场',
        '袜艺小镇',
        '黄酒小镇',
        '滨海新城',
        '环杭州湾产业带',
        '时尚产业园区',
      ].sort(),
    );
    const counted = measures
      .filter((m) => m.group === 'shaoxing_profile')
      .flatMap((m) => m.districts.map((d) => d.note))
      .join('、');
    for (const item of profile.unplaced) expect(counted).not.toContain(item.nameZh);
    expect(profile.unplaced.find((u) => u.nameZh === '黄酒小镇')?.source.lines).toEqual([
      [879, 879],
      [882, 882],
      [885, 885],
      [1025, 1025],
    ]);
  });

  it('describes profiles as yearless counts with no city total', () => {
    for (const m of measures) {
      expect(m).toMatchObject({ basis: 'profile', year: null, city: null, cityCode: '330600' });
      expect(m.unitZh).toBe('个');
      expect(['shaoxing_profile', 'shaoxing_industry']).toContain(m.group);
    }
    expect(new Set(measures.map((m) => m.id)).size).toBe(measures.length);
  });

  it('has a zero, with nothing cited, where the seeds name nothing', () => {
    const none = valueOf(measure('shaoxing_specialty_towns'), XINCHANG);
    expect(none).toMatchObject({ value: 0, note: '', sources: [] });
  });

  it.runIf(seedDocsPresent)('finds every counted place name on the seed lines it cites', () => {
    for (const d of profile.districts) {
      for (const place of d.places) {
        const text = seedLines(place.source.file, place.source.lines).replace(/\s+/g, '');
        expect(text, `${place.nameZh} at ${place.source.lines.join(';')}`).toContain(place.nameZh);
      }
      for (const industry of d.industries) {
        for (const m of industry.mentions) {
          const text = seedLines(m.source.file, m.source.lines).replace(/\s+/g, '');
          expect(text).toContain(m.placeZh);
        }
      }
    }
  });
});

describe('Shaoxing profile rows it cannot place', () => {
  const header = (file: string) => SEED_SCHEMAS[file]?.columns.map((c) => c.name) ?? [];
  const placeRow = {
    name_zh: '某园区',
    place_type: 'industrial_park',
    city_code: '330600',
    district_codes: '',
    district_basis: '',
    note: '',
    source_file: '002_82f5de82100c7f04.txt',
    source_lines: '1025',
  };
  const placesTable = (rows: Array<Record<string, string>>) =>
    parseSeedCsv('named-places.csv', serializeSeedCsv(header('named-places.csv'), rows)).table;
  const noFocus = parseSeedCsv(
    'industry-focus-areas.csv',
    serializeSeedCsv(header('industry-focus-areas.csv'), []),
  ).table;

  it('treats a city-wide code as no district', () => {
    const built = buildShaoxingProfile({
      focusAreas: noFocus,
      namedPlaces: placesTable([{ ...placeRow, district_codes: '330600' }]),
    });
    expect(built.unplaced.map((u) => u.nameZh)).toEqual(['某园区']);
    expect(built.districts.every((d) => d.places.length === 0)).toBe(true);
  });

  it('refuses a Huzhou district on a Shaoxing row rather than drawing it on the wrong map', () => {
    expect(() =>
      buildShaoxingProfile({
        focusAreas: noFocus,
        namedPlaces: placesTable([{ ...placeRow, district_codes: '330502' }]),
      }),
    ).toThrow(/not a Shaoxing district/);
  });

  it('ignores the other city’s rows', () => {
    const built = buildShaoxingProfile({
      focusAreas: noFocus,
      namedPlaces: placesTable([{ ...placeRow, city_code: '330500', district_codes: '330502' }]),
    });
    expect(built.unplaced).toEqual([]);
    expect(built.districts.every((d) => d.places.length === 0)).toBe(true);
  });
});
