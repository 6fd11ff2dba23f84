import { afterEach, describe, expect, it } from 'vitest';
import { freshProfile, type Profile } from '../../tests/persistence/fresh-db.ts';
import { BACKUP_SCHEMA_VERSION } from '../persistence/backup.format.ts';
import { BACKUP_SECTION_NAMES, BackupState, backupFileName } from './backup.svelte.ts';

const profiles: Profile[] = [];
afterEach(() => profiles.splice(0).forEach((p) => p.close()));

function openState(): BackupState {
  const profile = freshProfile();
  profiles.push(profile);
  return new BackupState(profile.openTab(), undefined);
}

const ACTUAL = {
  indicatorId: 'land_freed_mu',
  districtCode: '330502',
  year: 2023,
  value: 1100,
  note: '',
  enteredBy: '',
  enteredAt: '2024-05-01T08:00:00.000Z',
  origin: 'user',
};

function file(sections: Record<string, unknown[]>, schemaVersion = BACKUP_SCHEMA_VERSION): string {
  return JSON.stringify({
    format: 'muatlas-backup',
    schemaVersion,
    exportedAt: '2024-05-01T08:00:00.000Z',
    ...sections,
  });
}

const everySection = (actuals: unknown[]) => ({
  ...Object.fromEntries(BACKUP_SECTION_NAMES.map((name) => [name, []])),
  actuals,
});

describe('backupFileName', () => {
  it('names the file by local date and minute, zero-padded', () => {
    expect(backupFileName(new Date(2026, 0, 5, 7, 3))).toBe('muatlas-backup-20260105-0703.json');
  });
});

describe('BackupState restore steps', () => {
  it('previews without writing, re-previews on a mode change, and applies', async () => {
    const state = openState();
    await state.pick('a.json', file(everySection([ACTUAL])));
    expect(state.restore).toMatchObject({ step: 'preview', fileName: 'a.json' });
    expect(state.restore.step === 'preview' && state.restore.summary.actuals.added).toBe(1);
    expect((await state.exportAll()).counts.actuals).toBe(0);

    await state.apply();
    expect(state.restore.step).toBe('done');
    expect((await state.exportAll()).counts.actuals).toBe(1);

    // The same file again: a merge keeps the equal record, a replace updates it.
    await state.pick('a.json', file(everySection([ACTUAL])));
    expect(state.restore.step === 'preview' && state.restore.summary.actuals.kept).toBe(1);
    await state.setMode('replace');
    expect(state.restore.step === 'preview' && state.restore.summary.actuals.updated).toBe(1);
  });

  it('keeps the sections of an older file through to the result', async () => {
    const state = openState();
    await state.pick('v1.json', file({ actuals: [ACTUAL] }, 1));
    expect(state.restore.step === 'preview' && state.restore.sections).toEqual(['actuals']);
    await state.apply();
    expect(state.restore.step === 'done' && state.restore.sections).toEqual(['actuals']);
  });

  it('refuses a bad file with its problems, and apply then does nothing', async () => {
    const state = openState();
    await state.pick('bad.json', file(everySection([ACTUAL, { ...ACTUAL, year: 'x' }])));
    expect(state.restore).toEqual({
      step: 'invalid',
      fileName: 'bad.json',
      problems: [
        { id: 'backup.badRecord', params: { section: 'actuals', index: 1, field: 'year' } },
      ],
    });
    await state.apply();
    expect(state.restore.step).toBe('invalid');
    expect((await state.exportAll()).counts.actuals).toBe(0);
  });

  it('forgets the file on cancel', async () => {
    const state = openState();
    await state.pick('a.json', file(everySection([ACTUAL])));
    state.cancel();
    expect(state.restore).toEqual({ step: 'idle' });
    await state.apply();
    expect((await state.exportAll()).counts.actuals).toBe(0);
  });
});
