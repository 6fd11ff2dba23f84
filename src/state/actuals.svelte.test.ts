// Dexie's liveQuery stays silent unless a global indexedDB exists when Dexie loads, so this
// import must come before any module that imports Dexie. Databases still use their own factory.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ActualKey } from '../domain/actuals/actual-value.ts';
import type { Indicator } from '../domain/indicators/indicator-catalogue.ts';
import { huzhouCatalogue } from '../domain/indicators/seed-catalogue.fixture.ts';
import { NANTAIHU_CODE, districtsOfCity } from '../domain/regions.ts';
import type { MuAtlasDb } from '../persistence/db.ts';
import type { PersistentStorage } from '../persistence/storage-persist.ts';
import {
  failWritesWhileFull,
  freshProfile,
  type Profile,
} from '../../tests/persistence/fresh-db.ts';
import { ActualsState, ENTERED_BY_STORAGE_KEY, type NameStore } from './actuals.svelte.ts';

const catalogue = huzhouCatalogue();
const HUZHOU = '330500';
const [WUXING, NANXUN] = districtsOfCity(HUZHOU);

function indicator(id: string): Indicator {
  const found = catalogue.indicators.find((i) => i.id === id);
  if (!found) throw new Error(`${id} is not in the seed catalogue`);
  return found;
}

/** 亩 freed: an amount that cannot be negative, with 2023 targets for every Huzhou district. */
const LAND = indicator('land_freed_mu');
const LAND_YEAR = LAND.years[0]!;

function landKey(districtCode: string, year = LAND_YEAR): ActualKey {
  return { indicatorId: LAND.id, districtCode, year };
}

/** A browser that grants persistent storage when asked, counting the requests. */
class GrantingStorage implements PersistentStorage {
  requests = 0;
  #persistent = false;
  async persisted(): Promise<boolean> {
    return this.#persistent;
  }
  async persist(): Promise<boolean> {
    this.requests += 1;
    this.#persistent = true;
    return true;
  }
}

class MemoryNameStore implements NameStore {
  readonly items = new Map<string, string>();
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.items.set(key, value);
  }
}

let profile: Profile;
const states: ActualsState[] = [];
afterEach(() => {
  states.splice(0).forEach((s) => s.dispose());
  profile.close();
});

function openState(
  db: MuAtlasDb,
  options: ConstructorParameters<typeof ActualsState>[2] = {},
): ActualsState {
  const state = new ActualsState(db, catalogue, {
    storage: new GrantingStorage(),
    nameStore: new MemoryNameStore(),
    ...options,
  });
  states.push(state);
  return state;
}

async function loaded(state: ActualsState): Promise<ActualsState> {
  await vi.waitFor(() => expect(state.loaded).toBe(true));
  return state;
}

function pasteRequest(text: string, year = LAND_YEAR) {
  return {
    text,
    indicatorId: LAND.id,
    cityCode: HUZHOU,
    year,
    layout: 'auto' as const,
    delimiter: 'auto' as const,
    areaCodes: districtsOfCity(HUZHOU).map((d) => d.code),
  };
}

