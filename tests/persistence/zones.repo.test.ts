import type { Polygon } from 'geojson';
import { afterEach, describe, expect, it } from 'vitest';
import type { MuAtlasDb } from '../../src/persistence/db.ts';
import {
  packRing,
  SNAPSHOT_MIN_ZONES,
  unpackRing,
  ZonesRepo,
  type ZoneDraft,
} from '../../src/persistence/zones.repo.ts';
import { FIXED_NOW, failWritesWhileFull, freshProfile, type Profile } from './fresh-db.ts';
import { box, ZONE_AUTHOR, ZONE_DRAFT } from './zones.fixture.ts';

let profile: Profile;
afterEach(() => profile.close());

function openRepo(db?: MuAtlasDb) {
  return new ZonesRepo(db ?? profile.openTab(), () => FIXED_NOW);
}

/** Padded, so the stored name shows the trim. */
const DRAFT: ZoneDraft = { ...ZONE_DRAFT, name: ` ${ZONE_DRAFT.name} ` };

describe('ZonesRepo writes', () => {
  it('creates a zone and its journal entry in one go', async () => {
    profile = freshProfile();
    const repo = openRepo();
    const result = await repo.create(DRAFT, ZONE_AUTHOR, 'zone-a');
    expect(result.ok).toBe(true);
    const stored = await repo.get('zone-a');
    expect(stored).toMatchObject({
      id: 'zone-a',
      name: '织里镇整治区块',
      enteredBy: '李工',
      createdAt: FIXED_NOW.toISOString(),
      revision: 1,
    });
    const journal = await repo.journalOf('zone-a');
    expect(journal).toHaveLength(1);
    expect(journal[0]).toMatchObject({
      zoneId: 'zone-a',
      before: null,
      after: { name: '织里镇整治区块' },
    });
  });

  it('journals an update with the zone before and after', async () => {
    profile = freshProfile();
    const repo = openRepo();
    await repo.create(DRAFT, ZONE_AUTHOR, 'zone-a');
    const moved = await repo.update(
      'zone-a',
      { geometry: box(120.26, 30.84), phase: 'newBuild' },
      1,
      ZONE_AUTHOR,
    );
    expect(moved.ok && moved.zone).toMatchObject({ phase: 'newBuild', revision: 2 });
    const journal = await repo.journalOf('zone-a');
    expect(journal.map((e) => [e.before?.phase ?? null, e.after?.phase ?? null])).toEqual([
      [null, 'planning'],
      ['planning', 'newBuild'],
    ]);
    expect(journal[1]!.before?.geometry).toEqual(box(120.25, 30.84));
  });

  it('refuses a bow-tie shape or a negative figure, writing nothing', async () => {
    profile = freshProfile();
    const repo = openRepo();
    const bowTie: Polygon = {
      type: 'Polygon',
      coordinates: [
        [
          [120.1, 30.85],
          [120.11, 30.86],
          [120.11, 30.85],
          [120.1, 30.86],
          [120.1, 30.85],
        ],
      ],
    };
    const result = await repo.create(
      { ...DRAFT, geometry: bowTie, plannedLandMu: -3 },
      ZONE_AUTHOR,
    );
    expect(result).toMatchObject({
      ok: false,
      kind: 'invalid',
      geometryErrors: [{ id: 'selfIntersecting' }],
      fieldErrors: [{ field: 'plannedLandMu', id: 'negative' }],
    });
    expect(await repo.listAll()).toEqual([]);
    expect(await profile.openTab().zoneEdits.count()).toBe(0);
  });

  it('deletes a zone and keeps its last state in the journal', async () => {
    profile = freshProfile();
    const repo = openRepo();
    await repo.create(DRAFT, ZONE_AUTHOR, 'zone-a');
    const removed = await repo.remove('zone-a', 1);
    expect(removed).toMatchObject({ ok: true, zone: null, edit: { after: null } });
    expect(await repo.get('zone-a')).toBeUndefined();
    expect((await repo.journalOf('zone-a'))[1]?.before?.name).toBe('织里镇整治区块');
  });
});

