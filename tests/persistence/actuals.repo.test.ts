import { afterEach, describe, expect, it } from 'vitest';
import type { ActualKey } from '../../src/domain/actuals/actual-value.ts';
import { ActualsRepo, type ActualEdit } from '../../src/persistence/actuals.repo.ts';
import type { MuAtlasDb } from '../../src/persistence/db.ts';
import { StorageFullError } from '../../src/persistence/storage-errors.ts';
import {
  FIXED_NOW,
  TEST_RULES,
  failWritesWhileFull,
  freshProfile,
  type Profile,
} from './fresh-db.ts';

const WUXING_TAX: ActualKey = { indicatorId: 'tax_per_mu', districtCode: '330502', year: 2023 };
const NANXUN_TAX: ActualKey = { ...WUXING_TAX, districtCode: '330503' };
const CITY_TAX: ActualKey = { ...WUXING_TAX, districtCode: '330500' };
const WUXING_LAND: ActualKey = { ...WUXING_TAX, indicatorId: 'land_freed_mu' };

let profile: Profile;
afterEach(() => profile.close());

function openRepo(db?: MuAtlasDb): ActualsRepo {
  return new ActualsRepo(db ?? profile.openTab(), TEST_RULES, () => FIXED_NOW);
}

function edit(key: ActualKey, value: number, baseRevision = 0): ActualEdit {
  return { ...key, value, baseRevision };
}

async function putOk(repo: ActualsRepo, edits: ActualEdit[], enteredBy = '') {
  const result = await repo.put(edits, { enteredBy });
  if (!result.ok) throw new Error(`put failed: ${result.kind}`);
  return result.saved;
}

describe('ActualsRepo.put and get', () => {
  it('stores a value with who, when, note and origin, and reads it back', async () => {
    profile = freshProfile();
    const repo = openRepo();
    await putOk(repo, [{ ...edit(WUXING_TAX, 41.2), note: ' 统计快报 ' }], ' 张工 ');
    const stored = await repo.get(WUXING_TAX);
    expect(stored).toMatchObject({
      ...WUXING_TAX,
      value: 41.2,
      note: '统计快报',
      enteredBy: '张工',
      enteredAt: FIXED_NOW.toISOString(),
      origin: 'user',
    });
    expect(stored?.revision).toBeGreaterThan(0);
  });

  it('updates a value when the edit carries the stored revision, with a new revision', async () => {
    profile = freshProfile();
    const repo = openRepo();
    const [first] = await putOk(repo, [edit(WUXING_TAX, 41.2)]);
    const [second] = await putOk(repo, [edit(WUXING_TAX, 42, first!.revision)]);
    expect(second!.revision).not.toBe(first!.revision);
    expect((await repo.get(WUXING_TAX))?.value).toBe(42);
  });

  it('lists one indicator and year across districts, not other indicators', async () => {
    profile = freshProfile();
    const repo = openRepo();
    await putOk(repo, [edit(NANXUN_TAX, 30), edit(CITY_TAX, 37), edit(WUXING_LAND, 900)]);
    const listed = await repo.listByIndicatorYear('tax_per_mu', 2023);
    expect(listed.map((a) => [a.districtCode, a.value])).toEqual([
      ['330500', 37],
      ['330503', 30],
    ]);
    expect(await repo.listByIndicatorYear('tax_per_mu', 2024)).toEqual([]);
  });

  it('refuses a batch naming one key twice, as a caller bug', async () => {
    profile = freshProfile();
    const repo = openRepo();
    await expect(
      repo.put([edit(WUXING_TAX, 1), edit(WUXING_TAX, 2)], { enteredBy: '' }),
    ).rejects.toThrow(RangeError);
    expect(await repo.listAll()).toEqual([]);
  });
});

describe('ActualsRepo.put is all-or-nothing', () => {
  it('stores nothing when one cell of a batch is invalid, and says which', async () => {
    profile = freshProfile();
    const repo = openRepo();
    const result = await repo.put(
      [edit(WUXING_TAX, 48), edit(WUXING_LAND, -1500), edit(NANXUN_TAX, 30)],
      { enteredBy: '' },
    );
    expect(result).toEqual({
      ok: false,
      kind: 'invalid',
      invalid: [
        {
          index: 1,
          key: WUXING_LAND,
          reason: { id: 'actuals.negative', params: { value: -1500 } },
        },
      ],
    });
    expect(await repo.listAll()).toEqual([]);
  });

  it('refuses a year without a target even when the caller skipped the validator', async () => {
    profile = freshProfile();
    const repo = openRepo();
    const result = await repo.put([edit({ ...WUXING_TAX, year: 2030 }, 50)], { enteredBy: '' });
    expect(result.ok === false && result.kind).toBe('invalid');
    expect(await repo.listAll()).toEqual([]);
  });

  it('leaves earlier values untouched when a later batch has one stale cell', async () => {
    profile = freshProfile();
    const repo = openRepo();
    const [wuxing] = await putOk(repo, [edit(WUXING_TAX, 48)]);
    const result = await repo.put(
      [edit(NANXUN_TAX, 30), edit(WUXING_TAX, 50, wuxing!.revision + 100)],
      { enteredBy: '' },
    );
    expect(result.ok === false && result.kind).toBe('conflict');
    expect(await repo.get(NANXUN_TAX)).toBeUndefined();
    expect(await repo.get(WUXING_TAX)).toEqual(wuxing);
  });
});

