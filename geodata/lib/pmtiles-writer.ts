import { createHash } from 'node:crypto';
import { gzipDeterministic } from './gzip.ts';
import { zxyToTileId } from './hilbert.ts';

/** PMTiles v3 header size in bytes. */
export const HEADER_BYTES = 127;

/** Readers fetch the first 16 KiB at once; header and root directory must fit in it. */
export const FIRST_FETCH_BYTES = 16_384;

/** PMTiles v3 `TileType` value for Mapbox Vector Tiles. */
export const TILE_TYPE_MVT = 1;

/** PMTiles v3 `Compression` value for gzip. */
export const COMPRESSION_GZIP = 2;

/** One directory entry: a run of tiles with the same content, or (runLength 0) a leaf pointer. */
export interface DirectoryEntry {
  tileId: number;
  /** Byte offset into the tile data section (or the leaf directory section for leaves). */
  offset: number;
  length: number;
  /** How many consecutive tile ids share this content; 0 marks a leaf directory. */
  runLength: number;
}

/** A tile to store, with its uncompressed content; the writer gzips it. */
export interface ArchiveTile {
  z: number;
  x: number;
  y: number;
  data: Uint8Array;
}

export interface ArchiveOptions {
  /** PMTiles tile type, e.g. {@link TILE_TYPE_MVT}. */
  tileType: number;
  minZoom: number;
  maxZoom: number;
  /** West, south, east, north in WGS-84 degrees. */
  boundsLonLat: readonly [number, number, number, number];
  /** Longitude, latitude and zoom a viewer opens at. */
  center: readonly [number, number, number];
  /** JSON metadata (TileJSON-like: `vector_layers`, `attribution`, …). */
  metadata: Record<string, unknown>;
  /** Room for the compressed root directory; defaults to what fits in the first fetch. */
  maxRootDirectoryBytes?: number;
  /** Entries per leaf directory to start from when the root overflows; doubled until it fits. */
  initialLeafSize?: number;
}

/** Figures the writer reports for the manifest and for tests. */
export interface ArchiveStats {
  addressedTiles: number;
  tileEntries: number;
  tileContents: number;
  leafDirectories: number;
}

/** Appends an unsigned LEB128 varint; arithmetic (not bit ops) keeps values above 2^32 exact. */
export function writeVarint(out: number[], value: number): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`varint ${value} is not a non-negative safe integer`);
  }
  let rest = value;
  while (rest >= 0x80) {
    out.push((rest % 0x80) | 0x80);
    rest = Math.floor(rest / 0x80);
  }
  out.push(rest);
}

/**
 * Serialises a directory as the spec lays it out: entry count, then tile-id deltas, run lengths,
 * lengths, and offsets (0 meaning "right after the previous entry", otherwise offset + 1).
 */
export function serializeDirectory(entries: readonly DirectoryEntry[]): Uint8Array {
  const out: number[] = [];
  writeVarint(out, entries.length);
  let previousId = 0;
  for (const entry of entries) {
    writeVarint(out, entry.tileId - previousId);
    previousId = entry.tileId;
  }
  for (const entry of entries) writeVarint(out, entry.runLength);
  for (const entry of entries) writeVarint(out, entry.length);
  entries.forEach((entry, i) => {
    const previous = entries[i - 1];
    const contiguous = previous !== undefined && entry.offset === previous.offset + previous.length;
    writeVarint(out, contiguous ? 0 : entry.offset + 1);
  });
  return Uint8Array.from(out);
}

function setUint64(view: DataView, at: number, value: number): void {
  view.setBigUint64(at, BigInt(value), true);
}

