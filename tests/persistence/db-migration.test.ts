import { randomUUID } from 'node:crypto';
import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import type { ActualValue } from '../../src/domain/actuals/actual-value.ts';
import { MuAtlasDb, SCHEMA_VERSION, type PlaceCorrection } from '../../src/persistence/db.ts';
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
});
