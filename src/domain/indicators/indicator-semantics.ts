/**
 * What each per-district indicator means for comparison: which direction is better, what kind
 * of figure it is (which decides how completion is computed), and whether a negative value is
 * possible. The seeds carry names, units and values but not these judgements, so they are
 * made here, one indicator at a time, with the reason where it is not obvious.
 */

/** Which direction of a value is the better performance. */
export type Polarity = 'higher-is-better' | 'lower-is-better';

/**
 * The kind of figure, which decides how a completion rate is computed (see completion.ts):
 * - `level`: a state at a point in time (亩均税收, a share of value added);
 * - `amount`: a quantity accumulated over the period (enterprises rectified, 亩 freed);
 * - `growth-rate`: a year-on-year growth in percent, which can be negative;
 * - `change-points`: a change of a share, in percentage points, which can be negative;
 * - `reduction-rate`: a cut in percent (能耗下降率); bigger cuts are better, and a negative
 *   value means the quantity rose.
 */
export type IndicatorKind = 'level' | 'amount' | 'growth-rate' | 'change-points' | 'reduction-rate';

export interface IndicatorSemantics {
  polarity: Polarity;
  kind: IndicatorKind;
  /** True when no valid figure can be below zero (a count, an area, a share). */
  nonNegative: boolean;
}

const level: IndicatorSemantics = {
  polarity: 'higher-is-better',
  kind: 'level',
  nonNegative: true,
};
const amount: IndicatorSemantics = {
  polarity: 'higher-is-better',
  kind: 'amount',
  nonNegative: true,
};
const growth: IndicatorSemantics = {
  polarity: 'higher-is-better',
  kind: 'growth-rate',
  nonNegative: false,
};

/**
 * Semantics of the indicators in seeds/huzhou-2023-district-targets.csv (湖政办发〔2023〕22号,
 * 附1, seed 003 lines 243–260), keyed by indicator_id.
 */
export const INDICATOR_SEMANTICS: Readonly<Record<string, IndicatorSemantics>> = {
  emerging_chains_revenue_share_increase: {
    polarity: 'higher-is-better',
    kind: 'change-points',
    nonNegative: false,
  },
  industrial_value_added_growth: growth,
  manufacturing_investment_growth: growth,
  digital_core_manufacturing_value_added_growth: growth,
  tax_per_mu: level,
  value_added_per_mu: level,
  labour_productivity: level,
  rd_expense_share: level,
  high_tech_value_added_share: level,
  high_value_patents_per_10k_people: level,
  zhejiang_made_standards: amount,
  pinzibiao_certified_enterprises: amount,
  inefficient_enterprises_rectified: amount,
  land_freed_mu: amount,
  energy_freed_10k_tce: amount,
  // A reduction rate of energy use per unit of GDP: the larger the cut, the better, although
  // energy intensity itself is a lower-is-better quantity.
  energy_intensity_reduction: {
    polarity: 'higher-is-better',
    kind: 'reduction-rate',
    nonNegative: false,
  },
};

/**
 * Used for an indicator the table above does not know yet: a higher-is-better level that may
 * be negative, the assumption that hides the least (no value is rejected as out of range).
 */
export const DEFAULT_SEMANTICS: IndicatorSemantics = {
  polarity: 'higher-is-better',
  kind: 'level',
  nonNegative: false,
};
