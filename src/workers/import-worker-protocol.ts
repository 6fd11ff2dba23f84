/**
 * Messages between the page and the import worker, and the worker's side of them as a plain
 * function over an {@link ImportSession}, so the protocol is tested in Node without a Worker.
 */
import type { ImportFile } from '../domain/imports/import-file.ts';
import type {
  ImportOptions,
  ImportProgress,
  RejectedRow,
} from '../domain/imports/import-preview.ts';
import type { SeedEnterprise, SeedJoin } from '../domain/imports/seed-enterprise.join.ts';
import type { ImportedTileLayer } from '../map/imported-layers.layer.ts';
import type { MuAtlasDb } from '../persistence/db.ts';
import {
  ImportSession,
  storedLayerDrawing,
  storedLayerJoin,
  type CommitProgress,
  type ImportSummary,
  type LayerChoice,
  type LayerDrawing,
  type SessionCommit,
} from './import-session.ts';
import type { LayerTiles } from './layer-tiles.ts';

/** Every request, by operation. */
export type ImportWorkerRequest =
  | { id: number; op: 'parse'; file: ImportFile; options: ImportOptions }
  | { id: number; op: 'rejected'; offset: number; count: number }
  | { id: number; op: 'commit'; choice: LayerChoice }
  | { id: number; op: 'drawing'; layerId: string }
  | {
      id: number;
      op: 'tile';
      layerId: string;
      layer: ImportedTileLayer;
      z: number;
      x: number;
      y: number;
    }
  | { id: number; op: 'clusterZoom'; layerId: string; clusterId: number }
  | { id: number; op: 'forget'; layerId: string }
  | { id: number; op: 'join'; layerId: string; seeds: SeedEnterprise[] };

/** What each operation answers with. */
export interface ImportWorkerReplies {
  parse: ImportSummary;
  rejected: RejectedRow[];
  commit: SessionCommit;
  drawing: LayerDrawing;
  /** Null for an empty tile or a layer not drawn here. */
  tile: Uint8Array | null;
  clusterZoom: number | null;
  forget: null;
  join: SeedJoin;
}

export type ImportWorkerResponse =
  | { id: number; type: 'progress'; progress: ImportProgress | CommitProgress }
  | { id: number; type: 'done'; value: ImportWorkerReplies[keyof ImportWorkerReplies] }
  /** The unexpected (out of memory, a closed database); a bad file is a summary with findings. */
  | { id: number; type: 'failure'; message: string };

/** Progress messages are sent at most this often, so posting never costs more than the work. */
export const PROGRESS_INTERVAL_MS = 50;

/**
 * The worker's request handler: one session (the file being imported) and the database opened
 * on first need. Answers each request with throttled progress, then `done` or `failure`.
 */
export function createImportHandler(
  openDb: () => MuAtlasDb,
  now: () => number = () => performance.now(),
): (request: ImportWorkerRequest, post: (response: ImportWorkerResponse) => void) => Promise<void> {
  const session = new ImportSession();
  /** The tiles of every layer drawn here, by layer id, until forgotten. */
  const tiles = new Map<string, LayerTiles>();
  let db: MuAtlasDb | null = null;
  const database = () => (db ??= openDb());
  return async (request, post) => {
    let lastPost = -Infinity;
    const onProgress = (progress: ImportProgress | CommitProgress) => {
      const t = now();
      const [done, total] =
        'written' in progress
          ? [progress.written, progress.total]
          : [progress.done, progress.total];
      if (t - lastPost < PROGRESS_INTERVAL_MS && done < total) return;
      lastPost = t;
      post({ id: request.id, type: 'progress', progress });
    };
    try {
      let value: ImportWorkerReplies[keyof ImportWorkerReplies];
      if (request.op === 'parse') value = session.parse(request.file, request.options, onProgress);
      else if (request.op === 'rejected') {
        value = session.rejectedRows(request.offset, request.count);
      } else if (request.op === 'commit') {
        value = await session.commit(database(), request.choice, onProgress);
      } else if (request.op === 'drawing') {
        const drawn = await storedLayerDrawing(database(), request.layerId);
        tiles.set(request.layerId, drawn.tiles);
        value = drawn.drawing;
      } else if (request.op === 'tile') {
        const { layer, z, x, y } = request;
        value = tiles.get(request.layerId)?.tile(layer, z, x, y) ?? null;
      } else if (request.op === 'clusterZoom') {
        value = tiles.get(request.layerId)?.clusterExpansionZoom(request.clusterId) ?? null;
      } else if (request.op === 'forget') {
        tiles.delete(request.layerId);
        value = null;
      } else value = await storedLayerJoin(database(), request.layerId, request.seeds);
      post({ id: request.id, type: 'done', value });
    } catch (error) {
      post({
        id: request.id,
        type: 'failure',
        message: String((error as Error)?.message ?? error),
      });
    }
  };
}
