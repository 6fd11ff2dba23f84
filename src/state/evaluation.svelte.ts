/**
 * The per-mu evaluation as UI state: which imported layer and year are evaluated, the settings
 * being edited (results follow every valid edit at once; Save stores them), the evaluation
 * itself, and the table's sort. Loaded lazily through evaluation-loader.ts.
 */
import type { Geometry } from 'geojson';
import { EVALUATION_CLASS_COLOURS, UNCLASSED_COLOUR } from '../domain/evaluation/class-colours.ts';
import {
  DEMO_SOURCE_FILE_NAME,
  demoImportInfo,
  generateDemoRecords,
  isDemoLayer,
} from '../domain/evaluation/demo-dataset.ts';
import type { EvaluatedEnterprise } from '../domain/evaluation/evaluate-layer.ts';
import {
  DEFAULT_EVALUATION_SETTINGS,
  settingsFromStored,
  validateEvaluationSettings,
  type EvaluationSettings,
} from '../domain/evaluation/evaluation-settings.ts';
import type { EvaluatedLayerFigures } from '../domain/evaluation/evaluation.measure.ts';
import {
  CLASS_BY_CODE,
  RecordClasses,
  type EvaluatedRecords,
  type EvaluationSummary,
  type EvaluationView,
  type ListedEnterprise,
  type SortKey,
} from '../domain/evaluation/evaluation-view.ts';
import type { DistrictOutline } from '../domain/places/placement.ts';
import { importedLayerColour } from '../map/imported-layers.layer.ts';
import type { StoredImportedLayer } from '../persistence/db.ts';
import type { ImportedLayersRepo } from '../persistence/imported-layers.repo.ts';
import { LiveQuery } from '../persistence/live-query.svelte.ts';
import type { SettingsRepo } from '../persistence/settings.repo.ts';
import type { EvaluationEngine } from './evaluation-worker.ts';

export type { RecordClass } from '../domain/evaluation/evaluation-view.ts';
export type { SortKey };

/** The settings row the evaluation stores its settings under. */
export const EVALUATION_SETTINGS_KEY = 'evaluation';

/** Rows of the enterprise table the page holds; the CSV reads them all from the worker. */
export const TABLE_PAGE_SIZE = 200;

/** Records given their map state per task, so painting 200,000 never holds the page long. */
export const PAINT_SLICE = 5_000;

const EMPTY_RECORDS: EvaluatedRecords = {
  recordIndex: new Int32Array(0),
  classCode: new Uint8Array(0),
  flag: new Int8Array(0),
  lon: new Float64Array(0),
  lat: new Float64Array(0),
  landMu: new Float64Array(0),
  taxWanYuan: new Float64Array(0),
};

/** The summary of an evaluation of nothing, shown until the first answer. */
function emptySummary(): EvaluationSummary {
  return {
    year: null,
    years: [],
    benchmarks: { above: {}, below: {} },
    districts: [],
    recordsWithoutYear: 0,
    duplicateKeys: [],
    counts: { total: 0, scored: 0, unscored: 0, flagged: 0 },
  };
}

/** A view and the layer it is of. */
interface HeldView {
  layerId: string;
  view: EvaluationView;
}

export type SaveOutcome = 'saved' | 'storage-full' | null;

/** How loading the demo data went; `failed` carries the reason for the message. */
export type DemoOutcome =
  | { kind: 'loading' }
  | { kind: 'loaded' }
  | { kind: 'storage-full' }
  | { kind: 'failed'; detail: string };

/**
 * The demo layer's name: stored with the layer (so it reads the same in either language) and
 * saying in both that the data is invented.
 */
export const DEMO_LAYER_NAME = '示例数据 (synthetic) · 湖州企业 2022–2023';

/** The imported layers' map hook (src/map/imported-layers.layer.ts), as narrow as it is used. */
export interface RecordStateTarget {
  setRecordStates(
    layerId: string,
    states: ReadonlyMap<number, Record<string, string | number | boolean>>,
  ): void;
}

/**
 * The per-mu evaluation of the chosen layer. The records are read and evaluated in a worker
 * (src/workers/evaluation-session.ts); the page holds the view it answers with: the summary,
 * the table's first rows, and per enterprise its class, flag and position in typed arrays.
 */
