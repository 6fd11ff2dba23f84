import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Feature, FeatureCollection, Point } from 'geojson';
import { describe, expect, it } from 'vitest';
import type { Place } from './place.ts';
import { placeFromFeature } from './place-feature.format.ts';
import {
  buildPlaceIndex,
  EMPTY_PLACE_FILTER,
  filterPlaceIndex,
  filterPlaces,
  isEmptyFilter,
  parsePlaceFilter,
  serializePlaceFilter,
  type FilterablePlace,
  type PlaceFilter,
} from './place-filter.ts';

const shipped = JSON.parse(
  readFileSync(resolve(import.meta.dirname, '../../../public/data/places.geojson'), 'utf8'),
) as FeatureCollection<Point, Record<string, unknown>>;
const places: Place[] = shipped.features.map((f) =>
  placeFromFeature(f as Feature<Point, Record<string, unknown>>),
);

const filter = (patch: Partial<PlaceFilter>): PlaceFilter => ({ ...EMPTY_PLACE_FILTER, ...patch });

function place(patch: Partial<FilterablePlace> & { nameZh: string }): FilterablePlace {
  return { kind: 'project', industryId: 'textiles', districtCodes: ['330502'], ...patch };
}

describe('place filter', () => {
  it('lets everything through when empty', () => {
    expect(isEmptyFilter(EMPTY_PLACE_FILTER)).toBe(true);
    expect(filterPlaces(places, EMPTY_PLACE_FILTER)).toHaveLength(places.length);
  });

  it('keeps only the chosen industries, any of several', () => {
    const textiles = filterPlaces(places, filter({ industryIds: ['textiles'] }));
    expect(textiles.length).toBeGreaterThan(0);
    expect(textiles.every((p) => p.industryId === 'textiles')).toBe(true);
    const two = filterPlaces(places, filter({ industryIds: ['textiles', 'chemicals'] }));
    expect(two.length).toBe(
      places.filter((p) => p.industryId === 'textiles' || p.industryId === 'chemicals').length,
    );
    expect(filterPlaces(places, filter({ industryIds: ['no-such'] }))).toEqual([]);
  });

  it('matches a district listed anywhere in a place, not only the first', () => {
    const list = [
      place({ nameZh: 'A', districtCodes: ['330502', '330503'] }),
      place({ nameZh: 'B', districtCodes: ['330503'] }),
      place({ nameZh: 'C', districtCodes: [] }),
    ];
    expect(filterPlaces(list, filter({ districtCode: '330503' })).map((p) => p.nameZh)).toEqual([
      'A',
      'B',
    ]);
    expect(filterPlaces(list, filter({ districtCode: '330681' }))).toEqual([]);
  });

  it('bounds investment inclusively and leaves out places with no figure', () => {
    const list = [
      place({ nameZh: 'small', investmentYiYuan: 1 }),
      place({ nameZh: 'edge', investmentYiYuan: 5 }),
      place({ nameZh: 'big', investmentYiYuan: 20 }),
      place({ nameZh: 'none', kind: 'enterprise' }),
    ];
    const names = (f: PlaceFilter) => filterPlaces(list, f).map((p) => p.nameZh);
    expect(names(filter({ investmentYiYuan: [5, null] }))).toEqual(['edge', 'big']);
    expect(names(filter({ investmentYiYuan: [null, 5] }))).toEqual(['small', 'edge']);
    expect(names(filter({ investmentYiYuan: [2, 10] }))).toEqual(['edge']);
  });

  it('keeps projects whose years overlap the range', () => {
    const list = [
      place({ nameZh: '2016-2018', startYear: 2016, endYear: 2018 }),
      place({ nameZh: '2019-2020', startYear: 2019, endYear: 2020 }),
      place({ nameZh: '2017 only', startYear: 2017 }),
      place({ nameZh: 'no years' }),
    ];
    const names = (f: PlaceFilter) => filterPlaces(list, f).map((p) => p.nameZh);
    expect(names(filter({ years: [2018, 2019] }))).toEqual(['2016-2018', '2019-2020']);
    expect(names(filter({ years: [2017, 2017] }))).toEqual(['2016-2018', '2017 only']);
    expect(names(filter({ years: [null, 2016] }))).toEqual(['2016-2018']);
  });

  it('finds names and products case-insensitively, ignoring surrounding spaces', () => {
    const list = [
      place({ nameZh: '浙江彩蝶实业有限公司', productsZh: '内衣、服装' }),
      place({ nameZh: '久立集团', nameEn: 'Jiuli Group' }),
    ];
    const names = (query: string) => filterPlaces(list, filter({ query })).map((p) => p.nameZh);
    expect(names('彩蝶')).toEqual(['浙江彩蝶实业有限公司']);
    expect(names(' 服装 ')).toEqual(['浙江彩蝶实业有限公司']);
    expect(names('JIULI')).toEqual(['久立集团']);
    expect(names('钢铁')).toEqual([]);
  });

  it('combines criteria: every one must hold', () => {
    const combined = filter({ industryIds: ['textiles'], kinds: ['project'], stages: ['trial'] });
    const expected = places.filter(
      (p) => p.industryId === 'textiles' && p.kind === 'project' && p.stage === 'trial',
    );
    expect(filterPlaces(places, combined)).toEqual(expected);
    expect(isEmptyFilter(combined)).toBe(false);
  });

  it('returns ascending indices and reuses one index for many filters', () => {
    const index = buildPlaceIndex(places);
    const a = filterPlaceIndex(index, filter({ kinds: ['enterprise'] }));
    const b = filterPlaceIndex(index, filter({ kinds: ['project'] }));
    expect(a.length + b.length).toBe(
      places.filter((p) => p.kind === 'enterprise' || p.kind === 'project').length,
    );
    expect([...a].every((v, i, all) => i === 0 || all[i - 1]! < v)).toBe(true);
  });
});

describe('places filter in the URL', () => {
  it('round-trips every criterion and keeps other parameters', () => {
    const f = filter({
      industryIds: ['textiles', 'chemicals'],
      districtCode: '330503',
      stages: ['trial'],
      investmentYiYuan: [5, null],
      years: [2018, 2020],
      query: '丝绸',
    });
    const search = serializePlaceFilter(f, '?region=huzhou');
    expect(search).toContain('region=huzhou');
    expect(search).toContain('pi=textiles,chemicals');
    expect(search).toContain('pinv=5~');
    expect(parsePlaceFilter(search)).toEqual(f);
  });

  it('writes nothing for an empty filter and removes stale parameters', () => {
    expect(serializePlaceFilter(EMPTY_PLACE_FILTER, '?pi=textiles&lang=en')).toBe('?lang=en');
  });

  it('drops hand-mangled values instead of failing', () => {
    const f = parsePlaceFilter('?ps=trial,bogus&pinv=abc~7&py=~');
    expect(f.stages).toEqual(['trial']);
    expect(f.investmentYiYuan).toEqual([null, 7]);
    expect(f.years).toEqual([null, null]);
    expect(isEmptyFilter(parsePlaceFilter(''))).toBe(true);
  });
});
