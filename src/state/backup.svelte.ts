/**
 * The Data dialog's state: export every section of the browser's data as one backup file,
 * restore one after a dry-run preview (merge or replace, applied in one transaction), and what
 * the browser says about its storage. Loaded only when the dialog opens, so the database and
 * backup code stay out of the first page load.
 */

import {
  BACKUP_SECTIONS,
  exportBackup,
  importBackup,
  parseBackup,
  serialiseBackup,
  type BackupProblem,
  type BackupSection,
  type ImportMode,
  type ImportSummary,
} from '../persistence/backup.format.ts';
import { MuAtlasDb } from '../persistence/db.ts';

export type { BackupProblem, BackupSection, ImportMode, ImportSummary };

/** Every section a backup holds, in file order, for the dialog to list. */
export const BACKUP_SECTION_NAMES: readonly BackupSection[] = BACKUP_SECTIONS.map((s) => s.name);

/** Records per section in a file. */
export type SectionCounts = Record<BackupSection, number>;

/** A backup made ready to download. */
export interface ExportedBackup {
  fileName: string;
  text: string;
  counts: SectionCounts;
}

/** Where a restore stands. */
export type RestoreStep =
  | { step: 'idle' }
  | { step: 'checking'; fileName: string }
  | {
      step: 'preview';
      fileName: string;
      exportedAt: string;
      /** Sections the file has; the others are left alone whatever the mode. */
      sections: readonly BackupSection[];
      summary: ImportSummary;
    }
  | { step: 'applying'; fileName: string }
  | {
      step: 'done';
      fileName: string;
      /** As in the preview: the sections the file had. */
      sections: readonly BackupSection[];
      summary: ImportSummary;
    }
  | { step: 'invalid'; fileName: string; problems: BackupProblem[] }
  | { step: 'storage-full'; fileName: string }
  | { step: 'failed'; fileName: string; detail: string };

/** What the browser says about keeping the data. */
export interface StorageStatus {
  /** null where the browser cannot say (no StorageManager). */
  persisted: boolean | null;
  usageBytes: number | null;
  quotaBytes: number | null;
  /** The answer to the last request made from the dialog, if any. */
  lastAnswer: boolean | null;
}

/** The parts of `navigator.storage` the dialog reads. */
export type StorageProbe = Partial<Pick<StorageManager, 'persist' | 'persisted' | 'estimate'>>;

/** `muatlas-backup-YYYYMMDD-HHmm.json`, in the user's local time. */
export function backupFileName(now: Date): string {
  const two = (n: number) => String(n).padStart(2, '0');
  const day = `${now.getFullYear()}${two(now.getMonth() + 1)}${two(now.getDate())}`;
  return `muatlas-backup-${day}-${two(now.getHours())}${two(now.getMinutes())}.json`;
}

export class BackupState {
  lastExport = $state.raw<ExportedBackup | null>(null);
  exporting = $state(false);
  restore = $state.raw<RestoreStep>({ step: 'idle' });
  mode = $state<ImportMode>('merge');
  storage = $state.raw<StorageStatus>({
    persisted: null,
    usageBytes: null,
    quotaBytes: null,
    lastAnswer: null,
  });

  readonly #db: MuAtlasDb;
  readonly #storage: StorageProbe | undefined;
  /** The picked file's text, kept between preview and apply. */
  #text: string | null = null;
  /** Bumped on each new file or mode, so a late dry run cannot overwrite a newer one. */
  #generation = 0;

  constructor(db: MuAtlasDb, storage: StorageProbe | undefined) {
    this.#db = db;
    this.#storage = storage;
  }

