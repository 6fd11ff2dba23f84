import { afterEach, describe, expect, it } from 'vitest';
import { RECORDS_PER_CHUNK, type MuAtlasDb } from '../../src/persistence/db.ts';
import {
  CHUNKS_PER_BATCH,
  ImportedLayersRepo,
  MAX_LAYER_NAME_LENGTH,
  type ImportedLayerDraft,
} from '../../src/persistence/imported-layers.repo.ts';
import { FIXED_NOW, failWritesWhileFull, freshProfile, type Profile } from './fresh-db.ts';

let profile: Profile;
afterEach(() => profile.close());

function openRepo(db?: MuAtlasDb) {
  let next = 0;
  return new ImportedLayersRepo(db ?? profile.openTab(), {
    now: () => FIXED_NOW,
    newId: () => `layer-${(next += 1)}`,
  });
}

const AUTHOR = { enteredBy: ' 王工 ' };

/** Records stored in the database, over every layer's chunks. */
async function storedRecordCount(db: MuAtlasDb): Promise<number> {
  return (await db.importedChunks.toArray()).reduce((n, row) => n + row.count, 0);
}

function enterprises(count: number): ImportedLayerDraft['records'] {
  return Array.from({ length: count }, (_, i) => ({
    geometry: { type: 'Point', coordinates: [120 + (i % 1000) / 10000, 30.8 + i / 1e7] },
    fields: { name: `企业${i}`, landAreaMu: 10 + (i % 7), taxWanYuan: i % 13 === 0 ? null : i },
  }));
}

const DRAFT: ImportedLayerDraft = {
  name: ' 吴兴区企业 2023 ',
  kind: 'enterprises',
  sourceFileName: 'wuxing.csv',
  importInfo: { encoding: 'GB18030', crs: 'EPSG:4326' },
  records: enterprises(3),
};

describe('ImportedLayersRepo.commit', () => {
  it('stores the layer with every record, in file order, and a trimmed name', async () => {
    profile = freshProfile();
    const repo = openRepo();
    const result = await repo.commit(DRAFT, AUTHOR);
    expect(result.ok).toBe(true);
    const stored = await repo.listLayers();
    expect(stored).toEqual([
      {
        id: 'layer-1',
        name: '吴兴区企业 2023',
        kind: 'enterprises',
        sourceFileName: 'wuxing.csv',
        importInfo: { encoding: 'GB18030', crs: 'EPSG:4326' },
        recordCount: 3,
        enteredBy: '王工',
        createdAt: FIXED_NOW.toISOString(),
        updatedAt: FIXED_NOW.toISOString(),
        revision: 1,
      },
    ]);
    const records = await repo.records('layer-1');
    expect(records.map((r) => [r.index, r.fields.name])).toEqual([
      [0, '企业0'],
      [1, '企业1'],
      [2, '企业2'],
    ]);
    expect(records[0]?.fields.taxWanYuan).toBeNull();
  });

  it('keeps two layers’ records apart', async () => {
    profile = freshProfile();
    const repo = openRepo();
    await repo.commit(DRAFT, AUTHOR);
    await repo.commit({ ...DRAFT, name: '第二层', records: enterprises(5) }, AUTHOR);
    expect(await repo.records('layer-1')).toHaveLength(3);
    expect(await repo.records('layer-2')).toHaveLength(5);
    expect(await repo.records('layer-3')).toEqual([]);
  });

  it.each([
    ['a blank name', { name: '  ' }, ['emptyName']],
    ['a name that is too long', { name: 'x'.repeat(MAX_LAYER_NAME_LENGTH + 1) }, ['nameTooLong']],
    ['no records', { records: [] }, ['noRecords']],
    ['a blank name and no records', { name: '', records: [] }, ['emptyName', 'noRecords']],
  ])('refuses %s and writes nothing', async (_label, change, reasons) => {
    profile = freshProfile();
    const repo = openRepo();
    expect(await repo.commit({ ...DRAFT, ...change }, AUTHOR)).toEqual({
      ok: false,
      kind: 'invalid',
      reasons,
    });
    expect(await repo.listLayers()).toEqual([]);
  });

  it('writes nothing at all when the disk fills during the records, and succeeds on retry', async () => {
    profile = freshProfile();
    const db = profile.openTab();
    const diskFull = { value: false };
    // Only the records fail, after the layer row and the revision counter were written in the
    // same transaction: both must be rolled back with them.
    db.use({
      stack: 'dbcore',
      name: 'records-disk-full',
      create: (down) => ({
        ...down,
        table: (tableName) => {
          const table = down.table(tableName);
          return {
            ...table,
            mutate: (request) =>
              diskFull.value && tableName === 'importedChunks'
                ? Promise.reject(new DOMException('simulated', 'QuotaExceededError'))
                : table.mutate(request),
          };
        },
      }),
    });
    const repo = openRepo(db);
    diskFull.value = true;
    const failed = await repo.commit(DRAFT, AUTHOR);
    expect(failed).toMatchObject({ ok: false, kind: 'storage-full' });
    expect(await repo.listLayers()).toEqual([]);
    expect(await storedRecordCount(db)).toBe(0);
    expect(await db.meta.get('revisionCounter')).toBeUndefined();
    diskFull.value = false;
    const retried = await repo.commit(DRAFT, AUTHOR);
    expect(retried.ok && retried.layer.revision).toBe(1);
    expect(await storedRecordCount(db)).toBe(3);
  });

  it('rolls back the batches already written when a later batch hits a full disk', async () => {
    profile = freshProfile();
    const db = profile.openTab();
    let recordWrites = 0;
    db.use({
      stack: 'dbcore',
      name: 'third-batch-disk-full',
      create: (down) => ({
        ...down,
        table: (tableName) => {
          const table = down.table(tableName);
          return {
            ...table,
            mutate: (request) =>
              tableName === 'importedChunks' && ++recordWrites === 3
                ? Promise.reject(new DOMException('simulated', 'QuotaExceededError'))
                : table.mutate(request),
          };
        },
      }),
    });
    const repo = openRepo(db);
    const records = enterprises(RECORDS_PER_CHUNK * CHUNKS_PER_BATCH * 3);
    expect(await repo.commit({ ...DRAFT, records }, AUTHOR)).toMatchObject({
      ok: false,
      kind: 'storage-full',
    });
    expect(recordWrites).toBe(3);
    expect(await storedRecordCount(db)).toBe(0);
    expect(await repo.listLayers()).toEqual([]);
  });

  it('stores 100,000 records in one commit and reads them back', async () => {
    profile = freshProfile();
    const repo = openRepo();
    const count = 100_000;
    const result = await repo.commit({ ...DRAFT, records: enterprises(count) }, AUTHOR);
    expect(result.ok && result.layer.recordCount).toBe(count);
    const records = await repo.records('layer-1');
    expect(records).toHaveLength(count);
    expect(records[count - 1]).toMatchObject({ index: count - 1, fields: { name: '企业99999' } });
  }, 120_000);
});

