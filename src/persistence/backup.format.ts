/**
 * The MuAtlas backup file: every piece of user data as plain JSON, for export and restore.
 *
 * The file names its `format` and `schemaVersion`, so later issues can add sections (zones,
 * place corrections, imported layers, briefings) by bumping the version and upgrading older
 * files on import. A file is checked completely before anything is written, and written in one
 * transaction, so a bad or partly bad file changes nothing.
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
import { takeRevisions, type MuAtlasDb } from './db.ts';
import { catchStorageFull, type StorageFullFailure } from './storage-errors.ts';

export const BACKUP_FORMAT = 'muatlas-backup';
/** The newest backup layout this code writes and reads. */
export const BACKUP_SCHEMA_VERSION = 1;

/** An actual value as a backup holds it. */
export type BackupActual = Omit<ActualValue, 'revision'>;

export interface BackupV1 {
  format: typeof BACKUP_FORMAT;
  schemaVersion: 1;
  /** ISO time of the export. */
  exportedAt: string;
  actuals: BackupActual[];
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
  { ok: true; backup: BackupV1 } | { ok: false; problems: BackupProblem[] };

/**
 * How an import treats data already in the browser:
 * - `merge`: keeps what the file does not mention; where both hold a value for the same key,
 *   the one entered later wins (a tie keeps the browser's).
 * - `replace`: the browser's actuals become exactly the file's.
 */
export type ImportMode = 'merge' | 'replace';

/** What an import did (or, in a dry run, would do). */
export interface ImportSummary {
  added: number;
  /** Browser values replaced by the file's. */
  updated: number;
  /** Browser values kept because the file's were older or the same. */
  kept: number;
  /** Browser values removed (only in `replace` mode). */
  removed: number;
}

export type ImportResult =
  | { ok: true; summary: ImportSummary; dryRun: boolean }
  | { ok: false; kind: 'invalid'; problems: BackupProblem[] }
  | StorageFullFailure;

/** Most problems listed for one file; past that the planner has the wrong file anyway. */
const MAX_PROBLEMS = 50;

/** Every user record in the database, as a backup object ready for `JSON.stringify`. */
export async function exportBackup(db: MuAtlasDb, now: Date = new Date()): Promise<BackupV1> {
  const actuals = await db.actuals.toArray();
  return {
    format: BACKUP_FORMAT,
    schemaVersion: BACKUP_SCHEMA_VERSION,
    exportedAt: now.toISOString(),
    actuals: actuals.map(({ revision: _revision, ...rest }) => rest),
  };
}

/** A backup as the text of a `.json` file. */
export function serialiseBackup(backup: BackupV1): string {
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
  if (!Array.isArray(data.actuals)) {
    return {
      ok: false,
      problems: [{ id: 'backup.missingSection', params: { section: 'actuals' } }],
    };
  }

  const problems: BackupProblem[] = [];
  const actuals: BackupActual[] = [];
  const firstIndexOfKey = new Map<string, number>();
  data.actuals.forEach((record: unknown, index) => {
    const field = badActualField(record);
    if (field !== undefined) {
      problems.push({ id: 'backup.badRecord', params: { section: 'actuals', index, field } });
      return;
    }
    const actual = actualFrom(record as Record<string, unknown>);
    const id = actualKeyId(actual);
    const firstIndex = firstIndexOfKey.get(id);
    if (firstIndex !== undefined) {
      problems.push({
        id: 'backup.duplicateRecord',
        params: { section: 'actuals', index, firstIndex },
      });
      return;
    }
    firstIndexOfKey.set(id, index);
    actuals.push(actual);
  });
  if (problems.length > 0) return { ok: false, problems: problems.slice(0, MAX_PROBLEMS) };
  return {
    ok: true,
    backup: {
      format: BACKUP_FORMAT,
      schemaVersion: 1,
      exportedAt: isIsoTime(data.exportedAt) ? data.exportedAt : '',
      actuals,
    },
  };
}

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
  const incoming = parsed.backup.actuals;
  const dryRun = options.dryRun ?? false;

  return catchStorageFull(() =>
    db.transaction(dryRun ? 'r' : 'rw', db.actuals, db.meta, async (): Promise<ImportResult> => {
      const existing = await db.actuals.toArray();
      const existingById = new Map(existing.map((a) => [actualKeyId(a), a]));
      const incomingIds = new Set(incoming.map(actualKeyId));
      const summary: ImportSummary = { added: 0, updated: 0, kept: 0, removed: 0 };
      const toWrite: BackupActual[] = [];
      for (const actual of incoming) {
        const current = existingById.get(actualKeyId(actual));
        if (!current) {
          summary.added += 1;
          toWrite.push(actual);
        } else if (
          options.mode === 'replace' ||
          Date.parse(actual.enteredAt) > Date.parse(current.enteredAt)
        ) {
          summary.updated += 1;
          toWrite.push(actual);
        } else {
          summary.kept += 1;
        }
      }
      const toRemove =
        options.mode === 'replace' ? existing.filter((a) => !incomingIds.has(actualKeyId(a))) : [];
      summary.removed = toRemove.length;
      if (dryRun) return { ok: true, summary, dryRun };

      if (toRemove.length > 0) {
        await db.actuals.bulkDelete(toRemove.map((a) => [a.indicatorId, a.districtCode, a.year]));
      }
      if (toWrite.length > 0) {
        const firstRevision = await takeRevisions(db, toWrite.length);
        await db.actuals.bulkPut(toWrite.map((a, i) => ({ ...a, revision: firstRevision + i })));
      }
      return { ok: true, summary, dryRun };
    }),
  );
}