export class EvaluationState {
  /** The imported layers, enterprise tables first. */
  readonly layers: LiveQuery<StoredImportedLayer[]>;
  /** The evaluated layer; null picks the first enterprise layer. */
  chosenLayerId = $state<string | null>(null);
  /** The evaluated year; null means the layer's latest. */
  year = $state<number | null>(null);
  /** The last view the worker answered with, and the layer it is of. */
  held = $state.raw<HeldView | null>(null);
  recordsError = $state.raw<unknown>(undefined);
  /** The settings form; edited in place by the UI. */
  draft = $state<EvaluationSettings>(structuredClone(DEFAULT_EVALUATION_SETTINGS));
  /** The settings as stored, as JSON, to tell whether the form has unsaved changes. */
  savedJson = $state(JSON.stringify(DEFAULT_EVALUATION_SETTINGS));
  saveOutcome = $state<SaveOutcome>(null);
  sortKey = $state<SortKey>('score');
  sortDescending = $state(true);
  demoOutcome = $state.raw<DemoOutcome | null>(null);

  readonly layerId: string | null;
  readonly layer: StoredImportedLayer | null;
  readonly validation: ReturnType<typeof validateEvaluationSettings>;
  /** The settings in use: the draft when valid, else the last valid settings. */
  readonly settings: EvaluationSettings;
  /** True once the chosen layer's evaluation has arrived (it may be of earlier settings). */
  readonly recordsLoaded: boolean;
  /** The evaluation's figures, roll-ups and counts (its rows are in `rows` and the worker). */
  readonly evaluation: EvaluationSummary;
  /** The table's first {@link TABLE_PAGE_SIZE} rows in the chosen order. */
  readonly rows: EvaluatedEnterprise[];
  /** Rows in the whole table. */
  readonly rowCount: number;
  readonly unsaved: boolean;
  /**
   * Per enterprise evaluated in the year: record index, class, flag, position, land and tax
   * as parallel typed arrays (see EvaluatedRecords), for the map and the zones' contents.
   */
  readonly evaluatedRecords: EvaluatedRecords;
  /** Class and flag per record index of the evaluated layer, for colouring the map. */
  readonly recordClasses: RecordClasses;
  /** Names and flag rules of the class-D and flagged enterprises, by record index. */
  readonly listed: ReadonlyMap<number, ListedEnterprise>;
  /** True when the evaluated layer is the synthetic demo, which every view must say. */
  readonly isDemo: boolean;
  /** The evaluated layer as the heatmap's measures read it; null without a layer. */
  readonly figures: EvaluatedLayerFigures | null;
  /** Geometries of the records flagged 高耗低效 in the evaluated year, for the map's rings. */
  readonly flaggedGeometries: Geometry[];

  readonly #layersRepo: ImportedLayersRepo;
  readonly #settingsRepo: SettingsRepo;
  readonly #engine: EvaluationEngine;
  #lastValid: EvaluationSettings = DEFAULT_EVALUATION_SETTINGS;
  #watchers = 0;
  #stopWatching: (() => void) | null = null;

  constructor(
    layersRepo: ImportedLayersRepo,
    settingsRepo: SettingsRepo,
    engine: EvaluationEngine,
  ) {
    this.#layersRepo = layersRepo;
    this.#settingsRepo = settingsRepo;
    this.#engine = engine;
    this.layers = new LiveQuery<StoredImportedLayer[]>(
      {
        subscribe: (observer) =>
          layersRepo.liveLayers().subscribe({
            next: (layers) =>
              observer.next(
                [...layers].sort(
                  (a, b) => Number(b.kind === 'enterprises') - Number(a.kind === 'enterprises'),
                ),
              ),
            error: (e) => observer.error(e),
          }),
      },
      [],
    );
    this.layerId = $derived.by(() => {
      const layers = this.layers.current;
      if (this.chosenLayerId && layers.some((l) => l.id === this.chosenLayerId)) {
        return this.chosenLayerId;
      }
      return layers[0]?.id ?? null;
    });
    this.layer = $derived(this.layers.current.find((l) => l.id === this.layerId) ?? null);
    this.validation = $derived(validateEvaluationSettings($state.snapshot(this.draft)));
    this.settings = $derived.by(() => {
      const validation = this.validation;
      if (validation.valid) this.#lastValid = validation.settings;
      return this.#lastValid;
    });
    const view = $derived(
      this.held !== null && this.held.layerId === this.layerId ? this.held.view : null,
    );
    this.recordsLoaded = $derived(view !== null || this.recordsError !== undefined);
    this.evaluation = $derived(view?.evaluation ?? emptySummary());
    this.rows = $derived(view?.rows ?? []);
    this.rowCount = $derived(view?.rowCount ?? 0);
    this.unsaved = $derived(JSON.stringify($state.snapshot(this.draft)) !== this.savedJson);
    this.evaluatedRecords = $derived(view?.records ?? EMPTY_RECORDS);
    this.recordClasses = $derived(new RecordClasses(this.evaluatedRecords));
    this.listed = $derived(view?.listed ?? new Map());
    this.figures = $derived(
      this.layer
        ? {
            layerName: this.layer.name,
            sourceFileName: this.layer.sourceFileName,
            recordCount: this.layer.recordCount,
            synthetic: isDemoLayer(this.layer),
            evaluation: view ? view.evaluation : null,
          }
        : null,
    );
    this.isDemo = $derived(this.layer !== null && isDemoLayer(this.layer));
    this.flaggedGeometries = $derived(view?.flaggedGeometries ?? []);
  }

