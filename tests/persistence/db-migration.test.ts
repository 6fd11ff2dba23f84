import { randomUUID } from 'node:crypto';
import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import type { ActualValue } from '../../src/domain/actuals/actual-value.ts';
import {
  MuAtlasDb,
  RECORDS_PER_CHUNK,
  SCHEMA_VERSION,
  type PlaceCorrection,
  type StoredImportedLayer,
} from '../../src/persistence/db.ts';
import {
  exportBackup,
  importBackup,
  serialiseBackup,
} from '../../src/persistence/backup.format.ts';
import { ImportedLayersRepo } from '../../src/persistence/imported-layers.repo.ts';
import { PlaceCorrectionsRepo } from '../../src/persistence/place-corrections.repo.ts';

const WUXING_TAX: ActualValue = {
  indicatorId: 'tax_per_mu',
  districtCode: '330502',
  year: 2023,
  value: 41.5,
  note: '快报',
  enteredBy: '张工',
  enteredAt: '2024-03-01T08:30:00.000Z',
  revision: 7,
  origin: 'user',
};

const CORRECTION: PlaceCorrection = {
  placeId: 'hz-ent-01',
  lon: 120.11,
  lat: 30.88,
  enteredBy: '李工',
  enteredAt: '2024-05-02T09:00:00.000Z',
  note: '现场核实',
  revision: 8,
};

/** Each released schema, exactly as that release declared it (db.ts keeps the history). */
const RELEASED_SCHEMAS: Record<number, Record<string, string>[]> = {
  1: [
    {
      actuals: '[indicatorId+districtCode+year], [indicatorId+year], districtCode',
      meta: 'key',
    },
  ],
  2: [
    {
      actuals: '[indicatorId+districtCode+year], [indicatorId+year], districtCode',
      meta: 'key',
    },
    { placeCorrections: 'placeId' },
  ],
  3: [
    {
      actuals: '[indicatorId+districtCode+year], [indicatorId+year], districtCode',
      meta: 'key',
    },
    { placeCorrections: 'placeId' },
    {
      zones: 'id, updatedAt',
      zoneEdits: '++seq, zoneId',
      briefings: 'id, updatedAt',
      importedLayers: 'id, createdAt',
      importedRecords: '[layerId+index], layerId',
      importLayouts: 'layoutKey',
      settings: 'key',
    },
  ],
};

/** A database as a browser kept it after `version`'s release, holding `fill`'s rows. */
async function releasedDatabase(
  version: number,
  fill: (db: Dexie) => Promise<void>,
): Promise<{ name: string; indexedDB: IDBFactory }> {
  const indexedDB = new IDBFactory();
  const name = `muatlas-test-${randomUUID()}`;
  const old = new Dexie(name, { indexedDB, IDBKeyRange });
  RELEASED_SCHEMAS[version]!.forEach((stores, i) => old.version(i + 1).stores(stores));
  await fill(old);
  expect(old.verno).toBe(version);
  old.close();
  return { name, indexedDB };
}

