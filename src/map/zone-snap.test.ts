import { describe, expect, it } from 'vitest';
import { snapPosition, snapRingsOf, type SnapPointer, type SnapProjection } from './zone-snap.ts';

/** A flat screen: 1000 px per degree, y growing southwards, origin at 120°E 31°N. */
const projection: SnapProjection = {
  project: (lng, lat) => ({ x: (lng - 120) * 1000, y: (31 - lat) * 1000 }),
  unproject: (x, y) => ({ lng: 120 + x / 1000, lat: 31 - y / 1000 }),
};

function pointerAt(x: number, y: number): SnapPointer {
  return { ...projection.unproject(x, y), x, y };
}

/** A district-like square from (100, 100) px to (300, 300) px. */
const square = snapRingsOf([
  [
    [120.1, 30.9],
    [120.3, 30.9],
    [120.3, 30.7],
    [120.1, 30.7],
    [120.1, 30.9],
  ],
]);

describe('snapPosition', () => {
  it('lands exactly on a nearby vertex', () => {
    const snapped = snapPosition(pointerAt(104, 97), square, projection);
    expect(snapped).toEqual([120.1, 30.9]);
  });

  it('prefers a vertex to an edge that is nearer', () => {
    // 1 px from the top edge, 8 px from the corner: the corner still wins.
    const snapped = snapPosition(pointerAt(108, 101), square, projection);
    expect(snapped).toEqual([120.1, 30.9]);
  });

  it('falls onto an edge at the foot of the perpendicular', () => {
    const snapped = snapPosition(pointerAt(200, 306), square, projection);
    expect(snapped?.[0]).toBeCloseTo(120.2, 9);
    expect(snapped?.[1]).toBeCloseTo(30.7, 9);
  });

  it('leaves the pointer alone beyond the tolerance', () => {
    expect(snapPosition(pointerAt(200, 200), square, projection)).toBeUndefined();
    expect(snapPosition(pointerAt(200, 312), square, projection)).toBeUndefined();
  });

  it('catches the middle of a long edge whose ends are both far away', () => {
    const long = snapRingsOf([
      [
        [119, 30.5],
        [121, 30.5],
      ],
    ]);
    const snapped = snapPosition(pointerAt(0, 503), long, projection);
    expect(snapped?.[1]).toBeCloseTo(30.5, 9);
    expect(snapped?.[0]).toBeCloseTo(120, 9);
  });

  it('picks the nearer of two rings', () => {
    const rings = snapRingsOf([
      [
        [120.1, 30.9],
        [120.2, 30.9],
      ],
      [
        [120.1, 30.895],
        [120.2, 30.895],
      ],
    ]);
    // 4 px below the first line, 1 px above the second.
    const snapped = snapPosition(pointerAt(150, 104), rings, projection);
    expect(snapped?.[1]).toBeCloseTo(30.895, 9);
  });
});
