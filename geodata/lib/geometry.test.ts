import { describe, expect, it } from 'vitest';
import { cleanPolygonal, cleanRing, clipLinear, clipPolygonal } from './geometry.ts';

describe('cleanRing', () => {
  it('drops repeated vertices and closes the ring', () => {
    expect(
      cleanRing([
        [0, 0],
        [0, 0],
        [1, 0],
        [1, 1],
        [1, 1],
      ]),
    ).toEqual([
      [0, 0],
      [1, 0],
      [1, 1],
      [0, 0],
    ]);
  });

  it('gives up on rings that collapse on the grid', () => {
    expect(
      cleanRing([
        [0, 0],
        [1, 0],
        [1, 0],
        [0, 0],
      ]),
    ).toBeNull();
  });
});

describe('cleanPolygonal', () => {
  it('keeps valid parts and drops degenerate ones', () => {
    const cleaned = cleanPolygonal({
      type: 'MultiPolygon',
      coordinates: [
        [
          [
            [0, 0],
            [2, 0],
            [2, 2],
          ],
        ],
        [
          [
            [5, 5],
            [5, 5],
            [5, 5],
          ],
        ],
      ],
    });
    expect(cleaned).toEqual({
      type: 'Polygon',
      coordinates: [
        [
          [0, 0],
          [2, 0],
          [2, 2],
          [0, 0],
        ],
      ],
    });
  });
});

describe('clipping to the tile bounds', () => {
  const bounds = [0, 0, 10, 10] as const;

  it('cuts polygons at the bounds and drops those outside', () => {
    const square = (x: number) => ({
      type: 'Feature' as const,
      properties: { name: 'x' },
      geometry: {
        type: 'Polygon' as const,
        coordinates: [
          [
            [x, 2],
            [x + 4, 2],
            [x + 4, 6],
            [x, 6],
            [x, 2],
          ],
        ],
      },
    });
    const clipped = clipPolygonal(square(8), bounds);
    const xs = clipped!.geometry.coordinates.flat(2).filter((_, i) => i % 2 === 0) as number[];
    expect(Math.max(...xs)).toBe(10);
    expect(clipped!.properties).toEqual({ name: 'x' });
    expect(clipPolygonal(square(20), bounds)).toBeNull();
  });

  it('cuts lines at the bounds', () => {
    const clipped = clipLinear(
      {
        type: 'Feature',
        properties: {},
        geometry: {
          type: 'LineString',
          coordinates: [
            [-5, 5],
            [5, 5],
          ],
        },
      },
      bounds,
    );
    expect(clipped!.geometry.coordinates).toEqual([
      [0, 5],
      [5, 5],
    ]);
  });
});
