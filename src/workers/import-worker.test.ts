// Dexie's liveQuery stays silent unless a global indexedDB exists when Dexie loads.
import 'fake-indexeddb/auto';
import { VectorTile } from '@mapbox/vector-tile';
import { strToU8 } from 'fflate';
import { PbfReader } from 'pbf';
import { afterEach, describe, expect, it } from 'vitest';
import type { ImportProgress } from '../domain/imports/import-preview.ts';
import { workerImportEngine } from '../state/imports-worker.ts';
import {
  failWritesWhileFull,
  freshProfile,
  type Profile,
} from '../../tests/persistence/fresh-db.ts';
import { InlineImportWorker } from './inline-worker.test-helper.ts';
import type { CommitProgress } from './import-session.ts';
import {
  createImportHandler,
  type ImportWorkerRequest,
  type ImportWorkerResponse,
} from './import-worker-protocol.ts';
import type { MuAtlasDb } from '../persistence/db.ts';

/** Records stored in the database, over every layer's chunks. */
async function storedRecordCount(db: MuAtlasDb): Promise<number> {
  return (await db.importedChunks.toArray()).reduce((n, row) => n + row.count, 0);
}

const rows = (n: number) =>
  ['企业名称,经度,纬度', ...Array.from({ length: n }, (_, i) => `企业${i},120.1,30.9`)].join('\n');

let profile: Profile;
afterEach(() => profile?.close());

describe('import worker protocol', () => {
  it('posts throttled progress, then a summary without the records themselves', async () => {
    profile = freshProfile();
    const posted: ImportWorkerResponse[] = [];
    let clock = 0;
    const handle = createImportHandler(
      () => profile.openTab(),
      () => (clock += 10),
    );
    const request: ImportWorkerRequest = {
      id: 7,
      op: 'parse',
      file: { name: 'a.csv', bytes: strToU8(`${rows(20_000)}\n坏,东经,30.9`) },
      options: {},
    };
    await handle(request, (r) => posted.push(r));
    const last = posted.at(-1);
    expect(last?.type).toBe('done');
    const value = last?.type === 'done' ? last.value : null;
    const summary = value && typeof value === 'object' && 'recordCount' in value ? value : null;
    expect(summary?.recordCount).toBe(20_000);
    expect(summary?.rejectedRowCount).toBe(1);
    expect(summary?.firstRecords.map((r) => r.fields['name'])).toEqual([
      '企业0',
      '企业1',
      '企业2',
      '企业3',
      '企业4',
    ]);
    // What crosses to the page stays small however long the file is.
    expect(JSON.stringify(summary).length).toBeLessThan(10_000);
    const progress = posted.filter((p) => p.type === 'progress');
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.length).toBeLessThan(10);
    expect(posted.every((p) => p.id === 7)).toBe(true);
  });
});

