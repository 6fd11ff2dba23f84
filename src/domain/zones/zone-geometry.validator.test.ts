import type { Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import {
  normalizeZonePolygon,
  validateZoneGeometry,
  type OtherZone,
} from './zone-geometry.validator.ts';
import { measureZone } from './zone-measure.ts';

function ring(points: Position[]): Polygon {
  return { type: 'Polygon', coordinates: [points] };
}

/** A counter-clockwise box near Huzhou's centre, about 1,600 亩 for 0.01°. */
function box(west: number, south: number, size = 0.01): Polygon {
  const e = west + size;
  const n = south + size;
  return ring([
    [west, south],
    [e, south],
    [e, n],
    [west, n],
    [west, south],
  ]);
}

const ids = (polygon: Polygon, others: OtherZone[] = []) =>
  validateZoneGeometry(polygon, others).errors.map((e) => e.id);

describe('validateZoneGeometry errors', () => {
  it('accepts a plain box with no errors or warnings', () => {
    expect(validateZoneGeometry(box(120.1, 30.85))).toEqual({ errors: [], warnings: [] });
  });

  it('refuses a bow-tie ring and says where its edges cross', () => {
    const bowTie = ring([
      [120.1, 30.85],
      [120.11, 30.86],
      [120.11, 30.85],
      [120.1, 30.86],
      [120.1, 30.85],
    ]);
    const check = validateZoneGeometry(bowTie);
    const crossing = check.errors.find((e) => e.id === 'selfIntersecting');
    expect(crossing?.where?.[0]).toBeCloseTo(120.105, 9);
    expect(crossing?.where?.[1]).toBeCloseTo(30.855, 9);
    // Its lobes' areas cancel, which says nothing the crossing does not.
    expect(check.errors.map((e) => e.id)).toEqual(['selfIntersecting']);
    expect(check.warnings).toEqual([]);
  });

  it('refuses a ring of two distinct corners, counting them', () => {
    const check = validateZoneGeometry(
      ring([
        [120.1, 30.85],
        [120.11, 30.85],
        [120.1, 30.85],
      ]),
    );
    expect(check.errors).toEqual([{ id: 'tooFewVertices', vertexCount: 2 }]);
  });

  it('refuses three corners on one line as enclosing nothing', () => {
    expect(
      ids(
        ring([
          [120.1, 30.85],
          [120.11, 30.85],
          [120.12, 30.85],
          [120.1, 30.85],
        ]),
      ),
    ).toContain('zeroArea');
  });

  it('refuses a shape under 0.1 亩 and reports its area', () => {
    // 0.0002° is about 19 m × 21 m ≈ 0.6 亩; 0.00007° is about 6.7 m × 7.8 m ≈ 0.08 亩.
    expect(ids(box(120.1, 30.85, 0.0002))).toEqual([]);
    const tiny = validateZoneGeometry(box(120.1, 30.85, 0.00007)).errors;
    expect(tiny).toHaveLength(1);
    expect(tiny[0]?.id).toBe('tooSmall');
    expect(tiny[0]?.areaMu).toBeCloseTo(measureZone(box(120.1, 30.85, 0.00007)).areaMu, 9);
    expect(tiny[0]?.areaMu).toBeLessThan(0.1);
  });

  it('refuses an open ring, pointing at its loose end', () => {
    const open = ring([
      [120.1, 30.85],
      [120.11, 30.85],
      [120.11, 30.86],
      [120.1, 30.86],
    ]);
    expect(validateZoneGeometry(open).errors).toEqual([{ id: 'notClosed', where: [120.1, 30.86] }]);
  });

  it('refuses coordinates that are not numbers', () => {
    const broken = box(120.1, 30.85);
    broken.coordinates[0]![1] = [Number.NaN, 30.85];
    expect(ids(broken)).toEqual(['nonFinite']);
  });

  it('refuses a corner outside the region (lat/lon swapped), naming that corner', () => {
    const check = validateZoneGeometry(box(30.85, 120.1));
    expect(check.errors[0]).toEqual({ id: 'outsideRegion', where: [30.85, 120.1] });
  });

  it('refuses holes and an empty polygon', () => {
    const withHole: Polygon = {
      type: 'Polygon',
      coordinates: [box(120.1, 30.85).coordinates[0]!, box(120.102, 30.852, 0.002).coordinates[0]!],
    };
    expect(ids(withHole)).toContain('holes');
    expect(ids({ type: 'Polygon', coordinates: [] })).toEqual(['noRing']);
  });
});

describe('validateZoneGeometry overlap warnings', () => {
  const neighbour: OtherZone = { id: 'z-1', name: '织里童装园', geometry: box(120.105, 30.85) };

  it('warns once per overlapped zone with the shared area in 亩', () => {
    const check = validateZoneGeometry(box(120.1, 30.85), [
      neighbour,
      { id: 'z-2', name: '远处', geometry: box(120.3, 30.7) },
    ]);
    expect(check.errors).toEqual([]);
    expect(check.warnings).toHaveLength(1);
    const shared = measureZone(
      ring([
        [120.105, 30.85],
        [120.11, 30.85],
        [120.11, 30.86],
        [120.105, 30.86],
        [120.105, 30.85],
      ]),
    ).areaMu;
    expect(check.warnings[0]).toMatchObject({
      id: 'overlap',
      zoneId: 'z-1',
      zoneName: '织里童装园',
    });
    expect(check.warnings[0]?.overlapMu).toBeCloseTo(shared, 2);
  });

  it('does not warn for a zone that only shares an edge (snapped neighbours)', () => {
    expect(
      validateZoneGeometry(box(120.1, 30.85), [
        { id: 'z-3', name: '邻', geometry: box(120.11, 30.85) },
      ]).warnings,
    ).toEqual([]);
  });

  it('skips the zone being edited', () => {
    const self: OtherZone = { id: 'me', name: '本区块', geometry: box(120.1, 30.85) };
    expect(validateZoneGeometry(box(120.1005, 30.85), [self], 'me').warnings).toEqual([]);
    expect(validateZoneGeometry(box(120.1005, 30.85), [self]).warnings).toHaveLength(1);
  });
});

describe('normalizeZonePolygon', () => {
  it('closes an open ring, turns it counter-clockwise and drops repeated points', () => {
    const clockwiseOpen = ring([
      [120.1, 30.85],
      [120.1, 30.86],
      [120.1, 30.86, 12],
      [120.11, 30.86],
      [120.11, 30.85],
    ]);
    expect(normalizeZonePolygon(clockwiseOpen).coordinates).toEqual([
      [
        [120.1, 30.85],
        [120.11, 30.85],
        [120.11, 30.86],
        [120.1, 30.86],
        [120.1, 30.85],
      ],
    ]);
  });

  it('leaves a valid counter-clockwise ring as it was and makes it pass validation', () => {
    const drawn = box(120.1, 30.85);
    expect(normalizeZonePolygon(drawn)).toEqual(drawn);
    const open = ring(drawn.coordinates[0]!.slice(0, 4));
    expect(validateZoneGeometry(normalizeZonePolygon(open)).errors).toEqual([]);
  });
});
