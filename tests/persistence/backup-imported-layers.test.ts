import { afterEach, describe, expect, it } from 'vitest';
import {
  exportBackup,
  importBackup,
  serialiseBackup,
} from '../../src/persistence/backup.format.ts';
import type { MuAtlasDb } from '../../src/persistence/db.ts';
import {
  ImportedLayersRepo,
  type ImportedLayerDraft,
} from '../../src/persistence/imported-layers.repo.ts';
import { FIXED_NOW, freshProfile, type Profile } from './fresh-db.ts';

/** Records stored in the database, over every layer's chunks. */
async function storedRecordCount(db: MuAtlasDb): Promise<number> {
  return (await db.importedChunks.toArray()).reduce((n, row) => n + row.count, 0);
}

let profile: Profile;
afterEach(() => profile.close());

const DRAFT: ImportedLayerDraft = {
  name: '吴兴区企业',
  kind: 'enterprises',
  sourceFileName: 'wuxing.csv',
  importInfo: { encoding: 'GB18030' },
  records: [
    { geometry: { type: 'Point', coordinates: [120.09, 30.87] }, fields: { name: '甲公司' } },
    { geometry: null, fields: { name: '乙公司', taxWanYuan: 12.5 } },
  ],
};

async function seedLayer(db: MuAtlasDb, draft = DRAFT, id = 'layer-a') {
  const result = await new ImportedLayersRepo(db, {
    now: () => FIXED_NOW,
    newId: () => id,
  }).commit(draft, { enteredBy: '王工' });
  if (!result.ok) throw new Error(result.kind);
}

async function backupTextOf(db: MuAtlasDb) {
  return serialiseBackup(await exportBackup(db, FIXED_NOW));
}

describe('backups with imported layers', () => {
  it('round-trips a layer with all its records, in order, into an empty profile', async () => {
    profile = freshProfile();
    const source = profile.openTab();
    await seedLayer(source);
    const text = await backupTextOf(source);
    expect(JSON.parse(text).importedLayers[0].records).toHaveLength(2);

    const target = freshProfile();
    try {
      const db = target.openTab();
      const result = await importBackup(db, text, { mode: 'merge' });
      expect(result.ok && result.summary.importedLayers.added).toBe(1);
      const repo = new ImportedLayersRepo(db);
      const [layer] = await repo.listLayers();
      expect(layer).toMatchObject({ id: 'layer-a', name: '吴兴区企业', recordCount: 2 });
      const records = await repo.records('layer-a');
      expect(records.map((r) => [r.index, r.fields.name, r.geometry?.type ?? null])).toEqual([
        [0, '甲公司', 'Point'],
        [1, '乙公司', null],
      ]);
    } finally {
      target.close();
    }
  });

  it('replace mode removes layers the file does not hold, with their records', async () => {
    profile = freshProfile();
    const db = profile.openTab();
    await seedLayer(db);
    const text = await backupTextOf(db);
    await seedLayer(db, { ...DRAFT, name: '后来的' }, 'layer-b');
    const result = await importBackup(db, text, { mode: 'replace' });
    expect(result.ok && result.summary.importedLayers.removed).toBe(1);
    expect((await db.importedLayers.toArray()).map((l) => l.id)).toEqual(['layer-a']);
    expect(
      await db.importedChunks
        .where('[layerId+chunk]')
        .between(['layer-b', 0], ['layer-b', Infinity])
        .count(),
    ).toBe(0);
  });

  it('a restored newer layer replaces the browser’s records instead of adding to them', async () => {
    profile = freshProfile();
    const db = profile.openTab();
    await seedLayer(db);
    const file = JSON.parse(await backupTextOf(db));
    file.importedLayers[0].updatedAt = '2030-01-01T00:00:00.000Z';
    file.importedLayers[0].records = [file.importedLayers[0].records[1]];
    file.importedLayers[0].recordCount = 1;
    const result = await importBackup(db, JSON.stringify(file), { mode: 'merge' });
    expect(result.ok && result.summary.importedLayers.updated).toBe(1);
    const records = await new ImportedLayersRepo(db).records('layer-a');
    expect(records.map((r) => r.fields.name)).toEqual(['乙公司']);
  });

  it.each([
    ['a record count that disagrees with the records', { recordCount: 5 }, 'recordCount'],
    ['an unknown kind', { kind: 'roads' }, 'kind'],
    [
      'a geometry with text coordinates',
      { records: [{ geometry: { type: 'Point', coordinates: ['120', 30] }, fields: {} }] },
      'records',
    ],
    [
      'a field holding an object',
      { records: [{ geometry: null, fields: { name: { zh: '甲' } } }], recordCount: 1 },
      'records',
    ],
  ])('refuses %s and changes nothing', async (_label, change, field) => {
    profile = freshProfile();
    const db = profile.openTab();
    await seedLayer(db);
    const file = JSON.parse(await backupTextOf(db));
    Object.assign(file.importedLayers[0], change, { updatedAt: '2030-01-01T00:00:00.000Z' });
    const result = await importBackup(db, JSON.stringify(file), { mode: 'replace' });
    expect(result).toMatchObject({
      ok: false,
      kind: 'invalid',
      problems: [
        { id: 'backup.badRecord', params: { section: 'importedLayers', index: 0, field } },
      ],
    });
    expect(await storedRecordCount(db)).toBe(2);
  });

  it('a version 2 file (before imported layers) leaves the browser’s layers alone', async () => {
    profile = freshProfile();
    const db = profile.openTab();
    await seedLayer(db);
    const v2 = { format: 'muatlas-backup', schemaVersion: 2, actuals: [], placeCorrections: [] };
    const result = await importBackup(db, JSON.stringify(v2), { mode: 'replace' });
    expect(result.ok && result.summary.importedLayers).toEqual({
      added: 0,
      updated: 0,
      kept: 0,
      removed: 0,
    });
    expect(await storedRecordCount(db)).toBe(2);
  });
});
