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
import { fromRecord } from '../domain/evaluation/enterprise-inputs.ts';
import { evaluateLayer, type EvaluatedEnterprise } from '../domain/evaluation/evaluate-layer.ts';
import {
  DEFAULT_EVALUATION_SETTINGS,
  settingsFromStored,
  validateEvaluationSettings,
  type EvaluationClass,
  type EvaluationSettings,
} from '../domain/evaluation/evaluation-settings.ts';
import type { EvaluatedLayerFigures } from '../domain/evaluation/evaluation.measure.ts';
import type { EvaluationIndicator } from '../domain/evaluation/per-mu-indicators.ts';
import type { ImportedRecord } from '../domain/imports/imported-layer.ts';
import type { DistrictOutline } from '../domain/places/placement.ts';
import { importedLayerColour } from '../map/imported-layers.layer.ts';
import type { StoredImportedLayer } from '../persistence/db.ts';
import type { ImportedLayersRepo } from '../persistence/imported-layers.repo.ts';
import { LiveQuery, subscribeLive } from '../persistence/live-query.svelte.ts';
import type { SettingsRepo } from '../persistence/settings.repo.ts';

/** The settings row the evaluation stores its settings under. */
export const EVALUATION_SETTINGS_KEY = 'evaluation';

export type SortKey =
  'name' | 'district' | 'size' | 'score' | 'class' | 'flag' | EvaluationIndicator;

/** What the map needs to colour an enterprise point. */
export interface RecordClass {
  evaluationClass: EvaluationClass | null;
  flagged: boolean | null;
}

const FLAG_ORDER = (f: boolean | null): number => (f === true ? 2 : f === null ? 1 : 0);
const CLASS_ORDER: Record<EvaluationClass, number> = { A: 4, B: 3, C: 2, D: 1 };

/** The sortable value of a row; null sorts last in either direction. */
function sortValue(row: EvaluatedEnterprise, key: SortKey): string | number | null {
  switch (key) {
    case 'name':
      return row.inputs.name || null;
    case 'district':
      return row.inputs.districtCode;
    case 'size':
      return row.inputs.sizeClass;
    case 'score':
      return row.score;
    case 'class':
      return row.evaluationClass === null ? null : CLASS_ORDER[row.evaluationClass];
    case 'flag':
      return FLAG_ORDER(row.flag.flagged);
    default:
      return row.indicators[key] ?? null;
  }
}

