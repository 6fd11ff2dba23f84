/**
 * The per-mu benefit score (亩均效益综合评价) of one year's enterprises and their classes A–D.
 *
 * 规上 and 规下 enterprises are scored on different indicators, so each size class gets its own
 * benchmarks (medians are taken within the size class and year) and its own ranking; a score is
 * Σ weight × min(value ÷ benchmark, cap), so an enterprise exactly at every benchmark scores
 * 100. An enterprise missing any input a weighted indicator needs gets no score and no class,
 * and the result lists what was missing.
 */
import type { EnterpriseInputs, MissingInputId, SizeClass } from './enterprise-inputs.ts';
import type { Benchmark, EvaluationClass, EvaluationSettings } from './evaluation-settings.ts';
import {
  ABOVE_SIZE_INDICATORS,
  BELOW_SIZE_INDICATORS,
  computeIndicator,
  computeIndicators,
  type EvaluationIndicator,
  type InputProblem,
} from './per-mu-indicators.ts';

/** Why an enterprise has no score. */
export type Unscored =
  | { reason: 'size-class-missing' }
  | { reason: 'inputs'; problems: InputProblem[] }
  | { reason: 'benchmark-unavailable'; indicators: EvaluationIndicator[] };

export interface ScoredEnterprise {
  inputs: EnterpriseInputs;
  /** Every indicator that could be computed, weighted or not. */
  indicators: Partial<Record<EvaluationIndicator, number>>;
  score: number | null;
  evaluationClass: EvaluationClass | null;
  /** Set exactly when `score` is null. */
  unscored: Unscored | null;
}

/** The benchmark each indicator was scored against, per size class; null when none exists. */
export type ResolvedBenchmarks = Record<
  SizeClass,
  Partial<Record<EvaluationIndicator, number | null>>
>;

export interface YearScores {
  enterprises: ScoredEnterprise[];
  benchmarks: ResolvedBenchmarks;
}

/** The median of the values (mean of the middle two for an even count); null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  // A typed array sorts numerically without a comparator call per pair: 100,000 values sort
  // several times faster, and a layer needs a median per indicator and size class.
  const sorted = Float64Array.from(values).sort();
  const middle = Math.floor(sorted.length / 2);
  const upper = sorted[middle] as number;
  return sorted.length % 2 === 1 ? upper : ((sorted[middle - 1] as number) + upper) / 2;
}

function weightedIndicators(
  sizeClass: SizeClass,
  settings: EvaluationSettings,
): { indicator: EvaluationIndicator; weight: number }[] {
  const weights: Partial<Record<EvaluationIndicator, number>> =
    sizeClass === 'above' ? settings.aboveSizeWeights : settings.belowSizeWeights;
  const ids = sizeClass === 'above' ? ABOVE_SIZE_INDICATORS : BELOW_SIZE_INDICATORS;
  return ids
    .map((indicator) => ({ indicator, weight: weights[indicator] ?? 0 }))
    .filter((w) => w.weight > 0);
}

/**
 * A benchmark for each weighted indicator of a size class: the typed value, or the median of
 * the indicator over that size class's enterprises. A median of zero or less cannot divide a
 * score and counts as unavailable.
 */
function resolveBenchmarks(
  rows: readonly ScoredEnterprise[],
  sizeClass: SizeClass,
  settings: EvaluationSettings,
): Partial<Record<EvaluationIndicator, number | null>> {
  const resolved: Partial<Record<EvaluationIndicator, number | null>> = {};
  for (const { indicator } of weightedIndicators(sizeClass, settings)) {
    const benchmarks: Partial<Record<EvaluationIndicator, Benchmark>> =
      sizeClass === 'above' ? settings.aboveSizeBenchmarks : settings.belowSizeBenchmarks;
    const benchmark = benchmarks[indicator] ?? { kind: 'median' };
    if (benchmark.kind === 'value') {
      resolved[indicator] = benchmark.value;
      continue;
    }
    const values = rows
      .filter((r) => r.inputs.sizeClass === sizeClass)
      .map((r) => r.indicators[indicator])
      .filter((v): v is number => v !== undefined);
    const m = median(values);
    resolved[indicator] = m !== null && m > 0 ? m : null;
  }
  return resolved;
}

