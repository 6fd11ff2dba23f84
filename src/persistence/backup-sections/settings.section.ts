/**
 * The `settings` backup section (since version 3): settings the user changed, one record per
 * key. A value is carried as stored; the feature owning the key checks it when it reads it back
 * (as it does for anything in the settings table), so the backup checks only the row's shape.
 */

import type { BackupSectionSpec } from '../backup-section.ts';
import type { SettingRow } from '../db.ts';
import { isIsoTime, isRecord, isString } from './checks.ts';

export const settingsSection: BackupSectionSpec<'settings', SettingRow> = {
  name: 'settings',
  sinceVersion: 3,
  tables: (db) => [db.settings],
  badField(record) {
    if (!isRecord(record)) return 'record';
    const checks: [string, boolean][] = [
      ['key', isString(record.key) && record.key !== ''],
      ['value', record.value !== undefined],
      ['savedAt', isIsoTime(record.savedAt)],
    ];
    return checks.find(([, ok]) => !ok)?.[0];
  },
  read: (record) => ({
    key: record.key as string,
    value: record.value,
    savedAt: record.savedAt as string,
  }),
  keyOf: (record) => record.key,
  changedAtOf: (record) => record.savedAt,
  readAll: (db) => db.settings.toArray(),
  async apply(db, { toWrite, toRemove }) {
    if (toRemove.length > 0) await db.settings.bulkDelete(toRemove.map((s) => s.key));
    await db.settings.bulkPut([...toWrite]);
  },
};