function degreesE7(value: number): number {
  return Math.round(value * 10_000_000);
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const total = parts.reduce((sum, part) => sum + part.length, 0);
  const out = new Uint8Array(total);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

interface Directories {
  root: Uint8Array;
  leaves: Uint8Array;
  leafCount: number;
}

/** Root alone when it fits; otherwise leaves of growing size until the root of pointers fits. */
function buildDirectories(
  entries: readonly DirectoryEntry[],
  maxRootBytes: number,
  initialLeafSize: number,
): Directories {
  const root = gzipDeterministic(serializeDirectory(entries));
  if (root.length <= maxRootBytes) return { root, leaves: new Uint8Array(0), leafCount: 0 };

  for (let leafSize = initialLeafSize; ; leafSize *= 2) {
    const leafParts: Uint8Array[] = [];
    const pointers: DirectoryEntry[] = [];
    let offset = 0;
    for (let start = 0; start < entries.length; start += leafSize) {
      const chunk = entries.slice(start, start + leafSize);
      const leaf = gzipDeterministic(serializeDirectory(chunk));
      pointers.push({ tileId: chunk[0]!.tileId, offset, length: leaf.length, runLength: 0 });
      leafParts.push(leaf);
      offset += leaf.length;
    }
    const rootOfPointers = gzipDeterministic(serializeDirectory(pointers));
    if (rootOfPointers.length <= maxRootBytes) {
      return { root: rootOfPointers, leaves: concat(leafParts), leafCount: leafParts.length };
    }
    if (pointers.length === 1) throw new Error('root directory cannot fit even one leaf pointer');
  }
}

/**
 * Writes a clustered PMTiles v3 archive: tiles in tile-id order, each content stored once
 * (identical tiles share one copy, consecutive identical tiles share one run-length entry),
 * tiles and directories gzip-compressed. Same tiles and options give the same bytes.
 */
export function writePmtiles(
  tiles: readonly ArchiveTile[],
  options: ArchiveOptions,
): { bytes: Uint8Array; stats: ArchiveStats } {
  const ordered = tiles
    .map((tile) => ({ tileId: zxyToTileId(tile.z, tile.x, tile.y), data: tile.data }))
    .sort((a, b) => a.tileId - b.tileId);
  ordered.forEach((tile, i) => {
    if (i > 0 && ordered[i - 1]!.tileId === tile.tileId) {
      throw new Error(`tile id ${tile.tileId} given twice`);
    }
  });

  const contentAt = new Map<string, { offset: number; length: number }>();
  const dataParts: Uint8Array[] = [];
  const entries: DirectoryEntry[] = [];
  let dataBytes = 0;
  let previousHash = '';
  for (const tile of ordered) {
    const hash = createHash('sha256').update(tile.data).digest('hex');
    const last = entries.at(-1);
    if (last && hash === previousHash && tile.tileId === last.tileId + last.runLength) {
      last.runLength += 1;
      continue;
    }
    let stored = contentAt.get(hash);
    if (!stored) {
      const compressed = gzipDeterministic(tile.data);
      stored = { offset: dataBytes, length: compressed.length };
      contentAt.set(hash, stored);
      dataParts.push(compressed);
      dataBytes += compressed.length;
    }
    entries.push({ tileId: tile.tileId, ...stored, runLength: 1 });
    previousHash = hash;
  }

  const maxRoot = options.maxRootDirectoryBytes ?? FIRST_FETCH_BYTES - HEADER_BYTES;
  const { root, leaves, leafCount } = buildDirectories(
    entries,
    maxRoot,
    options.initialLeafSize ?? 4096,
  );
  const metadata = gzipDeterministic(new TextEncoder().encode(JSON.stringify(options.metadata)));

  const rootOffset = HEADER_BYTES;
  const metadataOffset = rootOffset + root.length;
  const leavesOffset = metadataOffset + metadata.length;
  const dataOffset = leavesOffset + leaves.length;

  const header = new Uint8Array(HEADER_BYTES);
  const view = new DataView(header.buffer);
  header.set(new TextEncoder().encode('PMTiles'), 0);
  view.setUint8(7, 3);
  setUint64(view, 8, rootOffset);
  setUint64(view, 16, root.length);
  setUint64(view, 24, metadataOffset);
  setUint64(view, 32, metadata.length);
  setUint64(view, 40, leavesOffset);
  setUint64(view, 48, leaves.length);
  setUint64(view, 56, dataOffset);
  setUint64(view, 64, dataBytes);
  setUint64(view, 72, ordered.length);
  setUint64(view, 80, entries.length);
  setUint64(view, 88, contentAt.size);
  view.setUint8(96, 1);
  view.setUint8(97, COMPRESSION_GZIP);
  view.setUint8(98, COMPRESSION_GZIP);
  view.setUint8(99, options.tileType);
  view.setUint8(100, options.minZoom);
  view.setUint8(101, options.maxZoom);
  const [west, south, east, north] = options.boundsLonLat;
  view.setInt32(102, degreesE7(west), true);
  view.setInt32(106, degreesE7(south), true);
  view.setInt32(110, degreesE7(east), true);
  view.setInt32(114, degreesE7(north), true);
  const [centerLon, centerLat, centerZoom] = options.center;
  view.setUint8(118, centerZoom);
  view.setInt32(119, degreesE7(centerLon), true);
  view.setInt32(123, degreesE7(centerLat), true);

  return {
    bytes: concat([header, root, metadata, leaves, ...dataParts]),
    stats: {
      addressedTiles: ordered.length,
      tileEntries: entries.length,
      tileContents: contentAt.size,
      leafDirectories: leafCount,
    },
  };
}