describe('ImportedLayersRepo.rename', () => {
  it('renames the layer the user saw and gives it a new revision', async () => {
    profile = freshProfile();
    const repo = openRepo();
    await repo.commit(DRAFT, AUTHOR);
    const result = await repo.rename('layer-1', ' 吴兴 ', 1);
    expect(result.ok && [result.layer.name, result.layer.revision]).toEqual(['吴兴', 2]);
    expect((await repo.getLayer('layer-1'))?.name).toBe('吴兴');
  });

  it('reports a conflict when another tab renamed it first, keeping their name', async () => {
    profile = freshProfile();
    const tabA = openRepo();
    const tabB = openRepo(profile.openTab());
    await tabA.commit(DRAFT, AUTHOR);
    await tabB.rename('layer-1', '乙的名字', 1);
    const result = await tabA.rename('layer-1', '甲的名字', 1);
    expect(result).toMatchObject({ ok: false, kind: 'conflict', current: { name: '乙的名字' } });
    expect((await tabA.getLayer('layer-1'))?.name).toBe('乙的名字');
  });

  it('refuses a blank name', async () => {
    profile = freshProfile();
    const repo = openRepo();
    await repo.commit(DRAFT, AUTHOR);
    expect(await repo.rename('layer-1', ' ', 1)).toMatchObject({ reasons: ['emptyName'] });
  });
});

describe('ImportedLayersRepo.delete', () => {
  it('removes the layer and all its records, and no other layer’s', async () => {
    profile = freshProfile();
    const db = profile.openTab();
    const repo = openRepo(db);
    await repo.commit(DRAFT, AUTHOR);
    await repo.commit({ ...DRAFT, name: '留下', records: enterprises(4) }, AUTHOR);
    const result = await repo.delete('layer-1', 1);
    expect(result).toMatchObject({ ok: true, removedRecordCount: 3, removed: { id: 'layer-1' } });
    expect((await repo.listLayers()).map((l) => l.name)).toEqual(['留下']);
    expect(await storedRecordCount(db)).toBe(4);
  });

  it('deletes nothing when the layer changed in another tab since it was shown', async () => {
    profile = freshProfile();
    const repo = openRepo();
    await repo.commit(DRAFT, AUTHOR);
    await repo.rename('layer-1', '新名字', 1);
    expect(await repo.delete('layer-1', 1)).toMatchObject({ ok: false, kind: 'conflict' });
    expect(await repo.records('layer-1')).toHaveLength(3);
  });

  it('deletes nothing when the disk is full (the journal write fails)', async () => {
    profile = freshProfile();
    const db = profile.openTab();
    const diskFull = { value: false };
    failWritesWhileFull(db, diskFull, 'QuotaExceededError');
    const repo = openRepo(db);
    await repo.commit(DRAFT, AUTHOR);
    diskFull.value = true;
    expect(await repo.delete('layer-1', 1)).toMatchObject({ ok: false, kind: 'storage-full' });
    diskFull.value = false;
    expect(await repo.records('layer-1')).toHaveLength(3);
    expect(await repo.listLayers()).toHaveLength(1);
  });
});

describe('ImportedLayersRepo layout mappings', () => {
  it('remembers the last mapping per layout key', async () => {
    profile = freshProfile();
    const repo = openRepo();
    expect(await repo.layoutMapping('企业名称|信用代码')).toBeUndefined();
    await repo.saveLayoutMapping('企业名称|信用代码', { 企业名称: 'name' });
    await repo.saveLayoutMapping('企业名称|信用代码', {
      企业名称: 'name',
      信用代码: 'creditCode',
    });
    await repo.saveLayoutMapping('other', { a: 'b' });
    expect(await repo.layoutMapping('企业名称|信用代码')).toEqual({
      企业名称: 'name',
      信用代码: 'creditCode',
    });
  });
});
