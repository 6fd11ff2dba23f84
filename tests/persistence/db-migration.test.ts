import { randomUUID } from 'node:crypto';
import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import type { ActualValue } from '../../src/domain/actuals/actual-value.ts';
import { MuAtlasDb } from '../../src/persistence/db.ts';
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

describe('opening a version 1 database with the app', () => {
  it('upgrades it to version 2 with the actuals and the revision counter intact', async () => {
    const indexedDB = new IDBFactory();
    const name = `muatlas-test-${randomUUID()}`;

    // The database as a browser kept it after issue 3: a Dexie that knows only version 1.
    const v1 = new Dexie(name, { indexedDB, IDBKeyRange });
    v1.version(1).stores({
      actuals: '[indicatorId+districtCode+year], [indicatorId+year], districtCode',
      meta: 'key',
    });
    await v1.table('actuals').put(WUXING_TAX);
    await v1.table('meta').put({ key: 'revisionCounter', value: 7 });
    expect(v1.verno).toBe(1);
    v1.close();

    const db = new MuAtlasDb(name, { indexedDB, IDBKeyRange });
    try {
      await db.open();
      expect(db.verno).toBe(2);
      expect(await db.actuals.toArray()).toEqual([WUXING_TAX]);
      expect(await db.placeCorrections.count()).toBe(0);

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
});
