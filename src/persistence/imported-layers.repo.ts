/**
 * Reads and writes the user's imported layers and their records. A layer and all its records are
 * written in one transaction, so an import is stored whole or not at all: a full disk halfway
 * through a 100,000-row file leaves no half layer behind. Renames and deletions are checked
 * against the revision the user saw, like place corrections, so a change made in another tab is
 * reported as a conflict instead of being overwritten.
 */

import Dexie from 'dexie';
import type { ImportedLayerKind, ImportedRecord } from '../domain/imports/imported-layer.ts';
import {
  takeRevisions,
  type ImportLayoutRow,
  type MuAtlasDb,
  type StoredImportedLayer,
} from './db.ts';
import { liveSource, type LiveSource } from './live-source.ts';
import { catchStorageFull, type StorageFullFailure } from './storage-errors.ts';

/**
 * Records written per request batch inside the commit's one transaction. The import worker
 * commits, so the page does not wait on the clone of each record; batches awaited one after
 * another keep the transaction open (a request is always pending) and give the worker a turn to
 * report progress between them.
 */
export const RECORDS_PER_BATCH = 500;

/** The longest layer name kept; longer names are refused rather than cut. */
export const MAX_LAYER_NAME_LENGTH = 120;

/** A layer the user is about to store, with its records (WGS-84 geometry, mapped fields). */
export interface ImportedLayerDraft {
  name: string;
  kind: ImportedLayerKind;
  sourceFileName: string;
  importInfo: Record<string, string>;
  records: ReadonlyArray<Pick<ImportedRecord, 'geometry' | 'fields'>>;
}

/** Why a layer or a name was refused before anything was written; words in the i18n files. */
export type LayerRejection = 'emptyName' | 'nameTooLong' | 'noRecords';

/** A write refused because the stored layer is not the one the user saw. */
export interface LayerConflictFailure {
  ok: false;
  kind: 'conflict';
  layerId: string;
  baseRevision: number;
  /** What is stored now (undefined when another tab deleted it), for the UI to show. */
  current: StoredImportedLayer | undefined;
}

export type LayerCommitResult =
  | { ok: true; layer: StoredImportedLayer }
  | { ok: false; kind: 'invalid'; reasons: LayerRejection[] }
  | StorageFullFailure;

export type LayerRenameResult =
  | { ok: true; layer: StoredImportedLayer }
  | { ok: false; kind: 'invalid'; reasons: LayerRejection[] }
  | LayerConflictFailure
  | StorageFullFailure;

export type LayerDeleteResult =
  | { ok: true; removed: StoredImportedLayer; removedRecordCount: number }
  | LayerConflictFailure
  | StorageFullFailure;

export type LayoutSaveResult = { ok: true; saved: ImportLayoutRow } | StorageFullFailure;

/** Every reason a layer name breaks the rules, in a fixed order; empty when it may be stored. */
export function layerNameRejections(name: string): LayerRejection[] {
  const trimmed = name.trim();
  if (trimmed === '') return ['emptyName'];
  return trimmed.length > MAX_LAYER_NAME_LENGTH ? ['nameTooLong'] : [];
}

export interface ImportedLayersRepoOptions {
  /** The clock for `createdAt`/`updatedAt`; tests pass a fixed one. */
  now?: () => Date;
  /** New layer ids; tests pass a counter. */
  newId?: () => string;
}

/** The imported layers, their records and the remembered column mappings. */
export class ImportedLayersRepo {
  readonly #db: MuAtlasDb;
  readonly #now: () => Date;
  readonly #newId: () => string;

  constructor(db: MuAtlasDb, options: ImportedLayersRepoOptions = {}) {
    this.#db = db;
    this.#now = options.now ?? (() => new Date());
    this.#newId = options.newId ?? (() => crypto.randomUUID());
  }

  /** Every stored layer, oldest first (the order the user imported them). */
  listLayers(): Promise<StoredImportedLayer[]> {
    return this.#db.importedLayers.orderBy('createdAt').toArray();
  }

  /** `listLayers` as a live source: it emits again when any tab imports, renames or deletes. */
  liveLayers(): LiveSource<StoredImportedLayer[]> {
    return liveSource(() => this.listLayers());
  }

  /** One stored layer, or undefined. */
  getLayer(layerId: string): Promise<StoredImportedLayer | undefined> {
    return this.#db.importedLayers.get(layerId);
  }

  /** A layer's records in their file order; empty for an unknown layer. */
  records(layerId: string): Promise<ImportedRecord[]> {
    return this.#db.importedRecords
      .where('[layerId+index]')
      .between([layerId, Dexie.minKey], [layerId, Dexie.maxKey])
      .toArray();
  }

  /** One record of a layer by its index, or undefined (the record card reads just that one). */
  record(layerId: string, index: number): Promise<ImportedRecord | undefined> {
    return this.#db.importedRecords.get([layerId, index]);
  }

