// Dexie's liveQuery stays silent unless a global indexedDB exists when Dexie loads, so this
// import must come before any module that imports Dexie. Databases still use their own factory.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ImportFile } from '../domain/imports/index.ts';
import type { MapController } from '../map/map-controller.svelte.ts';
import type { MuAtlasDb } from '../persistence/db.ts';
import {
  failWritesWhileFull,
  freshProfile,
  type Profile,
} from '../../tests/persistence/fresh-db.ts';
import { InlineImportWorker } from '../workers/inline-worker.test-helper.ts';
import { workerImportEngine } from './imports-worker.ts';
import { ImportsState, layerNameOfFile, type ImportEngine } from './imports.svelte.ts';

/** Records stored in the database, over every layer's chunks. */
async function storedRecordCount(db: MuAtlasDb): Promise<number> {
  return (await db.importedChunks.toArray()).reduce((n, row) => n + row.count, 0);
}

let profile: Profile;
const states: ImportsState[] = [];
const stops: Array<() => void> = [];
afterEach(() => {
  stops.splice(0).forEach((stop) => stop());
  states.splice(0).forEach((s) => s.dispose());
  profile.close();
});

/** The real worker code, run in this thread over the test's database. */
const engineOver = (db: MuAtlasDb): ImportEngine =>
  workerImportEngine(() => new InlineImportWorker(db));

const NO_MAP = { map: {} as MapController };

async function openState(db: MuAtlasDb, engine: ImportEngine = engineOver(db)) {
  let next = 0;
  const state = new ImportsState(NO_MAP, db, engine, {
    nameStore: null,
    newId: () => `layer-${(next += 1)}`,
  });
  states.push(state);
  stops.push(state.startSync());
  await vi.waitFor(() => expect(state.loaded).toBe(true));
  return state;
}

function csvFile(name: string, lines: string[]): ImportFile {
  return { name, bytes: new TextEncoder().encode(lines.join('\n')) };
}

const HEADER = '企业名称,经度,纬度,用地面积（亩）,实缴税金（万元）';
const GOOD_AND_BAD = csvFile('吴兴企业.csv', [
  HEADER,
  '浙江美欣达印染集团股份有限公司,120.09,30.87,35.5,420',
  '乙公司,120.10,30.88,待核实,66',
  '丙公司,120.11,30.89,12,8.5',
]);

describe('ImportsState wizard', () => {
  it('previews a file with its rejected row, stores nothing, then commits every good record', async () => {
    profile = freshProfile();
    const db = profile.openTab();
    const state = await openState(db);
    await state.chooseFile(GOOD_AND_BAD);
    expect(state.step).toBe('review');
    expect(state.layerName).toBe('吴兴企业');
    expect(state.preview?.recordCount).toBe(2);
    await vi.waitFor(() =>
      expect(state.rejectedPage.rows).toEqual([
        expect.objectContaining({ row: 3, column: '用地面积（亩）', value: '待核实' }),
      ]),
    );
    expect(await db.importedLayers.count()).toBe(0);

    const outcome = await state.commit();
    expect(outcome).toMatchObject({ kind: 'saved', layer: { name: '吴兴企业', recordCount: 2 } });
    expect(state.step).toBe('choose');
    expect(state.preview).toBeNull();
    await vi.waitFor(() => expect(state.layers.map((l) => l.name)).toEqual(['吴兴企业']));
    const layerId = outcome?.kind === 'saved' ? outcome.layer.id : '';
    // The stored layer is read back and cut into tiles: two points drawn.
    await vi.waitFor(() => expect(state.records.get(layerId)?.pointCount).toBe(2));
    await state.select({ layerId, index: 0 });
    expect(state.selectedRecord?.fields['name']).toBe('浙江美欣达印染集团股份有限公司');
    await state.select({ layerId, index: 1 });
    expect(state.selectedRecord?.fields['name']).toBe('丙公司');
  });

  it('uses the mapping the user fixed for the next file with the same columns', async () => {
    profile = freshProfile();
    const state = await openState(profile.openTab());
    await state.chooseFile(GOOD_AND_BAD);
    // Column 4 (实缴税金) is not imported as tax this time.
    await state.setColumn(4, null);
    expect(state.preview?.table?.mapping['4']).toBeUndefined();
    await state.commit();

    await state.chooseFile(csvFile('南浔企业.csv', [HEADER, '丁公司,120.4,30.87,20,30']));
    expect(state.mappingRemembered).toBe(true);
    expect(state.preview?.table?.mapping['4']).toBeUndefined();
    expect(state.preview?.firstRecords[0]?.fields['taxWanYuan']).toBeUndefined();
  });

  it('moves a field to the column the user maps it to', async () => {
    profile = freshProfile();
    const state = await openState(profile.openTab());
    await state.chooseFile(GOOD_AND_BAD);
    const taxColumn = state.preview?.table?.mapping['4'];
    expect(taxColumn).toMatch(/^taxWanYuan/);
    await state.setColumn(3, 'taxWanYuan@wanYuan');
    expect(state.preview?.table?.mapping['3']).toBe('taxWanYuan@wanYuan');
    expect(state.preview?.table?.mapping['4']).toBeUndefined();
  });

  it('keeps the preview and stores nothing when the disk is full, and stores it on retry', async () => {
    profile = freshProfile();
    const db = profile.openTab();
    const diskFull = { value: false };
    failWritesWhileFull(db, diskFull, 'QuotaExceededError');
    const state = await openState(db);
    await state.chooseFile(GOOD_AND_BAD);
    diskFull.value = true;
    expect(await state.commit()).toEqual({ kind: 'storage-full' });
    expect(state.step).toBe('review');
    expect(state.preview?.recordCount).toBe(2);
    diskFull.value = false;
    expect(await storedRecordCount(db)).toBe(0);
    expect((await state.commit())?.kind).toBe('saved');
    expect(await storedRecordCount(db)).toBe(2);
  });

  it('cannot commit a broken file', async () => {
    profile = freshProfile();
    const db = profile.openTab();
    const state = await openState(db);
    await state.chooseFile({ name: 'empty.csv', bytes: new Uint8Array() });
    expect(state.preview?.canCommit).toBe(false);
    expect(await state.commit()).toBeNull();
    expect(await db.importedLayers.count()).toBe(0);
  });

  it('reports a parser crash as an error and stays on the file step', async () => {
    profile = freshProfile();
    const db = profile.openTab();
    const state = await openState(db, {
      ...engineOver(db),
      parse: () => Promise.reject(new Error('worker died')),
    });
    await state.chooseFile(GOOD_AND_BAD);
    expect(state.parseError).toBe('worker died');
    expect(state.step).toBe('choose');
  });

  it('drops a parse the user cancelled, even when it finishes later', async () => {
    profile = freshProfile();
    let finish: () => void = () => {};
    const db = profile.openTab();
    const engine = engineOver(db);
    const state = await openState(db, {
      ...engine,
      parse: (file, options, onProgress, signal) =>
        new Promise(
          (resolve) => (finish = () => resolve(engine.parse(file, options, onProgress, signal))),
        ),
    });
    const choosing = state.chooseFile(GOOD_AND_BAD);
    expect(state.step).toBe('parsing');
    state.cancel();
    finish();
    await choosing;
    expect(state.step).toBe('choose');
    expect(state.preview).toBeNull();
  });
});

