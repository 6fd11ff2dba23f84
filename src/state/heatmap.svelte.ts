import districtTargetsCsv from '../../seeds/huzhou-2023-district-targets.csv?raw';
import datasetsCsv from '../../seeds/datasets.csv?raw';
import sourcesCsv from '../../seeds/sources.csv?raw';
import type { ClassificationMethod, DistrictValue } from '../domain/classification/classify.ts';
import {
  DEFAULT_HEATMAP_VIEW,
  parseHeatmapView,
  serializeHeatmapView,
  type HeatmapMode,
} from '../domain/heatmap-view.ts';
import { completionOf, type Completion } from '../domain/indicators/completion.ts';
import { buildHeatmapModel, type HeatmapModel } from '../domain/indicators/heatmap-model.ts';
import {
  buildIndicatorCatalogue,
  indicatorsForMap,
  type Indicator,
  type IndicatorCatalogue,
} from '../domain/indicators/indicator-catalogue.ts';
import type { MapMeasure, MeasureValue } from '../domain/indicators/map-measure.ts';
import type { BoardOrder, BoardRow } from '../domain/indicators/ranking.ts';
import { targetMeasures } from '../domain/indicators/target-measures.ts';
import { UNIT_DISPLAY, type UnitDisplay } from '../domain/indicators/unit-display.ts';
import { HUZHOU_DEV_ZONE_CODE } from '../domain/regions.ts';
import { parseSeedCsv } from '../domain/seeds/seed-csv.format.ts';
import { readDistrictTargets } from '../domain/seeds/seed-records.ts';
import type { ZoneProgressReport } from '../domain/zones/zone-progress.ts';
import {
  evaluationMeasures,
  isEvaluationMeasureId,
  type EvaluatedLayerFigures,
} from '../domain/evaluation/evaluation.measure.ts';
import {
  ZONES_LAND_PROGRESS_MEASURE_ID,
  zonesLandProgressMeasure,
} from '../domain/zones/zones-progress.measure.ts';
import type { AppState } from './app-state.svelte.ts';
import { scheduleUrlUpdate } from './url-writer.ts';

/** The year of Huzhou's per-district targets (湖政办发〔2023〕22号 附1). */
export const HUZHOU_TARGET_YEAR = 2023;

/** An actual value as the heatmap needs it; the actuals store provides these. */
export interface ActualFigure {
  value: number;
  enteredBy: string;
  enteredAt: string;
}

/** Where the heatmap reads planners' actual values from (the actuals store). */
export interface ActualsSource {
  valuesFor(indicatorId: string, year: number): ReadonlyMap<string, ActualFigure>;
}

/** Where the zones measure reads the drawn zones' progress from (the zones state). */
export interface ZonesProgressSource {
  readonly progress: ZoneProgressReport | null;
}

/** Where the evaluation measures read the evaluated imported layer from (the evaluation state). */
export interface EvaluatedLayerSource {
  readonly figures: EvaluatedLayerFigures | null;
  watchRecords(): () => void;
}

/** The evaluation measures' stand-in until the evaluation is opened: no layer name, no figures. */
const UNOPENED_EVALUATION: EvaluatedLayerFigures = {
  layerName: '',
  sourceFileName: '',
  recordCount: 0,
  synthetic: false,
  evaluation: null,
};

/** Everything a card or tooltip says about one district on the current figure. */
export interface DistrictFigure {
  districtCode: string;
  target: MeasureValue | null;
  actual: ActualFigure | null;
  completion: Completion | null;
  /** The figure the map shows for the district, in `unit`. */
  shown: number | null;
  row: BoardRow | null;
  rankedCount: number;
}

/** The Huzhou catalogue of per-district indicators, from the seeds shipped with the app. */
export function loadHuzhouCatalogue(): IndicatorCatalogue {
  return buildIndicatorCatalogue(readDistrictTargets(districtTargetsCsv), {
    sources: parseSeedCsv('sources.csv', sourcesCsv).table,
    datasets: parseSeedCsv('datasets.csv', datasetsCsv).table,
  });
}

const PERCENT_UNIT: UnitDisplay = UNIT_DISPLAY.percent;

/**
 * The planners' district heatmap: which figure is mapped, how it is classified and what the
 * map, legend, card and ranking board show. The URL carries the choice.
 */
