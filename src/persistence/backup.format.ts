/**
 * The MuAtlas backup file: every piece of user data as plain JSON, for export and restore.
 *
 * The file names its `format` and `schemaVersion`, so later issues can add sections (zones,
 * imported layers, briefings) by bumping the version and upgrading older files on import.
 * Version 1 (issue 3) holds `actuals`; version 2 (issue 4) adds `placeCorrections`. A file is
 * checked completely before anything is written, and written in one transaction, so a bad or
 * partly bad file changes nothing.
 *
 * Revisions are not part of a backup: restored records take fresh ones, so a tab still holding
 * an old revision gets a conflict rather than overwriting the restored value.
 */

import {
  actualKeyId,
  isActualYear,
  isKnownAreaCode,
  type ActualValue,
} from '../domain/actuals/actual-value.ts';
import { isLatInRegion, isLonInRegion } from '../domain/places/coordinates.ts';
import { cityCodeOfPlaceId } from '../domain/places/place.ts';
import { takeRevisions, type MuAtlasDb, type PlaceCorrection } from './db.ts';
import { catchStorageFull, type StorageFullFailure } from './storage-errors.ts';

export const BACKUP_FORMAT = 'muatlas-backup';
/** The newest backup layout this code writes and reads. */
export const BACKUP_SCHEMA_VERSION = 2;

/** An actual value as a backup holds it. */
export type BackupActual = Omit<ActualValue, 'revision'>;

/** A place correction as a backup holds it. */
export type BackupPlaceCorrection = Omit<PlaceCorrection, 'revision'>;

/** The sections of a backup, by name as they appear in the file. */
export type BackupSection = 'actuals' | 'placeCorrections';

/** A backup as this version writes it. */
export interface Backup {
  format: typeof BACKUP_FORMAT;
  schemaVersion: typeof BACKUP_SCHEMA_VERSION;
  /** ISO time of the export. */
  exportedAt: string;
  actuals: BackupActual[];
  placeCorrections: BackupPlaceCorrection[];
}

/**
 * A file read and upgraded to the newest layout. `sections` names the ones the file's version
 * has: a version 1 file says nothing about place corrections (not even that there are none), so
 * importing it leaves the browser's corrections alone, in replace mode too.
 */
export interface ParsedBackup extends Backup {
  sections: readonly BackupSection[];
}

/** Why a backup file was refused, as i18n message ids with parameters. */
export type BackupProblem =
  | { id: 'backup.notJson'; params: Record<string, never> }
  | { id: 'backup.notMuAtlas'; params: Record<string, never> }
  | { id: 'backup.newerVersion'; params: { schemaVersion: number } }
  | { id: 'backup.missingSection'; params: { section: string } }
  /** `index` is 0-based in the section's list; `field` names the bad field. */
  | { id: 'backup.badRecord'; params: { section: string; index: number; field: string } }
  | {
      id: 'backup.duplicateRecord';
      params: { section: string; index: number; firstIndex: number };
    };

export type BackupParseResult =
  { ok: true; backup: ParsedBackup } | { ok: false; problems: BackupProblem[] };

/**
 * How an import treats data already in the browser:
 * - `merge`: keeps what the file does not mention; where both hold a record for the same key
 *   (an actual's indicator, district and year; a correction's place), the one entered later
 *   wins (a tie keeps the browser's).
 * - `replace`: each section the file has becomes exactly the file's in the browser.
 */
export type ImportMode = 'merge' | 'replace';

/** What an import did (or, in a dry run, would do) to one section. */
export interface ImportCounts {
  added: number;
  /** Browser records replaced by the file's. */
  updated: number;
  /** Browser records kept because the file's were older or the same. */
  kept: number;
  /** Browser records removed (only in `replace` mode). */
  removed: number;
}

/** What an import did, per section. */
export type ImportSummary = Record<BackupSection, ImportCounts>;

export type ImportResult =
  | { ok: true; summary: ImportSummary; dryRun: boolean }
  | { ok: false; kind: 'invalid'; problems: BackupProblem[] }
  | StorageFullFailure;

/** Most problems listed for one file; past that the planner has the wrong file anyway. */
const MAX_PROBLEMS = 50;

/** Every user record in the database, as a backup object ready for `JSON.stringify`. */
export async function exportBackup(db: MuAtlasDb, now: Date = new Date()): Promise<Backup> {
  const [actuals, corrections] = await db.transaction('r', db.actuals, db.placeCorrections, () =>
    Promise.all([db.actuals.toArray(), db.placeCorrections.toArray()]),
  );
  return {
    format: BACKUP_FORMAT,
    schemaVersion: BACKUP_SCHEMA_VERSION,
    exportedAt: now.toISOString(),
    actuals: actuals.map(({ revision: _revision, ...rest }) => rest),
    placeCorrections: corrections.map(({ revision: _revision, ...rest }) => rest),
  };
}

