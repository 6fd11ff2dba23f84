/**
 * Planners' actual values as UI state: a live list of everything stored (small data: a few
 * hundred figures at most), unsaved edits kept in memory until they are stored, and the outcome
 * of the last save. Saving goes through `ActualsRepo`, so every write is checked against rules
 * built from the indicator catalogue and refused as a conflict when another tab changed the
 * value meanwhile. Seed targets are never stored here; the heatmap reads actuals through
 * `valuesFor` and sets them beside the targets.
 */

import {
  validateCell,
  validatePastedCells,
  type ActualRules,
  type CellResult,
  type PasteValidation,
} from '../domain/actuals/actual-cell.validator.ts';
import { actualKeyId, type ActualKey, type ActualValue } from '../domain/actuals/actual-value.ts';
import type { CellRejection, PasteRejection } from '../domain/actuals/paste-messages.ts';
import { parsePastedBlock } from '../domain/actuals/pasted-block.parser.ts';
import type { IndicatorCatalogue } from '../domain/indicators/indicator-catalogue.ts';
import {
  ActualsRepo,
  type Conflict,
  type PastePutResult,
  type PutResult,
} from '../persistence/actuals.repo.ts';
import type { MuAtlasDb } from '../persistence/db.ts';
import { LiveQuery } from '../persistence/live-query.svelte.ts';
import { liveSource } from '../persistence/live-source.ts';
import {
  requestPersistentStorageOnce,
  type PersistentStorage,
  type PersistReport,
} from '../persistence/storage-persist.ts';
import {
  actualRulesOf,
  detectPasteLayout,
  indexActuals,
  indicatorResolverOf,
  indicatorYearKey,
  placePaste,
  previewCells,
  type PasteLayoutKind,
  type PasteRequest,
  type PreviewCell,
} from './actuals-input.ts';

export type { PasteLayoutKind, PasteRequest, PreviewCell };
/** Backup problems, re-exported so the UI can word them without reaching into persistence. */
export type { BackupProblem } from '../persistence/backup.format.ts';

/** Where the author's name is remembered between visits. */
export const ENTERED_BY_STORAGE_KEY = 'muatlas.actuals.enteredBy';

/** The part of `localStorage` the author name needs. */
export type NameStore = Pick<Storage, 'getItem' | 'setItem'>;

/** A cell that could not be stored, and why; `row`/`column` are set for pasted cells. */
export interface InvalidCell {
  key?: ActualKey;
  row?: number;
  column?: number;
  reason: CellRejection;
}

/** What a save, paste or delete did. */
export type SaveOutcome =
  | { kind: 'saved'; saved: readonly ActualValue[] }
  | { kind: 'removed'; removed: readonly ActualValue[] }
  /** Nothing was stored: at least one cell breaks the rules. */
  | { kind: 'invalid'; cells: readonly InvalidCell[] }
  /** Nothing was stored: another tab changed (or removed) these values since they were shown. */
  | { kind: 'conflict'; conflicts: readonly Conflict[] }
  /** Nothing was stored: the browser is out of space. The edit is kept for `retry()`. */
  | { kind: 'storage-full' }
  /** Only blank cells: nothing to store, nothing cleared. */
  | { kind: 'nothing-to-store' }
  /** The same value is already being saved; this request was dropped. */
  | { kind: 'busy' };

/** What kind of action produced `lastSave`. */
export type SaveOrigin = 'cell' | 'paste' | 'remove';

/** Why the last attempt to store a draft failed. */
export type DraftProblem =
  | { kind: 'empty' }
  | { kind: 'invalid'; reason: CellRejection }
  | { kind: 'conflict'; current: ActualValue | undefined }
  | { kind: 'storage-full' };

/** A value being typed, kept in memory until it is stored or dropped. */
export interface Draft {
  key: ActualKey;
  /** The text as typed; parsed only on save, so `1,520 亩` and `３７．５` are accepted. */
  text: string;
  note: string;
  /** The revision of the stored value when editing began (0 when there was none). */
  baseRevision: number;
  problem: DraftProblem | undefined;
}

export type PastePreview =
  | { ok: false; reason: PasteRejection }
  | {
      ok: true;
      layout: PasteLayoutKind;
      cells: readonly PreviewCell[];
      validation: PasteValidation;
      /** The stored values on screen when the preview was made; a later change is a conflict. */
      displayed: readonly ActualValue[];
    };

type ReadyPreview = Extract<PastePreview, { ok: true }>;

type Attempt =
  | { kind: 'cell'; key: ActualKey }
  | { kind: 'paste'; preview: ReadyPreview }
  | { kind: 'remove'; key: ActualKey };

