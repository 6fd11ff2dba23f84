/**
 * The settings of a per-mu evaluation: weights, benchmarks, the ratio cap, how classes A–D are
 * cut, and the reading of the 高耗低效 rule. All editable; {@link DEFAULT_EVALUATION_SETTINGS}
 * is the preset a new user starts from, and {@link validateEvaluationSettings} says what is wrong
 * with an edited one before it is used or stored.
 */
import {
  ABOVE_SIZE_INDICATORS,
  BELOW_SIZE_INDICATORS,
  EVALUATION_INDICATORS,
  type AboveSizeIndicator,
  type BelowSizeIndicator,
  type EvaluationIndicator,
} from './per-mu-indicators.ts';

export type EvaluationClass = 'A' | 'B' | 'C' | 'D';
export const EVALUATION_CLASSES: readonly EvaluationClass[] = ['A', 'B', 'C', 'D'];

/** A benchmark: the median of the evaluated layer's own values that year, or a typed value. */
export type Benchmark = { kind: 'median' } | { kind: 'value'; value: number };

export interface EvaluationSettings {
  /** Weights in percent of the 规上 score; they sum to 100. Zero leaves an indicator out. */
  aboveSizeWeights: Record<AboveSizeIndicator, number>;
  /** Weights in percent of the 规下 score; they sum to 100. */
  belowSizeWeights: Record<BelowSizeIndicator, number>;
  /**
   * Benchmarks per size class: 规上 and 规下 per-mu tax live on different scales, so one typed
   * value for both would misjudge one of them.
   */
  aboveSizeBenchmarks: Record<AboveSizeIndicator, Benchmark>;
  belowSizeBenchmarks: Record<BelowSizeIndicator, Benchmark>;
  /**
   * Highest value ÷ benchmark one indicator may contribute. Default 2: an indicator far above
   * its benchmark (a tiny plot with a large tax bill gives huge per-mu ratios) can at most
   * double its weight, so one outlier figure cannot lift an enterprise that is weak on every
   * other indicator into class A. Ratios below zero (negative tax or value added) count as 0.
   */
  ratioCap: number;
  /** `share`: the best x % are A, …; `score`: fixed score cut-offs. */
  classMode: 'share' | 'score';
  /** Percent of scored enterprises (per size class and year) in A, B and C; D takes the rest. */
  classSharesPercent: Record<'A' | 'B' | 'C', number>;
  /** Lowest score of A, B and C; below the C cut-off is D. */
  classCutoffs: Record<'A' | 'B' | 'C', number>;
  highConsumption: HighConsumptionSettings;
}

/**
 * How the 高耗低效 definition in seed 003 (`003_bf8a38d02e4bdcc0.txt` line 138, 湖政办发〔2023〕22号
 * Annex 1, section 二(四)) is read. Its wording leaves two points open; both are settings.
 */
export interface HighConsumptionSettings {
  /**
   * A 规上 enterprise is flagged when its tax per mu is below this fraction of its industry's
   * average over the two years before. The rule's phrase can be read as "below 10 % of the
   * average" (0.1, the default: flags only the far tail, in scale with the city's 1,200
   * enterprises to rectify on line 138) or as "more than 10 % below the average" (0.9: every
   * enterprise under 90 % of the average, a large share of any industry, as per-mu tax is
   * skewed so that most enterprises sit below the mean).
   */
  aboveSizeFractionOfIndustryAverage: number;
  /**
   * Where no figures of the two years before exist for the industry: `none` leaves the rule
   * undecided; `same-year` compares with the evaluated year's industry average and says so.
   */
  industryAverageFallback: 'none' | 'same-year';
  /** 规下 tax per mu below this (万元/亩) two years running is flagged (line 138: 1 万元/亩). */
  belowSizeTaxPerMuFloor: number;
  /**
   * Whom "D class two years running" applies to. The sentence attaches it to 规下 enterprises
   * (`below-size`, default); `all` applies it to 规上 ones too.
   */
  dClassRuleScope: 'below-size' | 'all';
}

/**
 * The preset. Weights 30/20/20/10/10/10 (规上) and 50/50 (规下) are those of the published county
 * scheme issue 7 names; benchmarks default to the layer's medians; classes by share (A 20 %,
 * B 40 %, C 30 %, D 10 %) are MuAtlas's starting point, not a policy figure.
 */
export const DEFAULT_EVALUATION_SETTINGS: EvaluationSettings = {
  aboveSizeWeights: {
    taxPerMu: 30,
    valueAddedPerMu: 20,
    valueAddedPerEnergy: 20,
    valueAddedPerEmission: 10,
    labourProductivity: 10,
    rdShare: 10,
  },
  belowSizeWeights: { taxPerMu: 50, taxPerElectricity: 50 },
  aboveSizeBenchmarks: {
    taxPerMu: { kind: 'median' },
    valueAddedPerMu: { kind: 'median' },
    valueAddedPerEnergy: { kind: 'median' },
    valueAddedPerEmission: { kind: 'median' },
    labourProductivity: { kind: 'median' },
    rdShare: { kind: 'median' },
  },
  belowSizeBenchmarks: {
    taxPerMu: { kind: 'median' },
    taxPerElectricity: { kind: 'median' },
  },
  ratioCap: 2,
  classMode: 'share',
  classSharesPercent: { A: 20, B: 40, C: 30 },
  classCutoffs: { A: 120, B: 90, C: 60 },
  highConsumption: {
    aboveSizeFractionOfIndustryAverage: 0.1,
    industryAverageFallback: 'none',
    // 003_bf8a38d02e4bdcc0.txt line 138: 1 万元/亩 for 规下 enterprises.
    belowSizeTaxPerMuFloor: 1,
    dClassRuleScope: 'below-size',
  },
};