describe('ImportsState layers', () => {
  it('renames and deletes layers, and reports a layer another tab changed as a conflict', async () => {
    profile = freshProfile();
    const tabA = await openState(profile.openTab());
    const tabB = await openState(profile.openTab());
    await tabA.chooseFile(GOOD_AND_BAD);
    await tabA.commit();
    await vi.waitFor(() => expect(tabB.layers).toHaveLength(1));
    expect((await tabB.rename('layer-1', '乙改的名')).kind).toBe('renamed');
    const stale = await tabA.remove('layer-1');
    // Tab A may or may not have seen the rename yet; either way the name B chose survives.
    if (stale.kind === 'conflict') expect(stale.current?.name).toBe('乙改的名');
    await vi.waitFor(() => expect(tabA.layerOf('layer-1')?.name).toBe('乙改的名'));
    expect(await tabA.remove('layer-1')).toMatchObject({ kind: 'deleted', recordCount: 2 });
    await vi.waitFor(() => expect(tabB.layers).toEqual([]));
    await vi.waitFor(() => expect(tabB.records.size).toBe(0));
  });

  it('counts records matching the seeds’ key enterprises per layer', async () => {
    profile = freshProfile();
    const state = await openState(profile.openTab());
    await state.chooseFile(GOOD_AND_BAD);
    await state.commit();
    await vi.waitFor(() => expect(state.records.has('layer-1')).toBe(true));
    await state.setSeedEnterprises([
      { placeId: 'hz-ent-01', nameZh: '浙江美欣达印染集团股份有限公司' },
    ]);
    expect(state.joins.get('layer-1')?.matchedCount).toBe(1);
    expect(state.matchOf({ layerId: 'layer-1', index: 0 })).toEqual({
      placeIds: ['hz-ent-01'],
      by: 'name',
    });
    expect(state.matchOf({ layerId: 'layer-1', index: 1 })).toBeNull();
  });

  it('hides and shows a layer', async () => {
    profile = freshProfile();
    const state = await openState(profile.openTab());
    state.setHidden('layer-1', true);
    expect([...state.hidden]).toEqual(['layer-1']);
    state.setHidden('layer-1', false);
    expect(state.hidden.size).toBe(0);
  });
});

describe('layerNameOfFile', () => {
  it.each([
    ['吴兴企业.csv', '吴兴企业'],
    ['parcels.epsg4549.zip', 'parcels.epsg4549'],
    ['noextension', 'noextension'],
  ])('%s → %s', (file, name) => expect(layerNameOfFile(file)).toBe(name));
});