describe('import engine over the worker', () => {
  it('pages rejected rows, commits with progress, and draws the stored layer', async () => {
    profile = freshProfile();
    const db = profile.openTab();
    const engine = workerImportEngine(() => new InlineImportWorker(db));
    const n = 1_234;
    const text = `${rows(n)}\n坏1,东经,30.9\n坏2,东经,30.9\n坏3,东经,30.9`;
    const seen: ImportProgress[] = [];
    const parsed = await engine.parse(
      { name: 'a.csv', bytes: strToU8(text) },
      {},
      (p) => seen.push(p),
      new AbortController().signal,
    );
    expect(seen.length).toBeGreaterThan(0);
    expect(parsed.summary.rejectedCount).toBe(3);
    expect(await parsed.rejectedRows(1, 5)).toEqual([
      { row: n + 3, column: '经度', value: '东经', reason: 'badCoordinate' },
      { row: n + 4, column: '经度', value: '东经', reason: 'badCoordinate' },
    ]);
    expect(await db.importedLayers.count()).toBe(0);

    const writes: CommitProgress[] = [];
    const { result, join } = await parsed.commit(
      {
        layerId: 'list',
        name: '列表',
        kind: 'enterprises',
        enteredBy: '',
        seeds: [{ placeId: 'hz-ent-07', nameZh: '企业7' }],
      },
      (p) => writes.push(p),
    );
    expect(result).toMatchObject({ ok: true, layer: { name: '列表', recordCount: n } });
    expect(writes.at(-1)).toEqual({ written: n, total: n });
    expect(await storedRecordCount(db)).toBe(n);
    // The commit matched the records to the seeds from memory: 企业7 is record 7.
    expect(join?.matchedCount).toBe(1);
    expect([...(join?.matches.keys() ?? [])]).toEqual([7]);

    // The long-lived worker reads the stored layer back and cuts it into tiles.
    const drawing = await engine.drawing('list');
    expect(drawing).toEqual({ pointCount: n, bounds: [120.1, 30.9, 120.1, 30.9] });
    // Every point lies at 120.1 E 30.9 N, so in one tile at zoom 14 (Web Mercator tiling).
    const lat = (30.9 * Math.PI) / 180;
    const x = Math.floor(((120.1 + 180) / 360) * 2 ** 14);
    const y = Math.floor(((1 - Math.asinh(Math.tan(lat)) / Math.PI) / 2) * 2 ** 14);
    const bytes = await engine.tiles.tile('list', 'points', 14, x, y);
    const layer = new VectorTile(new PbfReader(bytes ?? new Uint8Array())).layers['points'];
    expect(layer?.length).toBe(n);
    const indices = Array.from({ length: layer?.length ?? 0 }, (_, i) => layer?.feature(i));
    expect(new Set(indices.map((f) => f?.properties['index']))).toEqual(
      new Set(Array.from({ length: n }, (_, i) => i)),
    );
    expect(indices.every((f) => f?.id === f?.properties['index'])).toBe(true);
    const clustered = await engine.tiles.tile('list', 'points', 10, x >> 4, y >> 4);
    const cluster = new VectorTile(new PbfReader(clustered ?? new Uint8Array())).layers['points'];
    expect(cluster?.length).toBe(1);
    const clusterProps = cluster?.feature(0).properties;
    expect(clusterProps?.['point_count']).toBe(n);
    expect(
      await engine.tiles.clusterExpansionZoom('list', Number(clusterProps?.['cluster_id'])),
    ).toBeGreaterThan(10);
    // Nothing there, and nothing for a layer forgotten.
    expect(await engine.tiles.tile('list', 'points', 14, x + 5, y)).toBeNull();
    expect(await engine.tiles.tile('list', 'shapes', 14, x, y)).toBeNull();
    engine.forget('list');
    expect(await engine.tiles.tile('list', 'points', 14, x, y)).toBeNull();
    parsed.dispose();
    engine.dispose();
  });

  it('writes nothing when the disk is full, and keeps the parse for a retry', async () => {
    profile = freshProfile();
    const db = profile.openTab();
    const diskFull = { value: true };
    failWritesWhileFull(db, diskFull, 'QuotaExceededError');
    const engine = workerImportEngine(() => new InlineImportWorker(db));
    const parsed = await engine.parse(
      { name: 'a.csv', bytes: strToU8(rows(1_200)) },
      {},
      () => {},
      new AbortController().signal,
    );
    const choice = { layerId: 'a', name: 'a', kind: 'other' as const, enteredBy: '' };
    expect((await parsed.commit(choice, () => {})).result).toMatchObject({
      ok: false,
      kind: 'storage-full',
    });
    expect(await db.importedLayers.count()).toBe(0);
    expect(await storedRecordCount(db)).toBe(0);
    diskFull.value = false;
    expect((await parsed.commit(choice, () => {})).result.ok).toBe(true);
    expect(await storedRecordCount(db)).toBe(1_200);
  });

  it('rejects with AbortError and ends the worker when cancelled', async () => {
    profile = freshProfile();
    const worker = new InlineImportWorker(profile.openTab());
    const controller = new AbortController();
    const pending = workerImportEngine(() => worker).parse(
      { name: 'a.csv', bytes: strToU8(rows(3)) },
      {},
      () => {},
      controller.signal,
    );
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    expect(worker.terminated).toBe(true);
  });
});
