// Dexie's liveQuery stays silent unless a global indexedDB exists when Dexie loads, so this
// import must come before any module that imports Dexie. Databases still use their own factory.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { MuAtlasDb } from '../persistence/db.ts';
import {
  failWritesWhileFull,
  freshProfile,
  type Profile,
} from '../../tests/persistence/fresh-db.ts';
import { ENTERED_BY_STORAGE_KEY, type NameStore } from './actuals.svelte.ts';
import { PlaceCorrectionsState } from './place-corrections.svelte.ts';

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
const states: PlaceCorrectionsState[] = [];
afterEach(() => {
  states.splice(0).forEach((s) => s.dispose());
  profile.close();
});

async function openState(db: MuAtlasDb, nameStore: NameStore = new MemoryNameStore()) {
  const state = new PlaceCorrectionsState(db, { nameStore });
  states.push(state);
  await vi.waitFor(() => expect(state.loaded).toBe(true));
  return state;
}

const PLACE = 'hz-ent-07';

describe('PlaceCorrectionsState', () => {
  it('uses the name the actuals editor remembered, and remembers a new one for both', async () => {
    profile = freshProfile();
    const names = new MemoryNameStore();
    names.setItem(ENTERED_BY_STORAGE_KEY, '张工');
    const state = await openState(profile.openTab(), names);
    expect(state.enteredBy).toBe('张工');
    state.setEnteredBy('王工');
    expect(names.getItem(ENTERED_BY_STORAGE_KEY)).toBe('王工');
  });

  it('stores a correction with its author and offers it as a position override', async () => {
    profile = freshProfile();
    const names = new MemoryNameStore();
    names.setItem(ENTERED_BY_STORAGE_KEY, '王工');
    const state = await openState(profile.openTab(), names);
    const outcome = await state.correct(PLACE, 120.09, 30.87, '大门');
    expect(outcome.kind).toBe('saved');
    await vi.waitFor(() => expect(state.positions.get(PLACE)).toEqual({ lon: 120.09, lat: 30.87 }));
    expect(state.correctionOf(PLACE)).toMatchObject({ enteredBy: '王工', note: '大门' });

    // Moving it again is based on the stored revision, so it is not a conflict.
    expect((await state.correct(PLACE, 120.1, 30.88)).kind).toBe('saved');
    await vi.waitFor(() => expect(state.positions.get(PLACE)?.lon).toBe(120.1));
  });

  it('reverts a correction so the place has no override', async () => {
    profile = freshProfile();
    const state = await openState(profile.openTab());
    await state.correct(PLACE, 120.09, 30.87);
    await vi.waitFor(() => expect(state.positions.has(PLACE)).toBe(true));
    expect((await state.revert(PLACE)).kind).toBe('reverted');
    await vi.waitFor(() => expect(state.positions.has(PLACE)).toBe(false));
  });

  it('refuses a point outside the region with reason ids and stores nothing', async () => {
    profile = freshProfile();
    const db = profile.openTab();
    const state = await openState(db);
    const outcome = await state.correct(PLACE, 116.4, 39.9);
    expect(outcome).toEqual({ kind: 'invalid', placeId: PLACE, reasons: ['outsideRegion'] });
    expect(await db.placeCorrections.count()).toBe(0);
  });

  it('reports a move made in another tab as a conflict, and lets the user insist', async () => {
    profile = freshProfile();
    const tabA = await openState(profile.openTab());
    const tabB = await openState(profile.openTab());
    // Both tabs show the place uncorrected when their users move it: one write must lose.
    const outcomes = await Promise.all([
      tabB.correct(PLACE, 120.3, 30.9),
      tabA.correct(PLACE, 120.09, 30.87),
    ]);
    expect(outcomes.map((o) => o.kind).sort()).toEqual(['conflict', 'saved']);
    const [winner, loser] = outcomes[0].kind === 'saved' ? [tabB, tabA] : [tabA, tabB];
    const lost = loser.lastOutcome;
    expect(lost?.kind === 'conflict' && lost.current?.lon).toBe(winner === tabB ? 120.3 : 120.09);
    expect(loser.pending).toMatchObject({ kind: 'correct', placeId: PLACE });
    const insisted = loser.pending?.kind === 'correct' ? loser.pending.lon : NaN;

    expect((await loser.retry())?.kind).toBe('saved');
    expect(loser.pending).toBeNull();
    await vi.waitFor(() => expect(winner.positions.get(PLACE)?.lon).toBe(insisted));
  });

  it('keeps the edit when the disk is full and stores it on retry', async () => {
    profile = freshProfile();
    const db = profile.openTab();
    const diskFull = { value: true };
    failWritesWhileFull(db, diskFull, 'QuotaExceededError');
    const state = await openState(db);
    expect((await state.correct(PLACE, 120.09, 30.87, '大门')).kind).toBe('storage-full');
    expect(state.pending).toEqual({
      kind: 'correct',
      placeId: PLACE,
      lon: 120.09,
      lat: 30.87,
      note: '大门',
    });
    diskFull.value = false;
    expect((await state.retry())?.kind).toBe('saved');
    await vi.waitFor(() => expect(state.positions.get(PLACE)).toEqual({ lon: 120.09, lat: 30.87 }));
  });
});