/** A backup as the text of a `.json` file. */
export function serialiseBackup(backup: Backup): string {
  return `${JSON.stringify(backup, null, 2)}\n`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const isString = (v: unknown): v is string => typeof v === 'string';
const isIsoTime = (v: unknown): v is string => isString(v) && Number.isFinite(Date.parse(v));

/** The first bad field of an actual record, or undefined when it is sound. */
function badActualField(record: unknown): string | undefined {
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
}

function actualFrom(record: Record<string, unknown>): BackupActual {
  // Copies only known fields, so nothing unexpected in a file reaches the database.
  return {
    indicatorId: record.indicatorId as string,
    districtCode: record.districtCode as string,
    year: record.year as number,
    value: record.value as number,
    note: record.note as string,
    enteredBy: record.enteredBy as string,
    enteredAt: record.enteredAt as string,
    origin: 'user',
  };
}

/** The first bad field of a place correction record, or undefined when it is sound. */
function badCorrectionField(record: unknown): string | undefined {
  if (!isRecord(record)) return 'record';
  const isNumber = (v: unknown): v is number => typeof v === 'number';
  const checks: [string, boolean][] = [
    ['placeId', isString(record.placeId) && cityCodeOfPlaceId(record.placeId) !== ''],
    ['lon', isNumber(record.lon) && isLonInRegion(record.lon)],
    ['lat', isNumber(record.lat) && isLatInRegion(record.lat)],
    ['enteredBy', isString(record.enteredBy)],
    ['enteredAt', isIsoTime(record.enteredAt)],
    ['note', isString(record.note)],
  ];
  return checks.find(([, ok]) => !ok)?.[0];
}

function correctionFrom(record: Record<string, unknown>): BackupPlaceCorrection {
  return {
    placeId: record.placeId as string,
    lon: record.lon as number,
    lat: record.lat as number,
    enteredBy: record.enteredBy as string,
    enteredAt: record.enteredAt as string,
    note: record.note as string,
  };
}

/**
 * Checks every record of one section, collecting problems; records are keyed by `keyOf` so a
 * key given twice is refused rather than one silently winning.
 */
function readSection<T>(
  section: BackupSection,
  records: readonly unknown[],
  badField: (record: unknown) => string | undefined,
  read: (record: Record<string, unknown>) => T,
  keyOf: (record: T) => string,
  problems: BackupProblem[],
): T[] {
  const result: T[] = [];
  const firstIndexOfKey = new Map<string, number>();
  records.forEach((record, index) => {
    const field = badField(record);
    if (field !== undefined) {
      problems.push({ id: 'backup.badRecord', params: { section, index, field } });
      return;
    }
    const item = read(record as Record<string, unknown>);
    const key = keyOf(item);
    const firstIndex = firstIndexOfKey.get(key);
    if (firstIndex !== undefined) {
      problems.push({ id: 'backup.duplicateRecord', params: { section, index, firstIndex } });
      return;
    }
    firstIndexOfKey.set(key, index);
    result.push(item);
  });
  return result;
}

/**
 * Checks a backup file's text completely. Records are checked for shape and known area codes,
 * not against today's indicator targets: a backup must restore what the planner had even if
 * the catalogue has changed since.
 */
export function parseBackup(text: string): BackupParseResult {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return { ok: false, problems: [{ id: 'backup.notJson', params: {} }] };
  }
  if (!isRecord(data) || data.format !== BACKUP_FORMAT) {
    return { ok: false, problems: [{ id: 'backup.notMuAtlas', params: {} }] };
  }
  const { schemaVersion } = data;
  if (typeof schemaVersion !== 'number' || !Number.isInteger(schemaVersion) || schemaVersion < 1) {
    return { ok: false, problems: [{ id: 'backup.notMuAtlas', params: {} }] };
  }
  if (schemaVersion > BACKUP_SCHEMA_VERSION) {
    return { ok: false, problems: [{ id: 'backup.newerVersion', params: { schemaVersion } }] };
  }
  const sections: BackupSection[] =
    schemaVersion >= 2 ? ['actuals', 'placeCorrections'] : ['actuals'];
  const missing = sections.find((section) => !Array.isArray(data[section]));
  if (missing !== undefined) {
    return { ok: false, problems: [{ id: 'backup.missingSection', params: { section: missing } }] };
  }

  const problems: BackupProblem[] = [];
  const actuals = readSection(
    'actuals',
    data.actuals as unknown[],
    badActualField,
    actualFrom,
    actualKeyId,
    problems,
  );
  const placeCorrections = sections.includes('placeCorrections')
    ? readSection(
        'placeCorrections',
        data.placeCorrections as unknown[],
        badCorrectionField,
        correctionFrom,
        (c) => c.placeId,
        problems,
      )
    : [];
  if (problems.length > 0) return { ok: false, problems: problems.slice(0, MAX_PROBLEMS) };
  return {
    ok: true,
    backup: {
      format: BACKUP_FORMAT,
      schemaVersion: BACKUP_SCHEMA_VERSION,
      exportedAt: isIsoTime(data.exportedAt) ? data.exportedAt : '',
      actuals,
      placeCorrections,
      sections,
    },
  };
}

