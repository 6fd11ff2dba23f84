/**
 * The one IndexedDB database of MuAtlas, with its whole schema history.
 *
 * Rules for changing it:
 * - A released `version(n)` is never edited. A change is a new `version(n + 1)` below the last
 *   one, listing only the tables it adds or changes, with `upgrade()` for any data change.
 * - Only the user's own data lives here; seed figures ship with the app and are never copied in.
 */

import Dexie, { type DexieOptions, type Table } from 'dexie';
import type { ActualValue } from '../domain/actuals/actual-value.ts';
import type { Briefing } from '../domain/briefings/briefing.ts';
import type { ImportedLayer, ImportedRecord } from '../domain/imports/imported-layer.ts';
import type { Zone } from '../domain/zones/zone.ts';

/** The database name in the browser profile. Tests pass their own names. */
export const DEFAULT_DB_NAME = 'muatlas';

/** The newest schema version defined below; backups and diagnostics report it. */
export const SCHEMA_VERSION = 4;

/**
 * Where a user says a place really is, instead of the point MuAtlas chose from the seeds. Only
 * the user's correction is stored; the original point stays in places.geojson, so reverting is
 * deleting the row.
 */
export interface PlaceCorrection {
  /** The place's id in places.geojson (`hz-ent-07`, `sx-prj-03` …). */
  placeId: string;
  /** WGS-84 degrees. */
  lon: number;
  lat: number;
  /** The name the user chose (谁校正); empty when none. */
  enteredBy: string;
  /** ISO time of the correction. */
  enteredAt: string;
  note: string;
  /** From the database-wide counter (see {@link takeRevisions}). */
  revision: number;
}

/**
 * A zone in its stored form: the zone's fields with its outline as one `Float64Array` of
 * lon,lat pairs (`ring`, closed, counter-clockwise) instead of GeoJSON's nested arrays.
 * IndexedDB clones a typed array as one block but every nested position as an object of its
 * own, which made reading 10,000 zones take seconds (bench zones-storage). The zones repository
 * converts to and from GeoJSON at its boundary; backups hold GeoJSON.
 */
export type PackedZone = Omit<Zone, 'geometry'> & { ring: Float64Array<ArrayBuffer> };

/** A row of the `zones` table: a packed zone and its revision from the shared counter. */
export interface ZoneRow extends PackedZone {
  revision: number;
}

/**
 * One applied zone edit, written in the same transaction as the change itself, so the journal
 * that undo and redo walk (and the zones snapshot's reader) is exactly what storage holds. `before`/`after` are null for a
 * creation/deletion; packed like the zones table.
 */
export interface ZoneEditRow {
  /** Auto-incremented; the journal's order. */
  seq?: number;
  zoneId: string;
  /** ISO time of the edit. */
  at: string;
  before: PackedZone | null;
  after: PackedZone | null;
}

export interface StoredBriefing extends Briefing {
  revision: number;
}

export interface StoredImportedLayer extends ImportedLayer {
  revision: number;
}

/**
 * Records of an imported layer stored together ({@link RECORDS_PER_CHUNK} to a row): their
 * geometry and fields as one JSON text, in file order. IndexedDB stores a string as one block
 * but every record as a row with its own key and index entries, which made storing 200,000
 * records one per row take ~24 s (bench import-ui); chunks of JSON take a few hundred ms.
 */
export interface ImportedChunkRow {
  layerId: string;
  /** 0-based; the row holds records `chunk * RECORDS_PER_CHUNK` onwards. */
  chunk: number;
  /** Records in the row (the last row of a layer may hold fewer). */
  count: number;
  /** JSON array of `{ geometry, fields }`, one per record, in index order. */
  records: string;
}

/** Records per {@link ImportedChunkRow}: small enough that the record card parses one quickly. */
export const RECORDS_PER_CHUNK = 2_000;

/** The chunk rows of a layer's records, in order. */
export function chunkRowsOf(
  layerId: string,
  records: ReadonlyArray<Pick<ImportedRecord, 'geometry' | 'fields'>>,
): ImportedChunkRow[] {
  const rows: ImportedChunkRow[] = [];
  for (let start = 0; start < records.length; start += RECORDS_PER_CHUNK) {
    const slice = records.slice(start, start + RECORDS_PER_CHUNK);
    rows.push({
      layerId,
      chunk: start / RECORDS_PER_CHUNK,
      count: slice.length,
      records: JSON.stringify(slice.map(({ geometry, fields }) => ({ geometry, fields }))),
    });
  }
  return rows;
}

/** The records of a layer's chunk rows (given in chunk order), with their layer and index. */
export function recordsOfChunks(rows: readonly ImportedChunkRow[]): ImportedRecord[] {
  const out: ImportedRecord[] = [];
  for (const row of rows) {
    const records = JSON.parse(row.records) as Pick<ImportedRecord, 'geometry' | 'fields'>[];
    const first = row.chunk * RECORDS_PER_CHUNK;
    records.forEach(({ geometry, fields }, i) =>
      out.push({ layerId: row.layerId, index: first + i, geometry, fields }),
    );
  }
  return out;
}

/** A layer's chunk rows, in chunk order, to read or delete. */
export function chunksOf(db: MuAtlasDb, layerId: string) {
  return db.importedChunks
    .where('[layerId+chunk]')
    .between([layerId, Dexie.minKey], [layerId, Dexie.maxKey]);
}

