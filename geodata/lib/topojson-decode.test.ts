import { describe, expect, it } from 'vitest';
import { topologyGeometries, type Topology } from './topojson-decode.ts';

const TOPOLOGY: Topology = {
  type: 'Topology',
  transform: { scale: [0.5, 0.25], translate: [100, 20] },
  arcs: [
    [
      [0, 0],
      [2, 0],
      [0, 4],
    ],
    [
      [2, 4],
      [-2, -4],
    ],
  ],
  objects: {
    lakes: { type: 'GeometryCollection', geometries: [{ type: 'Polygon', arcs: [[0, 1]] }] },
    rivers: {
      type: 'GeometryCollection',
      geometries: [{ type: 'LineString', arcs: [~1] }, { type: null }],
    },
  },
};

describe('topologyGeometries', () => {
  it('dequantises delta-encoded arcs and joins them into a closed ring', () => {
    expect(topologyGeometries(TOPOLOGY, 'lakes')).toEqual([
      {
        type: 'Polygon',
        coordinates: [
          [
            [100, 20],
            [101, 20],
            [101, 21],
            [100, 20],
          ],
        ],
      },
    ]);
  });

  it('reverses arcs referenced with ~ and skips empty geometries', () => {
    expect(topologyGeometries(TOPOLOGY, 'rivers')).toEqual([
      {
        type: 'LineString',
        coordinates: [
          [100, 20],
          [101, 21],
        ],
      },
    ]);
  });

  it('names a missing object', () => {
    expect(() => topologyGeometries(TOPOLOGY, 'roads')).toThrow(/roads/);
  });
});
