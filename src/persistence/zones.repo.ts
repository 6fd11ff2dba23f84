/**
 * Reads and writes renewal zones. Every edit — create, change of shape or fields, delete, and
 * the undo or redo of one — is ONE transaction that writes the zone and appends its `ZoneEdit`
 * (before/after) to the journal, so the journal is exactly what storage holds and undo reads
 * its states from it. Writes are checked against the revision the user saw, so a zone another
 * tab changed meanwhile is reported as a conflict, never silently overwritten.
 *
 * Zones are stored packed (see `PackedZone` in db.ts): this file is the one place that turns
 * them into GeoJSON and back, so everything above it sees `Zone.geometry`. Reading every zone
 * goes through a snapshot of the table in one record (see `ZonesSnapshot` in db.ts), brought up
 * to date from the journal, because IndexedDB's cost is per record: 10,000 rows take several
 * hundred ms in Chromium however small each is.
 */

import type { Polygon, Position } from 'geojson';
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
import {
  takeRevisions,
  type MuAtlasDb,
  type PackedZone,
  type ZoneEditRow,
  type ZoneRow,
  type ZonesSnapshot,
} from './db.ts';
import { liveSource, type LiveSource } from './live-source.ts';
import { catchStorageFull, type StorageFullFailure } from './storage-errors.ts';

/** A stored zone: the user's zone and its revision from the shared counter. */
export interface StoredZone extends Zone {
  revision: number;
}

/**
 * One applied zone edit as undo and redo read it; `before`/`after` are null for a
 * creation/deletion.
 */
export interface ZoneEdit {
  /** Auto-incremented; the journal's order. */
  seq?: number;
  zoneId: string;
  /** ISO time of the edit. */
  at: string;
  before: Zone | null;
  after: Zone | null;
}

/**
 * A polygon's outer ring as lon,lat pairs in one typed array. Zones have exactly one ring (the
 * geometry validator refuses holes) and are flat, so a third coordinate is not kept.
 */
export function packRing(polygon: Polygon): Float64Array<ArrayBuffer> {
  const ring: readonly Position[] = polygon.coordinates[0] ?? [];
  const out = new Float64Array(ring.length * 2);
  for (let i = 0; i < ring.length; i++) {
    const p = ring[i]!;
    out[2 * i] = p[0] ?? Number.NaN;
    out[2 * i + 1] = p[1] ?? Number.NaN;
  }
  return out;
}

/** The polygon of a packed ring (see {@link packRing}). */
export function unpackRing(ring: Float64Array): Polygon {
  const positions: Position[] = new Array<Position>(ring.length >> 1);
  for (let i = 0; i < positions.length; i++) positions[i] = [ring[2 * i]!, ring[2 * i + 1]!];
  return { type: 'Polygon', coordinates: [positions] };
}

/** A zone in its stored form. */
export function packZone(zone: Zone): PackedZone {
  const { geometry, ...fields } = zone;
  return { ...fields, ring: packRing(geometry) };
}

/** A zone from its stored form. */
export function unpackZone(packed: PackedZone): Zone {
  const { ring, ...fields } = packed;
  return { ...fields, geometry: unpackRing(ring) };
}

/** A zones-table row as the layers above storage see it. */
export function storedZoneOf(row: ZoneRow): StoredZone {
  const { ring, ...fields } = row;
  return { ...fields, geometry: unpackRing(ring) };
}

function editOf(row: ZoneEditRow): ZoneEdit {
  return {
    ...row,
    before: row.before && unpackZone(row.before),
    after: row.after && unpackZone(row.after),
  };
}

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

