import { afterEach, describe, expect, it } from 'vitest';
import { SettingsRepo } from '../../src/persistence/settings.repo.ts';
import { FIXED_NOW, failWritesWhileFull, freshProfile, type Profile } from './fresh-db.ts';

let profile: Profile;
afterEach(() => profile.close());

describe('SettingsRepo', () => {
  it('reads back what was stored, with when, and nothing for a key never set', async () => {
    profile = freshProfile();
    const repo = new SettingsRepo(profile.openTab(), () => FIXED_NOW);
    const value = { ratioCap: 3, classCutoffs: { A: 120, B: 90, C: 60 } };
    expect(await repo.put('evaluation', value)).toEqual({
      ok: true,
      saved: { key: 'evaluation', value, savedAt: FIXED_NOW.toISOString() },
    });
    expect(await repo.get('evaluation')).toEqual(value);
    expect(await repo.get('other')).toBeUndefined();
  });

  it('replaces a value, and reset brings back "never set"', async () => {
    profile = freshProfile();
    const repo = new SettingsRepo(profile.openTab());
    await repo.put('evaluation', { ratioCap: 3 });
    await repo.put('evaluation', { ratioCap: 4 });
    expect(await repo.get('evaluation')).toEqual({ ratioCap: 4 });
    await repo.reset('evaluation');
    expect(await repo.get('evaluation')).toBeUndefined();
  });

  it('keeps the old value when the disk is full and says so', async () => {
    profile = freshProfile();
    const db = profile.openTab();
    const full = { value: false };
    failWritesWhileFull(db, full, 'QuotaExceededError');
    const repo = new SettingsRepo(db);
    await repo.put('evaluation', { ratioCap: 3 });
    full.value = true;
    const result = await repo.put('evaluation', { ratioCap: 9 });
    expect(result).toMatchObject({ ok: false, kind: 'storage-full' });
    full.value = false;
    expect(await repo.get('evaluation')).toEqual({ ratioCap: 3 });
  });
});
