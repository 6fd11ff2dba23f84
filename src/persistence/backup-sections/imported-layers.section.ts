/**
 * The `importedLayers` backup section (since version 3): the user's imported layers, each with
 * all its records, so a restored layer is whole. Records are listed in their file order; their
 * position is their index. The format is the same whether the database stores records one per
 * row (version 3) or in chunks (version 4).
 */

import type { Geometry } from 'geojson';
import type {
  ImportedLayer,
  ImportedLayerKind,
  ImportedRecord,
} from '../../domain/imports/imported-layer.ts';
import type { BackupSectionSpec } from '../backup-section.ts';
import { chunkRowsOf, chunksOf, recordsOfChunks, type MuAtlasDb } from '../db.ts';
import { isIsoTime, isRecord, isString } from './checks.ts';

/** One record as a backup holds it: its layer and index follow from where it is listed. */
export type BackupImportedRecord = Pick<ImportedRecord, 'geometry' | 'fields'>;

/** An imported layer as a backup holds it: without revision, with its records. */
export type BackupImportedLayer = ImportedLayer & { records: BackupImportedRecord[] };

const KINDS: readonly ImportedLayerKind[] = ['enterprises', 'parcels', 'other'];

const GEOMETRY_TYPES = new Set([
  'Point',
  'MultiPoint',
  'LineString',
  'MultiLineString',
  'Polygon',
  'MultiPolygon',
]);

/** Nested arrays ending in finite numbers, as GeoJSON coordinates are. */
function isCoordinates(value: unknown): boolean {
  if (!Array.isArray(value)) return false;
  return value.every((item) =>
    typeof item === 'number' ? Number.isFinite(item) : isCoordinates(item),
  );
}

function isGeometry(value: unknown): value is Geometry | null {
  if (value === null) return true;
  if (!isRecord(value)) return false;
  if (value.type === 'GeometryCollection') {
    return (
      Array.isArray(value.geometries) && value.geometries.every((g) => g !== null && isGeometry(g))
    );
  }
  return isString(value.type) && GEOMETRY_TYPES.has(value.type) && isCoordinates(value.coordinates);
}

function isFields(value: unknown): value is ImportedRecord['fields'] {
  return (
    isRecord(value) &&
    Object.values(value).every(
      (v) => v === null || isString(v) || (typeof v === 'number' && Number.isFinite(v)),
    )
  );
}

function isStringMap(value: unknown): value is Record<string, string> {
  return isRecord(value) && Object.values(value).every(isString);
}

const isImportedRecord = (value: unknown): value is BackupImportedRecord =>
  isRecord(value) && isGeometry(value.geometry) && isFields(value.fields);

async function deleteRecordsOf(db: MuAtlasDb, layerIds: readonly string[]): Promise<void> {
  for (const layerId of layerIds) await chunksOf(db, layerId).delete();
}

export const importedLayersSection: BackupSectionSpec<'importedLayers', BackupImportedLayer> = {
  name: 'importedLayers',
  sinceVersion: 3,
  tables: (db) => [db.importedLayers, db.importedChunks],
  badField(record) {
    if (!isRecord(record)) return 'record';
    const records = record.records;
    const checks: [string, boolean][] = [
      ['id', isString(record.id) && record.id.trim() !== ''],
      ['name', isString(record.name) && record.name.trim() !== ''],
      ['kind', KINDS.includes(record.kind as ImportedLayerKind)],
      ['sourceFileName', isString(record.sourceFileName)],
      ['importInfo', isStringMap(record.importInfo)],
      ['enteredBy', isString(record.enteredBy)],
      ['createdAt', isIsoTime(record.createdAt)],
      ['updatedAt', isIsoTime(record.updatedAt)],
      ['records', Array.isArray(records) && records.every(isImportedRecord)],
      ['recordCount', Array.isArray(records) && record.recordCount === records.length],
    ];
    return checks.find(([, ok]) => !ok)?.[0];
  },
  read: (record) => ({
    id: record.id as string,
    name: record.name as string,
    kind: record.kind as ImportedLayerKind,
    sourceFileName: record.sourceFileName as string,
    importInfo: { ...(record.importInfo as Record<string, string>) },
    recordCount: record.recordCount as number,
    enteredBy: record.enteredBy as string,
    createdAt: record.createdAt as string,
    updatedAt: record.updatedAt as string,
    records: (record.records as BackupImportedRecord[]).map((r) => ({
      geometry: r.geometry,
      fields: { ...r.fields },
    })),
  }),
  keyOf: (record) => record.id,
  changedAtOf: (record) => record.updatedAt,
  async readAll(db) {
    const layers = await db.importedLayers.orderBy('createdAt').toArray();
    return Promise.all(
      layers.map(async ({ revision: _revision, ...layer }) => ({
        ...layer,
        records: recordsOfChunks(await chunksOf(db, layer.id).toArray()).map(
          ({ geometry, fields }) => ({ geometry, fields }),
        ),
      })),
    );
  },
  async apply(db, { toWrite, toRemove, takeRevision }) {
    // A restored layer replaces the browser's whole, so its old records go first.
    await deleteRecordsOf(
      db,
      [...toRemove, ...toWrite].map((l) => l.id),
    );
    if (toRemove.length > 0) await db.importedLayers.bulkDelete(toRemove.map((l) => l.id));
    for (const { records, ...layer } of toWrite) {
      await db.importedLayers.put({ ...layer, revision: takeRevision() });
      await db.importedChunks.bulkPut(chunkRowsOf(layer.id, records));
    }
  },
};
