/**
 * Reads and writes renewal zones. Every edit — create, change of shape or fields, delete, and
 * the undo or redo of one — is ONE transaction that writes the zone and appends its `ZoneEdit`
 * (before/after) to the journal, so the journal is exactly what storage holds and undo reads
 * its states from it. Writes are checked against the revision the user saw, so a zone another
 * tab changed meanwhile is reported as a conflict, never silently overwritten.
 */

import type { Polygon } from 'geojson';
import {
  validateZoneFields,
  type ZoneFieldError,
  type ZoneFields,
} from '../domain/zones/zone-fields.validator.ts';
import {
  validateZoneGeometry,
  type ZoneGeometryError,
} from '../domain/zones/zone-geometry.validator.ts';
import type { Zone } from '../domain/zones/zone.ts';
import { takeRevisions, type MuAtlasDb, type StoredZone, type ZoneEdit } from './db.ts';
import { liveSource, type LiveSource } from './live-source.ts';
import { catchStorageFull, type StorageFullFailure } from './storage-errors.ts';

export type { StoredZone, ZoneEdit };

/** A new zone: its shape and form fields. */
export interface ZoneDraft extends ZoneFields {
  geometry: Polygon;
}

/** A change to a zone: any of its shape and form fields. */
export type ZonePatch = Partial<ZoneDraft>;

/** Who is writing; the shared 谁 name (empty when none). */
export interface ZoneAuthor {
  enteredBy: string;
}

/** Nothing was stored: the shape or the fields break the rules. */
export interface ZoneInvalidFailure {
  ok: false;
  kind: 'invalid';
  geometryErrors: ZoneGeometryError[];
  fieldErrors: ZoneFieldError[];
}

/** Nothing was stored: the zone is not the one the user saw (another tab changed it). */
export interface ZoneConflictFailure {
  ok: false;
  kind: 'conflict';
  zoneId: string;
  /** The revision the user saw; 0 when they saw no such zone. */
  baseRevision: number;
  /** What is stored now (undefined when deleted), for the UI to show. */
  current: StoredZone | undefined;
}

/** A stored edit: the zone as it is now (null after a delete) and its journal entry. */
export interface ZoneWriteSuccess {
  ok: true;
  zone: StoredZone | null;
  edit: ZoneEdit & { seq: number };
}

export type ZoneWriteResult =
  ZoneWriteSuccess | ZoneInvalidFailure | ZoneConflictFailure | StorageFullFailure;

function stripRevision(zone: StoredZone): Zone {
  const rest: Zone & { revision?: number } = { ...zone };
  delete rest.revision;
  return rest;
}

function invalidity(zone: Zone): ZoneInvalidFailure | undefined {
  const geometryErrors = validateZoneGeometry(zone.geometry).errors;
  const fieldErrors = validateZoneFields(zone);
  if (geometryErrors.length === 0 && fieldErrors.length === 0) return undefined;
  return { ok: false, kind: 'invalid', geometryErrors, fieldErrors };
}

function trimmed(fields: Partial<ZoneFields>): Partial<ZoneFields> {
  const out = { ...fields };
  if (out.name !== undefined) out.name = out.name.trim();
  if (out.responsibleUnit !== undefined) out.responsibleUnit = out.responsibleUnit.trim();
  if (out.note !== undefined) out.note = out.note.trim();
  return out;
}

/** New zone ids: random, so two tabs (or two profiles merged by a backup) never collide. */
function newZoneId(): string {
  return `zone-${crypto.randomUUID()}`;
}

/** The zones table and its journal. */
export class ZonesRepo {
  readonly #db: MuAtlasDb;
  readonly #now: () => Date;

  /** @param now the clock for `createdAt`/`updatedAt` and the journal; tests pass a fixed one. */
  constructor(db: MuAtlasDb, now: () => Date = () => new Date()) {
    this.#db = db;
    this.#now = now;
  }

  get(id: string): Promise<StoredZone | undefined> {
    return this.#db.zones.get(id);
  }

  /** Every stored zone, by id. */
  listAll(): Promise<StoredZone[]> {
    return this.#db.zones.toArray();
  }

