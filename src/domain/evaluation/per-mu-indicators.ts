/**
 * The per-mu benefit indicators (亩均效益 indicators) of one enterprise-year. Each is a ratio of
 * two imported figures; when either is missing, or the divisor is not positive, the indicator
 * has no value and says which input is to blame.
 */
import type { EnterpriseInputs, InputId } from './enterprise-inputs.ts';

/**
 * The six indicators of the above-size (规上) score, in the order of the default weights, and the
 * below-size (规下) pair.
 */
export const ABOVE_SIZE_INDICATORS = [
  'taxPerMu',
  'valueAddedPerMu',
  'valueAddedPerEnergy',
  'valueAddedPerEmission',
  'labourProductivity',
  'rdShare',
] as const;
export const BELOW_SIZE_INDICATORS = ['taxPerMu', 'taxPerElectricity'] as const;

export type AboveSizeIndicator = (typeof ABOVE_SIZE_INDICATORS)[number];
export type BelowSizeIndicator = (typeof BELOW_SIZE_INDICATORS)[number];
export type EvaluationIndicator = AboveSizeIndicator | BelowSizeIndicator;

export const EVALUATION_INDICATORS: readonly EvaluationIndicator[] = [
  ...ABOVE_SIZE_INDICATORS,
  'taxPerElectricity',
];

interface RatioSpec {
  numerator: InputId;
  denominator: InputId;
  /** Multiplier giving the unit in {@link INDICATOR_UNIT_ZH}. */
  factor: number;
}

const RATIOS: Readonly<Record<EvaluationIndicator, RatioSpec>> = {
  // 万元 ÷ 亩 = 万元/亩
  taxPerMu: { numerator: 'taxWanYuan', denominator: 'landAreaMu', factor: 1 },
  valueAddedPerMu: { numerator: 'valueAddedWanYuan', denominator: 'landAreaMu', factor: 1 },
  // 万元 ÷ 吨标煤 = 万元/吨标煤
  valueAddedPerEnergy: { numerator: 'valueAddedWanYuan', denominator: 'energyTce', factor: 1 },
  // 万元 ÷ 吨 (the file's pollutant equivalent) = 万元/吨
  valueAddedPerEmission: {
    numerator: 'valueAddedWanYuan',
    denominator: 'emissionsTonnes',
    factor: 1,
  },
  // 万元 ÷ 人 = 万元/人
  labourProductivity: { numerator: 'valueAddedWanYuan', denominator: 'employees', factor: 1 },
  // 万元 ÷ 万元 × 100 = %
  rdShare: { numerator: 'rdSpendingWanYuan', denominator: 'revenueWanYuan', factor: 100 },
  // 万元 × 10,000 ÷ kWh = 元/千瓦时
  taxPerElectricity: { numerator: 'taxWanYuan', denominator: 'electricityKwh', factor: 10_000 },
};

/** Each indicator's unit as written in Chinese tables (also used in CSV headers). */
export const INDICATOR_UNIT_ZH: Readonly<Record<EvaluationIndicator, string>> = {
  taxPerMu: '万元/亩',
  valueAddedPerMu: '万元/亩',
  valueAddedPerEnergy: '万元/吨标煤',
  valueAddedPerEmission: '万元/吨',
  labourProductivity: '万元/人',
  rdShare: '%',
  taxPerElectricity: '元/千瓦时',
};

/** The inputs an indicator is computed from. */
export function inputsOf(indicator: EvaluationIndicator): [InputId, InputId] {
  const spec = RATIOS[indicator];
  return [spec.numerator, spec.denominator];
}

/** Why an input cannot be used. */
export interface InputProblem {
  input: InputId;
  /** `missing`: no figure; `not-positive`: a divisor of zero or less. */
  kind: 'missing' | 'not-positive';
}

export type IndicatorResult = { value: number } | { value: null; problems: InputProblem[] };

/** One indicator of one enterprise-year. */
export function computeIndicator(
  inputs: EnterpriseInputs,
  indicator: EvaluationIndicator,
): IndicatorResult {
  const spec = RATIOS[indicator];
  const numerator = inputs.figures[spec.numerator];
  const denominator = inputs.figures[spec.denominator];
  const problems: InputProblem[] = [];
  if (numerator === null) problems.push({ input: spec.numerator, kind: 'missing' });
  if (denominator === null) problems.push({ input: spec.denominator, kind: 'missing' });
  else if (denominator <= 0) problems.push({ input: spec.denominator, kind: 'not-positive' });
  if (numerator === null || denominator === null || denominator <= 0) {
    return { value: null, problems };
  }
  return { value: (numerator / denominator) * spec.factor };
}

/** Every indicator that can be computed for the enterprise-year; absent keys could not be. */
export function computeIndicators(
  inputs: EnterpriseInputs,
): Partial<Record<EvaluationIndicator, number>> {
  const values: Partial<Record<EvaluationIndicator, number>> = {};
  for (const indicator of EVALUATION_INDICATORS) {
    const result = computeIndicator(inputs, indicator);
    if (result.value !== null) values[indicator] = result.value;
  }
  return values;
}
