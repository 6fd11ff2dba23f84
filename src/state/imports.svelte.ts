/**
 * The user's own data as UI state: the import wizard (file → what was found → column mapping →
 * preview with every rejected row → commit all-or-nothing) and the imported layers, live across
 * tabs, with their records on the map and their matches to the seeds' key enterprises.
 *
 * Parsing and storing run wherever the engine runs them (the import worker in the app, this
 * thread in tests): the records of a file stay there, the page holds only a summary, and
 * `commit()` has the engine write the layer and all its records in one transaction. The map
 * draws a layer from vector tiles the engine cuts, so no record passes through the page.
 */

import type { ImportedLayerKind, ImportedRecord } from '../domain/imports/imported-layer.ts';
import type {
  ColumnMapping,
  CrsId,
  ImportFile,
  ImportOptions,
  ImportProgress,
  RejectedRow,
  TextEncoding,
} from '../domain/imports/index.ts';
import type {
  SeedEnterprise,
  SeedJoin,
  SeedMatch,
} from '../domain/imports/seed-enterprise.join.ts';
import type { MapController } from '../map/map-controller.svelte.ts';
import type { ImportedLayersLayer, ImportedTileSource } from '../map/imported-layers.layer.ts';
import type { MuAtlasDb, StoredImportedLayer } from '../persistence/db.ts';
import {
  ImportedLayersRepo,
  type LayerConflictFailure,
  type LayerRejection,
} from '../persistence/imported-layers.repo.ts';
import { LiveQuery } from '../persistence/live-query.svelte.ts';
import type {
  CommitProgress,
  ImportSummary,
  LayerChoice,
  LayerDrawing,
  SessionCommit,
} from '../workers/import-session.ts';
import { ENTERED_BY_STORAGE_KEY, type NameStore } from './actuals.svelte.ts';

export type { StoredImportedLayer, LayerRejection, ImportSummary, LayerDrawing };
export { importedLayerColour } from '../map/imported-layers.layer.ts';

/** A parsed file, held where it was parsed until it is committed or disposed. */
export interface ParsedImport {
  readonly summary: ImportSummary;
  /** Rejected rows `offset` to `offset + count`. */
  rejectedRows(offset: number, count: number): Promise<RejectedRow[]>;
  /** Stores the records as a new layer, all or nothing. */
  commit(
    choice: LayerChoice,
    onProgress: (progress: CommitProgress) => void,
  ): Promise<SessionCommit>;
  /** Forgets the file (ends its worker). */
  dispose(): void;
}

/** Where files are parsed and stored layers are read (the import worker in the app). */
export interface ImportEngine {
  /** Parses a file; rejects only when parsing itself broke (not for a bad file). */
  parse(
    file: ImportFile,
    options: ImportOptions,
    onProgress: (progress: ImportProgress) => void,
    signal: AbortSignal,
  ): Promise<ParsedImport>;
  /** Cuts a stored layer into tiles, kept by the engine until forgotten. */
  drawing(layerId: string): Promise<LayerDrawing>;
  /** The tiles and clusters of the layers drawn, for the map. */
  tiles: ImportedTileSource;
  /** Drops a layer's tiles (it was deleted). */
  forget(layerId: string): void;
  /** A stored layer's matches to the seeds' key enterprises. */
  join(layerId: string, seeds: readonly SeedEnterprise[]): Promise<SeedJoin>;
  dispose(): void;
}

/** Rejected rows the wizard shows per page. */
export const REJECTED_PAGE_SIZE = 20;

/** Where the wizard is. */
export type WizardStep = 'choose' | 'parsing' | 'review' | 'committing';

/** What the last commit did. */
export type CommitOutcome =
  | { kind: 'saved'; layer: StoredImportedLayer }
  /** Nothing stored: the name or the records break the rules. */
  | { kind: 'invalid'; reasons: readonly LayerRejection[] }
  /** Nothing stored: the browser is out of space. The preview is kept to retry. */
  | { kind: 'storage-full' };

/** What the last rename or delete did. */
export type LayerOutcome =
  | { kind: 'renamed'; layerId: string }
  | { kind: 'deleted'; layerId: string; name: string; recordCount: number }
  | { kind: 'invalid'; layerId: string; reasons: readonly LayerRejection[] }
  /** Another tab changed or deleted the layer since it was shown; nothing was changed. */
  | { kind: 'conflict'; layerId: string; current: StoredImportedLayer | undefined }
  | { kind: 'storage-full'; layerId: string };

/** One record picked on the map or in a list, for its card. */
export interface RecordRef {
  layerId: string;
  index: number;
}