describe('two tabs editing the same record', () => {
  it('refuses the second tab’s stale write and shows it the first tab’s value', async () => {
    profile = freshProfile();
    const tabA = openRepo(profile.openTab());
    const tabB = openRepo(profile.openTab());
    const [original] = await putOk(tabA, [edit(WUXING_TAX, 40)], '甲');
    const seenByB = await tabB.get(WUXING_TAX);
    await putOk(tabA, [edit(WUXING_TAX, 45, original!.revision)], '甲');

    const result = await tabB.put([edit(WUXING_TAX, 47, seenByB!.revision)], { enteredBy: '乙' });

    expect(result.ok).toBe(false);
    if (result.ok || result.kind !== 'conflict') throw new Error('expected a conflict');
    expect(result.conflicts).toHaveLength(1);
    expect(result.conflicts[0]).toMatchObject({
      key: WUXING_TAX,
      baseRevision: seenByB!.revision,
      current: { value: 45, enteredBy: '甲' },
    });
    expect((await tabA.get(WUXING_TAX))?.value).toBe(45);
  });

  it('refuses creating a value another tab created meanwhile', async () => {
    profile = freshProfile();
    const tabA = openRepo(profile.openTab());
    const tabB = openRepo(profile.openTab());
    await putOk(tabA, [edit(WUXING_TAX, 40)]);
    const result = await tabB.put([edit(WUXING_TAX, 41, 0)], { enteredBy: '' });
    expect(result.ok === false && result.kind).toBe('conflict');
    expect((await tabB.get(WUXING_TAX))?.value).toBe(40);
  });

  it('refuses a stale write after the record was deleted and created again', async () => {
    profile = freshProfile();
    const tabA = openRepo(profile.openTab());
    const tabB = openRepo(profile.openTab());
    const [original] = await putOk(tabA, [edit(WUXING_TAX, 40)]);
    const seenByB = await tabB.get(WUXING_TAX);
    const removed = await tabA.remove([{ ...WUXING_TAX, baseRevision: original!.revision }]);
    expect(removed.ok).toBe(true);
    await putOk(tabA, [edit(WUXING_TAX, 44, 0)]);

    const result = await tabB.put([edit(WUXING_TAX, 47, seenByB!.revision)], { enteredBy: '' });
    expect(result.ok === false && result.kind).toBe('conflict');
    expect((await tabA.get(WUXING_TAX))?.value).toBe(44);
  });
});

describe('ActualsRepo.remove', () => {
  it('removes a value at the revision seen and returns it for undo', async () => {
    profile = freshProfile();
    const repo = openRepo();
    const [saved] = await putOk(repo, [edit(WUXING_TAX, 40)]);
    const result = await repo.remove([{ ...WUXING_TAX, baseRevision: saved!.revision }]);
    expect(result).toEqual({ ok: true, removed: [saved] });
    expect(await repo.get(WUXING_TAX)).toBeUndefined();
  });

  it('refuses to remove a value changed since it was seen', async () => {
    profile = freshProfile();
    const repo = openRepo();
    const [saved] = await putOk(repo, [edit(WUXING_TAX, 40), edit(NANXUN_TAX, 30)]);
    await putOk(repo, [edit(WUXING_TAX, 41, saved!.revision)]);
    const result = await repo.remove([
      { ...NANXUN_TAX, baseRevision: (await repo.get(NANXUN_TAX))!.revision },
      { ...WUXING_TAX, baseRevision: saved!.revision },
    ]);
    expect(result.ok === false && result.kind).toBe('conflict');
    expect((await repo.listAll()).map((a) => a.value).sort()).toEqual([30, 41]);
  });
});

describe('storage full', () => {
  it('returns a typed storage-full result, stores nothing, and a retry succeeds', async () => {
    profile = freshProfile();
    const db = profile.openTab();
    const diskFull = { value: true };
    failWritesWhileFull(db, diskFull, 'QuotaExceededError');
    const repo = openRepo(db);
    const edits = [edit(WUXING_TAX, 40), edit(NANXUN_TAX, 30)];

    const result = await repo.put(edits, { enteredBy: '' });
    expect(result.ok === false && result.kind).toBe('storage-full');
    expect(result.ok === false && result.kind === 'storage-full' && result.error).toBeInstanceOf(
      StorageFullError,
    );
    expect(await repo.listAll()).toEqual([]);

    diskFull.value = false;
    expect((await repo.put(edits, { enteredBy: '' })).ok).toBe(true);
    expect(await repo.listAll()).toHaveLength(2);
  });

  it('reports storage full on removal too', async () => {
    profile = freshProfile();
    const db = profile.openTab();
    const diskFull = { value: false };
    failWritesWhileFull(db, diskFull, 'QuotaExceededError');
    const repo = openRepo(db);
    const [saved] = await putOk(repo, [edit(WUXING_TAX, 40)]);
    diskFull.value = true;
    const result = await repo.remove([{ ...WUXING_TAX, baseRevision: saved!.revision }]);
    expect(result.ok === false && result.kind).toBe('storage-full');
    diskFull.value = false;
    expect(await repo.get(WUXING_TAX)).toEqual(saved);
  });

  it('does not pass other storage failures off as storage full', async () => {
    profile = freshProfile();
    const db = profile.openTab();
    failWritesWhileFull(db, { value: true }, 'UnknownError');
    const repo = openRepo(db);
    await expect(repo.put([edit(WUXING_TAX, 40)], { enteredBy: '' })).rejects.toMatchObject({
      name: 'UnknownError',
    });
  });
});