  /** Reads the stored settings into the form; the preset when none are stored or they are invalid. */
  async loadSettings(): Promise<void> {
    const stored = settingsFromStored(await this.#settingsRepo.get(EVALUATION_SETTINGS_KEY));
    const settings = validateEvaluationSettings(stored).valid
      ? stored
      : structuredClone(DEFAULT_EVALUATION_SETTINGS);
    this.draft = settings;
    this.savedJson = JSON.stringify(settings);
  }

  /**
   * Keeps the evaluation current while anyone shows it: the worker evaluates the chosen layer
   * again whenever the layer (or its stored revision), the settings, the year or the order
   * change. Call from an `$effect`; returns its cleanup. Several callers share one follower.
   */
  watchRecords(): () => void {
    this.#watchers += 1;
    if (this.#watchers === 1) {
      this.#stopWatching = $effect.root(() => {
        $effect(() => void this.refresh());
      });
    }
    let stopped = false;
    return () => {
      if (stopped) return;
      stopped = true;
      this.#watchers -= 1;
      if (this.#watchers === 0) {
        this.#stopWatching?.();
        this.#stopWatching = null;
      }
    };
  }

  /**
   * Asks the worker to evaluate the chosen layer with the current settings, year and order, and
   * holds its answer (an answer a newer request overtook is dropped). `watchRecords` calls it
   * on every change; it reads those inputs, so inside an effect it re-runs with them.
   */
  async refresh(): Promise<void> {
    const layer = this.layer;
    if (!layer) {
      this.held = null;
      return;
    }
    const request = {
      layerId: layer.id,
      revision: layer.revision,
      settings: $state.snapshot(this.settings) as EvaluationSettings,
      year: this.year,
      sortKey: this.sortKey,
      descending: this.sortDescending,
      pageSize: TABLE_PAGE_SIZE,
    };
    try {
      const view = await this.#engine.evaluate(request);
      this.recordsError = undefined;
      this.held = { layerId: request.layerId, view };
    } catch (error) {
      if (error instanceof DOMException && error.name === 'AbortError') return;
      this.recordsError = error;
    }
  }

  /** Every row of the table in its order, read from the worker in pages (for the CSV). */
  async allRows(pageSize = 20_000): Promise<EvaluatedEnterprise[]> {
    const total = this.rowCount;
    const rows: EvaluatedEnterprise[] = [];
    for (let offset = 0; offset < total; offset += pageSize) {
      rows.push(...(await this.#engine.rows(offset, pageSize)));
    }
    return rows;
  }

  selectLayer(layerId: string): void {
    this.chosenLayerId = layerId;
    this.year = null;
  }

  /** Sorts by a column; the same column again flips the direction. */
  sortBy(key: SortKey): void {
    if (this.sortKey === key) this.sortDescending = !this.sortDescending;
    else {
      this.sortKey = key;
      this.sortDescending = key === 'score' || key === 'class' || key === 'flag';
    }
  }

  /** Stores the form's settings when they are valid; says whether the disk took them. */
  async save(): Promise<void> {
    const validation = this.validation;
    if (!validation.valid) return;
    const snapshot = $state.snapshot(this.draft);
    const result = await this.#settingsRepo.put(EVALUATION_SETTINGS_KEY, snapshot);
    if (result.ok) {
      this.savedJson = JSON.stringify(snapshot);
      this.saveOutcome = 'saved';
    } else this.saveOutcome = 'storage-full';
  }

  /** Puts the preset back in the form (stored once the user saves). */
  resetToPreset(): void {
    this.draft = structuredClone(DEFAULT_EVALUATION_SETTINGS);
    this.saveOutcome = null;
  }

  /**
   * Paints the evaluated layer's records on the map by class (grey without one; records of
   * other years too, so no colour from an earlier evaluation lingers) and stores `evalClass` and
   * `flagged` as feature state beside the colour, {@link PAINT_SLICE} records a task. Returns a
   * cancel for a paint overtaken by a newer one.
   */
  paintClasses(target: RecordStateTarget): () => void {
    const layerId = this.layerId;
    const count = this.layer?.recordCount ?? 0;
    if (layerId === null) return () => {};
    const { recordIndex, classCode, flag } = this.evaluatedRecords;
    const entryOf = new Int32Array(count).fill(-1);
    recordIndex.forEach((index, entry) => {
      if (index < count) entryOf[index] = entry;
    });
    return inSlices(count, (from, to) => {
      const states = new Map<number, Record<string, string | number | boolean>>();
      for (let index = from; index < to; index++) {
        const entry = entryOf[index] ?? -1;
        const evaluationClass = entry < 0 ? null : (CLASS_BY_CODE[classCode[entry] ?? 0] ?? null);
        states.set(index, {
          colour: evaluationClass ? EVALUATION_CLASS_COLOURS[evaluationClass] : UNCLASSED_COLOUR,
          evalClass: evaluationClass ?? '',
          flagged: entry >= 0 && flag[entry] === 1 ? 1 : 0,
        });
      }
      target.setRecordStates(layerId, states);
    });
  }

  /**
   * Takes the class colours off a layer's records `0 … count - 1` again (the layer's own colour,
   * no class, no flag), when the evaluation closes or moves to another layer; in slices like
   * {@link paintClasses}.
   */
  clearClasses(target: RecordStateTarget, layerId: string, count: number): () => void {
    const state = { colour: importedLayerColour(layerId), evalClass: '', flagged: 0 };
    return inSlices(count, (from, to) => {
      const states = new Map<number, typeof state>();
      for (let index = from; index < to; index++) states.set(index, state);
      target.setRecordStates(layerId, states);
    });
  }

  /**
   * Stores the synthetic demo (demo-dataset.ts) as an imported layer and evaluates it. The
   * outlines are Huzhou's districts the demo is placed in (public/data/districts.geojson).
   */
  async loadDemo(outlines: () => Promise<DistrictOutline[]>): Promise<void> {
    if (this.demoOutcome?.kind === 'loading') return;
    this.demoOutcome = { kind: 'loading' };
    try {
      const records = generateDemoRecords(await outlines());
      const result = await this.#layersRepo.commit(
        {
          name: DEMO_LAYER_NAME,
          kind: 'enterprises',
          sourceFileName: DEMO_SOURCE_FILE_NAME,
          importInfo: demoImportInfo(),
          records,
        },
        { enteredBy: DEMO_SOURCE_FILE_NAME },
      );
      if (result.ok) {
        this.selectLayer(result.layer.id);
        this.demoOutcome = { kind: 'loaded' };
      } else if (result.kind === 'storage-full') this.demoOutcome = { kind: 'storage-full' };
      else this.demoOutcome = { kind: 'failed', detail: result.reasons.join(', ') };
    } catch (error) {
      this.demoOutcome = { kind: 'failed', detail: String(error) };
    }
  }

  dispose(): void {
    this.#stopWatching?.();
    this.#stopWatching = null;
    this.#watchers = 0;
    this.#engine.dispose();
    this.layers.dispose();
  }
}

/**
 * Runs `slice` over `0 … count - 1` in slices of {@link PAINT_SLICE}: the first now, the others
 * a task apart. Returns a cancel.
 */
function inSlices(count: number, slice: (from: number, to: number) => void): () => void {
  let cancelled = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const run = (from: number) => {
    if (cancelled) return;
    slice(from, Math.min(from + PAINT_SLICE, count));
    if (from + PAINT_SLICE < count) timer = setTimeout(() => run(from + PAINT_SLICE));
  };
  run(0);
  return () => {
    cancelled = true;
    clearTimeout(timer);
  };
}
