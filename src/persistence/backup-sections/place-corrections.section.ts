/** The `placeCorrections` backup section (since version 2): where users moved places to. */

import { isLatInRegion, isLonInRegion } from '../../domain/places/coordinates.ts';
import { cityCodeOfPlaceId } from '../../domain/places/place.ts';
import type { BackupSectionSpec } from '../backup-section.ts';
import type { PlaceCorrection } from '../db.ts';
import { isIsoTime, isRecord, isString } from './checks.ts';

/** A place correction as a backup holds it. */
export type BackupPlaceCorrection = Omit<PlaceCorrection, 'revision'>;

const isNumber = (v: unknown): v is number => typeof v === 'number';

export const placeCorrectionsSection: BackupSectionSpec<'placeCorrections', BackupPlaceCorrection> =
  {
    name: 'placeCorrections',
    sinceVersion: 2,
    tables: (db) => [db.placeCorrections],
    badField(record) {
      if (!isRecord(record)) return 'record';
      const checks: [string, boolean][] = [
        ['placeId', isString(record.placeId) && cityCodeOfPlaceId(record.placeId) !== ''],
        ['lon', isNumber(record.lon) && isLonInRegion(record.lon)],
        ['lat', isNumber(record.lat) && isLatInRegion(record.lat)],
        ['enteredBy', isString(record.enteredBy)],
        ['enteredAt', isIsoTime(record.enteredAt)],
        ['note', isString(record.note)],
      ];
      return checks.find(([, ok]) => !ok)?.[0];
    },
    read: (record) => ({
      placeId: record.placeId as string,
      lon: record.lon as number,
      lat: record.lat as number,
      enteredBy: record.enteredBy as string,
      enteredAt: record.enteredAt as string,
      note: record.note as string,
    }),
    keyOf: (record) => record.placeId,
    changedAtOf: (record) => record.enteredAt,
    async readAll(db) {
      const rows = await db.placeCorrections.toArray();
      return rows.map(({ revision: _revision, ...rest }) => rest);
    },
    async apply(db, { toWrite, toRemove, takeRevision }) {
      if (toRemove.length > 0) {
        await db.placeCorrections.bulkDelete(toRemove.map((c) => c.placeId));
      }
      await db.placeCorrections.bulkPut(toWrite.map((c) => ({ ...c, revision: takeRevision() })));
    },
  };
