import { afterEach, describe, expect, it } from 'vitest';
import type { MuAtlasDb } from '../../src/persistence/db.ts';
import {
  PlaceCorrectionsRepo,
  type CorrectionEdit,
} from '../../src/persistence/place-corrections.repo.ts';
import { FIXED_NOW, failWritesWhileFull, freshProfile, type Profile } from './fresh-db.ts';

let profile: Profile;
afterEach(() => profile.close());

function openRepo(db?: MuAtlasDb) {
  return new PlaceCorrectionsRepo(db ?? profile.openTab(), () => FIXED_NOW);
}

const AUTHOR = { enteredBy: ' 王工 ' };
const MOVE: CorrectionEdit = {
  placeId: 'hz-ent-07',
  lon: 120.0912,
  lat: 30.8711,
  note: ' 按厂区大门校正 ',
  baseRevision: 0,
};

describe('PlaceCorrectionsRepo.put', () => {
  it('stores a correction with who, when, a trimmed note and a revision', async () => {
    profile = freshProfile();
    const repo = openRepo();
    const result = await repo.put(MOVE, AUTHOR);
    const expected = {
      placeId: 'hz-ent-07',
      lon: 120.0912,
      lat: 30.8711,
      enteredBy: '王工',
      enteredAt: FIXED_NOW.toISOString(),
      note: '按厂区大门校正',
      revision: 1,
    };
    expect(result).toEqual({ ok: true, saved: expected });
    expect(await repo.get('hz-ent-07')).toEqual(expected);
  });

  it('moves a corrected place again when based on the stored revision', async () => {
    profile = freshProfile();
    const repo = openRepo();
    await repo.put(MOVE, AUTHOR);
    const again = await repo.put({ ...MOVE, lon: 120.2, baseRevision: 1 }, AUTHOR);
    expect(again.ok && again.saved).toMatchObject({ lon: 120.2, revision: 2 });
    expect(await repo.listAll()).toHaveLength(1);
  });

  it.each([
    ['a place id that is no MuAtlas id', { placeId: 'ent-07' }, ['unknownPlace']],
    ['a point in Beijing', { lon: 116.4, lat: 39.9 }, ['outsideRegion']],
    ['a swapped pair', { lon: 30.87, lat: 120.09 }, ['outsideRegion']],
    ['a longitude that is not a number', { lon: Number.NaN }, ['notFinite']],
    [
      'a bad id and an infinite latitude',
      { placeId: '', lat: Infinity },
      ['unknownPlace', 'notFinite'],
    ],
  ])('refuses %s and stores nothing', async (_name, change, reasons) => {
    profile = freshProfile();
    const db = profile.openTab();
    const result = await openRepo(db).put({ ...MOVE, ...change }, AUTHOR);
    expect(result).toEqual({ ok: false, kind: 'invalid', reasons });
    expect(await db.placeCorrections.count()).toBe(0);
    expect(await db.meta.count()).toBe(0);
  });

  it('refuses a correction another tab made meanwhile, and reports what is stored', async () => {
    profile = freshProfile();
    const tabA = openRepo(profile.openTab());
    const tabB = openRepo(profile.openTab());
    const fromB = await tabB.put({ ...MOVE, lon: 120.3 }, { enteredBy: '李工' });
    // Tab A still shows the place uncorrected (base revision 0).
    const fromA = await tabA.put(MOVE, AUTHOR);
    expect(fromA).toEqual({
      ok: false,
      kind: 'conflict',
      placeId: 'hz-ent-07',
      baseRevision: 0,
      current: fromB.ok ? fromB.saved : undefined,
    });
    expect((await tabA.get('hz-ent-07'))?.lon).toBe(120.3);
  });

  it('reports a full disk as a result, with nothing stored', async () => {
    profile = freshProfile();
    const db = profile.openTab();
    const diskFull = { value: true };
    failWritesWhileFull(db, diskFull, 'QuotaExceededError');
    const repo = openRepo(db);
    const result = await repo.put(MOVE, AUTHOR);
    expect(result.ok === false && result.kind).toBe('storage-full');
    diskFull.value = false;
    expect(await repo.listAll()).toEqual([]);
    expect((await repo.put(MOVE, AUTHOR)).ok).toBe(true);
  });
});

describe('PlaceCorrectionsRepo.revert', () => {
  it('deletes the correction and returns it', async () => {
    profile = freshProfile();
    const repo = openRepo();
    const put = await repo.put(MOVE, AUTHOR);
    const result = await repo.revert('hz-ent-07', 1);
    expect(result).toEqual({ ok: true, removed: put.ok && put.saved });
    expect(await repo.get('hz-ent-07')).toBeUndefined();
  });

  it('refuses when another tab moved the place again or already reverted it', async () => {
    profile = freshProfile();
    const tabA = openRepo(profile.openTab());
    const tabB = openRepo(profile.openTab());
    await tabA.put(MOVE, AUTHOR);
    await tabB.put({ ...MOVE, lon: 120.3, baseRevision: 1 }, AUTHOR);
    const moved = await tabA.revert('hz-ent-07', 1);
    expect(moved.ok === false && moved.kind === 'conflict' && moved.current?.lon).toBe(120.3);
    expect(await tabA.get('hz-ent-07')).toBeDefined();

    expect((await tabB.revert('hz-ent-07', 2)).ok).toBe(true);
    const gone = await tabA.revert('hz-ent-07', 2);
    expect(gone).toEqual({
      ok: false,
      kind: 'conflict',
      placeId: 'hz-ent-07',
      baseRevision: 2,
      current: undefined,
    });
  });

  it('a revision is never reused, so a tab holding a reverted correction still conflicts', async () => {
    profile = freshProfile();
    const tabA = openRepo(profile.openTab());
    const tabB = openRepo(profile.openTab());
    await tabA.put(MOVE, AUTHOR);
    await tabB.revert('hz-ent-07', 1);
    const recreated = await tabB.put(MOVE, AUTHOR);
    expect(recreated.ok && recreated.saved.revision).toBe(2);
    expect((await tabA.put({ ...MOVE, baseRevision: 1 }, AUTHOR)).ok).toBe(false);
  });
});
