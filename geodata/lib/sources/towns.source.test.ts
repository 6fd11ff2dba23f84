import { booleanPointInPolygon, distance } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { NANTAIHU_CODE } from '../../../src/domain/regions.ts';
import { TILE_BOUNDS_LON_LAT } from '../extent.ts';
import { loadDistricts } from './districts.source.ts';
import { loadFunctionalZones } from './functional-zones.source.ts';
import { loadTowns, townRank } from './towns.source.ts';

const districts = loadDistricts('/nonexistent/districts.geojson').features;
const towns = loadTowns(TILE_BOUNDS_LON_LAT, districts);

describe('towns from GeoNames cities500', () => {
  it('ranks seats of higher divisions first', () => {
    expect(townRank('PPLA2')).toBe(1);
    expect(townRank('PPLA3')).toBe(2);
    expect(townRank('PPLA4')).toBe(3);
    expect(townRank('PPL')).toBe(4);
  });

  it('puts Huzhou city in 吴兴区 with its Chinese name and top rank', () => {
    const huzhou = towns.features.find((t) => t.properties.geonames_id === 1806535);
    expect(huzhou?.properties).toMatchObject({
      name_zh: '湖州',
      name_en: 'Huzhou',
      district_code: '330502',
      rank: 1,
    });
  });

  it('assigns each town the district it lies in, and keeps only major places outside', () => {
    for (const town of towns.features) {
      const inside = districts.find((d) => booleanPointInPolygon(town.geometry.coordinates, d));
      expect(town.properties.district_code).toBe(inside?.properties.code ?? '');
      if (!inside) expect(town.properties.rank).toBeLessThanOrEqual(2);
      expect(town.properties.name_zh).toMatch(/^\p{Script=Han}+$/u);
    }
    const covered = new Set(towns.features.map((t) => t.properties.district_code));
    for (const d of districts) expect(covered.has(d.properties.code), d.properties.code).toBe(true);
  });

  it('lists towns by rank, then population', () => {
    const ranks = towns.features.map((t) => t.properties.rank);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
  });
});

describe('南太湖新区 as a schematic point', () => {
  const [zone, ...others] = loadFunctionalZones(TILE_BOUNDS_LON_LAT);

  it('is the only functional zone placed, marked schematic, named from regions.ts', () => {
    expect(others).toEqual([]);
    expect(zone!.geometry.type).toBe('Point');
    expect(zone!.properties).toMatchObject({
      code: NANTAIHU_CODE,
      name_zh: '南太湖新区',
      precision: 'schematic',
    });
  });

  it('lies in 吴兴区, between the city centre and the lake', () => {
    const wuxing = districts.find((d) => d.properties.code === '330502')!;
    expect(booleanPointInPolygon(zone!.geometry.coordinates, wuxing)).toBe(true);
    const cityCentre = [120.0933, 30.8703];
    expect(zone!.geometry.coordinates[1]!).toBeGreaterThan(cityCentre[1]!);
    expect(distance(zone!.geometry.coordinates, cityCentre)).toBeLessThan(10);
  });
});