describe('ActualsState: typing a value', () => {
  it('stores a typed value with its author and shows it in valuesFor', async () => {
    profile = freshProfile();
    const storage = new GrantingStorage();
    const state = await loaded(openState(profile.openTab(), { storage }));
    state.setEnteredBy('张工');

    state.editDraft(landKey(WUXING!.code), { text: '1,520 亩', note: '统计局快报' });
    const outcome = await state.saveDraft(landKey(WUXING!.code));

    expect(outcome.kind).toBe('saved');
    expect(state.draft(landKey(WUXING!.code))).toBeUndefined();
    await vi.waitFor(() => {
      const stored = state.valuesFor(LAND.id, LAND_YEAR).get(WUXING!.code);
      expect(stored).toMatchObject({ value: 1520, note: '统计局快报', enteredBy: '张工' });
      expect(stored?.origin).toBe('user');
    });
    expect(state.valuesFor(LAND.id, LAND_YEAR).has(NANXUN!.code)).toBe(false);
    await vi.waitFor(() => expect(state.persistReport?.outcome).toBe('granted'));

    state.editDraft(landKey(NANXUN!.code), { text: '2010' });
    expect((await state.saveDraft(landKey(NANXUN!.code))).kind).toBe('saved');
    // Persistent storage is asked for after the first save only.
    expect(storage.requests).toBe(1);
  });

  it('refuses text, a negative area and a year without targets, storing nothing', async () => {
    profile = freshProfile();
    const state = await loaded(openState(profile.openTab()));
    const yearWithoutTarget = Math.max(...LAND.years) + 1;
    const cases: [ActualKey, string, string][] = [
      [landKey(WUXING!.code), '约1500', 'actuals.notANumber'],
      [landKey(NANXUN!.code), '-30', 'actuals.negative'],
      [landKey(WUXING!.code, yearWithoutTarget), '1500', 'actuals.noTargetForYear'],
    ];
    for (const [key, text, reasonId] of cases) {
      state.editDraft(key, { text });
      const outcome = await state.saveDraft(key);
      expect(outcome.kind === 'invalid' && outcome.cells[0]?.reason.id).toBe(reasonId);
      // The typed text stays, with the reason, so the planner can correct it.
      expect(state.draft(key)).toMatchObject({ text, problem: { kind: 'invalid' } });
    }
    // A second connection reads the database itself, not this state's list.
    expect(await profile.openTab().actuals.count()).toBe(0);
  });

  it('remembers the author name for the next visit', async () => {
    profile = freshProfile();
    const nameStore = new MemoryNameStore();
    const first = openState(profile.openTab(), { nameStore });
    expect(first.enteredBy).toBe('');
    first.setEnteredBy('李科长');
    expect(nameStore.items.get(ENTERED_BY_STORAGE_KEY)).toBe('李科长');
    expect(openState(profile.openTab(), { nameStore }).enteredBy).toBe('李科长');
  });

  it('deletes a stored value', async () => {
    profile = freshProfile();
    const state = await loaded(openState(profile.openTab()));
    const key = landKey(WUXING!.code);
    state.editDraft(key, { text: '1500' });
    await state.saveDraft(key);
    await vi.waitFor(() => expect(state.storedValue(key)?.value).toBe(1500));

    expect((await state.remove(key)).kind).toBe('removed');
    await vi.waitFor(() => expect(state.storedValue(key)).toBeUndefined());
  });
});

describe('ActualsState: two tabs', () => {
  it('updates valuesFor when another tab stores a value', async () => {
    profile = freshProfile();
    const tabA = await loaded(openState(profile.openTab()));
    const tabB = await loaded(openState(profile.openTab()));
    expect(tabA.valuesFor(LAND.id, LAND_YEAR).size).toBe(0);

    tabB.editDraft(landKey(NANXUN!.code), { text: '2010' });
    await tabB.saveDraft(landKey(NANXUN!.code));

    await vi.waitFor(() =>
      expect(tabA.valuesFor(LAND.id, LAND_YEAR).get(NANXUN!.code)?.value).toBe(2010),
    );
  });

  it('reports a conflict with the stored value, then lets the planner keep theirs', async () => {
    profile = freshProfile();
    const tabA = await loaded(openState(profile.openTab()));
    const tabB = await loaded(openState(profile.openTab()));
    const key = landKey(WUXING!.code);
    tabA.editDraft(key, { text: '1500' });
    await tabA.saveDraft(key);
    await vi.waitFor(() => expect(tabB.storedValue(key)?.value).toBe(1500));

    // Both tabs start editing the same stored value; B saves first.
    tabA.editDraft(key, { text: '1510' });
    tabB.editDraft(key, { text: '1600' });
    expect((await tabB.saveDraft(key)).kind).toBe('saved');

    const outcome = await tabA.saveDraft(key);
    expect(outcome.kind).toBe('conflict');
    expect(tabA.draft(key)?.problem).toMatchObject({
      kind: 'conflict',
      current: { value: 1600 },
    });
    await vi.waitFor(() => expect(tabA.storedValue(key)?.value).toBe(1600));

    expect((await tabA.keepMine(key)).kind).toBe('saved');
    await vi.waitFor(() => expect(tabB.storedValue(key)?.value).toBe(1510));
  });

  it('takes the stored value instead, dropping the edit', async () => {
    profile = freshProfile();
    const tabA = await loaded(openState(profile.openTab()));
    const tabB = await loaded(openState(profile.openTab()));
    const key = landKey(WUXING!.code);
    tabA.editDraft(key, { text: '1510' });
    tabB.editDraft(key, { text: '1600' });
    await tabB.saveDraft(key);
    expect((await tabA.saveDraft(key)).kind).toBe('conflict');

    tabA.takeStored(key);
    expect(tabA.draft(key)).toBeUndefined();
    await vi.waitFor(() => expect(tabA.storedValue(key)?.value).toBe(1600));
  });
});