export class HeatmapState {
  measureId = $state<string | null>(DEFAULT_HEATMAP_VIEW.measureId);
  mode = $state<HeatmapMode>(DEFAULT_HEATMAP_VIEW.mode);
  method = $state<ClassificationMethod>(DEFAULT_HEATMAP_VIEW.method);
  classCount = $state(DEFAULT_HEATMAP_VIEW.classCount);
  manualBreaks = $state.raw<number[]>(DEFAULT_HEATMAP_VIEW.manualBreaks);
  selectedDistrictCode = $state<string | null>(DEFAULT_HEATMAP_VIEW.selectedDistrictCode);
  order = $state<BoardOrder>('best-first');
  /**
   * How the shown figures were obtained, for titles: a plan target, an actual, a rate, a count,
   * the user's drawn zones against a target, or the user's imported data.
   */
  get figureKind(): HeatmapMode | 'profile' | 'zones' | 'imported' {
    const basis = this.measure?.basis;
    return basis === 'profile' || basis === 'zones' || basis === 'imported'
      ? basis
      : this.effectiveMode;
  }

  /** A district hovered in a list (the ranking board), shown outlined on the map. */
  listHoverDistrictCode = $state<string | null>(null);
  /** Planners' actual values; attached once the store has loaded. */
  actuals = $state.raw<ActualsSource | null>(null);
  /** The drawn zones' progress; loaded when the zones measure is first chosen (see startSync). */
  zones = $state.raw<ZonesProgressSource | null>(null);
  #zonesRequested = false;
  /** The evaluated imported layer; loaded when an evaluation measure is first chosen. */
  evaluated = $state.raw<EvaluatedLayerSource | null>(null);
  #evaluationRequested = false;

  /** The figures a planner can map in the region in view. */
  readonly measures: MapMeasure[];
  /** Indicators the region's plan lists without per-district numbers (待省下达…). */
  readonly notMappable: Indicator[];
  readonly measure: MapMeasure | null;
  /** The catalogue indicator behind a plan-target measure, for entering actuals. */
  readonly indicator: Indicator | null;
  /** Actuals and completion exist only for plan targets. */
  readonly modes: readonly HeatmapMode[];
  readonly effectiveMode: HeatmapMode;
  readonly #actualByDistrict: ReadonlyMap<string, ActualFigure>;
  /** The unit of the figures shown: completion is a percentage whatever the indicator. */
  readonly unit: UnitDisplay | null;
  /** Districts in the heatmap: the measure's, without the 2017 plan's development zone. */
  readonly #districts: MeasureValue[];
  readonly figures: DistrictFigure[];
  /**
   * The city-wide figure districts are compared with, in the shown unit; completion is
   * measured against 100%. None for amounts (亩 freed, enterprises rectified): the city's
   * figure is their sum, not a level a district can be above or below.
   */
  readonly cityValue: number | null;
  /** The city's total of an amount, shown beside the legend. */
  readonly cityTotal: number | null;
  readonly model: HeatmapModel | null;

  readonly #app: AppState;
  readonly #catalogue: IndicatorCatalogue;

  /** The Huzhou catalogue the measures come from. */
  get catalogue(): IndicatorCatalogue {
    return this.#catalogue;
  }
  readonly #profileMeasures: () => MapMeasure[];

