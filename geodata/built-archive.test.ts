/**
 * The committed archive as the app reads it: through the `pmtiles` reader, tiles decoded as
 * MapLibre would. `npm run geodata:check` guarantees it is what the sources build today.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import { PMTiles } from 'pmtiles';
import { describe, expect, it } from 'vitest';
import { DISTRICTS, NANTAIHU_CODE } from '../src/domain/regions.ts';
import { MAX_ZOOM, MIN_ZOOM, TILE_BOUNDS_LON_LAT } from './lib/extent.ts';
import { MemorySource } from './lib/memory-source.ts';
import { tileRange } from './lib/tiler.ts';

const PUBLIC = fileURLToPath(new URL('../public/', import.meta.url));
const bytes = new Uint8Array(readFileSync(`${PUBLIC}tiles/muatlas.pmtiles`));
const archive = new PMTiles(new MemorySource(bytes, 'muatlas.pmtiles'));

/** The source layers the app's style is written against (src/map/layer-ids.ts). */
const CONTRACT_LAYERS = [
  'land',
  'water',
  'rivers',
  'prefectures',
  'prefecture_labels',
  'districts',
  'district_labels',
  'functional_zones',
  'towns',
];

/** Huzhou's city centre (GeoNames 1806535). */
const HUZHOU = [120.0933, 30.8703] as const;

function tileAt(z: number, lon: number, lat: number): [number, number] {
  const { minX, minY } = tileRange([lon, lat, lon, lat], z);
  return [minX, minY];
}

async function decodedTile(z: number, x: number, y: number): Promise<VectorTile> {
  const response = await archive.getZxy(z, x, y);
  if (!response) throw new Error(`tile ${z}/${x}/${y} missing`);
  return new VectorTile(new PbfReader(new Uint8Array(response.data)));
}

function layerProperties(tile: VectorTile, layer: string): Record<string, unknown>[] {
  const found = tile.layers[layer];
  if (!found) return [];
  return Array.from({ length: found.length }, (_, i) => found.feature(i).properties);
}

describe('public/tiles/muatlas.pmtiles', () => {
  it('declares the bounds and zooms the app expects', async () => {
    const header = await archive.getHeader();
    expect(header.specVersion).toBe(3);
    expect([header.minZoom, header.maxZoom]).toEqual([MIN_ZOOM, MAX_ZOOM]);
    expect([header.minLon, header.minLat, header.maxLon, header.maxLat]).toEqual([
      ...TILE_BOUNDS_LON_LAT,
    ]);
    expect(header.tileType).toBe(1);
    expect(header.clustered).toBe(true);
  });

  it('lists exactly the source layers of the output contract', async () => {
    const metadata = (await archive.getMetadata()) as { vector_layers: { id: string }[] };
    expect(metadata.vector_layers.map((l) => l.id).sort()).toEqual([...CONTRACT_LAYERS].sort());
  });

  it('has 吴兴区 in the districts layer of the zoom-8 tile over Huzhou', async () => {
    const tile = await decodedTile(8, ...tileAt(8, ...HUZHOU));
    const wuxing = layerProperties(tile, 'districts').find((p) => p.code === '330502');
    expect(wuxing).toMatchObject({ name_zh: '吴兴区', name_en: 'Wuxing', city_code: '330500' });
    expect(layerProperties(tile, 'towns').map((p) => p.name_zh)).toContain('湖州');
    expect(layerProperties(tile, 'land').length).toBeGreaterThan(0);
  });

  it('carries every official district of both cities, with the codes of src/domain/regions.ts', async () => {
    const codes = new Set<string>();
    const { minX, maxX, minY, maxY } = tileRange(TILE_BOUNDS_LON_LAT, 7);
    for (let x = minX; x <= maxX; x++) {
      for (let y = minY; y <= maxY; y++) {
        const response = await archive.getZxy(7, x, y);
        if (!response) continue;
        const tile = new VectorTile(new PbfReader(new Uint8Array(response.data)));
        for (const p of layerProperties(tile, 'districts')) codes.add(String(p.code));
      }
    }
    const official = DISTRICTS.filter((d) => d.kind !== 'functional-zone').map((d) => d.code);
    expect([...codes].sort()).toEqual([...official].sort());
  });

  it('shows Tai Hu as water and 南太湖新区 only as a schematic point', async () => {
    const tile = await decodedTile(6, ...tileAt(6, 120.2, 31.2));
    expect(layerProperties(tile, 'water').map((p) => p.name_zh)).toContain('太湖');

    const zoneTile = await decodedTile(8, ...tileAt(8, ...HUZHOU));
    const zones = zoneTile.layers.functional_zones;
    expect(zones?.length).toBe(1);
    const zone = zones!.feature(0);
    expect(zone.type).toBe(1); // point, never a polygon
    expect(zone.properties).toMatchObject({ code: NANTAIHU_CODE, precision: 'schematic' });
  });

  it('paints the inner Hangzhou Bay as sea although the land outlines cover it', async () => {
    const tile = await decodedTile(9, ...tileAt(9, 120.9, 30.38));
    expect(layerProperties(tile, 'land').length).toBeGreaterThan(0);
    expect(layerProperties(tile, 'water').map((p) => p.kind)).toContain('sea');
  });

  it('is described by a manifest with its true size and hash', () => {
    const manifest = JSON.parse(readFileSync(`${PUBLIC}tiles/manifest.json`, 'utf8')) as {
      archive: { bytes: number; sha256: string };
      layers: { id: string; licence: string; file?: string }[];
    };
    expect(manifest.archive.bytes).toBe(bytes.length);
    expect(manifest.archive.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    // Layers with a `file` are data files beside the archive (geodata/places.ts), not tiles.
    const tileLayers = manifest.layers.filter((l) => l.file === undefined);
    expect(tileLayers.map((l) => l.id).sort()).toEqual([...CONTRACT_LAYERS].sort());
    for (const layer of manifest.layers) expect(layer.licence, layer.id).not.toBe('');
  });

  it('stays small enough to ship with the app', () => {
    expect(bytes.length).toBeLessThan(3 * 1024 * 1024);
  });
});
