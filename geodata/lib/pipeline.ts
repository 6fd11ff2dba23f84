import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Feature, Geometry } from 'geojson';
import { CENTER, MAX_ZOOM, MIN_ZOOM, TILE_BOUNDS_LON_LAT } from './extent.ts';
import { copyGlyphs, FONT_STACK, GLYPHS_PACKAGE, glyphRanges } from './glyphs.ts';
import { labelPoint } from './label-point.ts';
import { packageVersion } from './packages.ts';
import { TILE_TYPE_MVT, writePmtiles, type ArchiveStats } from './pmtiles-writer.ts';
import { ATTRIBUTION, layerProvenance, type LayerProvenance } from './provenance.ts';
import { loadDistricts } from './sources/districts.source.ts';
import { loadFunctionalZones } from './sources/functional-zones.source.ts';
import { loadLand } from './sources/land.source.ts';
import { loadPrefectures } from './sources/prefectures.source.ts';
import { loadRivers } from './sources/rivers.source.ts';
import { loadTowns } from './sources/towns.source.ts';
import { loadWater } from './sources/water.source.ts';
import { tileLayers, type TileLayer } from './tiler.ts';

/** Where the archive and its manifest go, relative to the output folder (public/). */
export const ARCHIVE_PATH = 'tiles/muatlas.pmtiles';
export const MANIFEST_PATH = 'tiles/manifest.json';

type Props = Record<string, string | number>;

export interface BuildResult {
  /** Every file written, relative to the output folder. */
  files: string[];
  archiveBytes: number;
  archiveSha256: string;
  stats: ArchiveStats;
  layerCounts: Record<string, number>;
}

function labelsOf<P extends Props>(
  features: readonly Feature<Geometry, P>[],
): Feature<Geometry, P>[] {
  return features.map((feature) => ({
    type: 'Feature',
    properties: feature.properties,
    geometry: {
      type: 'Point',
      coordinates: labelPoint(feature.geometry as Parameters<typeof labelPoint>[0]),
    },
  }));
}

/** The field types of a layer, for the TileJSON `vector_layers` entry. */
function fieldsOf(layer: TileLayer): Record<string, 'String' | 'Number'> {
  const fields: Record<string, 'String' | 'Number'> = {};
  for (const feature of layer.features) {
    for (const [key, value] of Object.entries(feature.properties)) {
      fields[key] = typeof value === 'number' ? 'Number' : 'String';
    }
  }
  return Object.fromEntries(Object.entries(fields).sort(([a], [b]) => a.localeCompare(b)));
}

function writeFile(outDir: string, path: string, bytes: Uint8Array | string): void {
  const target = join(outDir, path);
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, bytes);
}

/**
 * Builds everything `npm run geodata` ships into `outDir`: the PMTiles archive, its manifest
 * and the Latin glyph PBFs. Deterministic: the same installed packages give the same bytes.
 */
export function buildGeodata(outDir: string): BuildResult {
  const bounds = TILE_BOUNDS_LON_LAT;
  const districts = loadDistricts();
  const prefectures = loadPrefectures(bounds);
  const land = loadLand(bounds);
  const zhejiang = land.find((f) => f.properties.code === '330000')?.geometry ?? null;
  const water = loadWater(
    bounds,
    zhejiang,
    land.map((f) => f.geometry),
  );
  const rivers = loadRivers(bounds);
  const towns = loadTowns(bounds, districts.features);
  const zones = loadFunctionalZones(bounds);

  const layers: TileLayer[] = [
    { name: 'land', features: land },
    { name: 'water', features: water },
    { name: 'rivers', features: rivers },
    { name: 'prefectures', features: prefectures },
    { name: 'prefecture_labels', features: labelsOf(prefectures) },
    { name: 'districts', features: districts.features },
    { name: 'district_labels', features: labelsOf(districts.features) },
    { name: 'functional_zones', features: zones },
    { name: 'towns', features: towns.features, minZoom: 6 },
  ];
  const provenance = layerProvenance({
    townsLatestEdit: towns.latestEdit,
    townsSkipped: towns.skipped,
    overriddenCodes: districts.overriddenCodes,
  });

  const tiles = tileLayers(layers, { minZoom: MIN_ZOOM, maxZoom: MAX_ZOOM, bounds });
  const { bytes, stats } = writePmtiles(tiles, {
    tileType: TILE_TYPE_MVT,
    minZoom: MIN_ZOOM,
    maxZoom: MAX_ZOOM,
    boundsLonLat: bounds,
    center: CENTER,
    metadata: {
      name: 'MuAtlas basemap',
      description: 'Zhejiang context, Huzhou and Shaoxing districts, water and towns',
      attribution: ATTRIBUTION,
      vector_layers: layers.map((layer) => ({
        id: layer.name,
        minzoom: layer.minZoom ?? MIN_ZOOM,
        maxzoom: MAX_ZOOM,
        fields: fieldsOf(layer),
      })),
    },
  });
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  writeFile(outDir, ARCHIVE_PATH, bytes);

  const labels = layers.flatMap((layer) =>
    layer.features.flatMap((f) => [f.properties.name_zh, f.properties.name_en]),
  );
  const ranges = glyphRanges(labels.filter((label): label is string => typeof label === 'string'));
  const glyphFiles = copyGlyphs(outDir, ranges);

  const layerCounts = Object.fromEntries(layers.map((l) => [l.name, l.features.length]));
  const manifest = {
    archive: { file: ARCHIVE_PATH, bytes: bytes.length, sha256 },
    format: 'PMTiles v3, MVT (gzip)',
    bounds,
    minZoom: MIN_ZOOM,
    maxZoom: MAX_ZOOM,
    center: CENTER,
    crs: 'WGS-84 (EPSG:4326) positions, Web Mercator tiles',
    tiles: stats,
    layers: provenance.map((p: LayerProvenance) => ({ ...p, features: layerCounts[p.id] ?? 0 })),
    glyphs: {
      fontstack: FONT_STACK,
      ranges,
      source: `npm ${GLYPHS_PACKAGE}@${packageVersion(GLYPHS_PACKAGE)}`,
      licence: 'SIL Open Font License 1.1 (fonts/Noto Sans Regular/OFL.txt)',
    },
    attribution: ATTRIBUTION,
    rebuild: 'npm run geodata (check: npm run geodata:check); see geodata/README.md',
  };
  writeFile(outDir, MANIFEST_PATH, `${JSON.stringify(manifest, null, 2)}\n`);

  return {
    files: [ARCHIVE_PATH, MANIFEST_PATH, ...glyphFiles],
    archiveBytes: bytes.length,
    archiveSha256: sha256,
    stats,
    layerCounts,
  };
}