describe('opening a released database with the app', () => {
  it('upgrades version 1 with the actuals and the revision counter intact', async () => {
    const { name, indexedDB } = await releasedDatabase(1, async (v1) => {
      await v1.table('actuals').put(WUXING_TAX);
      await v1.table('meta').put({ key: 'revisionCounter', value: 7 });
    });

    const db = new MuAtlasDb(name, { indexedDB, IDBKeyRange });
    try {
      await db.open();
      expect(db.verno).toBe(SCHEMA_VERSION);
      expect(await db.actuals.toArray()).toEqual([WUXING_TAX]);
      expect(await db.placeCorrections.count()).toBe(0);
      expect(await db.zones.count()).toBe(0);

      // The new table takes revisions from the counter version 1 left, so none is reused.
      const result = await new PlaceCorrectionsRepo(db).put(
        { placeId: 'hz-ent-01', lon: 120.1, lat: 30.9, baseRevision: 0 },
        { enteredBy: '' },
      );
      expect(result.ok && result.saved.revision).toBe(8);
    } finally {
      db.close();
    }
  });

  it('upgrades version 2 with actuals, corrections and the counter intact', async () => {
    const { name, indexedDB } = await releasedDatabase(2, async (v2) => {
      await v2.table('actuals').put(WUXING_TAX);
      await v2.table('placeCorrections').put(CORRECTION);
      await v2.table('meta').put({ key: 'revisionCounter', value: 8 });
    });

    const db = new MuAtlasDb(name, { indexedDB, IDBKeyRange });
    try {
      await db.open();
      expect(db.verno).toBe(SCHEMA_VERSION);
      expect(await db.actuals.toArray()).toEqual([WUXING_TAX]);
      expect(await db.placeCorrections.toArray()).toEqual([CORRECTION]);
      for (const table of [
        db.zones,
        db.zoneEdits,
        db.briefings,
        db.importedLayers,
        db.importedRecords,
        db.importedChunks,
        db.importLayouts,
        db.settings,
      ]) {
        expect(await table.count(), table.name).toBe(0);
      }
      expect(await db.meta.get('revisionCounter')).toEqual({
        key: 'revisionCounter',
        value: 8,
      });
    } finally {
      db.close();
    }
  });

  it('upgrades version 3 with every imported layer’s records moved into chunks, in order', async () => {
    const layer = (id: string, recordCount: number): StoredImportedLayer => ({
      id,
      name: `图层 ${id}`,
      kind: 'enterprises',
      sourceFileName: `${id}.csv`,
      importInfo: { encoding: 'utf-8' },
      recordCount,
      enteredBy: '王工',
      createdAt: `2024-06-0${id === 'big' ? 1 : 2}T08:00:00.000Z`,
      updatedAt: '2024-06-03T08:00:00.000Z',
      revision: id === 'big' ? 1 : 2,
    });
    // More than one chunk, and a last chunk that is not full.
    const big = RECORDS_PER_CHUNK + 7;
    const recordOf = (layerId: string, index: number) => ({
      layerId,
      index,
      geometry: index % 5 === 0 ? null : { type: 'Point', coordinates: [120 + index / 1e6, 30.8] },
      fields: { name: `${layerId}企业${index}`, landAreaMu: index % 9 === 0 ? null : 10 + index },
    });
    const { name, indexedDB } = await releasedDatabase(3, async (v3) => {
      await v3.table('importedLayers').bulkPut([layer('big', big), layer('small', 3)]);
      await v3
        .table('importedRecords')
        .bulkPut([
          ...Array.from({ length: big }, (_, i) => recordOf('big', i)),
          ...Array.from({ length: 3 }, (_, i) => recordOf('small', i)),
        ]);
      await v3.table('meta').put({ key: 'revisionCounter', value: 2 });
    });

    const db = new MuAtlasDb(name, { indexedDB, IDBKeyRange });
    try {
      await db.open();
      expect(db.verno).toBe(SCHEMA_VERSION);
      expect(await db.importedRecords.count()).toBe(0);
      expect(await db.importedChunks.count()).toBe(3);
      const repo = new ImportedLayersRepo(db);
      const records = await repo.records('big');
      expect(records).toHaveLength(big);
      records.forEach((r, i) => expect(r).toEqual(recordOf('big', i)));
      expect(await repo.records('small')).toEqual([0, 1, 2].map((i) => recordOf('small', i)));
      expect(await repo.record('big', big - 1)).toEqual(recordOf('big', big - 1));
      expect((await repo.listLayers()).map((l) => l.recordCount)).toEqual([big, 3]);

      // A backup still holds every record, and restores into a fresh database whole.
      const text = serialiseBackup(await exportBackup(db));
      const target = new MuAtlasDb(`${name}-restored`, { indexedDB, IDBKeyRange });
      try {
        expect((await importBackup(target, text, { mode: 'replace' })).ok).toBe(true);
        expect(await new ImportedLayersRepo(target).records('small')).toEqual(
          [0, 1, 2].map((i) => recordOf('small', i)),
        );
      } finally {
        target.close();
      }
    } finally {
      db.close();
    }
  });
});
