/**
 * Users' corrections of where places are, as UI state: a live list of every stored correction
 * (small data: one row per corrected place), the positions the places layer should use instead
 * of the seeds' points, and the outcome of the last correction or revert. Writes go through
 * `PlaceCorrectionsRepo`, so a point outside the region is refused and a place another tab moved
 * meanwhile is a conflict, not overwritten.
 */

import type { CorrectionConflictFailure } from '../persistence/place-corrections.repo.ts';
import {
  PlaceCorrectionsRepo,
  type CorrectionPutResult,
  type CorrectionRejection,
  type CorrectionRevertResult,
} from '../persistence/place-corrections.repo.ts';
import type { MuAtlasDb, PlaceCorrection } from '../persistence/db.ts';
import { LiveQuery } from '../persistence/live-query.svelte.ts';
import { ENTERED_BY_STORAGE_KEY, type NameStore } from './actuals.svelte.ts';

export type { PlaceCorrection, CorrectionRejection };

/** A corrected position, in the shape the places layer takes (WGS-84 degrees). */
export interface LonLat {
  lon: number;
  lat: number;
}

/** What the last correction or revert did. */
export type CorrectionOutcome =
  | { kind: 'saved'; placeId: string; saved: PlaceCorrection }
  | { kind: 'reverted'; placeId: string; removed: PlaceCorrection }
  /** Nothing was stored: the point or id breaks the rules. */
  | { kind: 'invalid'; placeId: string; reasons: readonly CorrectionRejection[] }
  /** Nothing was stored: another tab moved or reverted the place since it was shown. */
  | { kind: 'conflict'; placeId: string; current: PlaceCorrection | undefined }
  /** Nothing was stored: the browser is out of space. The edit is kept for `retry()`. */
  | { kind: 'storage-full'; placeId: string };

/** A correction or revert that did not go through, kept so the user can retry or insist. */
export type PendingCorrection =
  | { kind: 'correct'; placeId: string; lon: number; lat: number; note: string }
  | { kind: 'revert'; placeId: string };

export interface PlaceCorrectionsStateOptions {
  /** `localStorage` by default; tests pass their own, `null` means none. */
  nameStore?: NameStore | null;
  /** The clock for `enteredAt`. */
  now?: () => Date;
}

function browserNameStore(): NameStore | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    // Reading `localStorage` throws when the browser blocks site storage.
    return null;
  }
}

function conflictOutcome(failure: CorrectionConflictFailure): CorrectionOutcome {
  return { kind: 'conflict', placeId: failure.placeId, current: failure.current };
}

/** Corrections for the place card and the places layer. One per page; `dispose()` at the end. */
export class PlaceCorrectionsState {
  /**
   * The name stored with each correction (谁校正). Shared with the actual-values editor through
   * one localStorage key, so a user names themselves once.
   */
  enteredBy = $state('');
  /** What the last correction or revert did; null before the first. */
  lastOutcome = $state.raw<CorrectionOutcome | null>(null);
  /** The edit behind a conflict or a full disk, until it is stored or dropped. */
  pending = $state.raw<PendingCorrection | null>(null);

  readonly #repo: PlaceCorrectionsRepo;
  readonly #live: LiveQuery<PlaceCorrection[]>;
  readonly #nameStore: NameStore | null;
  readonly #byPlace: ReadonlyMap<string, PlaceCorrection>;
  readonly #positions: ReadonlyMap<string, LonLat>;

  constructor(db: MuAtlasDb, options: PlaceCorrectionsStateOptions = {}) {
    this.#repo = new PlaceCorrectionsRepo(db, options.now);
    this.#live = new LiveQuery(this.#repo.liveAll(), [] as PlaceCorrection[]);
    this.#byPlace = $derived(new Map(this.#live.current.map((c) => [c.placeId, c])));
    this.#positions = $derived(
      new Map(this.#live.current.map((c) => [c.placeId, { lon: c.lon, lat: c.lat }])),
    );
    this.#nameStore = options.nameStore === undefined ? browserNameStore() : options.nameStore;
    this.enteredBy = this.#readName();
  }

  /** Every stored correction; replaced (never mutated) when any tab writes. */
  get list(): readonly PlaceCorrection[] {
    return this.#live.current;
  }

  /** False until the first list arrives. */
  get loaded(): boolean {
    return this.#live.loaded;
  }

  /** Why the list could not be read, if it could not. */
  get loadError(): unknown {
    return this.#live.error;
  }

