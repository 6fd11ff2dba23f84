/**
 * What the import worker does, as plain code: it parses a file and keeps every record, hands the
 * page only a summary (counts, the first records, findings, mapping) and pages of rejected rows,
 * writes the layer to IndexedDB itself on commit, and cuts a stored layer into the vector tiles
 * the map draws (layer-tiles.ts). A 200,000-row file so never crosses to the page as objects,
 * whose unpacking held the main thread for up to 0.7 s a slice.
 *
 * It runs in the worker (src/workers/import.worker.ts) and, unchanged, in unit tests.
 */
import { bbox } from '@turf/turf';
import { importInfoOf } from '../domain/imports/index.ts';
import { parseImportFile, type ImportFile } from '../domain/imports/import-file.ts';
import type { ImportedLayerKind, ImportedRecord } from '../domain/imports/imported-layer.ts';
import type {
  ImportOptions,
  ImportPreview,
  ImportProgress,
  RecordDraft,
  RejectedRow,
} from '../domain/imports/import-preview.ts';
import {
  indexSeedEnterprises,
  joinSeedEnterprises,
  type SeedEnterprise,
  type SeedJoin,
} from '../domain/imports/seed-enterprise.join.ts';
import { recordFeatures } from '../map/imported-layers.layer.ts';
import type { MuAtlasDb } from '../persistence/db.ts';
import { ImportedLayersRepo, type LayerCommitResult } from '../persistence/imported-layers.repo.ts';
import { LayerTiles } from './layer-tiles.ts';

/** Records of the file the page receives for the wizard's preview table. */
export const SUMMARY_RECORDS = 5;

/** The preview as the page holds it: everything but the records and rejected rows themselves. */
export interface ImportSummary extends Omit<ImportPreview, 'records' | 'rejected'> {
  /** Records the commit would store. */
  recordCount: number;
  /** The first {@link SUMMARY_RECORDS} of them. */
  firstRecords: RecordDraft[];
  /** Rejection entries (one row may have several, one per bad cell). */
  rejectedCount: number;
  /** Distinct rows with a rejection. */
  rejectedRowCount: number;
}

/** What the user chose for the new layer; the worker adds the records and the file's details. */
export interface LayerChoice {
  /** The new layer's id, chosen by the page (a UUID; tests pass their own). */
  layerId: string;
  name: string;
  kind: ImportedLayerKind;
  enteredBy: string;
  /** The seeds' key enterprises to match the records to, when the page has them loaded. */
  seeds?: SeedEnterprise[];
}

/** Where a commit is: records queued in the transaction so far. */
export interface CommitProgress {
  written: number;
  total: number;
}

/**
 * A layer ready to draw, as the page knows it: how many points and its bounds. Its tiles stay
 * in the worker that drew it and are fetched one by one.
 */
export interface LayerDrawing {
  pointCount: number;
  /** [west, south, east, north] of every record with geometry, or null when none has one. */
  bounds: [number, number, number, number] | null;
}

/**
 * A commit's outcome, with the stored layer's matches to the seeds' key enterprises (made from
 * memory, not re-read). The long-lived worker draws the layer once it is listed.
 */
export interface SessionCommit {
  result: LayerCommitResult;
  /** Null when the commit failed or no seeds were given. */
  join: SeedJoin | null;
}

/** Cuts a layer's records into tiles, and says how many points it has and where it lies. */
export function layerDrawingOf(records: readonly ImportedRecord[]): {
  drawing: LayerDrawing;
  tiles: LayerTiles;
} {
  const { points, shapes } = recordFeatures(records);
  const features = [...points.features, ...shapes.features];
  const bounds =
    features.length > 0
      ? (bbox({ type: 'FeatureCollection', features }).slice(0, 4) as [
          number,
          number,
          number,
          number,
        ])
      : null;
  return {
    drawing: { pointCount: points.features.length, bounds },
    tiles: new LayerTiles(points, shapes),
  };
}

/** One file being imported: its last parse, kept whole until it is committed or dropped. */
export class ImportSession {
  #preview: ImportPreview | null = null;

  /** Parses the file (again, with other options) and summarises it. */
  parse(
    file: ImportFile,
    options: ImportOptions,
    onProgress?: (progress: ImportProgress) => void,
  ): ImportSummary {
    const preview = parseImportFile(file, options, onProgress);
    this.#preview = preview;
    const { records, rejected, ...rest } = preview;
    return {
      ...rest,
      recordCount: records.length,
      firstRecords: records.slice(0, SUMMARY_RECORDS),
      rejectedCount: rejected.length,
      rejectedRowCount: new Set(rejected.map((r) => r.row)).size,
    };
  }

  /** Rejected rows `offset` to `offset + count` of the last parse. */
  rejectedRows(offset: number, count: number): RejectedRow[] {
    return this.#preview?.rejected.slice(offset, offset + count) ?? [];
  }

  /**
   * Stores the last parse as a new layer, all or nothing (a full disk writes nothing and keeps
   * the parse for a retry), and draws it from memory.
   */
  async commit(
    db: MuAtlasDb,
    choice: LayerChoice,
    onProgress?: (progress: CommitProgress) => void,
  ): Promise<SessionCommit> {
    const preview = this.#preview;
    if (!preview) throw new Error('nothing parsed to commit');
    const repo = new ImportedLayersRepo(db, { newId: () => choice.layerId });
    const result = await repo.commit(
      {
        name: choice.name,
        kind: choice.kind,
        sourceFileName: preview.fileName,
        importInfo: importInfoOf(preview),
        records: preview.records,
      },
      { enteredBy: choice.enteredBy },
      (written, total) => onProgress?.({ written, total }),
    );
    if (!result.ok) return { result, join: null };
    const layerId = result.layer.id;
    const join = choice.seeds
      ? joinSeedEnterprises(
          indexSeedEnterprises(choice.seeds),
          preview.records.map((r, index) => ({ ...r, layerId, index })),
        )
      : null;
    this.#preview = null;
    return { result, join };
  }
}

/** Reads a stored layer's records and cuts them into tiles. */
export async function storedLayerDrawing(
  db: MuAtlasDb,
  layerId: string,
): Promise<{ drawing: LayerDrawing; tiles: LayerTiles }> {
  return layerDrawingOf(await new ImportedLayersRepo(db).records(layerId));
}

/** Reads a stored layer's records and matches them to the seeds' key enterprises. */
export async function storedLayerJoin(
  db: MuAtlasDb,
  layerId: string,
  seeds: readonly SeedEnterprise[],
): Promise<SeedJoin> {
  const records = await new ImportedLayersRepo(db).records(layerId);
  return joinSeedEnterprises(indexSeedEnterprises(seeds), records);
}
