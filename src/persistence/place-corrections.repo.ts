/**
 * Reads and writes users' corrections of where places are. Like actual values, every write is
 * one transaction checked against the revision the user saw, so a correction made in another tab
 * meanwhile is reported as a conflict, never silently overwritten or reverted.
 */

import { checkCorrectionPoint, type CoordinateRejection } from '../domain/places/coordinates.ts';
import { cityCodeOfPlaceId } from '../domain/places/place.ts';
import { takeRevisions, type MuAtlasDb, type PlaceCorrection } from './db.ts';
import { liveSource, type LiveSource } from './live-source.ts';
import { catchStorageFull, type StorageFullFailure } from './storage-errors.ts';

/** Why a correction was refused before anything was written; words in the i18n files. */
export type CorrectionRejection =
  /** The id is not a MuAtlas place id (`hz-…` or `sx-…`). */
  | 'unknownPlace'
  | Exclude<CoordinateRejection, 'empty' | 'unreadable' | 'badMinutes' | 'hemisphereTwice'>;

/** One correction to store. */
export interface CorrectionEdit {
  placeId: string;
  /** WGS-84 degrees. */
  lon: number;
  lat: number;
  note?: string;
  /**
   * The revision of the correction the user saw, or 0 when they saw the place uncorrected. A
   * mismatch with what is stored means another tab changed it meanwhile.
   */
  baseRevision: number;
}

/** A write refused because the stored correction is not the one the user saw. */
export interface CorrectionConflictFailure {
  ok: false;
  kind: 'conflict';
  placeId: string;
  baseRevision: number;
  /** What is stored now (undefined when it was reverted), for the UI to show. */
  current: PlaceCorrection | undefined;
}

export type CorrectionPutResult =
  | { ok: true; saved: PlaceCorrection }
  | { ok: false; kind: 'invalid'; reasons: CorrectionRejection[] }
  | CorrectionConflictFailure
  | StorageFullFailure;

export type CorrectionRevertResult =
  { ok: true; removed: PlaceCorrection } | CorrectionConflictFailure | StorageFullFailure;

/** Every reason an edit breaks the rules, in a fixed order; empty when it may be stored. */
export function correctionRejections(
  edit: Pick<CorrectionEdit, 'placeId' | 'lon' | 'lat'>,
): CorrectionRejection[] {
  const reasons: CorrectionRejection[] = [];
  if (cityCodeOfPlaceId(edit.placeId) === '') reasons.push('unknownPlace');
  const point = checkCorrectionPoint(edit.lon, edit.lat);
  if (point === 'notFinite' || point === 'outsideRegion') reasons.push(point);
  return reasons;
}

/** The place corrections table. */
export class PlaceCorrectionsRepo {
  readonly #db: MuAtlasDb;
  readonly #now: () => Date;

  /** @param now the clock for `enteredAt`; tests pass a fixed one. */
  constructor(db: MuAtlasDb, now: () => Date = () => new Date()) {
    this.#db = db;
    this.#now = now;
  }

  /** The stored correction of a place, or undefined. */
  get(placeId: string): Promise<PlaceCorrection | undefined> {
    return this.#db.placeCorrections.get(placeId);
  }

  /** Every stored correction, by place id. */
  listAll(): Promise<PlaceCorrection[]> {
    return this.#db.placeCorrections.toArray();
  }

  /** `listAll` as a live source: it emits again when any tab corrects or reverts a place. */
  liveAll(): LiveSource<PlaceCorrection[]> {
    return liveSource(() => this.listAll());
  }

  /**
   * Stores a correction, replacing the place's previous one, unless it breaks the rules or
   * another tab changed the place's correction since the user saw it.
   */
  async put(edit: CorrectionEdit, author: { enteredBy: string }): Promise<CorrectionPutResult> {
    const reasons = correctionRejections(edit);
    if (reasons.length > 0) return { ok: false, kind: 'invalid', reasons };
    const db = this.#db;
    return catchStorageFull(() =>
      db.transaction('rw', db.placeCorrections, db.meta, async (): Promise<CorrectionPutResult> => {
        const current = await db.placeCorrections.get(edit.placeId);
        if ((current?.revision ?? 0) !== edit.baseRevision) {
          return conflict(edit.placeId, edit.baseRevision, current);
        }
        const saved: PlaceCorrection = {
          placeId: edit.placeId,
          lon: edit.lon,
          lat: edit.lat,
          enteredBy: author.enteredBy.trim(),
          enteredAt: this.#now().toISOString(),
          note: edit.note?.trim() ?? '',
          revision: await takeRevisions(db, 1),
        };
        await db.placeCorrections.put(saved);
        return { ok: true, saved };
      }),
    );
  }

  /**
   * Deletes a place's correction, so it shows at its original point again; refused as a
   * conflict when the correction changed, or was already reverted, since the user saw it. The
   * removed correction is returned so the UI can offer to undo.
   */
  async revert(placeId: string, baseRevision: number): Promise<CorrectionRevertResult> {
    const db = this.#db;
    return catchStorageFull(() =>
      db.transaction('rw', db.placeCorrections, async (): Promise<CorrectionRevertResult> => {
        const current = await db.placeCorrections.get(placeId);
        if (!current || current.revision !== baseRevision) {
          return conflict(placeId, baseRevision, current);
        }
        await db.placeCorrections.delete(placeId);
        return { ok: true, removed: current };
      }),
    );
  }
}

function conflict(
  placeId: string,
  baseRevision: number,
  current: PlaceCorrection | undefined,
): CorrectionConflictFailure {
  return { ok: false, kind: 'conflict', placeId, baseRevision, current };
}
