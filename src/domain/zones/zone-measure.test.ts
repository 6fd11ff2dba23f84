import type { Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { measureZone, muToSqm, sqmToMu } from './zone-measure.ts';

/** Turf's mean earth radius (m). */
const R = 6_371_008.8;
const RAD = Math.PI / 180;

function box(west: number, south: number, east: number, north: number): Polygon {
  return {
    type: 'Polygon',
    coordinates: [
      [
        [west, south],
        [east, south],
        [east, north],
        [west, north],
        [west, south],
      ],
    ],
  };
}

/**
 * A lat/lon box whose meridian sides are 1 km and whose area on the sphere is exactly 1 km²:
 * the area of a box is R²·Δλ·(sin φ₂ − sin φ₁), so Δλ follows from the two latitudes.
 */
function squareKmAt(latDeg: number, lonDeg = 120): { polygon: Polygon; dLonRad: number } {
  const south = latDeg * RAD;
  const north = south + 1000 / R;
  const dLonRad = 1e6 / (R * R * (Math.sin(north) - Math.sin(south)));
  return {
    polygon: box(lonDeg, latDeg, lonDeg + dLonRad / RAD, north / RAD),
    dLonRad,
  };
}

describe('measureZone', () => {
  it('measures a 1 km² box at 30°N as 1,500 亩, 100 公顷 and 1,000,000 m²', () => {
    const { polygon } = squareKmAt(30);
    const m = measureZone(polygon);
    expect(m.areaM2).toBeCloseTo(1e6, 0);
    expect(m.areaMu).toBeCloseTo(1500, 3);
    expect(m.areaHa).toBeCloseTo(100, 4);
  });

  it('measures the perimeter along the two meridians and the two great-circle chords', () => {
    const { polygon, dLonRad } = squareKmAt(30);
    const south = 30 * RAD;
    const north = south + 1000 / R;
    const chord = (lat: number) => 2 * R * Math.asin(Math.cos(lat) * Math.sin(dLonRad / 2));
    const expected = 2000 + chord(south) + chord(north);
    expect(measureZone(polygon).perimeterM).toBeCloseTo(expected, 1);
  });

  it('gives a box of the same degrees less area further north (Shaoxing vs Huzhou latitudes)', () => {
    const south = measureZone(box(120, 29.5, 120.01, 29.51)).areaMu;
    const north = measureZone(box(120, 31, 120.01, 31.01)).areaMu;
    const ratio = north / south;
    // Area of a thin box scales with cos(latitude).
    expect(ratio).toBeCloseTo(Math.cos(31.005 * RAD) / Math.cos(29.505 * RAD), 4);
  });

  it('does not depend on the ring direction', () => {
    const { polygon } = squareKmAt(30.8);
    const reversed: Polygon = {
      type: 'Polygon',
      coordinates: [[...polygon.coordinates[0]!].reverse()],
    };
    expect(measureZone(reversed).areaMu).toBeCloseTo(measureZone(polygon).areaMu, 6);
  });

  it('subtracts a hole from the area but not from the perimeter', () => {
    const outer = box(120, 30, 120.02, 30.02);
    const hole = box(120.005, 30.005, 120.015, 30.015).coordinates[0]!.slice().reverse();
    const withHole: Polygon = { type: 'Polygon', coordinates: [outer.coordinates[0]!, hole] };
    const holeMu = measureZone(box(120.005, 30.005, 120.015, 30.015)).areaMu;
    expect(measureZone(withHole).areaMu).toBeCloseTo(measureZone(outer).areaMu - holeMu, 6);
    expect(measureZone(withHole).perimeterM).toBe(measureZone(outer).perimeterM);
  });

  it('measures an empty polygon as zero', () => {
    expect(measureZone({ type: 'Polygon', coordinates: [] })).toEqual({
      areaM2: 0,
      areaMu: 0,
      areaHa: 0,
      perimeterM: 0,
    });
  });
});

describe('mu conversions', () => {
  it('makes 15 亩 one hectare and converts both ways', () => {
    expect(sqmToMu(10_000)).toBeCloseTo(15, 12);
    expect(muToSqm(1)).toBeCloseTo(666.6667, 4);
    expect(sqmToMu(muToSqm(1234.5))).toBeCloseTo(1234.5, 9);
  });
});
