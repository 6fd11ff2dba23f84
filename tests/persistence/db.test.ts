import { afterEach, describe, expect, it } from 'vitest';
import { SCHEMA_VERSION } from '../../src/persistence/db.ts';
import { freshProfile, type Profile } from './fresh-db.ts';

let profile: Profile;
afterEach(() => profile.close());

describe('MuAtlasDb', () => {
  it('opens the newest version on an empty profile with every table', async () => {
    profile = freshProfile();
    const db = profile.openTab();
    await db.open();
    expect(db.verno).toBe(SCHEMA_VERSION);
    expect(db.tables.map((t) => t.name).sort()).toEqual([
      'actuals',
      'briefings',
      'importLayouts',
      'importedChunks',
      'importedLayers',
      'importedRecords',
      'meta',
      'placeCorrections',
      'settings',
      'zoneEdits',
      'zones',
    ]);
    expect(await db.actuals.count()).toBe(0);
    expect(await db.placeCorrections.count()).toBe(0);
    expect(await db.meta.count()).toBe(0);
  });

  it('keys actuals by indicator, district and year, and indexes indicator+year', async () => {
    profile = freshProfile();
    const db = profile.openTab();
    await db.open();
    const schema = db.actuals.schema;
    expect(schema.primKey.keyPath).toEqual(['indicatorId', 'districtCode', 'year']);
    expect(schema.indexes.map((i) => i.name).sort()).toEqual([
      '[indicatorId+year]',
      'districtCode',
    ]);
  });

  it('lets a second connection open the same database alongside the first', async () => {
    profile = freshProfile();
    const first = profile.openTab();
    const second = profile.openTab();
    await first.actuals.put({
      indicatorId: 'tax_per_mu',
      districtCode: '330502',
      year: 2023,
      value: 48,
      note: '',
      enteredBy: '',
      enteredAt: '2024-03-01T08:30:00.000Z',
      revision: 1,
      origin: 'user',
    });
    expect(await second.actuals.count()).toBe(1);
  });
});
