import { afterEach, describe, expect, it } from 'vitest';
import {
  exportBackup,
  importBackup,
  serialiseBackup,
} from '../../src/persistence/backup.format.ts';
import { SettingsRepo } from '../../src/persistence/settings.repo.ts';
import { FIXED_NOW, freshProfile, type Profile } from './fresh-db.ts';

let profile: Profile;
let target: Profile | undefined;
afterEach(() => {
  profile.close();
  target?.close();
});

const EVALUATION = { ratioCap: 3, classCutoffs: { A: 150, B: 100, C: 50 } };

describe('backups with settings', () => {
  it('round-trips the evaluation settings into another profile', async () => {
    profile = freshProfile();
    const source = profile.openTab();
    await new SettingsRepo(source, () => FIXED_NOW).put('evaluation', EVALUATION);
    const text = serialiseBackup(await exportBackup(source, FIXED_NOW));

    target = freshProfile();
    const db = target.openTab();
    const result = await importBackup(db, text, { mode: 'merge' });
    expect(result.ok && result.summary.settings.added).toBe(1);
    expect(await new SettingsRepo(db).get('evaluation')).toEqual(EVALUATION);
  });

  it('refuses a settings record without a key, and changes nothing', async () => {
    profile = freshProfile();
    const db = profile.openTab();
    await new SettingsRepo(db, () => FIXED_NOW).put('evaluation', EVALUATION);
    const backup = await exportBackup(db, FIXED_NOW);
    const text = serialiseBackup({
      ...backup,
      settings: [{ key: '', value: { ratioCap: 9 }, savedAt: FIXED_NOW.toISOString() }],
    });
    const result = await importBackup(db, text, { mode: 'replace' });
    expect(result.ok).toBe(false);
    expect(await new SettingsRepo(db).get('evaluation')).toEqual(EVALUATION);
  });
});