  constructor(
    app: AppState,
    search: string,
    options: {
      catalogue: IndicatorCatalogue;
      actuals?: ActualsSource;
      profileMeasures?: () => MapMeasure[];
    },
  ) {
    this.#app = app;
    this.#catalogue = options.catalogue;
    this.actuals = options.actuals ?? null;
    this.#profileMeasures = options.profileMeasures ?? (() => []);
    this.measures = $derived.by(() => {
      if (this.#app.region !== 'huzhou') return this.#profileMeasures();
      const code = this.#app.city.code;
      const zones = zonesLandProgressMeasure(
        this.#catalogue,
        this.zones?.progress ?? null,
        code,
        HUZHOU_TARGET_YEAR,
      );
      const targets = targetMeasures(this.#catalogue, code, HUZHOU_TARGET_YEAR);
      const evaluated = evaluationMeasures(
        this.#catalogue,
        this.evaluated ? this.evaluated.figures : UNOPENED_EVALUATION,
        code,
        HUZHOU_TARGET_YEAR,
      );
      return [...targets, ...(zones ? [zones] : []), ...evaluated];
    });
    this.notMappable = $derived(
      this.#app.region === 'huzhou'
        ? indicatorsForMap(
            this.#catalogue,
            this.#app.city.code,
            HUZHOU_TARGET_YEAR,
          ).notMappable.map((n) => n.indicator)
        : [],
    );
    this.measure = $derived(this.measures.find((m) => m.id === this.measureId) ?? null);
    this.indicator = $derived(
      this.measure?.basis === 'target'
        ? (this.#catalogue.indicators.find((i) => i.id === this.measure?.id) ?? null)
        : null,
    );
    this.modes = $derived(
      this.measure?.basis === 'target' ? ['target', 'actual', 'completion'] : ['target'],
    );
    this.effectiveMode = $derived(this.modes.includes(this.mode) ? this.mode : 'target');
    this.#actualByDistrict = $derived.by(() => {
      const measure = this.measure;
      if (!measure || measure.year === null || !this.actuals) return new Map();
      return this.actuals.valuesFor(measure.id, measure.year);
    });
    this.unit = $derived(
      this.measure
        ? this.effectiveMode === 'completion'
          ? PERCENT_UNIT
          : this.measure.unit
        : null,
    );
    this.#districts = $derived(
      (this.measure?.districts ?? []).filter((d) => d.districtCode !== HUZHOU_DEV_ZONE_CODE),
    );
    this.figures = $derived.by(() => {
      const measure = this.measure;
      if (!measure) return [];
      return this.#districts.map((target) => {
        const actual = this.#actualByDistrict.get(target.districtCode) ?? null;
        const completion =
          measure.basis === 'target'
            ? completionOf(actual?.value ?? null, target.value, {
                polarity: measure.polarity,
                kind: measure.kind,
                nonNegative: true,
              })
            : null;
        const shown =
          this.effectiveMode === 'target'
            ? target.value
            : this.effectiveMode === 'actual'
              ? (actual?.value ?? null)
              : completion?.rated
                ? completion.rate * 100
                : null;
        return {
          districtCode: target.districtCode,
          target,
          actual,
          completion,
          shown,
          row: null,
          rankedCount: 0,
        };
      });
    });
    this.cityValue = $derived.by(() => {
      if (this.effectiveMode === 'completion') return 100;
      if (this.effectiveMode !== 'target' || this.measure?.kind === 'amount') return null;
      return this.measure?.city?.value ?? null;
    });
    this.cityTotal = $derived(
      this.effectiveMode === 'target' && this.measure?.kind === 'amount'
        ? (this.measure.city?.value ?? null)
        : null,
    );
    this.model = $derived.by(() => {
      const measure = this.measure;
      if (!measure) return null;
      const values: DistrictValue[] = this.figures.map((f) => ({
        districtCode: f.districtCode,
        value: f.shown,
      }));
      return buildHeatmapModel({
        values,
        polarity: this.effectiveMode === 'completion' ? 'higher-is-better' : measure.polarity,
        cityValue: this.cityValue,
        method: this.method,
        classCount: this.classCount,
        manualBreaks: this.manualBreaks,
        order: this.order,
      });
    });
    const view = parseHeatmapView(search);
    this.measureId = view.measureId;
    this.mode = view.mode;
    this.method = view.method;
    this.classCount = view.classCount;
    this.manualBreaks = view.manualBreaks;
    this.selectedDistrictCode = view.selectedDistrictCode;
  }

  /** What a card says about one district. */
  figureOf(districtCode: string): DistrictFigure | null {
    const figure = this.figures.find((f) => f.districtCode === districtCode);
    if (!figure) return null;
    const board = this.model?.board ?? [];
    return {
      ...figure,
      row: board.find((r) => r.districtCode === districtCode) ?? null,
      rankedCount: board.filter((r) => r.rank !== null).length,
    };
  }

  selectMeasure(id: string | null): void {
    this.measureId = id;
  }

  /** Takes the heatmap choice a query string describes (see `AppState.applyQuery`). */
  applyQuery(search: string): void {
    const view = parseHeatmapView(search);
    this.measureId = view.measureId;
    this.mode = view.mode;
    this.method = view.method;
    this.classCount = view.classCount;
    this.manualBreaks = view.manualBreaks;
    this.selectedDistrictCode = view.selectedDistrictCode;
  }

  /**
   * Keeps the URL in step, and opens the drawn zones the first time their measure is chosen
   * (their database and geometry code stay out of the first load; the state is the page's one,
   * shared with the zones tab, so a zone saved there moves the map at once); returns the cleanup.
   */
  startSync(): () => void {
    return $effect.root(() => {
      $effect(() => {
        if (this.measureId !== ZONES_LAND_PROGRESS_MEASURE_ID || this.#zonesRequested) return;
        this.#zonesRequested = true;
        void import('./zones-loader.ts')
          .then((m) => m.loadZonesState())
          .then(
            (zones) => (this.zones = zones),
            () => (this.#zonesRequested = false),
          );
      });
      $effect(() => {
        if (!isEvaluationMeasureId(this.measureId) || this.#evaluationRequested) return;
        this.#evaluationRequested = true;
        void import('./evaluation-loader.ts')
          .then((m) => m.loadEvaluationState())
          .then(
            (evaluated) => (this.evaluated = evaluated),
            () => (this.#evaluationRequested = false),
          );
      });
      $effect(() => this.evaluated?.watchRecords());
      $effect(() => {
        const view = {
          measureId: this.measureId,
          mode: this.mode,
          method: this.method,
          classCount: this.classCount,
          manualBreaks: this.manualBreaks,
          selectedDistrictCode: this.selectedDistrictCode,
        };
        scheduleUrlUpdate('heatmap', (search) => serializeHeatmapView(view, search));
      });
    });
  }
}