describe('ZonesRepo between two tabs', () => {
  it('reports a conflict instead of overwriting an edit made in another tab', async () => {
    profile = freshProfile();
    const tabA = openRepo();
    const tabB = openRepo(profile.openTab());
    await tabA.create(DRAFT, ZONE_AUTHOR, 'zone-a');
    const fromB = await tabB.update('zone-a', { name: 'B 的名称' }, 1, { enteredBy: '张工' });
    expect(fromB.ok).toBe(true);
    const fromA = await tabA.update('zone-a', { name: 'A 的名称' }, 1, ZONE_AUTHOR);
    expect(fromA).toMatchObject({
      ok: false,
      kind: 'conflict',
      zoneId: 'zone-a',
      baseRevision: 1,
      current: { name: 'B 的名称', revision: 2 },
    });
    expect((await tabA.get('zone-a'))?.name).toBe('B 的名称');
    expect(await tabA.journalOf('zone-a')).toHaveLength(2);
  });

  it('refuses deleting a zone another tab changed, and updating one it deleted', async () => {
    profile = freshProfile();
    const tabA = openRepo();
    const tabB = openRepo(profile.openTab());
    await tabA.create(DRAFT, ZONE_AUTHOR, 'zone-a');
    await tabB.update('zone-a', { note: '改' }, 1, ZONE_AUTHOR);
    expect(await tabA.remove('zone-a', 1)).toMatchObject({ ok: false, kind: 'conflict' });
    await tabB.remove('zone-a', 2);
    expect(await tabA.update('zone-a', { note: '再改' }, 2, ZONE_AUTHOR)).toMatchObject({
      ok: false,
      kind: 'conflict',
      current: undefined,
    });
  });

  it('runs concurrent edits of one revision so exactly one wins', async () => {
    profile = freshProfile();
    const tabA = openRepo();
    const tabB = openRepo(profile.openTab());
    await tabA.create(DRAFT, ZONE_AUTHOR, 'zone-a');
    const results = await Promise.all([
      tabA.update('zone-a', { name: 'A' }, 1, ZONE_AUTHOR),
      tabB.update('zone-a', { name: 'B' }, 1, ZONE_AUTHOR),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.kind === 'conflict')).toHaveLength(1);
    expect(await tabA.journalOf('zone-a')).toHaveLength(2);
  });
});

describe('ZonesRepo.restore (undo and redo)', () => {
  it('puts back the state before an edit as a new journal entry', async () => {
    profile = freshProfile();
    const repo = openRepo();
    await repo.create(DRAFT, ZONE_AUTHOR, 'zone-a');
    const edit = await repo.update('zone-a', { name: '改名' }, 1, ZONE_AUTHOR);
    if (!edit.ok) throw new Error('update failed');
    const undo = await repo.restore('zone-a', edit.edit.before, 2, ZONE_AUTHOR);
    expect(undo.ok && undo.zone).toMatchObject({ name: '织里镇整治区块', revision: 3 });
    const journal = await repo.journalOf('zone-a');
    expect(journal).toHaveLength(3);
    expect(journal[2]).toMatchObject({
      before: { name: '改名' },
      after: { name: '织里镇整治区块' },
    });
  });

  it('undoes a creation by deleting and a deletion by recreating', async () => {
    profile = freshProfile();
    const repo = openRepo();
    const created = await repo.create(DRAFT, ZONE_AUTHOR, 'zone-a');
    if (!created.ok) throw new Error('create failed');
    expect((await repo.restore('zone-a', null, 1, ZONE_AUTHOR)).ok).toBe(true);
    expect(await repo.get('zone-a')).toBeUndefined();
    const redo = await repo.restore('zone-a', created.edit.after, 0, ZONE_AUTHOR);
    expect(redo.ok && redo.zone?.name).toBe('织里镇整治区块');
  });

  it('refuses to undo over a change another tab made since', async () => {
    profile = freshProfile();
    const tabA = openRepo();
    const tabB = openRepo(profile.openTab());
    await tabA.create(DRAFT, ZONE_AUTHOR, 'zone-a');
    const edit = await tabA.update('zone-a', { name: '改名' }, 1, ZONE_AUTHOR);
    if (!edit.ok) throw new Error('update failed');
    await tabB.update('zone-a', { name: '别人改的' }, 2, ZONE_AUTHOR);
    const undo = await tabA.restore('zone-a', edit.edit.before, 2, ZONE_AUTHOR);
    expect(undo).toMatchObject({ ok: false, kind: 'conflict', current: { name: '别人改的' } });
  });
});

describe('ZonesRepo on a full disk', () => {
  it.each(['QuotaExceededError', 'NS_ERROR_DOM_QUOTA_REACHED'])(
    'returns storage-full for %s and stores neither the zone nor its journal entry',
    async (errorName) => {
      profile = freshProfile();
      const db = profile.openTab();
      const diskFull = { value: true };
      failWritesWhileFull(db, diskFull, errorName);
      const repo = openRepo(db);
      const result = await repo.create(DRAFT, ZONE_AUTHOR, 'zone-a');
      expect(result).toMatchObject({ ok: false, kind: 'storage-full' });
      diskFull.value = false;
      expect(await repo.listAll()).toEqual([]);
      expect(await db.zoneEdits.count()).toBe(0);
      expect((await repo.create(DRAFT, ZONE_AUTHOR, 'zone-a')).ok).toBe(true);
    },
  );
});

