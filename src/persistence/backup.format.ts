/**
 * The MuAtlas backup file: every piece of user data as plain JSON, for export and restore.
 *
 * The file names its `format` and `schemaVersion`; each kind of user data is a section
 * (`backup-section.ts`) listed in {@link BACKUP_SECTIONS} with the version that added it.
 * Version 1 (issue 3) holds `actuals`; version 2 (issue 4) adds `placeCorrections`. A file is
 * checked completely before anything is written, and written in one transaction, so a bad or
 * partly bad file changes nothing.
 *
 * Revisions are not part of a backup: restored records take fresh ones, so a tab still holding
 * an old revision gets a conflict rather than overwriting the restored value.
 */

import type { BackupSectionSpec } from './backup-section.ts';
import { actualsSection } from './backup-sections/actuals.section.ts';
import { briefingsSection } from './backup-sections/briefings.section.ts';
import { isIsoTime, isRecord } from './backup-sections/checks.ts';
import { importedLayersSection } from './backup-sections/imported-layers.section.ts';
import { placeCorrectionsSection } from './backup-sections/place-corrections.section.ts';
import { settingsSection } from './backup-sections/settings.section.ts';
import { zonesSection } from './backup-sections/zones.section.ts';
import { takeRevisions, type MuAtlasDb } from './db.ts';
import { catchStorageFull, type StorageFullFailure } from './storage-errors.ts';

export type { BackupActual } from './backup-sections/actuals.section.ts';
export type { BackupPlaceCorrection } from './backup-sections/place-corrections.section.ts';

/** Every section, in the order files list them and imports write them. */
export const BACKUP_SECTIONS = [
  actualsSection,
  placeCorrectionsSection,
  importedLayersSection,
  briefingsSection,
  zonesSection,
  settingsSection,
] as const;

type AnySection = (typeof BACKUP_SECTIONS)[number];

/** The sections of a backup, by name as they appear in the file. */
export type BackupSection = AnySection['name'];

/** The records of every section, keyed by section name. */
export type BackupRecords = {
  [S in AnySection as S['name']]: S extends BackupSectionSpec<string, infer T> ? T[] : never;
};

export const BACKUP_FORMAT = 'muatlas-backup';
/** The newest backup layout this code writes and reads: the newest section's version. */
export const BACKUP_SCHEMA_VERSION = Math.max(...BACKUP_SECTIONS.map((s) => s.sinceVersion));

/** A backup as this version writes it. */
export type Backup = BackupRecords & {
  format: typeof BACKUP_FORMAT;
  schemaVersion: number;
  /** ISO time of the export. */
  exportedAt: string;
};

/**
 * A file read and upgraded to the newest layout. `sections` names the ones the file's version
 * has: a version 1 file says nothing about place corrections (not even that there are none), so
 * importing it leaves the browser's corrections alone, in replace mode too.
 */
export type ParsedBackup = Backup & {
  sections: readonly BackupSection[];
};

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
 *   (an actual's indicator, district and year; a correction's place; …), the one changed later
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

/** An erased view of the registry for loops; see the note on method bivariance. */
const SECTIONS: readonly BackupSectionSpec<BackupSection, unknown>[] = BACKUP_SECTIONS;

const allTables = (db: MuAtlasDb) => [...new Set(SECTIONS.flatMap((s) => s.tables(db)))];

/** Every user record in the database, as a backup object ready for `JSON.stringify`. */
export async function exportBackup(db: MuAtlasDb, now: Date = new Date()): Promise<Backup> {
  const records = await db.transaction('r', allTables(db), () =>
    Promise.all(SECTIONS.map((section) => section.readAll(db))),
  );
  const backup: Record<string, unknown> = {
    format: BACKUP_FORMAT,
    schemaVersion: BACKUP_SCHEMA_VERSION,
    exportedAt: now.toISOString(),
  };
  SECTIONS.forEach((section, i) => (backup[section.name] = records[i]));
  return backup as Backup;
}

/** A backup as the text of a `.json` file. */
export function serialiseBackup(backup: Backup): string {
  return `${JSON.stringify(backup, null, 2)}\n`;
}

/**
 * Checks every record of one section, collecting problems; a key given twice is refused rather
 * than one silently winning.
 */
function readSection(
  section: BackupSectionSpec<BackupSection, unknown>,
  records: readonly unknown[],
  problems: BackupProblem[],
): unknown[] {
  const result: unknown[] = [];
  const firstIndexOfKey = new Map<string, number>();
  records.forEach((record, index) => {
    const field = section.badField(record);
    if (field !== undefined) {
      problems.push({ id: 'backup.badRecord', params: { section: section.name, index, field } });
      return;
    }
    const item = section.read(record as Record<string, unknown>);
    const key = section.keyOf(item);
    const firstIndex = firstIndexOfKey.get(key);
    if (firstIndex !== undefined) {
      problems.push({
        id: 'backup.duplicateRecord',
        params: { section: section.name, index, firstIndex },
      });
      return;
    }
    firstIndexOfKey.set(key, index);
    result.push(item);
  });
  return result;
}

