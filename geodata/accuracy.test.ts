/**
 * How close the shipped geodata is to independent reference boundaries (shared/refdata, beside
 * the repository; not part of it and never copied into it). Skipped where that folder is absent.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { feature, featureCollection, intersect, union } from '@turf/turf';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { beforeAll, describe, expect, it } from 'vitest';
import { areaOutsideSqKm, boundaryOffsetsM, intersectionOverUnion } from './lib/accuracy.ts';
import { TILE_BOUNDS_LON_LAT } from './lib/extent.ts';
import { areaSqKm } from './lib/geometry.ts';
import {
  loadDistricts,
  packageDistricts,
  type DistrictFeature,
} from './lib/sources/districts.source.ts';
import { loadLand } from './lib/sources/land.source.ts';
import { loadWater } from './lib/sources/water.source.ts';

type Geo = Polygon | MultiPolygon;

const REFDATA = fileURLToPath(new URL('../../shared/refdata/', import.meta.url));

/** 上虞区 and 越城区: Shaoxing moved 沥海 between them in 2021, after our source's vintage. */
const SHANGYU = '330604';
const YUECHENG = '330602';

/** The outlines' own 1/1024° grid is ~100 m; the conversion's residual and generalisation add to it. */
const MIN_IOU = 0.95;
const MAX_MEAN_OFFSET_M = 250;
const MAX_VERTEX_OFFSET_M = 2500;

function readReference(name: string): FeatureCollection<Geo, Record<string, unknown>> {
  return JSON.parse(readFileSync(`${REFDATA}${name}`, 'utf8')) as FeatureCollection<
    Geo,
    Record<string, unknown>
  >;
}

function referenceDistrict(code: string): Geo {
  const all = [
    ...readReference('huzhou-districts.datav-v3.wgs84.geojson').features,
    ...readReference('shaoxing-districts.datav-v3.wgs84.geojson').features,
  ];
  const match = all.find((f) => String(f.properties.adcode) === code);
  if (!match) throw new Error(`reference has no district ${code}`);
  return match.geometry;
}

function unionOf(a: Geo, b: Geo): Geo {
  const merged = union(featureCollection<Geo>([feature(a), feature(b)]));
  if (!merged) throw new Error('empty union');
  return merged.geometry;
}

// Turf's polygon overlay on ~2,000-vertex outlines takes seconds per district.
describe.skipIf(!existsSync(REFDATA))(
  'accuracy against shared/refdata',
  { timeout: 120_000 },
  () => {
    let ours: DistrictFeature[] = [];
    let raw: DistrictFeature[] = [];
    const geometryOf = (list: DistrictFeature[], code: string): Geo => {
      const match = list.find((f) => f.properties.code === code);
      if (!match) throw new Error(`no district ${code}`);
      return match.geometry;
    };

    beforeAll(() => {
      ours = loadDistricts().features;
      raw = packageDistricts('gcj02');
    });

    it('matches the reference for every district not touched by the 2021 沥海 change', () => {
      const unaffected = ours.filter((f) => ![SHANGYU, YUECHENG].includes(f.properties.code));
      expect(unaffected).toHaveLength(9);
      const rows = unaffected.map((f) => {
        const reference = referenceDistrict(f.properties.code);
        const offsets = boundaryOffsetsM(f.geometry, reference);
        return {
          code: f.properties.code,
          name: f.properties.name_zh,
          iou: intersectionOverUnion(f.geometry, reference),
          meanM: offsets.meanM,
          maxM: offsets.maxM,
        };
      });
      console.table(
        rows.map((r) => ({
          ...r,
          iou: r.iou.toFixed(3),
          meanM: r.meanM.toFixed(0),
          maxM: r.maxM.toFixed(0),
        })),
      );
      for (const row of rows) {
        expect(row.iou, `${row.code} ${row.name} IoU`).toBeGreaterThanOrEqual(MIN_IOU);
        expect(row.meanM, `${row.code} ${row.name} mean offset`).toBeLessThanOrEqual(
          MAX_MEAN_OFFSET_M,
        );
        expect(row.maxM, `${row.code} ${row.name} max offset`).toBeLessThanOrEqual(
          MAX_VERTEX_OFFSET_M,
        );
      }
    });

    it('differs for 上虞区 and 越城区 only by the land 沥海 took from one to the other', () => {
      const shangyu = geometryOf(ours, SHANGYU);
      const yuecheng = geometryOf(ours, YUECHENG);
      const refShangyu = referenceDistrict(SHANGYU);
      const refYuecheng = referenceDistrict(YUECHENG);

      // Each on its own falls short: our (2017) 上虞 still holds 沥海, our 越城 lacks it …
      expect(intersectionOverUnion(shangyu, refShangyu)).toBeLessThan(MIN_IOU);
      expect(intersectionOverUnion(yuecheng, refYuecheng)).toBeLessThan(MIN_IOU);
      // … and that piece is where the reference has 越城 (measured ~167 km²) …
      const movedSqKm = areaSqKm(
        intersect(featureCollection<Geo>([feature(shangyu), feature(refYuecheng)]))!.geometry,
      );
      console.info(`our 上虞区 inside the reference 越城区: ${movedSqKm.toFixed(0)} km²`);
      expect(movedSqKm).toBeGreaterThan(100);
      expect(areaOutsideSqKm(yuecheng, refYuecheng)).toBeLessThan(20);
      // … while the two together match as well as any other district.
      expect(
        intersectionOverUnion(unionOf(shangyu, yuecheng), unionOf(refShangyu, refYuecheng)),
      ).toBeGreaterThanOrEqual(MIN_IOU);
    });

    it('sits closer to the reference after the GCJ-02 → WGS-84 conversion, for every district', () => {
      for (const f of ours) {
        const reference = referenceDistrict(f.properties.code);
        const gcj = geometryOf(raw, f.properties.code);
        const converted = boundaryOffsetsM(f.geometry, reference).meanM;
        const unconverted = boundaryOffsetsM(gcj, reference).meanM;
        expect(converted, f.properties.code).toBeLessThan(unconverted);
        expect(unconverted - converted, f.properties.code).toBeGreaterThan(100);
      }
    });

    it('shows Tai Hu where the reference lake is', () => {
      const zhejiang = loadLand(TILE_BOUNDS_LON_LAT).find((f) => f.properties.code === '330000');
      const taihu = loadWater(TILE_BOUNDS_LON_LAT, zhejiang?.geometry ?? null).find(
        (f) => f.properties.name_zh === '太湖',
      );
      expect(taihu).toBeDefined();
      const reference = readReference('zj-ne_10m_lakes.geojson').features.find(
        (f) => f.properties.name === 'Tai Hu',
      );
      expect(reference).toBeDefined();
      const iou = intersectionOverUnion(taihu!.geometry, reference!.geometry);
      console.info(`Tai Hu IoU against Natural Earth 1:10m: ${iou.toFixed(3)}`);
      expect(iou).toBeGreaterThan(0.7);
    });
  },
);
