import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import { describe, expect, it } from 'vitest';
import { tileLayers, tileRange } from './tiler.ts';

const square = {
  type: 'Feature' as const,
  properties: { code: '330502', name_zh: '吴兴区' },
  geometry: {
    type: 'Polygon' as const,
    coordinates: [
      [
        [120, 30.8],
        [121.5, 30.8],
        [121.5, 31.6],
        [120, 31.6],
        [120, 30.8],
      ],
    ],
  },
};
const town = {
  type: 'Feature' as const,
  properties: { name_zh: '湖州', rank: 1 },
  geometry: { type: 'Point' as const, coordinates: [120.09, 30.87] },
};

describe('tileRange', () => {
  it('covers the bounds with web-mercator tiles', () => {
    expect(tileRange([-180, -85, 180, 85], 1)).toEqual({ minX: 0, maxX: 1, minY: 0, maxY: 1 });
    // Huzhou at zoom 8: x = (120.09 + 180) / 360 * 256 = 213.4; y = (1 - asinh(tan 30.87°) / π) / 2 * 256 = 104.9.
    expect(tileRange([120.09, 30.87, 120.09, 30.87], 8)).toEqual({
      minX: 213,
      maxX: 213,
      minY: 104,
      maxY: 104,
    });
  });
});

describe('tileLayers', () => {
  const tiles = tileLayers(
    [
      { name: 'districts', features: [square] },
      { name: 'towns', features: [town], minZoom: 4 },
    ],
    { minZoom: 0, maxZoom: 6, bounds: [117.5, 28.5, 123, 32] },
  );

  it('makes tiles where the data is at every zoom, and none over empty sea', () => {
    for (let z = 0; z <= 6; z++) {
      const atZoom = tiles.filter((t) => t.z === z);
      const data = tileRange([120, 30.8, 121.5, 31.6], z);
      expect(atZoom.length, `zoom ${z}`).toBeGreaterThan(0);
      for (const t of atZoom) {
        expect(t.x).toBeGreaterThanOrEqual(data.minX);
        expect(t.x).toBeLessThanOrEqual(data.maxX);
        expect(t.y).toBeGreaterThanOrEqual(data.minY);
        expect(t.y).toBeLessThanOrEqual(data.maxY);
      }
    }
    const all = tileRange([117.5, 28.5, 123, 32], 6);
    expect(tiles.filter((t) => t.z === 6).length).toBeLessThan(
      (all.maxX - all.minX + 1) * (all.maxY - all.minY + 1),
    );
  });

  it('writes decodable MVT with the features’ properties', () => {
    const z6 = tiles.find((t) => t.z === 6 && t.x === 53 && t.y === 26)!;
    const tile = new VectorTile(new PbfReader(z6.data));
    expect(tile.layers.districts?.feature(0).properties).toEqual(square.properties);
    expect(tile.layers.towns?.feature(0).properties).toEqual(town.properties);
  });

  it('leaves a layer out below its minimum zoom', () => {
    const z3 = tiles.find((t) => t.z === 3)!;
    const tile = new VectorTile(new PbfReader(z3.data));
    expect(Object.keys(tile.layers)).toEqual(['districts']);
  });
});
