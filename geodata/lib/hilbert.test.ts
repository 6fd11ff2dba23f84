import { tileIdToZxy as referenceTileIdToZxy, zxyToTileId as referenceZxyToTileId } from 'pmtiles';
import { describe, expect, it } from 'vitest';
import { tileIdToZxy, zxyToTileId } from './hilbert.ts';

describe('PMTiles Hilbert tile ids', () => {
  it('numbers zoom levels one after another', () => {
    expect(zxyToTileId(0, 0, 0)).toBe(0);
    expect(Math.min(...[0, 1].flatMap((x) => [0, 1].map((y) => zxyToTileId(1, x, y))))).toBe(1);
    expect(zxyToTileId(2, 0, 0)).toBe(5);
  });

  it('agrees with the reader the app uses, both ways, for every tile up to zoom 7', () => {
    for (let z = 0; z <= 7; z++) {
      const n = 2 ** z;
      for (let x = 0; x < n; x++) {
        for (let y = 0; y < n; y++) {
          const id = zxyToTileId(z, x, y);
          expect(id).toBe(referenceZxyToTileId(z, x, y));
          expect(tileIdToZxy(id)).toEqual([z, x, y]);
        }
      }
    }
  });

  it('stays exact at deep zooms where ids pass 2^32', () => {
    for (const [z, x, y] of [
      [20, 873_251, 413_007],
      [26, 54_321_987, 12_345_678],
      [26, 2 ** 26 - 1, 2 ** 26 - 1],
    ] as const) {
      const id = zxyToTileId(z, x, y);
      expect(id).toBe(referenceZxyToTileId(z, x, y));
      expect(tileIdToZxy(id)).toEqual(referenceTileIdToZxy(id));
      expect(tileIdToZxy(id)).toEqual([z, x, y]);
    }
  });

  it('rejects tiles outside the grid', () => {
    expect(() => zxyToTileId(3, 8, 0)).toThrow(RangeError);
    expect(() => zxyToTileId(27, 0, 0)).toThrow(RangeError);
    expect(() => tileIdToZxy(-1)).toThrow(RangeError);
  });
});