function scoreOne(
  row: ScoredEnterprise,
  settings: EvaluationSettings,
  benchmarks: ResolvedBenchmarks,
): Pick<ScoredEnterprise, 'score' | 'unscored'> {
  const sizeClass = row.inputs.sizeClass;
  if (sizeClass === null) return { score: null, unscored: { reason: 'size-class-missing' } };
  const weighted = weightedIndicators(sizeClass, settings);
  const problems: InputProblem[] = [];
  for (const { indicator } of weighted) {
    if (row.indicators[indicator] !== undefined) continue;
    const result = computeIndicator(row.inputs, indicator);
    if (result.value === null) {
      for (const p of result.problems) {
        if (!problems.some((q) => q.input === p.input)) problems.push(p);
      }
    }
  }
  if (problems.length > 0) return { score: null, unscored: { reason: 'inputs', problems } };
  const lacking = weighted
    .filter(({ indicator }) => (benchmarks[sizeClass][indicator] ?? null) === null)
    .map((w) => w.indicator);
  if (lacking.length > 0) {
    return { score: null, unscored: { reason: 'benchmark-unavailable', indicators: lacking } };
  }
  let score = 0;
  for (const { indicator, weight } of weighted) {
    const value = row.indicators[indicator] as number;
    const benchmark = benchmarks[sizeClass][indicator] as number;
    score += weight * Math.min(Math.max(value / benchmark, 0), settings.ratioCap);
  }
  return { score, unscored: null };
}

/**
 * Classes by score: by cut-offs, or by share of the ranking. In share mode an enterprise's place
 * is the fraction of its group scoring strictly higher, so equal scores always share a class.
 */
function classify(scores: readonly number[], settings: EvaluationSettings): EvaluationClass[] {
  if (settings.classMode === 'score') {
    const cut = settings.classCutoffs;
    return scores.map((s) => (s >= cut.A ? 'A' : s >= cut.B ? 'B' : s >= cut.C ? 'C' : 'D'));
  }
  const shares = settings.classSharesPercent;
  // Cumulative percentages compared as `higher × 100 < percent × n`, in whole numbers for whole
  // percentages, so 20 + 40 + 30 does not become 0.9000000000000001 and misplace a boundary.
  const limitA = shares.A;
  const limitB = limitA + shares.B;
  const limitC = limitB + shares.C;
  const n = scores.length;
  const ascending = Float64Array.from(scores).sort();
  return scores.map((s) => {
    const higher100 = countAbove(ascending, s) * 100;
    return higher100 < limitA * n
      ? 'A'
      : higher100 < limitB * n
        ? 'B'
        : higher100 < limitC * n
          ? 'C'
          : 'D';
  });
}

/** How many values of an ascending array are strictly above `value` (binary search). */
function countAbove(ascending: Float64Array, value: number): number {
  let low = 0;
  let high = ascending.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((ascending[middle] as number) <= value) low = middle + 1;
    else high = middle;
  }
  return ascending.length - low;
}

/** What the missing-input list shows for an unscored enterprise. */
export function missingInputsOf(row: ScoredEnterprise): MissingInputId[] {
  const unscored = row.unscored;
  if (unscored === null) return [];
  if (unscored.reason === 'size-class-missing') return ['sizeClass'];
  if (unscored.reason === 'inputs') return unscored.problems.map((p) => p.input);
  return [];
}

/** Scores and classes for the enterprise-years of one year. */
export function scoreYear(
  inputs: readonly EnterpriseInputs[],
  settings: EvaluationSettings,
): YearScores {
  const rows: ScoredEnterprise[] = inputs.map((i) => ({
    inputs: i,
    indicators: computeIndicators(i),
    score: null,
    evaluationClass: null,
    unscored: null,
  }));
  const benchmarks: ResolvedBenchmarks = {
    above: resolveBenchmarks(rows, 'above', settings),
    below: resolveBenchmarks(rows, 'below', settings),
  };
  for (const row of rows) Object.assign(row, scoreOne(row, settings, benchmarks));
  for (const sizeClass of ['above', 'below'] as const) {
    const group = rows.filter((r) => r.inputs.sizeClass === sizeClass && r.score !== null);
    const classes = classify(
      group.map((r) => r.score as number),
      settings,
    );
    group.forEach((row, i) => {
      row.evaluationClass = classes[i] ?? null;
    });
  }
  return { enterprises: rows, benchmarks };
}
