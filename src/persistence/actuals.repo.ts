/**
 * Reads and writes planners' actual values. Every call that writes is one transaction: a batch
 * is stored whole or not at all, and a write based on a stale revision (another tab changed the
 * record meanwhile) is refused as a conflict, never silently overwritten.
 */

import { actualKeyId, type ActualKey, type ActualValue } from '../domain/actuals/actual-value.ts';
import {
  checkActualValue,
  type ActualRules,
  type CellResult,
  type PasteValidation,
} from '../domain/actuals/actual-cell.validator.ts';
import type { CellRejection } from '../domain/actuals/paste-messages.ts';
import { takeRevisions, type ActualPrimaryKey, type MuAtlasDb } from './db.ts';
import { liveSource, type LiveSource } from './live-source.ts';
import { catchStorageFull, type StorageFullFailure } from './storage-errors.ts';

/** One value to store. */
export interface ActualEdit extends ActualKey {
  value: number;
  note?: string;
  /**
   * The revision of the record the planner saw when editing, or 0 when they saw no value. A
   * mismatch with the stored record means someone else wrote it meanwhile.
   */
  baseRevision: number;
}

/** One value to remove, with the revision the planner saw. */
export interface ActualRemoval extends ActualKey {
  baseRevision: number;
}

/** Who is writing; `enteredBy` is the name the planner chose (empty when none). */
export interface Author {
  enteredBy: string;
}

/** A write refused because the stored record is not the one the planner saw. */
export interface Conflict {
  key: ActualKey;
  baseRevision: number;
  /** What is stored now (undefined when it was deleted), for the UI to show and merge. */
  current: ActualValue | undefined;
}

/** An edit refused by the rules, by its index in the batch. */
export interface InvalidEdit {
  index: number;
  key: ActualKey;
  reason: CellRejection;
}

export interface ConflictFailure {
  ok: false;
  kind: 'conflict';
  conflicts: Conflict[];
}

export type PutResult =
  | { ok: true; saved: ActualValue[] }
  | { ok: false; kind: 'invalid'; invalid: InvalidEdit[] }
  | ConflictFailure
  | StorageFullFailure;

/** A paste is stored only when every non-empty cell is valid; otherwise these say why not. */
export type PastePutResult =
  | PutResult
  | { ok: false; kind: 'invalid-cells'; cells: Extract<CellResult, { valid: false }>[] }
  | { ok: false; kind: 'nothing-to-store' };

export type RemoveResult =
  { ok: true; removed: ActualValue[] } | ConflictFailure | StorageFullFailure;

function primaryKey(key: ActualKey): ActualPrimaryKey {
  return [key.indicatorId, key.districtCode, key.year];
}

function keyOf(key: ActualKey): ActualKey {
  return { indicatorId: key.indicatorId, districtCode: key.districtCode, year: key.year };
}

function assertDistinctKeys(keys: readonly ActualKey[]): void {
  const seen = new Set<string>();
  for (const key of keys) {
    const id = actualKeyId(key);
    // The validator refuses duplicate cells; reaching here means a caller bug, not user input.
    if (seen.has(id)) throw new RangeError(`The same actual appears twice in one batch: ${id}`);
    seen.add(id);
  }
}

function conflictsOf(
  items: readonly (ActualKey & { baseRevision: number })[],
  currents: readonly (ActualValue | undefined)[],
): Conflict[] {
  const conflicts: Conflict[] = [];
  items.forEach((item, i) => {
    const current = currents[i];
    if ((current?.revision ?? 0) !== item.baseRevision) {
      conflicts.push({ key: keyOf(item), baseRevision: item.baseRevision, current });
    }
  });
  return conflicts;
}

/** The actual values table, checked against the indicator rules on every write. */
export class ActualsRepo {
  readonly #db: MuAtlasDb;
  readonly #rules: ActualRules;
  readonly #now: () => Date;

  /**
   * @param rules what the validator needs to know about indicators (built from the catalogue).
   * @param now the clock for `enteredAt`; tests pass a fixed one.
   */
  constructor(db: MuAtlasDb, rules: ActualRules, now: () => Date = () => new Date()) {
    this.#db = db;
    this.#rules = rules;
    this.#now = now;
  }

  /** The stored value for a key, or undefined. */
  get(key: ActualKey): Promise<ActualValue | undefined> {
    return this.#db.actuals.get(primaryKey(key));
  }

