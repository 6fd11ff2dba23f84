// Dexie's liveQuery stays silent unless a global indexedDB exists when Dexie loads, so this
// import must come before any module that imports Dexie. Databases still use their own factory.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { SettingsRepo } from '../../src/persistence/settings.repo.ts';
import { freshProfile, type Profile } from './fresh-db.ts';

let profile: Profile;
afterEach(() => profile.close());

describe('SettingsRepo.live', () => {
  it('tells a live reader in another tab about a change', async () => {
    profile = freshProfile();
    const reader = new SettingsRepo(profile.openTab());
    const writer = new SettingsRepo(profile.openTab());
    const seen: unknown[] = [];
    const subscription = reader.live('evaluation').subscribe({
      next: (v) => seen.push(v),
      error: (e) => {
        throw e;
      },
    });
    await expect.poll(() => seen.length).toBe(1);
    await writer.put('evaluation', { ratioCap: 5 });
    await expect.poll(() => seen.at(-1)).toEqual({ ratioCap: 5 });
    subscription.unsubscribe();
  });
});