/** A remembered column mapping, keyed by the file layout it was made for. */
export interface ImportLayoutRow {
  /** Derived from the header row (see the importer), so the same layout maps the same way. */
  layoutKey: string;
  mapping: Record<string, string>;
  savedAt: string;
}

/** Settings the user changed, one row per key (evaluation weights, …). */
export interface SettingRow {
  key: string;
  value: unknown;
  savedAt: string;
}

/** `[indicatorId, districtCode, year]`, the primary key of `actuals`. */
export type ActualPrimaryKey = [indicatorId: string, districtCode: string, year: number];

/** Small facts about the database itself, one row per key. */
export type MetaRow =
  /** The last revision handed out; every write takes the next ones (see actuals.repo.ts). */
  | { key: 'revisionCounter'; value: number }
  /** When the app asked the browser to keep storage, and the answer. */
  | { key: 'persistRequest'; value: { askedAt: string; granted: boolean } }
  /** Every zone in one record, a cache for page loads (see {@link ZonesSnapshot}). */
  | { key: 'zonesSnapshot'; value: ZonesSnapshot };

/**
 * Every row of the `zones` table as of journal entry `seq`, in one value: IndexedDB reads one
 * record much faster than 10,000 (bench zones-storage). Only a cache: the `zones` table is the
 * truth, and a reader applies the journal entries after `seq` by reading those zones' rows.
 * Sound because every change to `zones` appends to `zoneEdits` in the same transaction.
 */
export interface ZonesSnapshot {
  /** The last journal entry included; 0 when the journal was empty. */
  seq: number;
  /** Sorted by id, as the table returns them. */
  rows: ZoneRow[];
}

export type MetaKey = MetaRow['key'];

/** The MuAtlas database. Construct one per page (or per test, with its own name). */
export class MuAtlasDb extends Dexie {
  // `declare` so class-field semantics do not overwrite the tables Dexie attaches.
  declare actuals: Table<ActualValue, ActualPrimaryKey>;
  declare meta: Table<MetaRow, MetaKey>;
  declare placeCorrections: Table<PlaceCorrection, string>;
  declare zones: Table<ZoneRow, string>;
  declare zoneEdits: Table<ZoneEditRow, number>;
  declare briefings: Table<StoredBriefing, string>;
  declare importedLayers: Table<StoredImportedLayer, string>;
  /** One record a row, as version 3 stored them; empty from version 4 on (see importedChunks). */
  declare importedRecords: Table<ImportedRecord, [string, number]>;
  declare importedChunks: Table<ImportedChunkRow, [string, number]>;
  declare importLayouts: Table<ImportLayoutRow, string>;
  declare settings: Table<SettingRow, string>;

  /**
   * @param name database name; tests use a fresh one each.
   * @param options Dexie options; tests pass `indexedDB` and `IDBKeyRange` from fake-indexeddb.
   */
  constructor(name: string = DEFAULT_DB_NAME, options: DexieOptions = {}) {
    // Strict durability: a write reports success only once it is on disk, so a crash or power
    // loss right after "saved" cannot lose a planner's figure. Writes are small and rare.
    super(name, { chromeTransactionDurability: 'strict', ...options });

    // Version 1 (issue 3): actual values typed by planners, and meta.
    this.version(1).stores({
      actuals: '[indicatorId+districtCode+year], [indicatorId+year], districtCode',
      meta: 'key',
    });

    // Version 2 (issue 4): users' corrections of where a place is. A new table only, so the
    // upgrade moves no data.
    this.version(2).stores({
      placeCorrections: 'placeId',
    });

    // Version 3 (issues 5–7): renewal zones with their edit journal, briefings, imported
    // layers with their records and remembered column mappings, and settings. New tables
    // only, so the upgrade moves no data.
    this.version(3).stores({
      zones: 'id, updatedAt',
      zoneEdits: '++seq, zoneId',
      briefings: 'id, updatedAt',
      importedLayers: 'id, createdAt',
      importedRecords: '[layerId+index], layerId',
      importLayouts: 'layoutKey',
      settings: 'key',
    });

    // Version 4 (issue 7): imported records in chunks of JSON instead of one row each (see
    // ImportedChunkRow). The upgrade moves every layer's records into chunks and empties the
    // old table; it stays declared, as Dexie reads a table in an upgrade only while it exists.
    this.version(4)
      .stores({ importedChunks: '[layerId+chunk]' })
      .upgrade(async (tx) => {
        const old = tx.table<ImportedRecord, [string, number]>('importedRecords');
        const chunks = tx.table<ImportedChunkRow, [string, number]>('importedChunks');
        const layerIds = (await old.orderBy('layerId').uniqueKeys()) as string[];
        for (const layerId of layerIds) {
          const records = await old
            .where('[layerId+index]')
            .between([layerId, Dexie.minKey], [layerId, Dexie.maxKey])
            .toArray();
          await chunks.bulkAdd(chunkRowsOf(layerId, records));
        }
        await old.clear();
      });
  }
}

/**
 * Takes `count` new revisions from the database-wide counter, inside the caller's transaction.
 * One counter for all records (not one per record) means a revision is never reused, so a tab
 * holding revision 1 of a record that was deleted and created again still gets a conflict.
 * Returns the first new revision; the batch owns `first … first + count - 1`.
 */
export async function takeRevisions(db: MuAtlasDb, count: number): Promise<number> {
  const row = await db.meta.get('revisionCounter');
  const last = row?.key === 'revisionCounter' ? row.value : 0;
  await db.meta.put({ key: 'revisionCounter', value: last + count });
  return last + 1;
}
