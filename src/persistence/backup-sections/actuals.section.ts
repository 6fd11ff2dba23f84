/** The `actuals` backup section (since version 1): values typed by planners. */

import {
  actualKeyId,
  isActualYear,
  isKnownAreaCode,
  type ActualValue,
} from '../../domain/actuals/actual-value.ts';
import type { BackupSectionSpec } from '../backup-section.ts';
import { isIsoTime, isRecord, isString } from './checks.ts';

/** An actual value as a backup holds it. */
export type BackupActual = Omit<ActualValue, 'revision'>;

export const actualsSection: BackupSectionSpec<'actuals', BackupActual> = {
  name: 'actuals',
  sinceVersion: 1,
  tables: (db) => [db.actuals],
  badField(record) {
    if (!isRecord(record)) return 'record';
    const checks: [string, boolean][] = [
      ['indicatorId', isString(record.indicatorId) && record.indicatorId.trim() !== ''],
      ['districtCode', isString(record.districtCode) && isKnownAreaCode(record.districtCode)],
      ['year', typeof record.year === 'number' && isActualYear(record.year)],
      ['value', typeof record.value === 'number' && Number.isFinite(record.value)],
      ['note', isString(record.note)],
      ['enteredBy', isString(record.enteredBy)],
      ['enteredAt', isIsoTime(record.enteredAt)],
      ['origin', record.origin === 'user'],
    ];
    return checks.find(([, ok]) => !ok)?.[0];
  },
  read: (record) => ({
    indicatorId: record.indicatorId as string,
    districtCode: record.districtCode as string,
    year: record.year as number,
    value: record.value as number,
    note: record.note as string,
    enteredBy: record.enteredBy as string,
    enteredAt: record.enteredAt as string,
    origin: 'user',
  }),
  keyOf: actualKeyId,
  changedAtOf: (record) => record.enteredAt,
  async readAll(db) {
    const rows = await db.actuals.toArray();
    return rows.map(({ revision: _revision, ...rest }) => rest);
  },
  async apply(db, { toWrite, toRemove, takeRevision }) {
    if (toRemove.length > 0) {
      await db.actuals.bulkDelete(toRemove.map((a) => [a.indicatorId, a.districtCode, a.year]));
    }
    await db.actuals.bulkPut(toWrite.map((a) => ({ ...a, revision: takeRevision() })));
  },
};