export interface ActualsStateOptions {
  /** `navigator.storage` by default; tests pass their own. */
  storage?: PersistentStorage;
  /** `localStorage` by default; tests pass their own, `null` means none. */
  nameStore?: NameStore | null;
  /** The clock for `enteredAt`. */
  now?: () => Date;
}

const EMPTY_VALUES: ReadonlyMap<string, ActualValue> = new Map();

function fromPut(result: PutResult | PastePutResult): SaveOutcome {
  if (result.ok) return { kind: 'saved', saved: result.saved };
  switch (result.kind) {
    case 'invalid':
      return {
        kind: 'invalid',
        cells: result.invalid.map(({ key, reason }) => ({ key, reason })),
      };
    case 'invalid-cells':
      return {
        kind: 'invalid',
        cells: result.cells.map(({ row, column, reason }) => ({ row, column, reason })),
      };
    case 'conflict':
      return { kind: 'conflict', conflicts: result.conflicts };
    case 'storage-full':
      return { kind: 'storage-full' };
    case 'nothing-to-store':
      return { kind: 'nothing-to-store' };
  }
}

function browserNameStore(): NameStore | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    // Reading `localStorage` throws when the browser blocks site storage.
    return null;
  }
}

/** Actual values for the editor and the heatmap. Create one per page; `dispose()` at the end. */
export class ActualsState {
  /** The validator's rules, built from the catalogue. */
  readonly rules: ActualRules;
  /** The name stored with each value (谁录入); remembered in localStorage. */
  enteredBy = $state('');
  /** What the last save, paste or delete did; null before the first. */
  lastSave = $state.raw<{ origin: SaveOrigin; outcome: SaveOutcome } | null>(null);
  /** The browser's answer to the request to keep storage, made after the first save. */
  persistReport = $state.raw<PersistReport | null>(null);

  readonly #db: MuAtlasDb;
  readonly #repo: ActualsRepo;
  readonly #live: LiveQuery<ActualValue[]>;
  readonly #storage: PersistentStorage | undefined;
  readonly #nameStore: NameStore | null;
  readonly #resolveIndicator: (label: string) => string | undefined;
  #drafts = $state.raw<Readonly<Record<string, Draft>>>({});
  /** Keys being written now, so a double Enter does not race itself into a conflict. */
  #inFlight: readonly string[] = [];
  #lastAttempt: Attempt | null = null;
  #persistRequested = false;

  /** Stored values by indicator and year, then by area code; rebuilt when the list changes. */
  readonly #index: ReadonlyMap<string, ReadonlyMap<string, ActualValue>>;

  constructor(db: MuAtlasDb, catalogue: IndicatorCatalogue, options: ActualsStateOptions = {}) {
    this.#db = db;
    this.rules = actualRulesOf(catalogue);
    this.#resolveIndicator = indicatorResolverOf(catalogue);
    this.#repo = new ActualsRepo(db, this.rules, options.now);
    this.#live = new LiveQuery(
      liveSource(() => this.#repo.listAll()),
      [] as ActualValue[],
    );
    this.#index = $derived(indexActuals(this.#live.current));
    // `undefined` lets requestPersistentStorageOnce use navigator.storage.
    this.#storage = options.storage;
    this.#nameStore = options.nameStore === undefined ? browserNameStore() : options.nameStore;
    this.enteredBy = this.#readName();
  }

  /** Every stored actual value; replaced (never mutated) when any tab writes. */
  get list(): readonly ActualValue[] {
    return this.#live.current;
  }

  /** False until the first list arrives, so the UI can tell "loading" from "none yet". */
  get loaded(): boolean {
    return this.#live.loaded;
  }

  /** Why the list could not be read, if it could not. */
  get loadError(): unknown {
    return this.#live.error;
  }

  /** Stored values of one indicator and year, by area code (districts and the city). */
  valuesFor(indicatorId: string, year: number): ReadonlyMap<string, ActualValue> {
    return this.#index.get(indicatorYearKey(indicatorId, year)) ?? EMPTY_VALUES;
  }

  /** The stored value for a key, as currently listed. */
  storedValue(key: ActualKey): ActualValue | undefined {
    return this.valuesFor(key.indicatorId, key.year).get(key.districtCode);
  }

  /** Sets the author name and remembers it for the next visit. */
  setEnteredBy(name: string): void {
    this.enteredBy = name;
    try {
      this.#nameStore?.setItem(ENTERED_BY_STORAGE_KEY, name);
    } catch {
      // Not remembered across visits (storage blocked or full); this visit still uses it.
    }
  }

