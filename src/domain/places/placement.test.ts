import { booleanPointInPolygon } from '@turf/turf';
import type { Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import type { PlaceRecord } from './place.ts';
import {
  DEFAULT_PLACEMENT,
  distanceKm,
  distanceToOutlineKm,
  halton,
  placeRecords,
  type DistrictOutline,
  type PlacementInput,
} from './placement.ts';

/** A square of `sizeDeg` degrees with its south-west corner at (lon, lat). */
function square(lon: number, lat: number, sizeDeg: number): Polygon {
  return {
    type: 'Polygon',
    coordinates: [
      [
        [lon, lat],
        [lon + sizeDeg, lat],
        [lon + sizeDeg, lat + sizeDeg],
        [lon, lat + sizeDeg],
        [lon, lat],
      ],
    ],
  };
}

// 吴兴 and 南浔 side by side (~19 × 22 km each), 柯桥 in the other city.
const districts: DistrictOutline[] = [
  { code: '330502', cityCode: '330500', geometry: square(120.0, 30.8, 0.2) },
  { code: '330503', cityCode: '330500', geometry: square(120.2, 30.8, 0.2) },
  { code: '330603', cityCode: '330600', geometry: square(120.4, 30.0, 0.2) },
];
const input: PlacementInput = {
  districts,
  towns: [
    { nameZh: '织里', lon: 120.05, lat: 30.85, districtCode: '330502', geonamesId: 1 },
    { nameZh: '练市', lon: 120.3, lat: 30.9, districtCode: '330503', geonamesId: 2 },
    { nameZh: '南浔', lon: 120.25, lat: 30.95, districtCode: '330503', geonamesId: 3 },
    { nameZh: '稽山', lon: 120.5, lat: 30.1, districtCode: '330603', geonamesId: 4 },
    { nameZh: '钱清', lon: 120.45, lat: 30.05, districtCode: '330603', geonamesId: 5 },
  ],
  seats: [
    { cityCode: '330500', lon: 120.1, lat: 30.9, geonamesId: 10 },
    { cityCode: '330600', lon: 120.5, lat: 30.15, geonamesId: 11 },
  ],
};

const SOURCE = { file: '000_test.txt', lines: [[1, 2]] as Array<[number, number]> };

function record(id: string, overrides: Partial<PlaceRecord> = {}): PlaceRecord {
  return {
    id,
    kind: 'enterprise',
    nameZh: `企业${id}`,
    cityCode: '330500',
    districtCodes: ['330502'],
    districtBasis: 'named',
    industryId: 'textiles',
    industryZh: '纺织产业',
    townHints: [],
    sources: [SOURCE],
    ...overrides,
  };
}

/** Forty records in 吴兴, five of them at 织里, plus some in 南浔. */
function crowd(): PlaceRecord[] {
  const records: PlaceRecord[] = [];
  for (let i = 0; i < 40; i++) {
    const zhili = i < 5;
    records.push(
      record(`hz-ent-${String(i).padStart(2, '0')}`, {
        townHints: zhili ? [{ townZh: '织里', basis: 'context', source: SOURCE }] : [],
      }),
    );
  }
  for (let i = 0; i < 10; i++) {
    records.push(record(`hz-prj-${i}`, { kind: 'project', districtCodes: ['330503'] }));
  }
  return records;
}

describe('halton', () => {
  it('gives the radical inverses of the index', () => {
    expect([1, 2, 3, 4].map((i) => halton(i, 2))).toEqual([0.5, 0.25, 0.75, 0.125]);
    expect(halton(1, 3)).toBeCloseTo(1 / 3, 12);
    expect(halton(4, 3)).toBeCloseTo(4 / 9, 12);
  });
});

describe('distances', () => {
  it('measures kilometres on the ground', () => {
    expect(distanceKm([120, 30], [120, 31])).toBeCloseTo(110.6, 0);
    expect(distanceKm([120, 30], [121, 30])).toBeCloseTo(96.4, 0);
  });

  it('measures the distance to the nearest edge of an outline', () => {
    const outline = square(120, 30, 1);
    expect(distanceToOutlineKm([120.5, 30.01], outline)).toBeCloseTo(1.1, 1);
    expect(distanceToOutlineKm([120.01, 30.5], outline)).toBeCloseTo(0.96, 1);
  });
});

describe('placeRecords', () => {
  it('gives the same coordinates on every run and in any input order', () => {
    const first = placeRecords(crowd(), input);
    const again = placeRecords(crowd(), input);
    const reversed = placeRecords([...crowd()].reverse(), input);
    const coords = (places: typeof first) =>
      Object.fromEntries(places.map((p) => [p.id, [p.lon, p.lat]]));
    expect(coords(again)).toEqual(coords(first));
    expect(coords(reversed)).toEqual(coords(first));
    expect(first.map((p) => p.id)).toEqual(crowd().map((r) => r.id));
  });

  it('puts district points inside their district, clear of its edge and of each other', () => {
    const places = placeRecords(crowd(), input);
    const byDistrict = new Map<string, typeof places>();
    for (const p of places) {
      const outline = districts.find((d) => d.code === p.pointDistrictCode)!;
      expect(booleanPointInPolygon([p.lon, p.lat], outline.geometry), p.id).toBe(true);
      if (p.precision === 'district') {
        expect(distanceToOutlineKm([p.lon, p.lat], outline.geometry)).toBeGreaterThanOrEqual(
          DEFAULT_PLACEMENT.boundaryMarginKm,
        );
      }
      byDistrict.set(p.pointDistrictCode, [...(byDistrict.get(p.pointDistrictCode) ?? []), p]);
    }
    for (const group of byDistrict.values()) {
      group.forEach((a, i) => {
        for (const b of group.slice(i + 1)) {
          const d = distanceKm([a.lon, a.lat], [b.lon, b.lat]);
          const least =
            a.precision === 'district' || b.precision === 'district'
              ? DEFAULT_PLACEMENT.districtSpacingKm
              : DEFAULT_PLACEMENT.clusterSpacingKm;
          expect(d, `${a.id}–${b.id}`).toBeGreaterThanOrEqual(least - 1e-3);
        }
      });
    }
  });

  it('gathers a town’s records at and around the town point', () => {
    const places = placeRecords(crowd(), input).filter((p) => p.precision === 'town');
    expect(places).toHaveLength(5);
    expect(places.some((p) => p.lon === 120.05 && p.lat === 30.85)).toBe(true);
    for (const p of places) {
      expect(p.townZh).toBe('织里');
      expect(p.townGeonamesId).toBe(1);
      expect(p.locationBasis).toBe('context');
      expect(distanceKm([p.lon, p.lat], [120.05, 30.85])).toBeLessThan(1.5);
    }
  });

  it('ignores a town outside the record’s district', () => {
    const [place] = placeRecords(
      [record('hz-ent-01', { townHints: [{ townZh: '练市', basis: 'named', source: SOURCE }] })],
      input,
    );
    expect(place?.precision).toBe('district');
    expect(place?.pointDistrictCode).toBe('330502');
  });

  it('finds a town printed at the start of a name or before 镇, not inside another word', () => {
    const places = placeRecords(
      [
        record('sx-plc-1', { nameZh: '钱清轻纺原料市场', cityCode: '330600', districtCodes: [] }),
        record('sx-ent-1', { nameZh: '会稽山', cityCode: '330600', districtCodes: [] }),
        record('hz-prj-1', { kind: 'project', contentZh: '织里镇童装产业园二期项目' }),
        record('hz-plc-1', { nameZh: '南浔木地板', districtCodes: ['330503'] }),
      ],
      input,
    );
    expect(places.map((p) => [p.id, p.precision, p.townZh])).toEqual([
      ['sx-plc-1', 'town', '钱清'],
      ['sx-ent-1', 'city', undefined],
      ['hz-prj-1', 'town', '织里'],
      ['hz-plc-1', 'district', undefined],
    ]);
    expect(places[0]?.locationBasis).toBe('named');
    expect(places[0]?.pointDistrictCode).toBe('330603');
  });

  it('draws 南太湖新区 inside 吴兴区 and leaves 湖州开发区 at city level', () => {
    const [nth, kfq] = placeRecords(
      [
        record('hz-plc-nth', { districtCodes: ['330500-NTH'] }),
        record('hz-ent-kfq', { districtCodes: ['330500-KFQ'] }),
      ],
      input,
    );
    expect(nth?.precision).toBe('district');
    expect(nth?.pointDistrictCode).toBe('330502');
    expect(nth?.locationBasisEn).toContain('counted within Wuxing');
    expect(kfq?.precision).toBe('city');
    expect(kfq?.pointDistrictCode).toBe('');
    expect(kfq?.locationBasisEn).toContain('has no outline');
  });

  it('marks a record with no district beside its city seat, saying it is not a location', () => {
    const [place] = placeRecords(
      [record('sx-ent-09', { cityCode: '330600', districtCodes: [], districtBasis: 'none' })],
      input,
    );
    expect(place?.precision).toBe('city');
    expect(place?.locationBasis).toBe('none');
    expect(distanceKm([place!.lon, place!.lat], [120.5, 30.15])).toBeLessThan(1);
    expect(place?.locationBasisZh).toContain('非实际位置');
  });

  it('places a record of two districts in the first and says so', () => {
    const [place] = placeRecords(
      [record('hz-ent-16', { districtCodes: ['330503', '330502'] })],
      input,
    );
    expect(place?.pointDistrictCode).toBe('330503');
    expect(place?.districtCodes).toEqual(['330503', '330502']);
    expect(place?.locationBasisEn).toContain('also listed: Wuxing');
  });

  it('refuses duplicate ids, which would make placement depend on order', () => {
    expect(() => placeRecords([record('a'), record('a')], input)).toThrow(/duplicate/);
  });
});
