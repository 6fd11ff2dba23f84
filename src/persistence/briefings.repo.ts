/**
 * Reads and writes briefings. A briefing is saved whole (title and every slide) in one
 * transaction checked against the revision the editor last saw, so an edit made in another tab
 * meanwhile is reported as a conflict instead of being overwritten.
 */
import type { Briefing } from '../domain/briefings/briefing.ts';
import { takeRevisions, type MuAtlasDb, type StoredBriefing } from './db.ts';
import { liveSource, type LiveSource } from './live-source.ts';
import { catchStorageFull, type StorageFullFailure } from './storage-errors.ts';

export type { StoredBriefing };

/** A write refused because the stored briefing is not the one the user saw. */
export interface BriefingConflictFailure {
  ok: false;
  kind: 'conflict';
  briefingId: string;
  baseRevision: number;
  /** What is stored now (undefined when it was deleted), for the UI to show. */
  current: StoredBriefing | undefined;
}

export type BriefingPutResult =
  { ok: true; saved: StoredBriefing } | BriefingConflictFailure | StorageFullFailure;

export type BriefingDeleteResult =
  { ok: true; removed: StoredBriefing } | BriefingConflictFailure | StorageFullFailure;

/** The briefings table. */
export class BriefingsRepo {
  readonly #db: MuAtlasDb;

  constructor(db: MuAtlasDb) {
    this.#db = db;
  }

  get(id: string): Promise<StoredBriefing | undefined> {
    return this.#db.briefings.get(id);
  }

  /** Every briefing, most recently changed first. */
  async listAll(): Promise<StoredBriefing[]> {
    return (await this.#db.briefings.orderBy('updatedAt').toArray()).reverse();
  }

  /** `listAll` as a live source: it emits again when any tab saves or deletes a briefing. */
  liveAll(): LiveSource<StoredBriefing[]> {
    return liveSource(() => this.listAll());
  }

  /**
   * Stores a briefing whole, unless another tab changed it since the user saw revision
   * `baseRevision` (0 for a briefing the user is creating).
   */
  async put(briefing: Briefing, baseRevision: number): Promise<BriefingPutResult> {
    const db = this.#db;
    return catchStorageFull(() =>
      db.transaction('rw', db.briefings, db.meta, async (): Promise<BriefingPutResult> => {
        const current = await db.briefings.get(briefing.id);
        if ((current?.revision ?? 0) !== baseRevision) {
          return conflict(briefing.id, baseRevision, current);
        }
        const saved: StoredBriefing = { ...briefing, revision: await takeRevisions(db, 1) };
        await db.briefings.put(saved);
        return { ok: true, saved };
      }),
    );
  }

  /**
   * Stores an imported briefing as a new one: it keeps its id unless a briefing with that id
   * is already stored, when it takes `freshId` so an import never replaces the user's work.
   */
  async importNew(briefing: Briefing, freshId: string): Promise<BriefingPutResult> {
    const db = this.#db;
    return catchStorageFull(() =>
      db.transaction('rw', db.briefings, db.meta, async (): Promise<BriefingPutResult> => {
        const taken = (await db.briefings.get(briefing.id)) !== undefined;
        const saved: StoredBriefing = {
          ...briefing,
          id: taken ? freshId : briefing.id,
          revision: await takeRevisions(db, 1),
        };
        await db.briefings.add(saved);
        return { ok: true, saved };
      }),
    );
  }

  /** Deletes a briefing, refused as a conflict when it changed since the user saw it. */
  async delete(id: string, baseRevision: number): Promise<BriefingDeleteResult> {
    const db = this.#db;
    return catchStorageFull(() =>
      db.transaction('rw', db.briefings, async (): Promise<BriefingDeleteResult> => {
        const current = await db.briefings.get(id);
        if (!current || current.revision !== baseRevision) {
          return conflict(id, baseRevision, current);
        }
        await db.briefings.delete(id);
        return { ok: true, removed: current };
      }),
    );
  }
}

function conflict(
  briefingId: string,
  baseRevision: number,
  current: StoredBriefing | undefined,
): BriefingConflictFailure {
  return { ok: false, kind: 'conflict', briefingId, baseRevision, current };
}
