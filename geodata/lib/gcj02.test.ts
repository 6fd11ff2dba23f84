import { distance } from '@turf/turf';
import gcoord from 'gcoord';
import { describe, expect, it } from 'vitest';
import { gcj02ToWgs84, gcj02ToWgs84Position } from './gcj02.ts';

const HUZHOU_WGS84 = [120.0933, 30.8703];

describe('GCJ-02 to WGS-84', () => {
  it('undoes the forward obfuscation to within a metre', () => {
    const gcj = gcoord.transform(HUZHOU_WGS84 as [number, number], gcoord.WGS84, gcoord.GCJ02);
    const back = gcj02ToWgs84Position(gcj);
    expect(distance(back, HUZHOU_WGS84, { units: 'meters' })).toBeLessThan(1);
  });

  it('moves points around Huzhou by roughly half a kilometre', () => {
    const moved = gcj02ToWgs84Position(HUZHOU_WGS84);
    const shiftM = distance(moved, HUZHOU_WGS84, { units: 'meters' });
    expect(shiftM).toBeGreaterThan(300);
    expect(shiftM).toBeLessThan(800);
  });

  it('converts every vertex of a geometry and rounds to 1e-6 degree', () => {
    const polygon = gcj02ToWgs84({
      type: 'Polygon',
      coordinates: [
        [
          [120, 30],
          [120.1, 30],
          [120.1, 30.1],
          [120, 30],
        ],
      ],
    });
    for (const [lon, lat] of polygon.coordinates[0]!) {
      expect(Math.round(lon! * 1e6) / 1e6).toBe(lon);
      expect(Math.round(lat! * 1e6) / 1e6).toBe(lat);
    }
    expect(polygon.coordinates[0]![0]).not.toEqual([120, 30]);
    expect(polygon.coordinates[0]![0]).toEqual(polygon.coordinates[0]![3]);
  });
});
