/**
 * One section of the backup file (`actuals`, `placeCorrections`, `zones`, …): how its records
 * are checked, keyed, read from the browser and written back. `backup.format.ts` lists the
 * sections; a new kind of user data is one more module like `backup-sections/*.section.ts` and
 * one line there.
 */

import type { Table } from 'dexie';
import type { MuAtlasDb } from './db.ts';

/** What an import writes to and removes from one section, inside the import transaction. */
export interface BackupSectionChange<T> {
  /** Records to put, as the file holds them (the browser's with the same key are replaced). */
  toWrite: readonly T[];
  /** Browser records to remove (replace mode only). */
  toRemove: readonly T[];
  /** A fresh revision from the batch the import took; call it once per record written. */
  takeRevision: () => number;
}

/**
 * A section of the backup. Members are methods (not function properties) on purpose: method
 * parameters are bivariant, so the registry can hold sections of different record types.
 */
export interface BackupSectionSpec<Name extends string, T> {
  /** The section's key in the file. */
  readonly name: Name;
  /** The first backup `schemaVersion` that has this section; older files leave it alone. */
  readonly sinceVersion: number;
  /** Every table `readAll` and `apply` touch, for the one import transaction. */
  tables(db: MuAtlasDb): Table[];
  /** The first bad field of a record from a file, or undefined when it is sound. */
  badField(record: unknown): string | undefined;
  /** Copies only the known fields of a checked record, so nothing else reaches the database. */
  read(record: Record<string, unknown>): T;
  /** The record's identity; a key twice in one file is refused. */
  keyOf(record: T): string;
  /** ISO time the record last changed; in a merge the later one wins. */
  changedAtOf(record: T): string;
  /** Every record in the browser, as a backup holds it (without revisions). */
  readAll(db: MuAtlasDb): Promise<T[]>;
  /** Applies an import's change; runs inside the transaction over `tables(db)` and `meta`. */
  apply(db: MuAtlasDb, change: BackupSectionChange<T>): Promise<void>;
}