  /** `records` of one layer as a live source. */
  liveRecords(layerId: string): LiveSource<ImportedRecord[]> {
    return liveSource(() => this.records(layerId));
  }

  /**
   * Stores a new layer with all its records in one transaction. On a full disk nothing is
   * written (the transaction aborts) and the caller keeps the draft to retry. `onProgress`
   * hears the records queued so far after each batch.
   */
  async commit(
    draft: ImportedLayerDraft,
    author: { enteredBy: string },
    onProgress?: (written: number, total: number) => void,
  ): Promise<LayerCommitResult> {
    const reasons = layerNameRejections(draft.name);
    if (draft.records.length === 0) reasons.push('noRecords');
    if (reasons.length > 0) return { ok: false, kind: 'invalid', reasons };
    const db = this.#db;
    const at = this.#now().toISOString();
    const layerId = this.#newId();
    const records: ImportedRecord[] = draft.records.map((record, index) => ({
      layerId,
      index,
      geometry: record.geometry,
      fields: record.fields,
    }));
    return catchStorageFull(() =>
      db.transaction(
        'rw',
        db.importedLayers,
        db.importedRecords,
        db.meta,
        async (): Promise<LayerCommitResult> => {
          const layer: StoredImportedLayer = {
            id: layerId,
            name: draft.name.trim(),
            kind: draft.kind,
            sourceFileName: draft.sourceFileName,
            importInfo: { ...draft.importInfo },
            recordCount: records.length,
            enteredBy: author.enteredBy.trim(),
            createdAt: at,
            updatedAt: at,
            revision: await takeRevisions(db, 1),
          };
          await db.importedLayers.add(layer);
          for (let start = 0; start < records.length; start += RECORDS_PER_BATCH) {
            await db.importedRecords.bulkAdd(records.slice(start, start + RECORDS_PER_BATCH));
            onProgress?.(Math.min(start + RECORDS_PER_BATCH, records.length), records.length);
          }
          return { ok: true, layer };
        },
      ),
    );
  }

  /** Renames a layer, unless another tab changed or deleted it since the user saw it. */
  async rename(layerId: string, name: string, baseRevision: number): Promise<LayerRenameResult> {
    const reasons = layerNameRejections(name);
    if (reasons.length > 0) return { ok: false, kind: 'invalid', reasons };
    const db = this.#db;
    return catchStorageFull(() =>
      db.transaction('rw', db.importedLayers, db.meta, async (): Promise<LayerRenameResult> => {
        const current = await db.importedLayers.get(layerId);
        if (!current || current.revision !== baseRevision) {
          return conflict(layerId, baseRevision, current);
        }
        const layer: StoredImportedLayer = {
          ...current,
          name: name.trim(),
          updatedAt: this.#now().toISOString(),
          revision: await takeRevisions(db, 1),
        };
        await db.importedLayers.put(layer);
        return { ok: true, layer };
      }),
    );
  }

  /**
   * Deletes a layer and all its records in one transaction, unless another tab changed it since
   * the user saw it (then nothing is deleted).
   */
  async delete(layerId: string, baseRevision: number): Promise<LayerDeleteResult> {
    const db = this.#db;
    return catchStorageFull(() =>
      db.transaction(
        'rw',
        db.importedLayers,
        db.importedRecords,
        async (): Promise<LayerDeleteResult> => {
          const current = await db.importedLayers.get(layerId);
          if (!current || current.revision !== baseRevision) {
            return conflict(layerId, baseRevision, current);
          }
          const removedRecordCount = await db.importedRecords
            .where('[layerId+index]')
            .between([layerId, Dexie.minKey], [layerId, Dexie.maxKey])
            .delete();
          await db.importedLayers.delete(layerId);
          return { ok: true, removed: current, removedRecordCount };
        },
      ),
    );
  }

  /** The column mapping remembered for a file layout, or undefined. */
  async layoutMapping(layoutKey: string): Promise<Record<string, string> | undefined> {
    return (await this.#db.importLayouts.get(layoutKey))?.mapping;
  }

  /** Remembers a column mapping for a file layout, replacing the previous one. */
  async saveLayoutMapping(
    layoutKey: string,
    mapping: Record<string, string>,
  ): Promise<LayoutSaveResult> {
    const saved: ImportLayoutRow = {
      layoutKey,
      mapping: { ...mapping },
      savedAt: this.#now().toISOString(),
    };
    return catchStorageFull(async () => {
      await this.#db.importLayouts.put(saved);
      return { ok: true as const, saved };
    });
  }
}

function conflict(
  layerId: string,
  baseRevision: number,
  current: StoredImportedLayer | undefined,
): LayerConflictFailure {
  return { ok: false, kind: 'conflict', layerId, baseRevision, current };
}