  /** `listAll` as a live source: it emits again when any tab writes a zone. */
  liveAll(): LiveSource<StoredZone[]> {
    return liveSource(() => this.listAll());
  }

  /** One journal entry by its sequence number. */
  getEdit(seq: number): Promise<ZoneEdit | undefined> {
    return this.#db.zoneEdits.get(seq);
  }

  /** The journal of one zone, oldest first. */
  journalOf(zoneId: string): Promise<ZoneEdit[]> {
    return this.#db.zoneEdits.where('zoneId').equals(zoneId).sortBy('seq');
  }

  /** Stores a new zone (the shape as given: normalise it first, see normalizeZonePolygon). */
  create(draft: ZoneDraft, author: ZoneAuthor, id: string = newZoneId()): Promise<ZoneWriteResult> {
    const at = this.#now().toISOString();
    const zone: Zone = {
      ...draft,
      ...trimmed(draft),
      id,
      enteredBy: author.enteredBy.trim(),
      createdAt: at,
      updatedAt: at,
    };
    return this.#write(id, 0, zone);
  }

  /** Changes a zone's shape and/or fields, based on the revision the user saw. */
  async update(
    id: string,
    patch: ZonePatch,
    baseRevision: number,
    author: ZoneAuthor,
  ): Promise<ZoneWriteResult> {
    const current = await this.#db.zones.get(id);
    if (!current || current.revision !== baseRevision) {
      return { ok: false, kind: 'conflict', zoneId: id, baseRevision, current };
    }
    const zone: Zone = {
      ...stripRevision(current),
      ...patch,
      ...trimmed(patch),
      id,
      enteredBy: author.enteredBy.trim(),
      updatedAt: this.#now().toISOString(),
    };
    return this.#write(id, baseRevision, zone);
  }

  /** Deletes a zone, based on the revision the user saw. */
  remove(id: string, baseRevision: number): Promise<ZoneWriteResult> {
    return this.#write(id, baseRevision, null);
  }

  /**
   * Puts a zone back into a state from its journal (undo writes an edit's `before`, redo its
   * `after`) as a new edit, so the journal keeps growing forward and stays what storage holds.
   * `expectedRevision` is the revision the zone has after the edit being undone (0: absent);
   * when the zone changed since (another tab), nothing is written and a conflict is returned.
   */
  restore(
    zoneId: string,
    state: Zone | null,
    expectedRevision: number,
    author: ZoneAuthor,
  ): Promise<ZoneWriteResult> {
    const zone: Zone | null = state && {
      ...state,
      enteredBy: author.enteredBy.trim(),
      updatedAt: this.#now().toISOString(),
    };
    return this.#write(zoneId, expectedRevision, zone);
  }

  /**
   * The one write path: in one transaction, check the stored revision, write or delete the zone,
   * and append the journal entry.
   */
  async #write(id: string, baseRevision: number, next: Zone | null): Promise<ZoneWriteResult> {
    if (next) {
      const invalid = invalidity(next);
      if (invalid) return invalid;
    }
    const db = this.#db;
    const at = this.#now().toISOString();
    return catchStorageFull(() =>
      db.transaction('rw', db.zones, db.zoneEdits, db.meta, async (): Promise<ZoneWriteResult> => {
        const current = await db.zones.get(id);
        if ((current?.revision ?? 0) !== baseRevision) {
          return { ok: false, kind: 'conflict', zoneId: id, baseRevision, current };
        }
        let zone: StoredZone | null = null;
        if (next) {
          zone = { ...next, revision: await takeRevisions(db, 1) };
          await db.zones.put(zone);
        } else if (current) {
          await db.zones.delete(id);
        } else {
          // Deleting a zone that is not there (undoing a creation another tab already undid).
          return { ok: false, kind: 'conflict', zoneId: id, baseRevision, current };
        }
        const edit: ZoneEdit = {
          zoneId: id,
          at,
          before: current ? stripRevision(current) : null,
          after: next,
        };
        const seq = await db.zoneEdits.add(edit);
        return { ok: true, zone, edit: { ...edit, seq } };
      }),
    );
  }
}