function stripRevision(row: ZoneRow): PackedZone {
  const rest: PackedZone & { revision?: number } = { ...row };
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

/**
 * Past this many journal entries since the snapshot, reading them is no cheaper than reading
 * the table: read the table.
 */
const SNAPSHOT_MAX_DELTA = 2000;

/** Write a new snapshot once a read had to apply this many journal entries to the last one. */
const SNAPSHOT_REFRESH_DELTA = 50;

/** Below this many zones the table reads fast enough: no snapshot is written. */
export const SNAPSHOT_MIN_ZONES = 100;

/** What one read of every zone saw: rows sorted by id, and the last journal entry they include. */
interface ZonesRead extends ZonesSnapshot {
  /** The snapshot was missing or far behind: write this read as the new one. */
  stale: boolean;
}

const byId = (a: ZoneRow, b: ZoneRow): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The zones table and its journal. */
export class ZonesRepo {
  readonly #db: MuAtlasDb;
  readonly #now: () => Date;
  /** A read to write as the snapshot, once the current read (maybe a live query) is done. */
  #snapshotDue: ZonesSnapshot | null = null;

  /** @param now the clock for `createdAt`/`updatedAt` and the journal; tests pass a fixed one. */
  constructor(db: MuAtlasDb, now: () => Date = () => new Date()) {
    this.#db = db;
    this.#now = now;
  }

  async get(id: string): Promise<StoredZone | undefined> {
    const row = await this.#db.zones.get(id);
    return row && storedZoneOf(row);
  }

  /**
   * Every stored zone, by id. Reads the snapshot and the zones changed since it, in one
   * transaction; when the snapshot is missing or far behind, reads the table and writes a new
   * snapshot soon after (not inside this read: a live query may not write).
   */
  async listAll(): Promise<StoredZone[]> {
    const read = await this.#readAll();
    if (read.stale) {
      this.#snapshotDue = { seq: read.seq, rows: read.rows };
      setTimeout(() => void this.flushSnapshot(), 0);
    }
    return read.rows.map(storedZoneOf);
  }

  /**
   * Writes the snapshot a read found due now, unless a newer one is stored (another tab). A
   * failure (a full disk, a closed page) only leaves the next load slower, so it is ignored.
   */
  async flushSnapshot(): Promise<void> {
    const due = this.#snapshotDue;
    this.#snapshotDue = null;
    if (!due) return;
    const db = this.#db;
    try {
      await db.transaction('rw', db.meta, async () => {
        const stored = await db.meta.get('zonesSnapshot');
        if (stored?.key === 'zonesSnapshot' && stored.value.seq >= due.seq) return;
        await db.meta.put({ key: 'zonesSnapshot', value: due });
      });
    } catch {
      // A cache: the zones table still holds every zone.
    }
  }

  /** `listAll` as a live source: it emits again when any tab writes a zone. */
  liveAll(): LiveSource<StoredZone[]> {
    return liveSource(() => this.listAll());
  }

  #readAll(): Promise<ZonesRead> {
    const db = this.#db;
    return db.transaction('r', db.zones, db.zoneEdits, db.meta, async (): Promise<ZonesRead> => {
      const cached = await db.meta.get('zonesSnapshot');
      const snapshot = cached?.key === 'zonesSnapshot' ? cached.value : undefined;
      if (snapshot) {
        // Also what makes a live query run again: any later edit falls in this range.
        const since = await db.zoneEdits
          .where(':id')
          .above(snapshot.seq)
          .limit(SNAPSHOT_MAX_DELTA + 1)
          .toArray();
        if (since.length <= SNAPSHOT_MAX_DELTA) {
          const last = since.at(-1)?.seq ?? snapshot.seq;
          if (since.length === 0) return { ...snapshot, stale: false };
          const ids = [...new Set(since.map((e) => e.zoneId))];
          const current = await db.zones.bulkGet(ids);
          const changed = new Set(ids);
          const rows = snapshot.rows.filter((r) => !changed.has(r.id));
          for (const row of current) if (row) rows.push(row);
          rows.sort(byId);
          return { seq: last, rows, stale: since.length >= SNAPSHOT_REFRESH_DELTA };
        }
      }
      const rows = await db.zones.toArray();
      const last = await db.zoneEdits.orderBy(':id').lastKey();
      const seq = typeof last === 'number' ? last : 0;
      return { seq, rows, stale: rows.length >= SNAPSHOT_MIN_ZONES };
    });
  }

  /** One journal entry by its sequence number. */
  async getEdit(seq: number): Promise<ZoneEdit | undefined> {
    const row = await this.#db.zoneEdits.get(seq);
    return row && editOf(row);
  }

  /** The journal of one zone, oldest first. */
  async journalOf(zoneId: string): Promise<ZoneEdit[]> {
    const rows = await this.#db.zoneEdits.where('zoneId').equals(zoneId).sortBy('seq');
    return rows.map(editOf);
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
      return {
        ok: false,
        kind: 'conflict',
        zoneId: id,
        baseRevision,
        current: current && storedZoneOf(current),
      };
    }
    const zone: Zone = {
      ...unpackZone(stripRevision(current)),
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
          return {
            ok: false,
            kind: 'conflict',
            zoneId: id,
            baseRevision,
            current: current && storedZoneOf(current),
          };
        }
        let zone: StoredZone | null = null;
        const after = next && packZone(next);
        if (after) {
          const row: ZoneRow = { ...after, revision: await takeRevisions(db, 1) };
          await db.zones.put(row);
          // What was stored, read back the way a later read will (a third coordinate is gone).
          zone = storedZoneOf(row);
        } else if (current) {
          await db.zones.delete(id);
        } else {
          // Deleting a zone that is not there (undoing a creation another tab already undid).
          return { ok: false, kind: 'conflict', zoneId: id, baseRevision, current: undefined };
        }
        const before = current ? stripRevision(current) : null;
        const seq = await db.zoneEdits.add({ zoneId: id, at, before, after });
        const edit = editOf({ seq, zoneId: id, at, before, after });
        return { ok: true, zone, edit: { ...edit, seq } };
      }),
    );
  }
}