/** A section's plan: what to write and what to remove, and the counts to report. */
interface SectionPlan<T> {
  counts: ImportCounts;
  toWrite: T[];
  toRemove: T[];
}

/**
 * Compares a section of the file with the browser's records. `enteredAt` decides merges; keys
 * are compared as strings (`keyOf`).
 */
function planSection<T extends { enteredAt: string }>(
  incoming: readonly T[],
  existing: readonly T[],
  keyOf: (record: T) => string,
  mode: ImportMode,
): SectionPlan<T> {
  const existingByKey = new Map(existing.map((r) => [keyOf(r), r]));
  const incomingKeys = new Set(incoming.map(keyOf));
  const counts: ImportCounts = { added: 0, updated: 0, kept: 0, removed: 0 };
  const toWrite: T[] = [];
  for (const record of incoming) {
    const current = existingByKey.get(keyOf(record));
    if (!current) {
      counts.added += 1;
      toWrite.push(record);
    } else if (mode === 'replace' || Date.parse(record.enteredAt) > Date.parse(current.enteredAt)) {
      counts.updated += 1;
      toWrite.push(record);
    } else {
      counts.kept += 1;
    }
  }
  const toRemove = mode === 'replace' ? existing.filter((r) => !incomingKeys.has(keyOf(r))) : [];
  counts.removed = toRemove.length;
  return { counts, toWrite, toRemove };
}

const NO_CHANGE: SectionPlan<never> = {
  counts: { added: 0, updated: 0, kept: 0, removed: 0 },
  toWrite: [],
  toRemove: [],
};

/**
 * Checks a backup file and imports it in one transaction: a file with any problem changes
 * nothing. With `dryRun` it only reports what it would do, so the UI can ask first (replace
 * mode removes values).
 */
export async function importBackup(
  db: MuAtlasDb,
  text: string,
  options: { mode: ImportMode; dryRun?: boolean },
): Promise<ImportResult> {
  const parsed = parseBackup(text);
  if (!parsed.ok) return { ok: false, kind: 'invalid', problems: parsed.problems };
  const { backup } = parsed;
  const dryRun = options.dryRun ?? false;
  const tables = [db.actuals, db.placeCorrections, db.meta];

  return catchStorageFull(() =>
    db.transaction(dryRun ? 'r' : 'rw', tables, async (): Promise<ImportResult> => {
      const existingActuals = await db.actuals.toArray();
      const actuals = planSection(backup.actuals, existingActuals, actualKeyId, options.mode);
      const corrections = backup.sections.includes('placeCorrections')
        ? planSection(
            backup.placeCorrections,
            await db.placeCorrections.toArray(),
            (c) => c.placeId,
            options.mode,
          )
        : NO_CHANGE;
      const summary: ImportSummary = {
        actuals: actuals.counts,
        placeCorrections: corrections.counts,
      };
      if (dryRun) return { ok: true, summary, dryRun };

      if (actuals.toRemove.length > 0) {
        await db.actuals.bulkDelete(
          actuals.toRemove.map((a) => [a.indicatorId, a.districtCode, a.year]),
        );
      }
      if (corrections.toRemove.length > 0) {
        await db.placeCorrections.bulkDelete(corrections.toRemove.map((c) => c.placeId));
      }
      const writes = actuals.toWrite.length + corrections.toWrite.length;
      if (writes > 0) {
        // Fresh revisions for every restored record, from one batch of the shared counter.
        let revision = await takeRevisions(db, writes);
        await db.actuals.bulkPut(actuals.toWrite.map((a) => ({ ...a, revision: revision++ })));
        await db.placeCorrections.bulkPut(
          corrections.toWrite.map((c) => ({ ...c, revision: revision++ })),
        );
      }
      return { ok: true, summary, dryRun };
    }),
  );
}