/** The parts of AppState the imports need. */
export interface ImportsApp {
  readonly map: MapController;
}

export interface ImportsStateOptions {
  /** `localStorage` by default; tests pass their own, `null` means none. */
  nameStore?: NameStore | null;
  now?: () => Date;
  newId?: () => string;
}

function browserNameStore(): NameStore | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    // Reading `localStorage` throws when the browser blocks site storage.
    return null;
  }
}

/** The layer name a file suggests: its name without the extension. */
export function layerNameOfFile(fileName: string): string {
  return fileName.replace(/\.[^.]+$/, '').trim() || fileName;
}

const NO_DRAWINGS: ReadonlyMap<string, LayerDrawing> = new Map();
const NO_JOINS: ReadonlyMap<string, SeedJoin> = new Map();

/** The wizard and the imported layers. One per page; `dispose()` at the end. */
export class ImportsState {
  step = $state<WizardStep>('choose');
  /** The file being imported; null before one is chosen and after a commit. */
  file = $state.raw<ImportFile | null>(null);
  /** The user's overrides of what the importer detected. */
  options = $state.raw<ImportOptions>({});
  /** The last parse of the file, summarised; replaced whole by each re-parse. */
  preview = $state.raw<ImportSummary | null>(null);
  progress = $state.raw<ImportProgress | null>(null);
  /** The page of rejected rows shown (0-based) and its rows. */
  rejectedPage = $state.raw<{ page: number; rows: readonly RejectedRow[] }>({ page: 0, rows: [] });
  /** Where a running commit is. */
  commitProgress = $state.raw<CommitProgress | null>(null);
  /** Why parsing broke (the worker failed), as text; a bad file is a finding, not this. */
  parseError = $state<string | null>(null);
  /** True when the mapping came from the last import of a file with the same columns. */
  mappingRemembered = $state(false);
  layerName = $state('');
  kind = $state<ImportedLayerKind>('other');
  lastCommit = $state.raw<CommitOutcome | null>(null);
  lastLayerOutcome = $state.raw<LayerOutcome | null>(null);
  /** Layers the user hid on the map (this page only). */
  hidden = $state.raw<ReadonlySet<string>>(new Set());
  /** The record whose card is open. */
  selected = $state.raw<RecordRef | null>(null);
  /** The selected record, once read from the database. */
  selectedRecord = $state.raw<ImportedRecord | undefined>(undefined);
  /**
   * Each stored layer's records as the map draws them (GeoJSON text, point count, bounds), made
   * once per layer by the engine (records never change after import); the records themselves
   * stay in the database.
   */
  records = $state.raw<ReadonlyMap<string, LayerDrawing>>(NO_DRAWINGS);
  /** Layers the map has drawn (data parsed by MapLibre, tiles in view loaded). */
  drawn = $state.raw<ReadonlySet<string>>(new Set());
  /** Each layer's matches to the seeds' key enterprises, once those are loaded. */
  joins = $state.raw<ReadonlyMap<string, SeedJoin>>(NO_JOINS);

  readonly #app: ImportsApp;
  readonly #repo: ImportedLayersRepo;
  readonly #engine: ImportEngine;
  readonly #newId: () => string;
  readonly #live: LiveQuery<StoredImportedLayer[]>;
  readonly #nameStore: NameStore | null;
  #seeds: readonly SeedEnterprise[] | null = null;
  #seedNames: ReadonlyMap<string, string> = new Map();
  #abort: AbortController | null = null;
  /** The parsed file behind `preview`. */
  #parsed: ParsedImport | null = null;
  /**
   * The layer a running commit stores: it is listed once its transaction completes, while the
   * commit still draws it and joins it from memory, so the list's sync must leave it alone.
   */
  #committingId: string | null = null;
  /** A layer the user asked to frame before it was drawn. */
  #pendingZoom: string | null = null;
  #mapLayer = $state.raw<ImportedLayersLayer | null>(null);

  constructor(
    app: ImportsApp,
    db: MuAtlasDb,
    engine: ImportEngine,
    options: ImportsStateOptions = {},
  ) {
    this.#app = app;
    this.#repo = new ImportedLayersRepo(db, { now: options.now, newId: options.newId });
    this.#engine = engine;
    this.#newId = options.newId ?? (() => crypto.randomUUID());
    this.#live = new LiveQuery(this.#repo.liveLayers(), [] as StoredImportedLayer[]);
    this.#nameStore = options.nameStore === undefined ? browserNameStore() : options.nameStore;
  }