  /** Values for one indicator and year, every district, ordered by district code. */
  listByIndicatorYear(indicatorId: string, year: number): Promise<ActualValue[]> {
    return this.#db.actuals
      .where('[indicatorId+year]')
      .equals([indicatorId, year])
      .sortBy('districtCode');
  }

  /** Every stored actual, in key order. */
  listAll(): Promise<ActualValue[]> {
    return this.#db.actuals.toArray();
  }

  /** `listByIndicatorYear` as a live source: it emits again when any tab changes those values. */
  liveByIndicatorYear(indicatorId: string, year: number): LiveSource<ActualValue[]> {
    return liveSource(() => this.listByIndicatorYear(indicatorId, year));
  }

  /**
   * Stores a batch of values, all or none: if any edit breaks the rules or conflicts with a
   * newer stored record, nothing is written and the result says which and why.
   *
   * @throws RangeError when the batch names one key twice (a caller bug).
   */
  async put(edits: readonly ActualEdit[], author: Author): Promise<PutResult> {
    assertDistinctKeys(edits);
    const invalid: InvalidEdit[] = [];
    edits.forEach((edit, index) => {
      const reason = checkActualValue(edit, edit.value, this.#rules);
      if (reason) invalid.push({ index, key: keyOf(edit), reason });
    });
    if (invalid.length > 0) return { ok: false, kind: 'invalid', invalid };
    if (edits.length === 0) return { ok: true, saved: [] };

    const db = this.#db;
    return catchStorageFull(() =>
      db.transaction('rw', db.actuals, db.meta, async (): Promise<PutResult> => {
        const currents = await db.actuals.bulkGet(edits.map(primaryKey));
        const conflicts = conflictsOf(edits, currents);
        if (conflicts.length > 0) return { ok: false, kind: 'conflict', conflicts };
        const firstRevision = await takeRevisions(db, edits.length);
        const enteredAt = this.#now().toISOString();
        const saved: ActualValue[] = edits.map((edit, i) => ({
          ...keyOf(edit),
          value: edit.value,
          note: edit.note?.trim() ?? '',
          enteredBy: author.enteredBy.trim(),
          enteredAt,
          revision: firstRevision + i,
          origin: 'user',
        }));
        await db.actuals.bulkPut(saved);
        return { ok: true, saved };
      }),
    );
  }

  /**
   * Removes values, all or none; refused as a conflict when a record changed (or was already
   * removed) since the planner saw it. The removed records are returned so the UI can undo.
   */
  async remove(removals: readonly ActualRemoval[]): Promise<RemoveResult> {
    assertDistinctKeys(removals);
    if (removals.length === 0) return { ok: true, removed: [] };
    const db = this.#db;
    return catchStorageFull(() =>
      db.transaction('rw', db.actuals, async (): Promise<RemoveResult> => {
        const currents = await db.actuals.bulkGet(removals.map(primaryKey));
        const conflicts = conflictsOf(removals, currents);
        if (conflicts.length > 0) return { ok: false, kind: 'conflict', conflicts };
        await db.actuals.bulkDelete(removals.map(primaryKey));
        return { ok: true, removed: currents.filter((c): c is ActualValue => c !== undefined) };
      }),
    );
  }

  /**
   * Stores a validated paste, all or nothing. Each cell is based on the revision the planner
   * saw on screen (`displayed`, usually the live list the paste landed on), so a value another
   * tab changed meanwhile is a conflict, not an overwrite.
   */
  async putPaste(
    validation: PasteValidation,
    displayed: readonly ActualValue[],
    author: Author,
  ): Promise<PastePutResult> {
    const refused = validation.results.filter(
      (r): r is Extract<CellResult, { valid: false }> => !r.valid,
    );
    if (refused.length > 0) return { ok: false, kind: 'invalid-cells', cells: refused };
    if (validation.results.length === 0) return { ok: false, kind: 'nothing-to-store' };
    const revisionOnScreen = new Map(displayed.map((a) => [actualKeyId(a), a.revision]));
    const edits: ActualEdit[] = validation.results.flatMap((r) =>
      r.valid
        ? [
            {
              ...r.key,
              value: r.value,
              baseRevision: revisionOnScreen.get(actualKeyId(r.key)) ?? 0,
            },
          ]
        : [],
    );
    return this.put(edits, author);
  }
}