/** One thing wrong with a settings object; the UI words it from `code` and `params`. */
export interface SettingsProblem {
  /** Which setting: `aboveSizeWeights`, `belowSizeBenchmarks.taxPerMu`, `classCutoffs` … */
  path: string;
  code:
    | 'weights-sum'
    | 'weight-invalid'
    | 'benchmark-not-positive'
    | 'cap-too-small'
    | 'shares-invalid'
    | 'cutoffs-unordered'
    | 'fraction-invalid'
    | 'floor-invalid';
  params: Record<string, number | string>;
}

export type SettingsValidation =
  { valid: true; settings: EvaluationSettings } | { valid: false; problems: SettingsProblem[] };

const WEIGHT_SUM = 100;
/** Tolerance for weights typed with decimals (33.33 × 3). */
const SUM_TOLERANCE = 0.01;

function checkWeights(
  path: string,
  weights: Record<string, number>,
  ids: readonly string[],
  problems: SettingsProblem[],
): void {
  let sum = 0;
  let allValid = true;
  for (const id of ids) {
    const weight = weights[id];
    if (weight === undefined || !Number.isFinite(weight) || weight < 0) {
      problems.push({ path: `${path}.${id}`, code: 'weight-invalid', params: { indicator: id } });
      allValid = false;
    } else sum += weight;
  }
  if (allValid && Math.abs(sum - WEIGHT_SUM) > SUM_TOLERANCE) {
    problems.push({ path, code: 'weights-sum', params: { sum, expected: WEIGHT_SUM } });
  }
}

/**
 * Checks an edited settings object: weights are non-negative and sum to 100 per size class,
 * typed benchmarks are positive, the cap is at least 1, shares are non-negative and leave room
 * for D, cut-offs fall strictly from A to C, and the 高耗低效 thresholds are sensible.
 */
export function validateEvaluationSettings(settings: EvaluationSettings): SettingsValidation {
  const problems: SettingsProblem[] = [];
  checkWeights('aboveSizeWeights', settings.aboveSizeWeights, ABOVE_SIZE_INDICATORS, problems);
  checkWeights('belowSizeWeights', settings.belowSizeWeights, BELOW_SIZE_INDICATORS, problems);
  const benchmarkGroups: [string, Partial<Record<EvaluationIndicator, Benchmark>>][] = [
    ['aboveSizeBenchmarks', settings.aboveSizeBenchmarks],
    ['belowSizeBenchmarks', settings.belowSizeBenchmarks],
  ];
  for (const [path, benchmarks] of benchmarkGroups) {
    for (const indicator of EVALUATION_INDICATORS) {
      const benchmark = benchmarks[indicator];
      if (benchmark?.kind !== 'value') continue;
      if (!(Number.isFinite(benchmark.value) && benchmark.value > 0)) {
        problems.push({
          path: `${path}.${indicator}`,
          code: 'benchmark-not-positive',
          params: { indicator },
        });
      }
    }
  }
  if (!(Number.isFinite(settings.ratioCap) && settings.ratioCap >= 1)) {
    problems.push({ path: 'ratioCap', code: 'cap-too-small', params: { minimum: 1 } });
  }
  const shares = settings.classSharesPercent;
  const shareValues = [shares.A, shares.B, shares.C];
  const shareSum = shareValues.reduce((a, b) => a + b, 0);
  if (shareValues.some((s) => !Number.isFinite(s) || s < 0) || shareSum > WEIGHT_SUM) {
    problems.push({
      path: 'classSharesPercent',
      code: 'shares-invalid',
      params: { sum: shareSum },
    });
  }
  const cut = settings.classCutoffs;
  if (![cut.A, cut.B, cut.C].every(Number.isFinite) || !(cut.A > cut.B && cut.B > cut.C)) {
    problems.push({ path: 'classCutoffs', code: 'cutoffs-unordered', params: {} });
  }
  const fraction = settings.highConsumption.aboveSizeFractionOfIndustryAverage;
  if (!(Number.isFinite(fraction) && fraction > 0 && fraction <= 1)) {
    problems.push({
      path: 'highConsumption.aboveSizeFractionOfIndustryAverage',
      code: 'fraction-invalid',
      params: {},
    });
  }
  const floor = settings.highConsumption.belowSizeTaxPerMuFloor;
  if (!(Number.isFinite(floor) && floor >= 0)) {
    problems.push({
      path: 'highConsumption.belowSizeTaxPerMuFloor',
      code: 'floor-invalid',
      params: {},
    });
  }
  return problems.length === 0 ? { valid: true, settings } : { valid: false, problems };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Settings read back from storage, laid over the preset key by key: a stored object from an
 * older version that lacks a newer key still loads, and anything that is not settings-shaped
 * falls back to the preset. The caller validates the result.
 */
export function settingsFromStored(stored: unknown): EvaluationSettings {
  const base = DEFAULT_EVALUATION_SETTINGS;
  if (!isRecord(stored)) return structuredClone(base);
  const merged = structuredClone(base) as unknown as Record<string, unknown>;
  for (const [key, value] of Object.entries(base)) {
    const incoming = stored[key];
    if (incoming === undefined) continue;
    if (isRecord(value) && isRecord(incoming)) {
      merged[key] = { ...value, ...incoming };
    } else if (typeof incoming === typeof value) {
      merged[key] = incoming;
    }
  }
  return merged as unknown as EvaluationSettings;
}