  /** Every stored layer, oldest first; replaced when any tab imports, renames or deletes. */
  get layers(): readonly StoredImportedLayer[] {
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

  /** The stored layer with this id. */
  layerOf(layerId: string): StoredImportedLayer | undefined {
    return this.layers.find((l) => l.id === layerId);
  }

  /** The seed enterprises a record matches, or null. */
  matchOf(ref: RecordRef): SeedMatch | null {
    return this.joins.get(ref.layerId)?.matches.get(ref.index) ?? null;
  }

  /** The name the seeds give a key enterprise, by place id. */
  seedNameOf(placeId: string): string | undefined {
    return this.#seedNames.get(placeId);
  }

  /** Reads a chosen file and parses it, using the mapping remembered for its column layout. */
  async chooseFile(file: ImportFile): Promise<void> {
    this.file = file;
    this.options = {};
    this.preview = null;
    this.mappingRemembered = false;
    this.lastCommit = null;
    this.layerName = layerNameOfFile(file.name);
    this.#dropParsed();
    const preview = await this.#run({});
    if (!preview?.table) return;
    const remembered = await this.#repo.layoutMapping(preview.table.layoutKey);
    if (!remembered || sameMapping(remembered, preview.table.mapping)) return;
    if ((await this.#run({ mapping: remembered })) !== null) this.mappingRemembered = true;
  }

  /** Reads the file in another text encoding. */
  setEncoding(encoding: TextEncoding | null): Promise<void> {
    return this.#rerun({ ...this.options, encoding: encoding ?? undefined });
  }

  /** Reads the coordinates in another coordinate system; null returns to detection. */
  setCrs(crs: CrsId | null): Promise<void> {
    return this.#rerun({ ...this.options, crs: crs ?? undefined });
  }

  /**
   * Maps one column to a field (`field` or `field@unit`), or to nothing with null; a field
   * taken by another column moves to this one.
   */
  setColumn(columnIndex: number, entry: string | null): Promise<void> {
    const current: ColumnMapping = { ...(this.options.mapping ?? this.preview?.table?.mapping) };
    const key = String(columnIndex);
    if (entry === null) delete current[key];
    else {
      const field = entry.split('@')[0];
      for (const [other, value] of Object.entries(current)) {
        if (other !== key && value.split('@')[0] === field) delete current[other];
      }
      current[key] = entry;
    }
    this.mappingRemembered = false;
    return this.#rerun({ ...this.options, mapping: current });
  }

  /** Stops a parse and leaves the wizard, storing nothing. */
  cancel(): void {
    this.#abort?.abort();
    this.#abort = null;
    this.#resetWizard();
  }

  /**
   * Stores the previewed records as a new layer, all or nothing, and remembers the column
   * mapping for the next file of this layout. On a full disk the preview stays for a retry.
   */
  async commit(): Promise<CommitOutcome | null> {
    const preview = this.preview;
    const parsed = this.#parsed;
    if (!preview || !parsed || !preview.canCommit || this.step !== 'review') return null;
    this.step = 'committing';
    this.commitProgress = null;
    let committed: SessionCommit;
    const layerId = this.#newId();
    const seeds = this.#seeds;
    this.#committingId = layerId;
    try {
      committed = await parsed.commit(
        {
          layerId,
          name: this.layerName,
          kind: this.kind,
          enteredBy: this.#readName(),
          ...(seeds ? { seeds: [...seeds] } : {}),
        },
        (p) => (this.commitProgress = p),
      );
    } catch (error) {
      this.step = 'review';
      this.parseError = error instanceof Error ? error.message : String(error);
      // The layer may be stored even though the answer never came (the worker failed after).
      this.#committingId = null;
      void this.#syncRecords(new Set(this.layers.map((l) => l.id)));
      return null;
    } finally {
      this.commitProgress = null;
    }
    const { result } = committed;
    if (!result.ok) {
      this.#committingId = null;
      this.step = 'review';
      this.lastCommit =
        result.kind === 'invalid'
          ? { kind: 'invalid', reasons: result.reasons }
          : { kind: 'storage-full' };
      return this.lastCommit;
    }
    if (preview.table) {
      // Losing the remembered mapping on a full disk costs a re-mapping next time, not data.
      await this.#repo.saveLayoutMapping(preview.table.layoutKey, preview.table.mapping);
    }
    // The long-lived worker reads the stored layer back and cuts its tiles; the wizard closes
    // once the layer can be drawn (and framed), not before.
    try {
      const drawing = await this.#engine.drawing(layerId);
      this.records = new Map([...this.records, [layerId, drawing]]);
    } catch {
      // Stored all the same; the list's sync draws it again on its next change.
    } finally {
      this.#committingId = null;
    }
    // A join made with seeds since replaced is made again with the new ones.
    if (committed.join && seeds && this.#seeds === seeds) {
      this.joins = new Map([...this.joins, [layerId, committed.join]]);
    } else void this.#joinLayer(layerId);
    this.#resetWizard();
    this.lastCommit = { kind: 'saved', layer: result.layer };
    return this.lastCommit;
  }

  /** Renames a layer as the user saw it; another tab's change meanwhile is a conflict. */
  async rename(layerId: string, name: string): Promise<LayerOutcome> {
    const shown = this.layerOf(layerId);
    if (!shown) return this.#layerDone({ kind: 'conflict', layerId, current: undefined });
    const result = await this.#repo.rename(layerId, name, shown.revision);
    if (result.ok) return this.#layerDone({ kind: 'renamed', layerId });
    if (result.kind === 'invalid') {
      return this.#layerDone({ kind: 'invalid', layerId, reasons: result.reasons });
    }
    return this.#layerDone(this.#failure(layerId, result));
  }

  /** Deletes a layer and all its records, unless another tab changed it since it was shown. */
  async remove(layerId: string): Promise<LayerOutcome> {
    const shown = this.layerOf(layerId);
    if (!shown) return this.#layerDone({ kind: 'conflict', layerId, current: undefined });
    const result = await this.#repo.delete(layerId, shown.revision);
    if (!result.ok) return this.#layerDone(this.#failure(layerId, result));
    if (this.selected?.layerId === layerId) void this.select(null);
    return this.#layerDone({
      kind: 'deleted',
      layerId,
      name: result.removed.name,
      recordCount: result.removedRecordCount,
    });
  }

  /** Shows or hides a layer on the map. */
  setHidden(layerId: string, hidden: boolean): void {
    const next = new Set(this.hidden);
    if (hidden) next.add(layerId);
    else next.delete(layerId);
    this.hidden = next;
  }

  /** Frames a layer's records on the map; false when none has a position. */
  zoomTo(layerId: string): boolean {
    if (this.#mapLayer?.zoomTo(layerId)) return true;
    // Listed but still being cut into tiles: framed as soon as it is drawn.
    if (!this.records.has(layerId) && this.layers.some((l) => l.id === layerId)) {
      this.#pendingZoom = layerId;
      return true;
    }
    return false;
  }

  /** Opens a record's card (once its record is read), or closes it with null. */
  async select(ref: RecordRef | null): Promise<void> {
    this.selected = ref;
    if (!ref) {
      this.selectedRecord = undefined;
      return;
    }
    const record = await this.#repo.record(ref.layerId, ref.index);
    if (this.selected === ref) this.selectedRecord = record;
  }

  /** Shows a page of the preview's rejected rows. */
  async showRejectedPage(page: number): Promise<void> {
    const parsed = this.#parsed;
    if (!parsed) return;
    try {
      const rows = await parsed.rejectedRows(page * REJECTED_PAGE_SIZE, REJECTED_PAGE_SIZE);
      if (this.#parsed === parsed) this.rejectedPage = { page, rows };
    } catch (error) {
      // A page asked for just before the file was dropped has nowhere to show.
      if (this.#parsed === parsed) this.parseError = String((error as Error)?.message ?? error);
    }
  }

  /** The seeds' key enterprises to join records to; joins every loaded layer. */
  async setSeedEnterprises(seeds: readonly SeedEnterprise[]): Promise<void> {
    this.#seeds = seeds;
    this.#seedNames = new Map(seeds.map((s) => [s.placeId, s.nameZh]));
    this.joins = NO_JOINS;
    await Promise.all([...this.records.keys()].map((layerId) => this.#joinLayer(layerId)));
  }

  /**
   * Keeps each stored layer's records loaded (new layers read once, deleted ones dropped);
   * returns the cleanup.
   */
  startSync(): () => void {
    return $effect.root(() => {
      $effect(() => {
        const ids = new Set(this.layers.map((l) => l.id));
        void this.#syncRecords(ids);
      });
    });
  }

  /**
   * Draws the layers on the map once there is one to draw, and keeps the map in step with the
   * list, the hidden set and the records; returns the cleanup.
   */
  attachMap(): () => void {
    let disposed = false;
    let mounting = false;
    const stopEffects = $effect.root(() => {
      $effect(() => {
        if (this.#mapLayer || mounting || this.records.size === 0) return;
        mounting = true;
        void this.#app.map
          .mountImportedLayers({
            onRecordClick: (layerId, index) => void this.select({ layerId, index }),
            tiles: this.#engine.tiles,
            onLayerDrawn: (layerId) => (this.drawn = new Set([...this.drawn, layerId])),
          })
          .then((mounted) => {
            if (disposed) mounted?.remove();
            else this.#mapLayer = mounted;
          });
      });
      $effect(() => {
        const layer = this.#mapLayer;
        if (!layer) return;
        layer.setLayers(
          this.layers.flatMap((l) => {
            const drawing = this.records.get(l.id);
            return drawing ? [{ layerId: l.id, kind: l.kind, drawing }] : [];
          }),
        );
        layer.setHidden(this.hidden);
        const pending = this.#pendingZoom;
        if (pending !== null && this.records.has(pending)) {
          this.#pendingZoom = null;
          layer.zoomTo(pending);
        }
      });
    });
    return () => {
      disposed = true;
      stopEffects();
      this.#mapLayer?.remove();
      this.#mapLayer = null;
    };
  }

  /** The map layer, for the evaluation's colouring hook; null until drawn. */
  get mapLayer(): ImportedLayersLayer | null {
    return this.#mapLayer;
  }

  /** Stops following the database and any parse. */
  dispose(): void {
    this.#abort?.abort();
    this.#dropParsed();
    this.#live.dispose();
    this.#engine.dispose();
  }

  async #syncRecords(ids: ReadonlySet<string>): Promise<void> {
    const kept = new Map([...this.records].filter(([id]) => ids.has(id)));
    const missing = [...ids].filter((id) => !kept.has(id) && id !== this.#committingId);
    if (kept.size !== this.records.size) {
      for (const id of this.records.keys()) if (!ids.has(id)) this.#engine.forget(id);
      this.records = kept;
    }
    for (const layerId of missing) {
      const drawing = await this.#engine.drawing(layerId);
      if (!this.layers.some((l) => l.id === layerId) || this.records.has(layerId)) continue;
      this.records = new Map([...this.records, [layerId, drawing]]);
      void this.#joinLayer(layerId);
    }
  }

  async #joinLayer(layerId: string): Promise<void> {
    const seeds = this.#seeds;
    if (!seeds) return;
    const join = await this.#engine.join(layerId, seeds);
    // Dropped when the seeds changed or the layer was deleted meanwhile.
    if (this.#seeds !== seeds || !this.records.has(layerId)) return;
    this.joins = new Map([...this.joins, [layerId, join]]);
  }

  #dropParsed(): void {
    this.#parsed?.dispose();
    this.#parsed = null;
  }

  #rerun(options: ImportOptions): Promise<void> {
    if (!this.file) return Promise.resolve();
    return this.#run(options).then(() => undefined);
  }

  /** Parses the current file with options; null when cancelled, superseded or broken. */
  async #run(options: ImportOptions): Promise<ImportSummary | null> {
    const file = this.file;
    if (!file) return null;
    this.#abort?.abort();
    const abort = new AbortController();
    this.#abort = abort;
    this.options = options;
    this.step = 'parsing';
    this.progress = null;
    this.parseError = null;
    try {
      const parsed = await this.#engine.parse(
        file,
        options,
        (p) => {
          if (!abort.signal.aborted) this.progress = p;
        },
        abort.signal,
      );
      if (abort.signal.aborted) {
        parsed.dispose();
        return null;
      }
      const preview = parsed.summary;
      // The first parse of a file suggests the kind; later ones keep what the user chose.
      if (this.preview === null) this.kind = preview.suggestedKind;
      this.#dropParsed();
      this.#parsed = parsed;
      this.preview = preview;
      this.rejectedPage = { page: 0, rows: [] };
      void this.showRejectedPage(0);
      this.step = 'review';
      return preview;
    } catch (error) {
      if (abort.signal.aborted) return null;
      this.parseError = error instanceof Error ? error.message : String(error);
      this.step = this.preview ? 'review' : 'choose';
      return null;
    } finally {
      if (this.#abort === abort) this.#abort = null;
      this.progress = null;
    }
  }

  #resetWizard(): void {
    this.#dropParsed();
    this.rejectedPage = { page: 0, rows: [] };
    this.step = 'choose';
    this.file = null;
    this.options = {};
    this.preview = null;
    this.progress = null;
    this.parseError = null;
    this.mappingRemembered = false;
    this.layerName = '';
    this.kind = 'other';
  }

  #failure(
    layerId: string,
    result: LayerConflictFailure | { ok: false; kind: 'storage-full' },
  ): LayerOutcome {
    return result.kind === 'conflict'
      ? { kind: 'conflict', layerId, current: result.current }
      : { kind: 'storage-full', layerId };
  }

  #layerDone(outcome: LayerOutcome): LayerOutcome {
    this.lastLayerOutcome = outcome;
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

function sameMapping(a: ColumnMapping, b: ColumnMapping): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => a[k] === b[k]);
}
