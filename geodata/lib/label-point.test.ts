import { booleanPointInPolygon, centroid } from '@turf/turf';
import type { Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { labelPoint } from './label-point.ts';

// A U shape around 30°N: its centroid falls in the notch, outside the polygon.
const U_SHAPE: Polygon = {
  type: 'Polygon',
  coordinates: [
    [
      [120, 30],
      [120.3, 30],
      [120.3, 30.3],
      [120.2, 30.3],
      [120.2, 30.05],
      [120.1, 30.05],
      [120.1, 30.3],
      [120, 30.3],
      [120, 30],
    ],
  ],
};

describe('labelPoint', () => {
  it('lies inside a concave outline where the centroid does not', () => {
    expect(booleanPointInPolygon(centroid(U_SHAPE), U_SHAPE)).toBe(false);
    expect(booleanPointInPolygon(labelPoint(U_SHAPE), U_SHAPE)).toBe(true);
  });

  it('labels the largest part of a multipolygon', () => {
    const [lon] = labelPoint({
      type: 'MultiPolygon',
      coordinates: [
        [
          [
            [121, 30],
            [121.01, 30],
            [121.01, 30.01],
            [121, 30],
          ],
        ],
        U_SHAPE.coordinates,
      ],
    });
    expect(lon).toBeLessThan(120.5);
  });
});