  /** Reads every section into a backup file named for `now`. */
  async exportAll(now: Date = new Date()): Promise<ExportedBackup> {
    this.exporting = true;
    try {
      const backup = await exportBackup(this.#db, now);
      const records = backup as unknown as Record<BackupSection, unknown[]>;
      const counts = Object.fromEntries(
        BACKUP_SECTION_NAMES.map((name) => [name, records[name].length]),
      ) as SectionCounts;
      const exported = { fileName: backupFileName(now), text: serialiseBackup(backup), counts };
      this.lastExport = exported;
      return exported;
    } finally {
      this.exporting = false;
    }
  }

  /** Checks a picked file and previews its restore in the current mode; writes nothing. */
  async pick(fileName: string, text: string): Promise<void> {
    this.#text = text;
    await this.#preview(fileName);
  }

  /** Switches merge/replace and previews again. */
  async setMode(mode: ImportMode): Promise<void> {
    this.mode = mode;
    const current = this.restore;
    if (this.#text !== null && current.step === 'preview') await this.#preview(current.fileName);
  }

  async #preview(fileName: string): Promise<void> {
    const text = this.#text;
    if (text === null) return;
    const generation = ++this.#generation;
    this.restore = { step: 'checking', fileName };
    const parsed = parseBackup(text);
    if (!parsed.ok) {
      this.restore = { step: 'invalid', fileName, problems: parsed.problems };
      return;
    }
    const result = await this.#run(fileName, () =>
      importBackup(this.#db, text, { mode: this.mode, dryRun: true }),
    );
    if (generation !== this.#generation || !result) return;
    this.restore = {
      step: 'preview',
      fileName,
      exportedAt: parsed.backup.exportedAt,
      sections: parsed.backup.sections,
      summary: result,
    };
  }

  /** Writes the previewed file in one transaction; any failure leaves the browser's data as it was. */
  async apply(): Promise<void> {
    const current = this.restore;
    const text = this.#text;
    if (current.step !== 'preview' || text === null) return;
    const { fileName, sections } = current;
    const generation = ++this.#generation;
    this.restore = { step: 'applying', fileName };
    const summary = await this.#run(fileName, () =>
      importBackup(this.#db, text, { mode: this.mode }),
    );
    if (generation !== this.#generation || !summary) return;
    this.#text = null;
    this.restore = { step: 'done', fileName, sections, summary };
    await this.refreshStorage();
  }

  /** Forgets the picked file. */
  cancel(): void {
    this.#generation++;
    this.#text = null;
    this.restore = { step: 'idle' };
  }

  /** Runs an import, turning its failures into the restore step; the summary on success. */
  async #run(
    fileName: string,
    work: () => ReturnType<typeof importBackup>,
  ): Promise<ImportSummary | null> {
    try {
      const result = await work();
      if (result.ok) return result.summary;
      this.restore =
        result.kind === 'invalid'
          ? { step: 'invalid', fileName, problems: result.problems }
          : { step: 'storage-full', fileName };
    } catch (error) {
      this.restore = {
        step: 'failed',
        fileName,
        detail: error instanceof Error ? error.message : String(error),
      };
    }
    return null;
  }

  /** Reads whether the browser keeps the data, and how much space it uses. */
  async refreshStorage(): Promise<void> {
    const storage = this.#storage;
    const persisted = storage?.persisted ? await storage.persisted().catch(() => null) : null;
    const estimate = storage?.estimate ? await storage.estimate().catch(() => null) : null;
    this.storage = {
      ...this.storage,
      persisted,
      usageBytes: estimate?.usage ?? null,
      quotaBytes: estimate?.quota ?? null,
    };
  }

  /** Asks the browser again to keep the data (the edit-time request asks only once). */
  async askPersist(): Promise<void> {
    const storage = this.#storage;
    if (!storage?.persist) return;
    const answer = await storage.persist().catch(() => null);
    this.storage = { ...this.storage, lastAnswer: answer };
    await this.refreshStorage();
  }

  dispose(): void {
    this.#db.close();
  }
}

/** Opens the browser's database for the Data dialog. */
export function openBackupState(): BackupState {
  return new BackupState(
    new MuAtlasDb(),
    typeof navigator === 'undefined' ? undefined : navigator.storage,
  );
}