describe('ZonesRepo stored shape', () => {
  it('stores the outline as one typed array of lon,lat pairs and reads it back as GeoJSON', async () => {
    profile = freshProfile();
    const db = profile.openTab();
    const repo = openRepo(db);
    await repo.create(DRAFT, ZONE_AUTHOR, 'zone-a');
    const row = await db.zones.get('zone-a');
    expect(row?.ring).toBeInstanceOf(Float64Array);
    expect(Array.from(row?.ring ?? [])).toEqual(DRAFT.geometry.coordinates[0]!.flat());
    expect(row).not.toHaveProperty('geometry');
    // Another tab (a new connection) reads exactly the shape that was drawn.
    const other = openRepo(profile.openTab());
    expect((await other.get('zone-a'))?.geometry).toEqual(DRAFT.geometry);
    expect((await other.listAll()).map((z) => z.geometry)).toEqual([DRAFT.geometry]);
  });

  it('packs journal entries the same way, and undo reads them back as GeoJSON', async () => {
    profile = freshProfile();
    const db = profile.openTab();
    const repo = openRepo(db);
    await repo.create(DRAFT, ZONE_AUTHOR, 'zone-a');
    await repo.update('zone-a', { geometry: box(120.26, 30.84) }, 1, ZONE_AUTHOR);
    const [, moved] = await db.zoneEdits.where('zoneId').equals('zone-a').sortBy('seq');
    expect(moved?.before?.ring).toBeInstanceOf(Float64Array);
    expect(moved?.after?.ring).toBeInstanceOf(Float64Array);
    const edit = (await repo.journalOf('zone-a'))[1];
    expect(edit?.before?.geometry).toEqual(DRAFT.geometry);
    expect(edit?.after?.geometry).toEqual(box(120.26, 30.84));
  });

  it('keeps lon/lat only, and says so in what the write returns', async () => {
    profile = freshProfile();
    const repo = openRepo();
    const ring = DRAFT.geometry.coordinates[0]!;
    const withHeight: Polygon = {
      type: 'Polygon',
      coordinates: [ring.map(([x, y]) => [x!, y!, 12])],
    };
    const result = await repo.create({ ...DRAFT, geometry: withHeight }, ZONE_AUTHOR, 'zone-a');
    expect(result.ok && result.zone?.geometry).toEqual(DRAFT.geometry);
    expect((await repo.get('zone-a'))?.geometry).toEqual(DRAFT.geometry);
  });

  it('round-trips a ring through packing bit for bit', () => {
    const ring = [
      [120.123456789012, 30.987654321098],
      [-0, 1e-12],
      [179.99999999999997, -89.99999999999999],
      [120.123456789012, 30.987654321098],
    ];
    const polygon: Polygon = { type: 'Polygon', coordinates: [ring] };
    const packed = packRing(polygon);
    expect(packed).toHaveLength(8);
    expect(unpackRing(packed)).toEqual(polygon);
    expect(Object.is(unpackRing(packed).coordinates[0]![1]![0], -0)).toBe(true);
  });
});

describe('ZonesRepo reading every zone through the snapshot', () => {
  async function createMany(repo: ZonesRepo, count: number): Promise<void> {
    for (let i = 0; i < count; i++) {
      const geometry = box(120 + (i % 50) * 0.004, 30.7 + Math.floor(i / 50) * 0.004, 0.002);
      const created = await repo.create({ ...DRAFT, name: `区块 ${i}`, geometry }, ZONE_AUTHOR);
      if (!created.ok) throw new Error(`zone ${i}: ${created.kind}`);
    }
  }

  /** What the table itself holds, read without the repository's snapshot. */
  async function tableNames(db: MuAtlasDb): Promise<string[]> {
    return (await db.zones.toArray()).map((r) => `${r.id} ${r.name} ${r.revision}`);
  }

  it('writes a snapshot once there are enough zones, and later reads agree with the table after edits in another tab', async () => {
    profile = freshProfile();
    const db = profile.openTab();
    const tabA = openRepo(db);
    await createMany(tabA, SNAPSHOT_MIN_ZONES + 5);
    await tabA.listAll();
    await tabA.flushSnapshot();
    const snapshot = await db.meta.get('zonesSnapshot');
    expect(snapshot?.key === 'zonesSnapshot' && snapshot.value.rows).toHaveLength(
      SNAPSHOT_MIN_ZONES + 5,
    );

    const tabB = openRepo(profile.openTab());
    const [first, second] = await tabB.listAll();
    await tabB.update(
      first!.id,
      { name: '改名', geometry: box(121, 30.5) },
      first!.revision,
      ZONE_AUTHOR,
    );
    await tabB.remove(second!.id, second!.revision);
    await tabB.create({ ...DRAFT, name: '新的一块' }, ZONE_AUTHOR, 'zone-new');

    const reader = openRepo(profile.openTab());
    const zones = await reader.listAll();
    expect(zones.map((z) => `${z.id} ${z.name} ${z.revision}`)).toEqual(await tableNames(db));
    expect(zones.find((z) => z.id === first!.id)?.geometry).toEqual(box(121, 30.5));
    expect(zones.some((z) => z.id === second!.id)).toBe(false);
    expect(zones.find((z) => z.id === 'zone-new')?.geometry).toEqual(DRAFT.geometry);
  });

  it('writes no snapshot for a handful of zones', async () => {
    profile = freshProfile();
    const db = profile.openTab();
    const repo = openRepo(db);
    await createMany(repo, 3);
    expect(await repo.listAll()).toHaveLength(3);
    await repo.flushSnapshot();
    expect(await db.meta.get('zonesSnapshot')).toBeUndefined();
  });
});
