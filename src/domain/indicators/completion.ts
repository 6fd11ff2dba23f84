/**
 * Completion rate (完成率) of an actual figure against its target.
 *
 * The formula, by polarity (the kind decides which values are admissible, see below):
 * - higher-is-better: rate = actual / target. Needs target > 0. Applies to levels (亩均税收),
 *   amounts (亩 freed, enterprises rectified), growth rates, percentage-point changes and
 *   reduction rates (能耗下降率) alike. For the three rate kinds the actual may be negative
 *   (output shrank, energy intensity rose); the rate is then negative, read as "moved the
 *   wrong way", and is not clamped.
 * - lower-is-better: rate = target / actual, so beating a ceiling gives a rate above 1 as it
 *   does for higher-is-better. Needs target > 0 and actual > 0; an actual of 0 or below has
 *   met any positive ceiling but has no finite rate.
 *
 * A ratio of two growth rates magnifies small misses (7% planned, 3.5% reached reads as 50%),
 * so every result also carries the plain difference to the target, in the indicator's unit
 * (percentage points for rates), which is often the better headline for those kinds.
 *
 * Whether the target is met never needs a rate: actual ≥ target for higher-is-better,
 * actual ≤ target for lower-is-better.
 */
import type { IndicatorSemantics } from './indicator-semantics.ts';

/** Why no completion rate can be given; the UI words each code. */
export type NoRateReason =
  /** No numeric target (blank seed cell, e.g. 待省下达任务指标后再分解). */
  | 'no-target'
  /** No actual figure entered yet. */
  | 'no-actual'
  /** A target of 0 cannot be divided by. */
  | 'target-zero'
  /** A target below 0 (a planned fall) has no proportional reading. */
  | 'target-negative'
  /** Lower-is-better with an actual of 0 or below: the ceiling is met, the ratio is infinite. */
  | 'actual-not-positive'
  /** A negative actual for an indicator that cannot be negative (a count, an area, a share). */
  | 'actual-out-of-range';

export type CompletionFormula = 'actual/target' | 'target/actual';

export type Completion =
  | {
      rated: true;
      /** 1 = exactly on target; above 1 = beyond it. */
      rate: number;
      formula: CompletionFormula;
      met: boolean;
      /** actual − target, in the indicator's unit. */
      differenceToTarget: number;
    }
  | {
      rated: false;
      reason: NoRateReason;
      /** Null when there is nothing to compare (no target, no actual, or an invalid actual). */
      met: boolean | null;
      differenceToTarget: number | null;
    };

function finiteOrNull(x: number | null | undefined): number | null {
  return x === null || x === undefined || !Number.isFinite(x) ? null : x;
}

/**
 * The completion of `actual` against `target` for an indicator with the given semantics
 * (from the catalogue), following the formulas in this module's header.
 */
export function completionOf(
  actual: number | null | undefined,
  target: number | null | undefined,
  semantics: IndicatorSemantics,
): Completion {
  const a = finiteOrNull(actual);
  const t = finiteOrNull(target);
  if (t === null) return { rated: false, reason: 'no-target', met: null, differenceToTarget: null };
  if (a === null) return { rated: false, reason: 'no-actual', met: null, differenceToTarget: null };
  if (semantics.nonNegative && a < 0) {
    return { rated: false, reason: 'actual-out-of-range', met: null, differenceToTarget: null };
  }
  const higher = semantics.polarity === 'higher-is-better';
  const met = higher ? a >= t : a <= t;
  const differenceToTarget = a - t;
  const unrated = (reason: NoRateReason): Completion => ({
    rated: false,
    reason,
    met,
    differenceToTarget,
  });
  if (t === 0) return unrated('target-zero');
  if (t < 0) return unrated('target-negative');
  if (higher) {
    return { rated: true, rate: a / t, formula: 'actual/target', met, differenceToTarget };
  }
  if (a <= 0) return unrated('actual-not-positive');
  return { rated: true, rate: t / a, formula: 'target/actual', met, differenceToTarget };
}