/** Rows sorted by a column, nulls last, ties kept in file order. */
export function sortRows(
  rows: readonly EvaluatedEnterprise[],
  key: SortKey,
  descending: boolean,
): EvaluatedEnterprise[] {
  const direction = descending ? -1 : 1;
  return [...rows].sort((a, b) => {
    const va = sortValue(a, key);
    const vb = sortValue(b, key);
    if (va === null || vb === null) {
      return va === vb ? a.inputs.recordIndex - b.inputs.recordIndex : va === null ? 1 : -1;
    }
    const order =
      typeof va === 'number' && typeof vb === 'number'
        ? va - vb
        : String(va).localeCompare(String(vb), 'zh-CN');
    return order !== 0 ? order * direction : a.inputs.recordIndex - b.inputs.recordIndex;
  });
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

export class EvaluationState {
  /** The imported layers, enterprise tables first. */
  readonly layers: LiveQuery<StoredImportedLayer[]>;
  /** The evaluated layer; null picks the first enterprise layer. */
  chosenLayerId = $state<string | null>(null);
  /** The evaluated year; null means the layer's latest. */
  year = $state<number | null>(null);
  records = $state.raw<ImportedRecord[]>([]);
  recordsLoaded = $state(false);
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
  readonly evaluation: ReturnType<typeof evaluateLayer>;
  readonly rows: EvaluatedEnterprise[];
  readonly unsaved: boolean;
  /** Class and flag per record index of the evaluated layer, for colouring the map. */
  readonly recordClasses: ReadonlyMap<number, RecordClass>;
  /** True when the evaluated layer is the synthetic demo, which every view must say. */
  readonly isDemo: boolean;
  /** The evaluated layer as the heatmap's measures read it; null without a layer. */
  readonly figures: EvaluatedLayerFigures | null;
  /** Geometries of the records flagged 高耗低效 in the evaluated year, for the map's rings. */
  readonly flaggedGeometries: Geometry[];

  readonly #layersRepo: ImportedLayersRepo;
  readonly #settingsRepo: SettingsRepo;
  #lastValid: EvaluationSettings = DEFAULT_EVALUATION_SETTINGS;

  constructor(layersRepo: ImportedLayersRepo, settingsRepo: SettingsRepo) {
    this.#layersRepo = layersRepo;
    this.#settingsRepo = settingsRepo;
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
    const inputs = $derived(this.records.map(fromRecord));
    this.evaluation = $derived(evaluateLayer(inputs, this.settings, this.year));
    this.rows = $derived(sortRows(this.evaluation.enterprises, this.sortKey, this.sortDescending));
    this.unsaved = $derived(JSON.stringify($state.snapshot(this.draft)) !== this.savedJson);
    this.recordClasses = $derived(
      new Map(
        this.evaluation.enterprises.map((e) => [
          e.inputs.recordIndex,
          { evaluationClass: e.evaluationClass, flagged: e.flag.flagged },
        ]),
      ),
    );
    this.figures = $derived(
      this.layer
        ? {
            layerName: this.layer.name,
            sourceFileName: this.layer.sourceFileName,
            recordCount: this.layer.recordCount,
            synthetic: isDemoLayer(this.layer),
            evaluation: this.recordsLoaded ? this.evaluation : null,
          }
        : null,
    );
    this.isDemo = $derived(this.layer !== null && isDemoLayer(this.layer));
    this.flaggedGeometries = $derived.by(() => {
      const flagged = new Set(
        this.evaluation.enterprises
          .filter((e) => e.flag.flagged === true)
          .map((e) => e.inputs.recordIndex),
      );
      return this.records.flatMap((r) => (r.geometry && flagged.has(r.index) ? [r.geometry] : []));
    });
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
   * Follows the evaluated layer's records (live: a re-import or another tab's change shows at
   * once). Call from an `$effect`; it re-runs when the layer changes and returns its cleanup.
   */
  watchRecords(): () => void {
    const layerId = this.layerId;
    this.recordsLoaded = false;
    this.recordsError = undefined;
    if (layerId === null) {
      this.records = [];
      return () => {};
    }
    return subscribeLive(
      this.#layersRepo.liveRecords(layerId),
      (records) => {
        this.records = records;
        this.recordsLoaded = true;
      },
      (error) => {
        this.recordsError = error;
        this.recordsLoaded = true;
      },
    );
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
   * `flagged` as feature state beside the colour.
   */
  paintClasses(target: RecordStateTarget): void {
    const layerId = this.layerId;
    if (layerId === null) return;
    const classes = this.recordClasses;
    const states = new Map(
      this.records.map((record) => {
        const c = classes.get(record.index);
        const evaluationClass = c?.evaluationClass ?? null;
        return [
          record.index,
          {
            colour: evaluationClass ? EVALUATION_CLASS_COLOURS[evaluationClass] : UNCLASSED_COLOUR,
            evalClass: evaluationClass ?? '',
            flagged: c?.flagged === true ? 1 : 0,
          },
        ];
      }),
    );
    target.setRecordStates(layerId, states);
  }

  /**
   * Takes the class colours off a layer's records again (the layer's own colour, no class, no
   * flag), when the evaluation closes or moves to another layer.
   */
  clearClasses(target: RecordStateTarget, layerId: string, indices: Iterable<number>): void {
    const state = { colour: importedLayerColour(layerId), evalClass: '', flagged: 0 };
    target.setRecordStates(layerId, new Map([...indices].map((index) => [index, state])));
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
    this.layers.dispose();
  }
}