  /** The unsaved edit of a value, if there is one. */
  draft(key: ActualKey): Draft | undefined {
    return this.#drafts[actualKeyId(key)];
  }

  /** Every unsaved edit, for a "n unsaved" hint. */
  get drafts(): readonly Draft[] {
    return Object.values(this.#drafts);
  }

  /**
   * Records typing in a value or note. The first edit of a key remembers the stored revision
   * it started from, so a value another tab stores meanwhile is a conflict, not overwritten.
   */
  editDraft(key: ActualKey, change: { text?: string; note?: string }): void {
    const id = actualKeyId(key);
    const existing = this.#drafts[id];
    const stored = this.storedValue(key);
    const base: Draft = existing ?? {
      key: { indicatorId: key.indicatorId, districtCode: key.districtCode, year: key.year },
      text: stored ? String(stored.value) : '',
      note: stored?.note ?? '',
      baseRevision: stored?.revision ?? 0,
      problem: undefined,
    };
    // A conflict stays until the planner chooses; other problems are about the old text.
    const problem = base.problem?.kind === 'conflict' ? base.problem : undefined;
    this.#setDraft(id, { ...base, ...change, problem });
  }

  /** Drops an unsaved edit; the stored value shows again. */
  discardDraft(key: ActualKey): void {
    const id = actualKeyId(key);
    if (!(id in this.#drafts)) return;
    this.#drafts = Object.fromEntries(Object.entries(this.#drafts).filter(([k]) => k !== id));
  }

  /** Stores a draft. On failure the draft stays, with its problem, for a fix or a retry. */
  async saveDraft(key: ActualKey): Promise<SaveOutcome> {
    const id = actualKeyId(key);
    const draft = this.#drafts[id];
    if (!draft) return this.#finish('cell', { kind: 'nothing-to-store' });
    if (this.#inFlight.includes(id)) return { kind: 'busy' };
    this.#lastAttempt = { kind: 'cell', key: draft.key };

    const checked = validateCell(
      { row: 1, column: 1, raw: draft.text, target: { ok: true, key: draft.key } },
      this.rules,
    );
    if (!checked) {
      this.#setProblem(id, { kind: 'empty' });
      return this.#finish('cell', { kind: 'nothing-to-store' });
    }
    if (!checked.valid) {
      this.#setProblem(id, { kind: 'invalid', reason: checked.reason });
      return this.#finish('cell', {
        kind: 'invalid',
        cells: [{ key: draft.key, reason: checked.reason }],
      });
    }

    this.#inFlight = [...this.#inFlight, id];
    let outcome: SaveOutcome;
    try {
      outcome = fromPut(
        await this.#repo.put(
          [
            {
              ...draft.key,
              value: checked.value,
              note: draft.note,
              baseRevision: draft.baseRevision,
            },
          ],
          { enteredBy: this.enteredBy },
        ),
      );
    } finally {
      this.#inFlight = this.#inFlight.filter((k) => k !== id);
    }
    switch (outcome.kind) {
      case 'saved':
        this.discardDraft(draft.key);
        break;
      case 'invalid':
        this.#setProblem(id, { kind: 'invalid', reason: outcome.cells[0]!.reason });
        break;
      case 'conflict':
        this.#setProblem(id, { kind: 'conflict', current: outcome.conflicts[0]?.current });
        break;
      case 'storage-full':
        this.#setProblem(id, { kind: 'storage-full' });
        break;
    }
    return this.#finish('cell', outcome);
  }

  /** Resolves a conflict in favour of the draft: it is stored over the value now stored. */
  keepMine(key: ActualKey): Promise<SaveOutcome> {
    const id = actualKeyId(key);
    const draft = this.#drafts[id];
    if (draft?.problem?.kind === 'conflict') {
      const baseRevision = draft.problem.current?.revision ?? 0;
      this.#setDraft(id, { ...draft, baseRevision, problem: undefined });
    }
    return this.saveDraft(key);
  }

  /** Resolves a conflict in favour of the stored value: the draft is dropped. */
  takeStored(key: ActualKey): void {
    this.discardDraft(key);
    if (this.lastSave?.outcome.kind === 'conflict') this.lastSave = null;
  }

  /** Removes a stored value, unless another tab changed it since it was shown. */
  async remove(key: ActualKey): Promise<SaveOutcome> {
    const stored = this.storedValue(key);
    if (!stored) return this.#finish('remove', { kind: 'nothing-to-store' });
    this.#lastAttempt = { kind: 'remove', key };
    const result = await this.#repo.remove([{ ...key, baseRevision: stored.revision }]);
    if (!result.ok) return this.#finish('remove', fromPut(result));
    this.discardDraft(key);
    return this.#finish('remove', { kind: 'removed', removed: result.removed });
  }

  /** Reads and checks a pasted block without storing anything, for the preview. */
  previewPaste(request: PasteRequest): PastePreview {
    const parsed = parsePastedBlock(request.text, request.delimiter);
    if (!parsed.ok) return parsed;
    const layout =
      request.layout === 'auto'
        ? detectPasteLayout(parsed.rows, request.cityCode, this.#resolveIndicator)
        : request.layout;
    const placed = placePaste(parsed.rows, layout, request, this.#resolveIndicator);
    const validation = validatePastedCells(placed, this.rules);
    const cells = previewCells(placed, validation, (key) => this.storedValue(key));
    return { ok: true, layout, cells, validation, displayed: this.list };
  }

  /** Stores every cell of a preview, or none when any is refused or conflicts. */
  async applyPaste(preview: PastePreview): Promise<SaveOutcome> {
    if (!preview.ok) return this.#finish('paste', { kind: 'nothing-to-store' });
    this.#lastAttempt = { kind: 'paste', preview };
    const result = await this.#repo.putPaste(preview.validation, preview.displayed, {
      enteredBy: this.enteredBy,
    });
    return this.#finish('paste', fromPut(result));
  }

  /**
   * After a paste met conflicts: `mine` stores the pasted values over the ones now stored;
   * `stored` keeps those and stores the rest of the paste.
   */
  async resolvePasteConflicts(choice: 'mine' | 'stored'): Promise<SaveOutcome> {
    const attempt = this.#lastAttempt;
    const outcome = this.lastSave?.outcome;
    if (attempt?.kind !== 'paste' || outcome?.kind !== 'conflict') {
      return { kind: 'nothing-to-store' };
    }
    const { preview } = attempt;
    const conflicting = outcome.conflicts.map((c) => actualKeyId(c.key));
    if (choice === 'mine') {
      const currents = outcome.conflicts.flatMap((c) => (c.current ? [c.current] : []));
      const displayed = [
        ...preview.displayed.filter((a) => !conflicting.includes(actualKeyId(a))),
        ...currents,
      ];
      return this.applyPaste({ ...preview, displayed });
    }
    const keep = (r: CellResult) => !r.valid || !conflicting.includes(actualKeyId(r.key));
    const results = preview.validation.results.filter(keep);
    if (results.length === 0) {
      this.#lastAttempt = null;
      return this.#finish('paste', { kind: 'nothing-to-store' });
    }
    return this.applyPaste({
      ...preview,
      cells: preview.cells.filter(keep),
      validation: { ...preview.validation, results },
    });
  }

  /** Repeats the last save, paste or delete (after storage was full). */
  retry(): Promise<SaveOutcome> {
    const attempt = this.#lastAttempt;
    switch (attempt?.kind) {
      case 'cell':
        return this.saveDraft(attempt.key);
      case 'paste':
        return this.applyPaste(attempt.preview);
      case 'remove':
        return this.remove(attempt.key);
      default:
        return Promise.resolve({ kind: 'nothing-to-store' });
    }
  }

  /** Clears the last outcome (the planner dismissed its message). */
  dismissOutcome(): void {
    this.lastSave = null;
  }

  /** Stops following the database. */
  dispose(): void {
    this.#live.dispose();
  }

  #finish(origin: SaveOrigin, outcome: SaveOutcome): SaveOutcome {
    this.lastSave = { origin, outcome };
    if (outcome.kind === 'saved' || outcome.kind === 'removed') this.#lastAttempt = null;
    if (outcome.kind === 'saved') void this.#requestPersistenceOnce();
    return outcome;
  }

  async #requestPersistenceOnce(): Promise<void> {
    if (this.#persistRequested) return;
    this.#persistRequested = true;
    try {
      this.persistReport = await requestPersistentStorageOnce(this.#db, this.#storage);
    } catch {
      // Recording the answer failed (storage full, database closed); ask again next save.
      this.#persistRequested = false;
    }
  }

  #setDraft(id: string, draft: Draft): void {
    this.#drafts = { ...this.#drafts, [id]: draft };
  }

  #setProblem(id: string, problem: DraftProblem): void {
    const draft = this.#drafts[id];
    if (draft) this.#setDraft(id, { ...draft, problem });
  }

  #readName(): string {
    try {
      return this.#nameStore?.getItem(ENTERED_BY_STORAGE_KEY) ?? '';
    } catch {
      return '';
    }
  }
}
