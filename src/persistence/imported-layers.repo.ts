/**
 * Reads and writes the user's imported layers and their records. A layer and all its records are
 * written in one transaction, so an import is stored whole or not at all: a full disk halfway
 * through a 100,000-row file leaves no half layer behind. Renames and deletions are checked
 * against the revision the user saw, like place corrections, so a change made in another tab is
 * reported as a conflict instead of being overwritten.
 */

import type { ImportedLayerKind, ImportedRecord } from '../domain/imports/imported-layer.ts';
import {
  chunkRowsOf,
  chunksOf,
  recordsOfChunks,
  RECORDS_PER_CHUNK,
  takeRevisions,
  type ImportLayoutRow,
  type MuAtlasDb,
  type StoredImportedLayer,
} from './db.ts';
import { liveSource, type LiveSource } from './live-source.ts';
import { catchStorageFull, type StorageFullFailure } from './storage-errors.ts';

/**
 * Chunk rows (see {@link RECORDS_PER_CHUNK}) written per request inside the commit's one
 * transaction; the batches awaited one after another keep the transaction open and report
 * progress between them.
 */
export const CHUNKS_PER_BATCH = 5;

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
  async records(layerId: string): Promise<ImportedRecord[]> {
    return recordsOfChunks(await chunksOf(this.#db, layerId).toArray());
  }

  /** One record of a layer by its index, or undefined (the record card reads just its chunk). */
  async record(layerId: string, index: number): Promise<ImportedRecord | undefined> {
    if (!Number.isInteger(index) || index < 0) return undefined;
    const row = await this.#db.importedChunks.get([layerId, Math.floor(index / RECORDS_PER_CHUNK)]);
    return row ? recordsOfChunks([row]).find((r) => r.index === index) : undefined;
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
    const total = draft.records.length;
    const chunks = chunkRowsOf(layerId, draft.records);
    return catchStorageFull(() =>
      db.transaction(
        'rw',
        db.importedLayers,
        db.importedChunks,
        db.meta,
        async (): Promise<LayerCommitResult> => {
          const layer: StoredImportedLayer = {
            id: layerId,
            name: draft.name.trim(),
            kind: draft.kind,
            sourceFileName: draft.sourceFileName,
            importInfo: { ...draft.importInfo },
            recordCount: total,
            enteredBy: author.enteredBy.trim(),
            createdAt: at,
            updatedAt: at,
            revision: await takeRevisions(db, 1),
          };
          await db.importedLayers.add(layer);
          for (let start = 0; start < chunks.length; start += CHUNKS_PER_BATCH) {
            await db.importedChunks.bulkAdd(chunks.slice(start, start + CHUNKS_PER_BATCH));
            const written = Math.min((start + CHUNKS_PER_BATCH) * RECORDS_PER_CHUNK, total);
            onProgress?.(written, total);
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
        db.importedChunks,
        async (): Promise<LayerDeleteResult> => {
          const current = await db.importedLayers.get(layerId);
          if (!current || current.revision !== baseRevision) {
            return conflict(layerId, baseRevision, current);
          }
          const chunks = chunksOf(db, layerId);
          let removedRecordCount = 0;
          await chunks.each((row) => (removedRecordCount += row.count));
          await chunks.delete();
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