  /**
   * Corrected positions by place id, for the places layer's override (its `setCorrections`).
   * A new map whenever any tab corrects or reverts a place.
   */
  get positions(): ReadonlyMap<string, LonLat> {
    return this.#positions;
  }

  /** The stored correction of a place, if it has one. */
  correctionOf(placeId: string): PlaceCorrection | undefined {
    return this.#byPlace.get(placeId);
  }

  /** Sets the author name and remembers it for the next visit (and for the actuals editor). */
  setEnteredBy(name: string): void {
    this.enteredBy = name;
    try {
      this.#nameStore?.setItem(ENTERED_BY_STORAGE_KEY, name);
    } catch {
      // Not remembered across visits (storage blocked or full); this visit still uses it.
    }
  }

  /**
   * Moves a place to a point (WGS-84), based on the correction the user sees now. On a conflict
   * or a full disk the edit stays in `pending` for {@link retry}.
   */
  correct(placeId: string, lon: number, lat: number, note = ''): Promise<CorrectionOutcome> {
    const baseRevision = this.correctionOf(placeId)?.revision ?? 0;
    return this.#correct({ kind: 'correct', placeId, lon, lat, note }, baseRevision);
  }

  /** Puts a place back at the seeds' point, unless another tab changed it since it was shown. */
  revert(placeId: string): Promise<CorrectionOutcome> {
    const shown = this.correctionOf(placeId);
    if (!shown) {
      return Promise.resolve(this.#finish({ kind: 'conflict', placeId, current: undefined }, null));
    }
    return this.#revert({ kind: 'revert', placeId }, shown.revision);
  }

  /**
   * Tries the pending edit again. After a full disk it is the same write; after a conflict it
   * is the user insisting, so it is based on what is stored now (their edit wins).
   */
  async retry(): Promise<CorrectionOutcome | null> {
    const pending = this.pending;
    const outcome = this.lastOutcome;
    if (!pending || !outcome) return null;
    const stored =
      outcome.kind === 'conflict' ? outcome.current : this.correctionOf(pending.placeId);
    if (pending.kind === 'correct') return this.#correct(pending, stored?.revision ?? 0);
    if (!stored)
      return this.#finish({ kind: 'conflict', placeId: pending.placeId, current: undefined }, null);
    return this.#revert(pending, stored.revision);
  }

  /** Drops the pending edit after a conflict, keeping what the other tab stored. */
  dismiss(): void {
    this.pending = null;
    this.lastOutcome = null;
  }

  /** Stops following the database. */
  dispose(): void {
    this.#live.dispose();
  }

  async #correct(
    edit: Extract<PendingCorrection, { kind: 'correct' }>,
    baseRevision: number,
  ): Promise<CorrectionOutcome> {
    const result: CorrectionPutResult = await this.#repo.put(
      { ...edit, baseRevision },
      { enteredBy: this.enteredBy },
    );
    if (result.ok) {
      return this.#finish({ kind: 'saved', placeId: edit.placeId, saved: result.saved }, null);
    }
    switch (result.kind) {
      case 'invalid':
        return this.#finish(
          { kind: 'invalid', placeId: edit.placeId, reasons: result.reasons },
          null,
        );
      case 'conflict':
        return this.#finish(conflictOutcome(result), edit);
      case 'storage-full':
        return this.#finish({ kind: 'storage-full', placeId: edit.placeId }, edit);
    }
  }

  async #revert(
    edit: Extract<PendingCorrection, { kind: 'revert' }>,
    baseRevision: number,
  ): Promise<CorrectionOutcome> {
    const result: CorrectionRevertResult = await this.#repo.revert(edit.placeId, baseRevision);
    if (result.ok) {
      return this.#finish(
        { kind: 'reverted', placeId: edit.placeId, removed: result.removed },
        null,
      );
    }
    if (result.kind === 'conflict') return this.#finish(conflictOutcome(result), edit);
    return this.#finish({ kind: 'storage-full', placeId: edit.placeId }, edit);
  }

  #finish(outcome: CorrectionOutcome, pending: PendingCorrection | null): CorrectionOutcome {
    this.lastOutcome = outcome;
    this.pending = pending;
    return outcome;
  }

  #readName(): string {
    try {
      return this.#nameStore?.getItem(ENTERED_BY_STORAGE_KEY) ?? '';
    } catch {
      return '';
    }
  }
}