/**
 * Checks a backup file's text completely. Records are checked for shape and known codes, not
 * against today's catalogue: a backup must restore what the user had even if the catalogue has
 * changed since.
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
  const present = SECTIONS.filter((section) => section.sinceVersion <= schemaVersion);
  const missing = present.find((section) => !Array.isArray(data[section.name]));
  if (missing !== undefined) {
    return {
      ok: false,
      problems: [{ id: 'backup.missingSection', params: { section: missing.name } }],
    };
  }

  const problems: BackupProblem[] = [];
  const backup: Record<string, unknown> = {
    format: BACKUP_FORMAT,
    schemaVersion: BACKUP_SCHEMA_VERSION,
    exportedAt: isIsoTime(data.exportedAt) ? data.exportedAt : '',
    sections: present.map((section) => section.name),
  };
  for (const section of SECTIONS) {
    backup[section.name] = present.includes(section)
      ? readSection(section, data[section.name] as unknown[], problems)
      : [];
  }
  if (problems.length > 0) return { ok: false, problems: problems.slice(0, MAX_PROBLEMS) };
  return { ok: true, backup: backup as ParsedBackup };
}

/** A section's plan: what to write and what to remove, and the counts to report. */
interface SectionPlan {
  counts: ImportCounts;
  toWrite: unknown[];
  toRemove: unknown[];
}

/** Compares a section of the file with the browser's records; the later change wins a merge. */
function planSection(
  section: BackupSectionSpec<BackupSection, unknown>,
  incoming: readonly unknown[],
  existing: readonly unknown[],
  mode: ImportMode,
): SectionPlan {
  const existingByKey = new Map(existing.map((r) => [section.keyOf(r), r]));
  const incomingKeys = new Set(incoming.map((r) => section.keyOf(r)));
  const counts: ImportCounts = { added: 0, updated: 0, kept: 0, removed: 0 };
  const toWrite: unknown[] = [];
  for (const record of incoming) {
    const current = existingByKey.get(section.keyOf(record));
    if (current === undefined) {
      counts.added += 1;
      toWrite.push(record);
    } else if (
      mode === 'replace' ||
      Date.parse(section.changedAtOf(record)) > Date.parse(section.changedAtOf(current))
    ) {
      counts.updated += 1;
      toWrite.push(record);
    } else {
      counts.kept += 1;
    }
  }
  const toRemove =
    mode === 'replace' ? existing.filter((r) => !incomingKeys.has(section.keyOf(r))) : [];
  counts.removed = toRemove.length;
  return { counts, toWrite, toRemove };
}

const NO_CHANGE: SectionPlan = {
  counts: { added: 0, updated: 0, kept: 0, removed: 0 },
  toWrite: [],
  toRemove: [],
};

/**
 * Checks a backup file and imports it in one transaction: a file with any problem changes
 * nothing. With `dryRun` it only reports what it would do, so the UI can ask first (replace
 * mode removes records). Sections the file's version does not have are left alone.
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
  const fileRecords = backup as unknown as Record<BackupSection, unknown[]>;

  return catchStorageFull(() =>
    db.transaction(dryRun ? 'r' : 'rw', [...allTables(db), db.meta], async () => {
      const plans: SectionPlan[] = [];
      for (const section of SECTIONS) {
        plans.push(
          backup.sections.includes(section.name)
            ? planSection(
                section,
                fileRecords[section.name],
                await section.readAll(db),
                options.mode,
              )
            : NO_CHANGE,
        );
      }
      const summary = Object.fromEntries(
        SECTIONS.map((section, i) => [section.name, plans[i]!.counts]),
      ) as ImportSummary;
      if (dryRun) return { ok: true as const, summary, dryRun };

      const writes = plans.reduce((sum, plan) => sum + plan.toWrite.length, 0);
      // Fresh revisions for every restored record, from one batch of the shared counter.
      let revision = writes > 0 ? await takeRevisions(db, writes) : 0;
      const takeRevision = () => revision++;
      for (const [i, section] of SECTIONS.entries()) {
        const plan = plans[i]!;
        if (plan.toWrite.length === 0 && plan.toRemove.length === 0) continue;
        await section.apply(db, { toWrite: plan.toWrite, toRemove: plan.toRemove, takeRevision });
      }
      return { ok: true as const, summary, dryRun };
    }),
  );
}