describe('ActualsState: storage full', () => {
  it('keeps the unsaved edit and stores it on retry once there is space', async () => {
    profile = freshProfile();
    const diskFull = { value: true };
    const db = profile.openTab();
    failWritesWhileFull(db, diskFull, 'QuotaExceededError');
    const state = await loaded(openState(db));
    const key = landKey(WUXING!.code);

    state.editDraft(key, { text: '1520', note: '快报' });
    expect((await state.saveDraft(key)).kind).toBe('storage-full');
    expect(state.lastSave?.outcome.kind).toBe('storage-full');
    expect(state.draft(key)).toMatchObject({
      text: '1520',
      note: '快报',
      problem: { kind: 'storage-full' },
    });

    diskFull.value = false;
    expect((await state.retry()).kind).toBe('saved');
    expect(state.draft(key)).toBeUndefined();
    await vi.waitFor(() => expect(state.storedValue(key)).toMatchObject({ value: 1520 }));
  });
});

describe('ActualsState: pasting a block', () => {
  it('previews and stores a district | value block copied from a spreadsheet', async () => {
    profile = freshProfile();
    const state = await loaded(openState(profile.openTab()));
    const preview = state.previewPaste(pasteRequest('吴兴\t1,520\r\n南太湖新区\t800 亩\r\n'));
    expect(preview.ok && preview.layout).toBe('district-values');
    expect(preview.ok && preview.cells.map((c) => [c.row, c.column, c.valid, c.raw])).toEqual([
      [1, 2, true, '1,520'],
      [2, 2, true, '800 亩'],
    ]);

    expect((await state.applyPaste(preview)).kind).toBe('saved');
    await vi.waitFor(() => {
      const values = state.valuesFor(LAND.id, LAND_YEAR);
      expect(values.get(WUXING!.code)?.value).toBe(1520);
      expect(values.get(NANTAIHU_CODE)?.value).toBe(800);
    });
  });

  it('stores nothing from a paste with one bad cell, and says which cell', async () => {
    profile = freshProfile();
    const state = await loaded(openState(profile.openTab()));
    const key = landKey(WUXING!.code);
    state.editDraft(key, { text: '1500' });
    await state.saveDraft(key);
    await vi.waitFor(() => expect(state.storedValue(key)?.value).toBe(1500));

    const preview = state.previewPaste(pasteRequest(`\t${LAND_YEAR}\n吴兴\t1600\n南浔\t-30`));
    expect(preview.ok && preview.validation.allValid).toBe(false);
    const outcome = await state.applyPaste(preview);

    expect(outcome).toEqual({
      kind: 'invalid',
      cells: [{ row: 3, column: 2, reason: { id: 'actuals.negative', params: { value: -30 } } }],
    });
    const stored = await profile.openTab().actuals.toArray();
    expect(stored.map((a) => [a.districtCode, a.value])).toEqual([[WUXING!.code, 1500]]);
  });

  it('places a bare column of values from the row it was pasted into', async () => {
    profile = freshProfile();
    const state = await loaded(openState(profile.openTab()));
    const areaCodes = districtsOfCity(HUZHOU).map((d) => d.code);
    const preview = state.previewPaste({ ...pasteRequest('900\n1000'), anchorRow: 1 });
    expect(preview.ok && preview.layout).toBe('column');
    expect(preview.ok && preview.cells.map((c) => c.valid && c.key.districtCode)).toEqual([
      areaCodes[1],
      areaCodes[2],
    ]);
  });

  it('after a paste conflict, keeps the stored values and stores the rest when asked', async () => {
    profile = freshProfile();
    const tabA = await loaded(openState(profile.openTab()));
    const tabB = await loaded(openState(profile.openTab()));
    const preview = tabA.previewPaste(pasteRequest('吴兴\t1510\n南浔\t2010'));
    tabB.editDraft(landKey(WUXING!.code), { text: '1600' });
    await tabB.saveDraft(landKey(WUXING!.code));

    const outcome = await tabA.applyPaste(preview);
    expect(outcome.kind === 'conflict' && outcome.conflicts.map((c) => c.key.districtCode)).toEqual(
      [WUXING!.code],
    );
    expect((await tabA.resolvePasteConflicts('stored')).kind).toBe('saved');

    const stored = await profile.openTab().actuals.toArray();
    expect(stored.map((a) => [a.districtCode, a.value])).toEqual([
      [WUXING!.code, 1600],
      [NANXUN!.code, 2010],
    ]);
  });
});
