/**
 * The `zones` backup section (since version 3): renewal zones, each checked by the rules a
 * drawn zone must pass. A restore is journalled like any other edit (before/after), so the
 * journal stays exactly what storage holds. The file holds GeoJSON outlines; the tables hold
 * them packed (see the zones repository).
 */

import type { Polygon } from 'geojson';
import { validateZoneFields } from '../../domain/zones/zone-fields.validator.ts';
import { validateZoneGeometry } from '../../domain/zones/zone-geometry.validator.ts';
import { ZONE_KINDS, ZONE_PHASES, type Zone } from '../../domain/zones/zone.ts';
import type { BackupSectionSpec } from '../backup-section.ts';
import type { PackedZone, ZoneEditRow, ZoneRow } from '../db.ts';
import { packZone, unpackZone } from '../zones.repo.ts';
import { isIsoTime, isRecord, isString } from './checks.ts';

/** A zone as a backup holds it: without its revision. */
export type BackupZone = Zone;

const isNumberOrNull = (v: unknown): v is number | null => v === null || typeof v === 'number';

function isPolygonShape(value: unknown): value is Polygon {
  if (!isRecord(value) || value.type !== 'Polygon' || !Array.isArray(value.coordinates)) {
    return false;
  }
  return value.coordinates.every(
    (ring) =>
      Array.isArray(ring) &&
      ring.every((p) => Array.isArray(p) && p.length >= 2 && p.every((c) => typeof c === 'number')),
  );
}

function read(record: Record<string, unknown>): BackupZone {
  const geometry = record.geometry as Polygon;
  return {
    id: record.id as string,
    name: record.name as string,
    kind: record.kind as Zone['kind'],
    phase: record.phase as Zone['phase'],
    geometry: { type: 'Polygon', coordinates: geometry.coordinates },
    plannedLandMu: record.plannedLandMu as number | null,
    energySpaceTce: record.energySpaceTce as number | null,
    enterprisesToRectify: record.enterprisesToRectify as number | null,
    responsibleUnit: record.responsibleUnit as string,
    targetYear: record.targetYear as number | null,
    note: record.note as string,
    enteredBy: record.enteredBy as string,
    createdAt: record.createdAt as string,
    updatedAt: record.updatedAt as string,
  };
}

export const zonesSection: BackupSectionSpec<'zones', BackupZone> = {
  name: 'zones',
  sinceVersion: 3,
  tables: (db) => [db.zones, db.zoneEdits],
  badField(record) {
    if (!isRecord(record)) return 'record';
    const shapes: [string, boolean][] = [
      ['id', isString(record.id) && record.id !== ''],
      ['name', isString(record.name)],
      ['kind', (ZONE_KINDS as readonly unknown[]).includes(record.kind)],
      ['phase', (ZONE_PHASES as readonly unknown[]).includes(record.phase)],
      ['geometry', isPolygonShape(record.geometry)],
      ['plannedLandMu', isNumberOrNull(record.plannedLandMu)],
      ['energySpaceTce', isNumberOrNull(record.energySpaceTce)],
      ['enterprisesToRectify', isNumberOrNull(record.enterprisesToRectify)],
      ['responsibleUnit', isString(record.responsibleUnit)],
      ['targetYear', isNumberOrNull(record.targetYear)],
      ['note', isString(record.note)],
      ['enteredBy', isString(record.enteredBy)],
      ['createdAt', isIsoTime(record.createdAt)],
      ['updatedAt', isIsoTime(record.updatedAt)],
    ];
    const badShape = shapes.find(([, ok]) => !ok)?.[0];
    if (badShape) return badShape;
    // The same rules as a drawn zone, so a backup cannot restore what drawing would refuse.
    const zone = read(record);
    if (validateZoneGeometry(zone.geometry).errors.length > 0) return 'geometry';
    return validateZoneFields(zone)[0]?.field;
  },
  read,
  keyOf: (record) => record.id,
  changedAtOf: (record) => record.updatedAt,
  async readAll(db) {
    const rows = await db.zones.toArray();
    return rows.map((row) => unpackZone(withoutRevision(row)));
  },
  async apply(db, { toWrite, toRemove, takeRevision }) {
    const at = new Date().toISOString();
    const before = await db.zones.bulkGet(toWrite.map((z) => z.id));
    const packed = toWrite.map(packZone);
    const edits: ZoneEditRow[] = [
      ...toRemove.map((zone) => ({ zoneId: zone.id, at, before: packZone(zone), after: null })),
      ...packed.map((zone, i) => {
        const old = before[i];
        return { zoneId: zone.id, at, before: old ? withoutRevision(old) : null, after: zone };
      }),
    ];
    if (toRemove.length > 0) await db.zones.bulkDelete(toRemove.map((z) => z.id));
    await db.zones.bulkPut(packed.map((z) => ({ ...z, revision: takeRevision() })));
    await db.zoneEdits.bulkAdd(edits);
  },
};

function withoutRevision({ revision: _revision, ...zone }: ZoneRow): PackedZone {
  return zone;
}
