import { PMTiles } from 'pmtiles';
import { describe, expect, it } from 'vitest';
import { MemorySource } from './memory-source.ts';
import {
  COMPRESSION_GZIP,
  TILE_TYPE_MVT,
  serializeDirectory,
  writePmtiles,
  writeVarint,
  type ArchiveOptions,
  type ArchiveTile,
} from './pmtiles-writer.ts';

const OPTIONS: ArchiveOptions = {
  tileType: TILE_TYPE_MVT,
  minZoom: 0,
  maxZoom: 3,
  boundsLonLat: [117.5, 28.5, 123, 32],
  center: [120.1, 30.9, 2],
  metadata: { name: 'test', vector_layers: [{ id: 'districts' }] },
};

const text = (value: string) => new TextEncoder().encode(value);

function allTilesUpTo(maxZoom: number, content: (z: number, x: number, y: number) => string) {
  const tiles: ArchiveTile[] = [];
  for (let z = 0; z <= maxZoom; z++) {
    for (let x = 0; x < 2 ** z; x++) {
      for (let y = 0; y < 2 ** z; y++) tiles.push({ z, x, y, data: text(content(z, x, y)) });
    }
  }
  return tiles;
}

async function readTile(archive: PMTiles, z: number, x: number, y: number) {
  const response = await archive.getZxy(z, x, y);
  return response && new TextDecoder().decode(response.data);
}

describe('varints and directories', () => {
  it('encodes varints as unsigned LEB128, exact above 2^32', () => {
    const out: number[] = [];
    writeVarint(out, 1);
    writeVarint(out, 300);
    writeVarint(out, 2 ** 35 + 1);
    expect(out).toEqual([1, 0xac, 0x02, 0x81, 0x80, 0x80, 0x80, 0x80, 0x01]);
    expect(() => writeVarint([], -1)).toThrow(RangeError);
  });

  it('lays a directory out column by column with delta ids and contiguous offsets as 0', () => {
    const bytes = serializeDirectory([
      { tileId: 0, offset: 0, length: 10, runLength: 1 },
      { tileId: 5, offset: 10, length: 3, runLength: 2 },
      { tileId: 9, offset: 0, length: 10, runLength: 1 },
    ]);
    expect([...bytes]).toEqual([3, 0, 5, 4, 1, 2, 1, 10, 3, 10, 1, 0, 1]);
  });
});

describe('writePmtiles read back through the pmtiles reader', () => {
  it('returns every tile, the metadata and the header we asked for', async () => {
    const tiles = allTilesUpTo(3, (z, x, y) => `tile ${z}/${x}/${y}`);
    const { bytes, stats } = writePmtiles(tiles, OPTIONS);
    const archive = new PMTiles(new MemorySource(bytes));

    for (const tile of tiles) {
      expect(await readTile(archive, tile.z, tile.x, tile.y)).toBe(
        `tile ${tile.z}/${tile.x}/${tile.y}`,
      );
    }
    expect(await archive.getMetadata()).toEqual(OPTIONS.metadata);

    const header = await archive.getHeader();
    expect(header.specVersion).toBe(3);
    expect([header.minZoom, header.maxZoom]).toEqual([0, 3]);
    expect([header.minLon, header.minLat, header.maxLon, header.maxLat]).toEqual([
      117.5, 28.5, 123, 32,
    ]);
    expect([header.centerLon, header.centerLat, header.centerZoom]).toEqual([120.1, 30.9, 2]);
    expect(header.clustered).toBe(true);
    expect(header.tileType).toBe(TILE_TYPE_MVT);
    expect(header.tileCompression).toBe(COMPRESSION_GZIP);
    expect(header.internalCompression).toBe(COMPRESSION_GZIP);
    expect(header.numAddressedTiles).toBe(tiles.length);
    expect(stats.leafDirectories).toBe(0);
  });

  it('answers undefined for a tile it does not hold', async () => {
    const { bytes } = writePmtiles([{ z: 1, x: 0, y: 0, data: text('only') }], OPTIONS);
    const archive = new PMTiles(new MemorySource(bytes));
    expect(await readTile(archive, 1, 0, 0)).toBe('only');
    expect(await readTile(archive, 1, 1, 1)).toBeUndefined();
    expect(await readTile(archive, 0, 0, 0)).toBeUndefined();
  });

  it('stores repeated content once and runs of identical tiles as one entry', async () => {
    // Sea tiles: the same bytes over and over, with a few different ones in between.
    const tiles = allTilesUpTo(3, (z, x, y) => (x === 1 && y === 1 ? `land ${z}` : 'sea'));
    const { bytes, stats } = writePmtiles(tiles, OPTIONS);
    expect(stats.tileContents).toBe(4); // 'sea' plus 'land 1' … 'land 3' (zoom 0 has no 1/1)
    expect(stats.tileContents).toBeLessThan(stats.addressedTiles);
    expect(stats.tileEntries).toBeLessThan(stats.addressedTiles);
    const archive = new PMTiles(new MemorySource(bytes));
    for (const tile of tiles) {
      expect(await readTile(archive, tile.z, tile.x, tile.y)).toBe(
        tile.x === 1 && tile.y === 1 ? `land ${tile.z}` : 'sea',
      );
    }
  });

  it('moves entries into leaf directories when the root would not fit', async () => {
    const tiles = allTilesUpTo(5, (z, x, y) => `${z}-${x}-${y}`);
    const { bytes, stats } = writePmtiles(tiles, {
      ...OPTIONS,
      maxZoom: 5,
      maxRootDirectoryBytes: 64,
      initialLeafSize: 16,
    });
    expect(stats.leafDirectories).toBeGreaterThan(1);
    const archive = new PMTiles(new MemorySource(bytes));
    for (const tile of tiles) {
      expect(await readTile(archive, tile.z, tile.x, tile.y)).toBe(`${tile.z}-${tile.x}-${tile.y}`);
    }
  });

  it('gives the same bytes for the same tiles, whatever order they come in', () => {
    const tiles = allTilesUpTo(2, (z, x, y) => `t${z}${x}${y}`);
    const first = writePmtiles(tiles, OPTIONS).bytes;
    const second = writePmtiles([...tiles].reverse(), OPTIONS).bytes;
    expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);
  });

  it('refuses the same tile twice', () => {
    const tile = { z: 0, x: 0, y: 0, data: text('a') };
    expect(() => writePmtiles([tile, tile], OPTIONS)).toThrow(/twice/);
  });
});
