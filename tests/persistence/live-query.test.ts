// Dexie's liveQuery stays silent unless a global indexedDB exists when Dexie loads, so this
// import must come before any module that imports Dexie. Databases still use their own factory.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ActualValue } from '../../src/domain/actuals/actual-value.ts';
import { ActualsRepo } from '../../src/persistence/actuals.repo.ts';
import { LiveQuery, subscribeLive } from '../../src/persistence/live-query.svelte.ts';
import { liveSource } from '../../src/persistence/live-source.ts';
import { FIXED_NOW, TEST_RULES, freshProfile, type Profile } from './fresh-db.ts';

let profile: Profile;
const disposers: (() => void)[] = [];
afterEach(() => {
  disposers.splice(0).forEach((dispose) => dispose());
  profile.close();
});

function values(rows: readonly ActualValue[]): [string, number][] {
  return rows.map((a) => [a.districtCode, a.value]);
}

describe('LiveQuery', () => {
  it('shows a value another tab stores, without reloading', async () => {
    profile = freshProfile();
    const tabA = new ActualsRepo(profile.openTab(), TEST_RULES, () => FIXED_NOW);
    const tabB = new ActualsRepo(profile.openTab(), TEST_RULES, () => FIXED_NOW);
    const live = new LiveQuery(tabA.liveByIndicatorYear('tax_per_mu', 2023), [] as ActualValue[]);
    disposers.push(() => live.dispose());
    await vi.waitFor(() => expect(live.loaded).toBe(true));
    expect(live.current).toEqual([]);

    await tabB.put(
      [
        {
          indicatorId: 'tax_per_mu',
          districtCode: '330503',
          year: 2023,
          value: 30,
          baseRevision: 0,
        },
      ],
      { enteredBy: '乙' },
    );

    await vi.waitFor(() => expect(values(live.current)).toEqual([['330503', 30]]));
  });

  it('stops following the database once disposed', async () => {
    profile = freshProfile();
    const repo = new ActualsRepo(profile.openTab(), TEST_RULES, () => FIXED_NOW);
    const live = new LiveQuery(repo.liveByIndicatorYear('tax_per_mu', 2023), [] as ActualValue[]);
    await vi.waitFor(() => expect(live.loaded).toBe(true));
    live.dispose();

    await repo.put(
      [
        {
          indicatorId: 'tax_per_mu',
          districtCode: '330503',
          year: 2023,
          value: 30,
          baseRevision: 0,
        },
      ],
      { enteredBy: '' },
    );
    // A second, still-subscribed query proves the write was signalled before we check.
    const seen = vi.fn();
    disposers.push(subscribeLive(repo.liveByIndicatorYear('tax_per_mu', 2023), seen));
    await vi.waitFor(() => expect(seen).toHaveBeenCalled());
    expect(live.current).toEqual([]);
  });

  it('exposes a failing query as an error instead of a silent empty list', async () => {
    profile = freshProfile();
    const failure = new Error('broken query');
    const live = new LiveQuery(
      liveSource(() => Promise.reject(failure)),
      'initial',
    );
    disposers.push(() => live.dispose());
    await vi.waitFor(() => expect(live.error).toBe(failure));
    expect(live.current).toBe('initial');
  });
});
